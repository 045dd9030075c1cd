package gemm

import "github.com/gocurve/gocurve/internal/cpufeat"

// dot4x3 sets c[i·ldc+j] += Σ_{t<k} a[i·lda+t]·b[j·ldb+t] for i < 4, j < 3
// (AVX2 and FMA); k must be a positive multiple of 4.
//
//go:noescape
func dot4x3(k int, a *float64, lda int, b *float64, ldb int, c *float64, ldc int)

// dot4x4z sets c[i·ldc+j] += Σ_{t<k} a[i·lda+t]·b[j·ldb+t] for i, j < 4
// (AVX-512F and VL); k must be a positive multiple of 8.
//
//go:noescape
func dot4x4z(k int, a *float64, lda int, b *float64, ldb int, c *float64, ldc int)

// hasAVX2FMA and hasAVX512 select the kernels.
var hasAVX2FMA, hasAVX512 = cpufeat.AVX2FMA, cpufeat.AVX512
