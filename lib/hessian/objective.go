package hessian

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// Objective is a scalar function J(x) with its gradient ∇J(x).
// Grad stores ∇J(x) in dst, len(dst) == len(x).
type Objective interface {
	Func(x []float64) float64
	Grad(dst, x []float64)
}

// Hessianer is implemented by an Objective that knows its exact Hessian:
// Hess stores ∇²J(x) in dst, which has dimension len(x).
type Hessianer interface {
	Hess(dst *mat.SymDense, x []float64)
}

// HessVecer is implemented by an Objective that knows exact Hessian-vector
// products: HessVec stores ∇²J(x)·v in dst.
type HessVecer interface {
	HessVec(dst, x, v []float64)
}

// Func adapts a plain function to an Objective whose gradient is the
// central difference of Gradient. Use FuncGrad when the gradient is known.
func Func(f func([]float64) float64) Objective {
	if f == nil {
		panic("hessian: Func: nil function")
	}
	return funcObjective{f: f}
}

type funcObjective struct{ f func([]float64) float64 }

func (o funcObjective) Func(x []float64) float64 { return o.f(x) }
func (o funcObjective) Grad(dst, x []float64)    { Gradient(dst, o.f, x, nil) }
func (o funcObjective) Hess(dst *mat.SymDense, x []float64) {
	// The fd Hessian of f (O(n²) evaluations) is more accurate than
	// differencing an fd gradient twice.
	Hessian(dst, o.f, x, nil)
}

// FuncGrad adapts a function and its exact gradient to an Objective;
// grad(dst, x) must store ∇f(x) in dst.
func FuncGrad(f func([]float64) float64, grad func(dst, x []float64)) Objective {
	if f == nil || grad == nil {
		panic("hessian: FuncGrad: nil function")
	}
	return funcGradObjective{f: f, g: grad}
}

type funcGradObjective struct {
	f func([]float64) float64
	g func(dst, x []float64)
}

func (o funcGradObjective) Func(x []float64) float64 { return o.f(x) }
func (o funcGradObjective) Grad(dst, x []float64)    { o.g(dst, x) }

// GradientOf stores ∇J(x) in dst (allocated if nil) and returns it.
func GradientOf(dst []float64, obj Objective, x []float64) []float64 {
	dst = sized(dst, len(x), "GradientOf")
	obj.Grad(dst, x)
	return dst
}

// gradientWith is GradientOf with finite-difference settings for Func objectives.
func gradientWith(obj Objective, x []float64, s *DiffSettings) []float64 {
	if o, ok := obj.(funcObjective); ok {
		return Gradient(nil, o.f, x, s)
	}
	return GradientOf(nil, obj, x)
}

// HessianOf stores ∇²J(x) in dst and returns it. It uses the exact Hessian
// when obj is a Hessianer, Hessian (with s) when obj comes from Func, and
// otherwise differences the gradient,
//
//	H_:j ≈ (∇J(x + h e_j) − ∇J(x − h e_j)) / (2h),  H ← (H + Hᵀ)/2,
//
// with h = StepFirst·max(1, ‖x‖∞) (2n gradient evaluations, about 1e-10
// relative accuracy with an exact gradient). An empty dst is resized;
// otherwise its dimension must be len(x) or HessianOf panics.
func HessianOf(dst *mat.SymDense, obj Objective, x []float64, s *DiffSettings) *mat.SymDense {
	n := len(x)
	if dst == nil {
		dst = &mat.SymDense{}
	}
	if dst.IsEmpty() {
		*dst = *mat.NewSymDense(n, nil)
	} else if dst.SymmetricDim() != n {
		panic(fmt.Sprintf("hessian: HessianOf: dst has dimension %d, want %d", dst.SymmetricDim(), n))
	}
	switch o := obj.(type) {
	case funcObjective:
		Hessian(dst, o.f, x, s) // honour s, which Hess cannot receive
		return dst
	case Hessianer:
		o.Hess(dst, x)
		return dst
	}
	h := stepFor(s, StepFirst, x)
	cols := mat.NewDense(n, n, nil)
	xp := make([]float64, n)
	gp := make([]float64, n)
	gm := make([]float64, n)
	for j := 0; j < n; j++ {
		copy(xp, x)
		xp[j] = x[j] + h
		obj.Grad(gp, xp)
		xp[j] = x[j] - h
		obj.Grad(gm, xp)
		for i := 0; i < n; i++ {
			cols.Set(i, j, (gp[i]-gm[i])/(2*h))
		}
	}
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			dst.SetSym(i, j, (cols.At(i, j)+cols.At(j, i))/2)
		}
	}
	return dst
}

// HessVecOf stores ∇²J(x)·v in dst (allocated if nil) and returns it: exact
// when obj is a HessVecer or a Hessianer, otherwise by HessVec's central
// difference of the gradient.
func HessVecOf(dst []float64, obj Objective, x, v []float64, s *DiffSettings) []float64 {
	n := len(x)
	if len(v) != n {
		panic(fmt.Sprintf("hessian: HessVecOf: len(v)=%d, want %d", len(v), n))
	}
	dst = sized(dst, n, "HessVecOf")
	switch o := obj.(type) {
	case HessVecer:
		o.HessVec(dst, x, v)
	case Hessianer:
		h := mat.NewSymDense(n, nil)
		o.Hess(h, x)
		mat.NewVecDense(n, dst).MulVec(h, mat.NewVecDense(n, v))
	default:
		HessVec(dst, obj.Grad, x, v, s)
	}
	return dst
}

// HessianOperator returns the Hessian ∇²J(x) as a matrix-free Operator whose
// Apply is HessVecOf at a private copy of x.
func HessianOperator(obj Objective, x []float64, s *DiffSettings) Operator {
	x0 := append([]float64(nil), x...)
	var set *DiffSettings
	if s != nil {
		c := *s
		set = &c
	}
	return FuncOperator(len(x0), func(dst, v []float64) { HessVecOf(dst, obj, x0, v, set) })
}
