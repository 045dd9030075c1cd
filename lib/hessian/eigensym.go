package hessian

import (
	"github.com/gocurve/gocurve/internal/symeig"
	"gonum.org/v1/gonum/mat"
)

// divideAndConquerMin is the order from which EigenSym computes
// eigenvectors by divide and conquer rather than by QR iteration; below it
// QR is as fast and the two agree to rounding.
const divideAndConquerMin = 64

// EigenSym is the eigendecomposition A = QΛQᵀ of a symmetric matrix, with
// gonum's Factorize / Values / VectorsTo convention (mat.EigenSym):
//
//	var es hessian.EigenSym
//	if !es.Factorize(h, false) { … }   // values only: O(n³) reduction, O(n²) after
//	lambda := es.Values(nil)
//
// Without vectors it is mat.EigenSym (tridiagonal reduction and the
// root-free QR of Dsterf). With vectors and n ≥ 64 it uses divide and
// conquer (Cuppen; Gu and Eisenstat's eigenvectors, as LAPACK's dsyevd),
// orthogonal to working precision on clustered and repeated eigenvalues.
// Its O(n³) work is in matrix products, which internal/symeig runs on an
// FMA kernel: about 2.2× single-threaded LAPACK's CPU time at n = 500 and
// n = 1000 (BENCHMARKS.md).
// The zero value is ready to use.
type EigenSym struct {
	values  []float64
	vectors *mat.Dense // nil unless factorized with vectors
}

// Factorize computes the eigenvalues of a, ascending, and the eigenvectors
// too if vectors is true. It reports whether the computation converged;
// when it did not, the receiver holds nothing.
func (e *EigenSym) Factorize(a mat.Symmetric, vectors bool) (ok bool) {
	e.values, e.vectors = nil, nil
	n := a.SymmetricDim()
	if !vectors || n < divideAndConquerMin {
		var es mat.EigenSym
		if !es.Factorize(a, vectors) {
			return false
		}
		e.values = es.Values(nil)
		if vectors {
			e.vectors = &mat.Dense{}
			es.VectorsTo(e.vectors)
		}
		return true
	}
	lower := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j <= i; j++ {
			lower[i*n+j] = a.At(i, j)
		}
	}
	w := make([]float64, n)
	z := make([]float64, n*n)
	if !symeig.Dense(n, lower, n, w, z, n) {
		return false
	}
	e.values, e.vectors = w, mat.NewDense(n, n, z)
	return true
}

// Values stores the eigenvalues, ascending, in dst (allocated if nil) and
// returns it. It panics if the receiver was not factorized or if dst has
// the wrong length.
func (e *EigenSym) Values(dst []float64) []float64 {
	if e.values == nil {
		panic("hessian: EigenSym: Values before a successful Factorize")
	}
	if dst == nil {
		dst = make([]float64, len(e.values))
	}
	if len(dst) != len(e.values) {
		panic("hessian: EigenSym: Values: dst has the wrong length")
	}
	copy(dst, e.values)
	return dst
}

// VectorsTo stores the eigenvectors in the columns of dst, in the order of
// Values; an empty dst is resized. It panics if the receiver was factorized
// without vectors, or if dst is not empty and not n×n.
func (e *EigenSym) VectorsTo(dst *mat.Dense) {
	if e.vectors == nil {
		panic("hessian: EigenSym: VectorsTo needs Factorize(a, true)")
	}
	n := len(e.values)
	if dst.IsEmpty() {
		dst.ReuseAs(n, n)
	} else if r, c := dst.Dims(); r != n || c != n {
		panic("hessian: EigenSym: VectorsTo: dst has the wrong shape")
	}
	dst.Copy(e.vectors)
}
