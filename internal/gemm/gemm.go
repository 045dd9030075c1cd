// Package gemm is a matrix product for the shapes gocurve's libraries
// multiply most: C = A·Bᵀ, row-major, with a register-blocked FMA kernel on
// amd64 (AVX2, or AVX-512 where present).
package gemm

import (
	"runtime"
	"sync"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/floats"
)

// NT sets c = a·bᵀ + beta·c for beta 0 or 1: a is m×k, b is n×k, c is
// m×n, all row-major. Every large product of lib/nn's forward, backward and
// R passes has this form. Hand-written for amd64 with AVX2: gonum's pure-Go
// Dgemm computes it with SSE2 dot products at a third of the speed of a
// register-blocked FMA kernel; elsewhere, and for small products, it is
// gonum's Dgemm.
func NT(a, b, c blas64.General, beta float64) {
	m, n, k := a.Rows, b.Rows, a.Cols
	if !hasAVX2FMA || k < 32 || m*n*k < 1<<16 {
		blas64.Gemm(blas.NoTrans, blas.Trans, 1, a, b, beta, c)
		return
	}
	if beta == 0 {
		for i := range m {
			clear(c.Data[i*c.Stride : i*c.Stride+n])
		}
	}
	rows := gemmNTRows
	if hasAVX512 {
		rows = gemmNTRows512
	}
	procs := runtime.GOMAXPROCS(0)
	if procs == 1 || m*n*k < 1<<22 {
		rows(a, b, c, 0, m)
		return
	}
	var wg sync.WaitGroup
	if m >= 64*procs { // split the rows of a (and c)
		step := (m/procs + 3) &^ 3
		for lo := 0; lo < m; lo += step {
			wg.Go(func() { rows(a, b, c, lo, min(lo+step, m)) })
		}
	} else { // few rows: split the rows of b (the columns of c)
		step := (n/procs + 3) &^ 3
		for lo := 0; lo < n; lo += step {
			hi := min(lo+step, n)
			bs := blas64.General{Rows: hi - lo, Cols: k, Stride: b.Stride, Data: b.Data[lo*b.Stride:]}
			cs := blas64.General{Rows: m, Cols: hi - lo, Stride: c.Stride, Data: c.Data[lo:]}
			wg.Go(func() { rows(a, bs, cs, 0, m) })
		}
	}
	wg.Wait()
}

// Cache blocking for the dot-product kernels, which read a and b in place:
// a kc-wide panel of nc rows of b (192 KiB) stays in L2 while groups of four
// rows of a (8 KiB) stream through L1.
const (
	kc = 256
	nc = 96
)

// gemmNTRows adds a[lo:hi]·bᵀ to rows lo…hi−1 of c with the AVX2 kernel on 4×3 blocks.
func gemmNTRows(a, b, c blas64.General, lo, hi int) {
	n, k := b.Rows, a.Cols
	for k0 := 0; k0 < k; k0 += kc {
		k1 := min(k0+kc, k)
		k4 := (k1 - k0) &^ 3
		for j0 := 0; j0 < n; j0 += nc {
			j1 := min(j0+nc, n)
			i := lo
			for ; i+4 <= hi; i += 4 {
				j := j0
				for ; j+3 <= j1 && k4 > 0; j += 3 {
					dot4x3(k4, &a.Data[i*a.Stride+k0], a.Stride, &b.Data[j*b.Stride+k0], b.Stride, &c.Data[i*c.Stride+j], c.Stride)
				}
				dotEdge(a, b, c, i, i+4, j, j1, k0, k1)
				if k0+k4 < k1 { // the k tail of the kernel's blocks
					dotEdge(a, b, c, i, i+4, j0, j, k0+k4, k1)
				}
			}
			dotEdge(a, b, c, i, hi, j0, j1, k0, k1)
		}
	}
}

// gemmNTRows512 is gemmNTRows with the AVX-512 kernel on 4×4 blocks.
func gemmNTRows512(a, b, c blas64.General, lo, hi int) {
	n, k := b.Rows, a.Cols
	for k0 := 0; k0 < k; k0 += kc {
		k1 := min(k0+kc, k)
		k8 := (k1 - k0) &^ 7
		for j0 := 0; j0 < n; j0 += nc {
			j1 := min(j0+nc, n)
			i := lo
			for ; i+4 <= hi; i += 4 {
				j := j0
				for ; j+4 <= j1 && k8 > 0; j += 4 {
					dot4x4z(k8, &a.Data[i*a.Stride+k0], a.Stride, &b.Data[j*b.Stride+k0], b.Stride, &c.Data[i*c.Stride+j], c.Stride)
				}
				dotEdge(a, b, c, i, i+4, j, j1, k0, k1)
				if k0+k8 < k1 { // the k tail of the kernel's blocks
					dotEdge(a, b, c, i, i+4, j0, j, k0+k8, k1)
				}
			}
			dotEdge(a, b, c, i, hi, j0, j1, k0, k1)
		}
	}
}

// dotEdge adds Σ_{k0≤t<k1} a_it b_jt to c_ij for the rows and columns the kernels leave over.
func dotEdge(a, b, c blas64.General, i0, i1, j0, j1, k0, k1 int) {
	for i := i0; i < i1; i++ {
		arow := a.Data[i*a.Stride+k0 : i*a.Stride+k1]
		for j := j0; j < j1; j++ {
			c.Data[i*c.Stride+j] += floats.Dot(arow, b.Data[j*b.Stride+k0:j*b.Stride+k1])
		}
	}
}
