package hessian

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// Taylor is the second-order Taylor model of J around θ₀,
//
//	m(θ) = J(θ₀) + gᵀ(θ−θ₀) + ½ (θ−θ₀)ᵀ H (θ−θ₀),  g = ∇J(θ₀), H = ∇²J(θ₀).
type Taylor struct {
	Theta0 []float64
	Value  float64       // J(θ₀)
	Grad   []float64     // g
	Hess   *mat.SymDense // H
}

// NewTaylor builds the model of obj at theta0 with GradientOf and HessianOf;
// s configures finite differences where obj supplies no exact derivatives.
func NewTaylor(obj Objective, theta0 []float64, s *DiffSettings) *Taylor {
	x := append([]float64(nil), theta0...)
	return &Taylor{
		Theta0: x,
		Value:  obj.Func(x),
		Grad:   gradientWith(obj, x, s),
		Hess:   HessianOf(nil, obj, x, s),
	}
}

// At returns m(θ).
func (m *Taylor) At(theta []float64) float64 {
	checkLen("Taylor.At", theta, len(m.Theta0))
	d := make([]float64, len(theta))
	floats.SubTo(d, theta, m.Theta0)
	return m.Value + floats.Dot(m.Grad, d) + 0.5*Curvature(m.Hess, d)
}

// Line returns the slope gᵀv and curvature vᵀHv of the model along v, so
// that J(θ₀ + t v) ≈ J(θ₀) + t·slope + ½t²·curv.
func (m *Taylor) Line(v []float64) (slope, curv float64) {
	checkLen("Taylor.Line", v, len(m.Theta0))
	return floats.Dot(m.Grad, v), Curvature(m.Hess, v)
}

// AlongLine returns m(θ₀ + t v) = J(θ₀) + t gᵀv + ½t² vᵀHv.
func (m *Taylor) AlongLine(v []float64, t float64) float64 {
	slope, curv := m.Line(v)
	return m.Value + t*slope + 0.5*t*t*curv
}

// SymmetryError returns max_ij |a_ij − a_ji| / max_ij |a_ij| for a square
// matrix (0 for the zero matrix): the Hessian of a smooth J is symmetric
// (Schwarz), so a computed Hessian should give rounding-level values.
// It panics if a is not square.
func SymmetryError(a mat.Matrix) float64 {
	r, c := a.Dims()
	if r != c {
		panic(fmt.Sprintf("hessian: SymmetryError: %d×%d matrix is not square", r, c))
	}
	var diff, scale float64
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			scale = math.Max(scale, math.Abs(a.At(i, j)))
			diff = math.Max(diff, math.Abs(a.At(i, j)-a.At(j, i)))
		}
	}
	if scale == 0 {
		return 0
	}
	return diff / scale
}

// IsSymmetric reports whether SymmetryError(a) ≤ tol.
func IsSymmetric(a mat.Matrix, tol float64) bool {
	r, c := a.Dims()
	return r == c && SymmetryError(a) <= tol
}

// Symmetrize returns (A + Aᵀ)/2 as a *mat.SymDense; it panics if a is not square.
func Symmetrize(a mat.Matrix) *mat.SymDense {
	r, c := a.Dims()
	if r != c {
		panic(fmt.Sprintf("hessian: Symmetrize: %d×%d matrix is not square", r, c))
	}
	s := mat.NewSymDense(r, nil)
	for i := 0; i < r; i++ {
		for j := i; j < r; j++ {
			s.SetSym(i, j, (a.At(i, j)+a.At(j, i))/2)
		}
	}
	return s
}
