package symeig

import (
	"github.com/gocurve/gocurve/internal/cpufeat"
	"github.com/gocurve/gocurve/internal/gemm"
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
)

// The reduction to tridiagonal form (gonum's Dsytrd and Dlatrd) spends
// half its flops in Dsymv, with x a column of the row-major matrix (stride
// lda) and y a column of the panel (stride nb). gonum's Dsymv walks such
// strided vectors in its inner loop, one cache line per element; on
// contiguous copies it runs the same operations in the same order, about
// twice as fast at n = 1000, with bitwise the same result. gonum's LAPACK
// calls the BLAS through blas64.Implementation(), so the contiguous copy is
// installed there, before any goroutine can call the BLAS, and the merges
// use it too.
func init() {
	bl = contiguous{blas64.Implementation()}
	blas64.Use(bl)
}

// contiguous is a BLAS whose Dsymv copies strided vectors to contiguous
// ones; everything else is the BLAS it wraps.
type contiguous struct{ blas.Float64 }

// Dsymv sets y = alpha·A·x + beta·y for the symmetric n×n A stored in the
// ul triangle of a, as blas.Float64's Dsymv.
func (b contiguous) Dsymv(ul blas.Uplo, n int, alpha float64, a []float64, lda int, x []float64, incX int, beta float64, y []float64, incY int) {
	if n < 2 || incX < 1 || incY < 1 || lda < n || len(a) < lda*(n-1)+n || len(x) <= (n-1)*incX || len(y) <= (n-1)*incY || ul != blas.Lower && ul != blas.Upper {
		b.Float64.Dsymv(ul, n, alpha, a, lda, x, incX, beta, y, incY)
		return
	}
	buf := make([]float64, 2*n)
	xs, ys := buf[:n], buf[n:]
	for i := range xs {
		xs[i] = x[i*incX]
	}
	if beta != 0 {
		for i := range ys {
			ys[i] = beta * y[i*incY]
		}
	}
	// Row by row, a dot product and an axpy over the stored part of the
	// row, in one vectorised pass (dotaxpy_amd64.s) where the CPU allows.
	for i := range n {
		var row, xr, yr []float64
		if ul == blas.Lower {
			row, xr, yr = a[i*lda:i*lda+i], xs[:i], ys[:i]
		} else {
			row, xr, yr = a[i*lda+i+1:i*lda+n], xs[i+1:], ys[i+1:]
		}
		sum := dotAxpy(row, xr, yr, alpha*xs[i])
		ys[i] += alpha * (sum + a[i*lda+i]*xs[i])
	}
	for i, v := range ys {
		y[i*incY] = v
	}
}

// Dsyr2k sets the ul triangle of C to alpha·(A·Bᵀ + B·Aᵀ) + beta·C (or
// alpha·(Aᵀ·B + Bᵀ·A) + beta·C), as blas.Float64's Dsyr2k. Where the update
// is large and untransposed (Dsytrd's trailing update), the blocks off the
// diagonal are two matrix products: gonum's Dgemm is blocked and
// vectorised, its Dsyr2k a scalar loop.
func (b contiguous) Dsyr2k(ul blas.Uplo, tA blas.Transpose, n, k int, alpha float64, a []float64, lda int, bm []float64, ldb int, beta float64, c []float64, ldc int) {
	const bs = 64 // the order of the diagonal blocks
	if tA != blas.NoTrans || n < 2*bs || k < 1 || ul != blas.Lower && ul != blas.Upper ||
		lda < k || ldb < k || ldc < n || len(a) < lda*(n-1)+k || len(bm) < ldb*(n-1)+k || len(c) < ldc*(n-1)+n {
		b.Float64.Dsyr2k(ul, tA, n, k, alpha, a, lda, bm, ldb, beta, c, ldc)
		return
	}
	for i0 := 0; i0 < n; i0 += bs {
		i1 := min(i0+bs, n)
		b.Float64.Dsyr2k(ul, tA, i1-i0, k, alpha, a[i0*lda:], lda, bm[i0*ldb:], ldb, beta, c[i0*ldc+i0:], ldc)
		// The rectangle beside the diagonal block: columns j0:j1 of rows i0:i1.
		j0, j1 := 0, i0
		if ul == blas.Upper {
			j0, j1 = i1, n
		}
		if j1 == j0 {
			continue
		}
		cr := c[i0*ldc+j0:]
		b.Float64.Dgemm(blas.NoTrans, blas.Trans, i1-i0, j1-j0, k, alpha, a[i0*lda:], lda, bm[j0*ldb:], ldb, beta, cr, ldc)
		b.Float64.Dgemm(blas.NoTrans, blas.Trans, i1-i0, j1-j0, k, alpha, bm[i0*ldb:], ldb, a[j0*lda:], lda, 1, cr, ldc)
	}
}

// dotAxpyGo returns a·x and adds alpha·a to y, over len(a) elements.
func dotAxpyGo(a, x, y []float64, alpha float64) float64 {
	x, y = x[:len(a)], y[:len(a)]
	var sum float64
	for j, v := range a {
		sum += v * x[j]
		y[j] += alpha * v
	}
	return sum
}

// Dgemm sets C = alpha·op(A)·op(B) + beta·C, as blas.Float64's Dgemm. A
// large product (the merges' and the back-transformation's, three quarters
// of the decomposition's time with gonum's Dgemm) runs as gemm.NT, the
// register-blocked FMA kernel, on copies of alpha·op(A) and op(B)ᵀ; the
// copies cost O(mk + nk) against the product's O(mnk).
func (b contiguous) Dgemm(tA, tB blas.Transpose, m, n, k int, alpha float64, a []float64, lda int, bm []float64, ldb int, beta float64, c []float64, ldc int) {
	ar, ac := m, k // the shape of A as stored
	if tA != blas.NoTrans {
		ar, ac = k, m
	}
	br, bc := k, n
	if tB != blas.NoTrans {
		br, bc = n, k
	}
	if !cpufeat.AVX2FMA || k < 32 || m*n*k < 1<<18 || alpha == 0 || !isTrans(tA) || !isTrans(tB) ||
		lda < ac || len(a) < lda*(ar-1)+ac || ldb < bc || len(bm) < ldb*(br-1)+bc || ldc < n || len(c) < ldc*(m-1)+n {
		b.Float64.Dgemm(tA, tB, m, n, k, alpha, a, lda, bm, ldb, beta, c, ldc)
		return
	}
	ap := make([]float64, m*k)
	if tA == blas.NoTrans {
		for i := range m {
			for l, v := range a[i*lda : i*lda+k] {
				ap[i*k+l] = alpha * v
			}
		}
	} else {
		for l := range k {
			for i, v := range a[l*lda : l*lda+m] {
				ap[i*k+l] = alpha * v
			}
		}
	}
	bt := blas64.General{Rows: n, Cols: k, Stride: ldb, Data: bm}
	if tB == blas.NoTrans {
		bt = blas64.General{Rows: n, Cols: k, Stride: k, Data: make([]float64, n*k)}
		for l := range k {
			for j, v := range bm[l*ldb : l*ldb+n] {
				bt.Data[j*k+l] = v
			}
		}
	}
	cg := blas64.General{Rows: m, Cols: n, Stride: ldc, Data: c}
	switch beta {
	case 0, 1:
	default:
		for i := range m {
			for j := range c[i*ldc : i*ldc+n] {
				c[i*ldc+j] *= beta
			}
		}
		beta = 1
	}
	gemm.NT(blas64.General{Rows: m, Cols: k, Stride: k, Data: ap}, bt, cg, beta)
}

func isTrans(t blas.Transpose) bool {
	return t == blas.NoTrans || t == blas.Trans || t == blas.ConjTrans
}
