package hessian

import (
	"errors"
	"fmt"
	"math"
	"math/cmplx"

	"gonum.org/v1/gonum/mat"
)

// SymPow stores A^t = Q Λ^t Qᵀ in dst (allocated if nil) and returns it,
// for a symmetric a and any real t when A is positive semidefinite; for
// integer t any symmetric A works (negative eigenvalues keep their sign
// pattern (−1)^t). Eigenvalues λ with |λ| < 1 make A^t vanish, |λ| > 1
// make it explode.
func SymPow(dst *mat.SymDense, a mat.Symmetric, t float64) (*mat.SymDense, error) {
	s, err := Eigen(a)
	if err != nil {
		return nil, fmt.Errorf("hessian: SymPow: %w", err)
	}
	vals := make([]float64, len(s.Values))
	for i, l := range s.Values {
		vals[i] = math.Pow(l, t)
		if math.IsNaN(vals[i]) {
			return nil, fmt.Errorf("hessian: SymPow: eigenvalue %g to the power %g is not real", l, t)
		}
	}
	return (&Spectrum{Values: vals, Vectors: s.Vectors}).Reconstruct(dst), nil
}

// MatPow stores W^t in dst (allocated if nil) and returns it, for a square,
// possibly non-symmetric, diagonalisable W through its eigendecomposition
//
//	W^t = V diag(λ)^t V⁻¹   (mat.Eigen, complex λ and V; the result is real),
//
// the form that shows why products of the same matrix — a recurrent
// network's Jacobians — vanish when the spectral radius is below 1 and
// explode above it. It returns an error when W is not diagonalisable to
// working precision (V singular), or the imaginary part of the result is
// not negligible. For exact integer powers use (*mat.Dense).Pow.
func MatPow(dst *mat.Dense, w mat.Matrix, t int) (*mat.Dense, error) {
	r, c := w.Dims()
	if r != c {
		panic(fmt.Sprintf("hessian: MatPow: %d×%d matrix is not square", r, c))
	}
	n := r
	var eig mat.Eigen
	if !eig.Factorize(w, mat.EigenRight) {
		return nil, errors.New("hessian: MatPow: eigendecomposition did not converge")
	}
	vals := eig.Values(nil)
	var v mat.CDense
	eig.VectorsTo(&v)
	// Solve Vᵀ Xᵀ = (V diag(λ^t))ᵀ is not available for complex matrices in
	// gonum, so invert V by Gauss-Jordan with partial pivoting in complex128.
	vinv, cond := cinverse(&v, n)
	if vinv == nil || cond > 1e12 {
		return nil, fmt.Errorf("hessian: MatPow: eigenvector matrix is singular (condition ≈ %.3g): W is not diagonalisable", cond)
	}
	if dst == nil || dst.IsEmpty() {
		dst = mat.NewDense(n, n, nil)
	} else if rr, cc := dst.Dims(); rr != n || cc != n {
		panic(fmt.Sprintf("hessian: MatPow: dst is %d×%d, want %d×%d", rr, cc, n, n))
	}
	lt := make([]complex128, n)
	for i, l := range vals {
		lt[i] = cmplx.Pow(l, complex(float64(t), 0))
		if l == 0 && t == 0 {
			lt[i] = 1
		}
	}
	var maxRe, maxIm float64
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			var sum complex128
			for k := 0; k < n; k++ {
				sum += v.At(i, k) * lt[k] * vinv[k*n+j]
			}
			dst.Set(i, j, real(sum))
			maxRe = math.Max(maxRe, math.Abs(real(sum)))
			maxIm = math.Max(maxIm, math.Abs(imag(sum)))
		}
	}
	if maxIm > 1e-8*math.Max(1, maxRe) {
		return nil, fmt.Errorf("hessian: MatPow: result has imaginary part %.3g", maxIm)
	}
	return dst, nil
}

// cinverse inverts the n×n complex matrix a (Gauss-Jordan, partial
// pivoting: gonum has no complex LU) and estimates its 1-norm condition
// number; it returns nil when a pivot vanishes.
func cinverse(a *mat.CDense, n int) ([]complex128, float64) {
	m := make([]complex128, n*2*n)
	var anorm float64
	for j := 0; j < n; j++ {
		var col float64
		for i := 0; i < n; i++ {
			m[i*2*n+j] = a.At(i, j)
			col += cmplx.Abs(a.At(i, j))
		}
		anorm = math.Max(anorm, col)
	}
	for i := 0; i < n; i++ {
		m[i*2*n+n+i] = 1
	}
	for col := 0; col < n; col++ {
		p := col
		for i := col + 1; i < n; i++ {
			if cmplx.Abs(m[i*2*n+col]) > cmplx.Abs(m[p*2*n+col]) {
				p = i
			}
		}
		if cmplx.Abs(m[p*2*n+col]) < 1e-300 {
			return nil, math.Inf(1)
		}
		if p != col {
			for j := 0; j < 2*n; j++ {
				m[p*2*n+j], m[col*2*n+j] = m[col*2*n+j], m[p*2*n+j]
			}
		}
		piv := m[col*2*n+col]
		for j := 0; j < 2*n; j++ {
			m[col*2*n+j] /= piv
		}
		for i := 0; i < n; i++ {
			if i == col {
				continue
			}
			f := m[i*2*n+col]
			if f == 0 {
				continue
			}
			for j := 0; j < 2*n; j++ {
				m[i*2*n+j] -= f * m[col*2*n+j]
			}
		}
	}
	inv := make([]complex128, n*n)
	var inorm float64
	for j := 0; j < n; j++ {
		var col float64
		for i := 0; i < n; i++ {
			inv[i*n+j] = m[i*2*n+n+j]
			col += cmplx.Abs(inv[i*n+j])
		}
		inorm = math.Max(inorm, col)
	}
	return inv, anorm * inorm
}

// SpectralRadius returns ρ(W) = max_i |λ_i(W)| for a square matrix: the
// growth rate of ‖W^t‖ for large t (ρ < 1 vanishes, ρ > 1 explodes).
func SpectralRadius(w mat.Matrix) (float64, error) {
	var eig mat.Eigen
	if !eig.Factorize(w, mat.EigenNone) {
		return 0, errors.New("hessian: SpectralRadius: eigendecomposition did not converge")
	}
	var rho float64
	for _, l := range eig.Values(nil) {
		rho = math.Max(rho, cmplx.Abs(l))
	}
	return rho, nil
}
