package hessian

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// Default finite-difference steps, before scaling by max(1, ‖x‖∞). Each
// balances truncation error (∝ h² for central formulas) against rounding
// error (∝ ε/h for first, ε/h² for second differences), ε = 2.2e-16:
//
//	first derivatives, central:   h = ε^(1/3) ≈ 6e-6  (error ≈ 1e-11 relative)
//	second derivatives, central:  h = ε^(1/4) ≈ 1.2e-4 (error ≈ 1e-8 relative)
const (
	StepFirst  = 6.0554544523933395e-06 // ε^(1/3)
	StepSecond = 1.2207031250000000e-04 // ε^(1/4)
)

// DiffSettings configures finite differences. The zero value (and a nil
// *DiffSettings) uses central formulas with the steps StepFirst and
// StepSecond scaled by max(1, ‖x‖∞).
type DiffSettings struct {
	// Step is the absolute step h. Zero means the default for the quantity.
	Step float64
}

func stepFor(s *DiffSettings, base float64, x []float64) float64 {
	if s != nil && s.Step != 0 {
		if s.Step < 0 {
			panic("hessian: negative finite-difference step")
		}
		return s.Step
	}
	scale := 1.0
	for _, v := range x {
		scale = math.Max(scale, math.Abs(v))
	}
	return base * scale
}

// Derivative returns the central-difference estimate of f⁽¹⁾(x),
//
//	f⁽¹⁾(x) ≈ (f(x+h) − f(x−h)) / (2h),  h = StepFirst·max(1, |x|),
//
// with truncation error f⁽³⁾(x)h²/6.
func Derivative(f func(float64) float64, x float64, s *DiffSettings) float64 {
	h := stepFor(s, StepFirst, []float64{x})
	return fd.Derivative(f, x, &fd.Settings{Formula: fd.Central, Step: h})
}

// SecondDerivative returns the central-difference estimate of f⁽²⁾(x),
//
//	f⁽²⁾(x) ≈ (f(x+h) − 2f(x) + f(x−h)) / h²,  h = StepSecond·max(1, |x|),
//
// with truncation error f⁽⁴⁾(x)h²/12: it measures how fast the slope changes.
func SecondDerivative(f func(float64) float64, x float64, s *DiffSettings) float64 {
	h := stepFor(s, StepSecond, []float64{x})
	return fd.Derivative(f, x, &fd.Settings{Formula: fd.Central2nd, Step: h})
}

// Gradient stores in dst the central-difference gradient of f at x,
//
//	∂f/∂x_i ≈ (f(x + h e_i) − f(x − h e_i)) / (2h),  h = StepFirst·max(1, ‖x‖∞),
//
// and returns dst. It costs 2n evaluations of f. If dst is nil a new slice
// is allocated; otherwise len(dst) must equal len(x) or Gradient panics.
// f must not keep or modify its argument.
func Gradient(dst []float64, f func([]float64) float64, x []float64, s *DiffSettings) []float64 {
	dst = sized(dst, len(x), "Gradient")
	h := stepFor(s, StepFirst, x)
	return fd.Gradient(dst, f, x, &fd.Settings{Formula: fd.Central, Step: h})
}

// Hessian stores in dst the central-difference Hessian of f at x,
//
//	H_ij = ∂²f/∂x_i∂x_j ≈ [f(x+he_i+he_j) − f(x+he_i−he_j) − f(x−he_i+he_j) + f(x−he_i−he_j)] / (4h²),
//
// with h = StepSecond·max(1, ‖x‖∞), giving about 1e-8 relative accuracy on
// smooth functions of moderate scale. It costs 2n(n+1) evaluations of f:
// fine for n ≲ 100; use an Objective with an exact gradient, HessianOf, or a
// matrix-free HessianOperator beyond that. If dst is empty it is resized,
// otherwise its dimension must be len(x) or Hessian panics.
func Hessian(dst *mat.SymDense, f func([]float64) float64, x []float64, s *DiffSettings) *mat.SymDense {
	if dst == nil {
		dst = &mat.SymDense{}
	}
	if !dst.IsEmpty() && dst.SymmetricDim() != len(x) {
		panic(fmt.Sprintf("hessian: Hessian: dst has dimension %d, want %d", dst.SymmetricDim(), len(x)))
	}
	h := stepFor(s, StepSecond, x)
	fd.Hessian(dst, f, x, &fd.Settings{Formula: fd.Central, Step: h})
	return dst
}

// HessVec stores in dst the Hessian-vector product H(x)·v estimated by a
// central difference of the gradient along v,
//
//	H v ≈ ‖v‖ (∇f(x + h v̂) − ∇f(x − h v̂)) / (2h),  v̂ = v/‖v‖,  h = StepFirst·max(1, ‖x‖∞),
//
// and returns dst. It costs two gradient evaluations and is accurate to
// about 1e-10 relative when grad is exact. grad(dst, x) must store ∇f(x) in
// dst. Lengths of x and v (and dst unless nil) must agree or HessVec panics.
func HessVec(dst []float64, grad func(dst, x []float64), x, v []float64, s *DiffSettings) []float64 {
	n := len(x)
	if len(v) != n {
		panic(fmt.Sprintf("hessian: HessVec: len(v)=%d, want %d", len(v), n))
	}
	dst = sized(dst, n, "HessVec")
	nv := floats.Norm(v, 2)
	if nv == 0 {
		for i := range dst {
			dst[i] = 0
		}
		return dst
	}
	h := stepFor(s, StepFirst, x)
	xp := make([]float64, n)
	xm := make([]float64, n)
	for i := range x {
		d := h * v[i] / nv
		xp[i] = x[i] + d
		xm[i] = x[i] - d
	}
	gm := make([]float64, n)
	grad(dst, xp)
	grad(gm, xm)
	c := nv / (2 * h)
	for i := range dst {
		dst[i] = (dst[i] - gm[i]) * c
	}
	return dst
}

func sized(dst []float64, n int, who string) []float64 {
	if dst == nil {
		return make([]float64, n)
	}
	if len(dst) != n {
		panic(fmt.Sprintf("hessian: %s: len(dst)=%d, want %d", who, len(dst), n))
	}
	return dst
}
