package hessian

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// Objective is a scalar function J(x) with its gradient ∇J(x), the method
// set of gonum's optimize.Problem (Func, Grad). Grad stores ∇J(x) in dst,
// len(dst) == len(x). Every objective in gocurve implements it: Quadratic,
// the landscapes of optim/objective, nn.Objective and Funcs.
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

// Funcs adapts functions to an Objective. It is the way to hand the
// library derivatives written in a notebook cell, because a value of a type
// declared in a cell reaches compiled code with the methods of the
// parameter's interface only (Func and Grad for an Objective): its Hess or
// HessVec method would be invisible. Pass the methods as fields instead,
//
//	hessian.Funcs{F: my.Func, G: my.Grad, H: my.Hess}
//
// and HessianOf, ClassifyAt, HessianOperator and Lanczos use them; Source
// (or Report.Source) says which derivatives were used. F is required; a nil
// G means central differences of F (Gradient), a nil H and HV mean the
// Hessian from the other fields (see SourceOf).
type Funcs struct {
	F  func(x []float64) float64            // J(x)
	G  func(dst, x []float64)               // dst = ∇J(x); nil: central differences of F
	H  func(dst *mat.SymDense, x []float64) // dst = ∇²J(x); nil: from HV, G or F
	HV func(dst, x, v []float64)            // dst = ∇²J(x)·v; nil: from H, G or F
}

// Func adapts a plain function to an Objective whose derivatives are
// central differences: Func(f) is Funcs{F: f}.
func Func(f func([]float64) float64) Objective {
	if f == nil {
		panic("hessian: Func: nil function")
	}
	return Funcs{F: f}
}

// Func returns F(x). It panics with a message if F is nil.
func (o Funcs) Func(x []float64) float64 {
	if o.F == nil {
		panic("hessian: Funcs.F is nil: set F to the function, e.g. hessian.Funcs{F: f, G: grad}")
	}
	return o.F(x)
}

// Grad stores ∇J(x) in dst: G(dst, x), or the central-difference Gradient
// of F when G is nil.
func (o Funcs) Grad(dst, x []float64) {
	if o.G != nil {
		o.G(dst, x)
		return
	}
	if o.F == nil {
		panic("hessian: Funcs.F and Funcs.G are nil: set F to the function and G to its gradient")
	}
	Gradient(dst, o.F, x, nil)
}

// Hess stores ∇²J(x) in dst, by the path SourceOf(o) names.
func (o Funcs) Hess(dst *mat.SymDense, x []float64) { HessianOf(dst, o, x, nil) }

// HessVec stores ∇²J(x)·v in dst, by the path SourceOf(o) names.
func (o Funcs) HessVec(dst, x, v []float64) { HessVecOf(dst, o, x, v, nil) }

// Source names where a Hessian comes from.
type Source int

// Sources of second derivatives, from exact to approximate.
const (
	ExactHessian   Source = iota // the objective's Hess
	ExactHessVec                 // n exact Hessian-vector products H·e_j
	DiffOfGradient               // central differences of the gradient (≈1e-10 relative)
	DiffOfFunction               // second central differences of J (≈1e-8 relative)
)

// String returns a phrase such as "exact Hess".
func (s Source) String() string {
	switch s {
	case ExactHessian:
		return "exact Hess"
	case ExactHessVec:
		return "exact HessVec products"
	case DiffOfGradient:
		return "finite differences of the gradient"
	case DiffOfFunction:
		return "finite differences of the function"
	}
	return fmt.Sprintf("Source(%d)", int(s))
}

// Exact reports whether s is one of the exact sources.
func (s Source) Exact() bool { return s == ExactHessian || s == ExactHessVec }

// SourceOf returns where HessianOf takes ∇²J from for obj: its Hess if it
// is a Hessianer, n products of its HessVec if it is a HessVecer, else
// differences of its gradient. For Funcs the fields decide: H, then HV,
// then G, then second differences of F.
//
// A type declared in a notebook cell passed as an Objective shows the
// library its Func and Grad only (the interpreter hands compiled code a
// wrapper with the interface's methods), so SourceOf says
// DiffOfGradient even when the type has Hess: wrap it in Funcs.
func SourceOf(obj Objective) Source {
	switch o := obj.(type) {
	case Funcs:
		return o.source()
	case *Funcs:
		return o.source()
	case Hessianer:
		return ExactHessian
	case HessVecer:
		return ExactHessVec
	}
	return DiffOfGradient
}

func (o Funcs) source() Source {
	switch {
	case o.H != nil:
		return ExactHessian
	case o.HV != nil:
		return ExactHessVec
	case o.G != nil:
		return DiffOfGradient
	}
	return DiffOfFunction
}

// GradientOf stores ∇J(x) in dst (allocated if nil) and returns it.
func GradientOf(dst []float64, obj Objective, x []float64) []float64 {
	dst = sized(dst, len(x), "GradientOf")
	obj.Grad(dst, x)
	return dst
}

// gradientWith is GradientOf with finite-difference settings for objectives
// whose gradient is a difference of F.
func gradientWith(obj Objective, x []float64, s *DiffSettings) []float64 {
	if o, ok := funcsOf(obj); ok && o.G == nil && o.F != nil {
		return Gradient(nil, o.F, x, s)
	}
	return GradientOf(nil, obj, x)
}

func funcsOf(obj Objective) (Funcs, bool) {
	switch o := obj.(type) {
	case Funcs:
		return o, true
	case *Funcs:
		return *o, true
	}
	return Funcs{}, false
}

// HessianOf stores ∇²J(x) in dst and returns it, taking it from where
// SourceOf(obj) says: the exact Hess; n exact products H·e_j, symmetrised;
// the central difference of the gradient,
//
//	H_:j ≈ (∇J(x + h e_j) − ∇J(x − h e_j)) / (2h),  H ← (H + Hᵀ)/2,
//
// with h = StepFirst·max(1, ‖x‖∞) (2n gradient evaluations, about 1e-10
// relative accuracy with an exact gradient); or Hessian of F (with s). An
// empty or nil dst is sized; otherwise its dimension must be len(x) or
// HessianOf panics. HessianEstimate adds an error bound.
func HessianOf(dst *mat.SymDense, obj Objective, x []float64, s *DiffSettings) *mat.SymDense {
	dst = sizedSym(dst, len(x), "HessianOf")
	src := SourceOf(obj)
	hessianAt(dst, obj, src, x, stepFor(s, stepBase(src), x), s)
	return dst
}

func stepBase(src Source) float64 {
	if src == DiffOfFunction {
		return StepSecond
	}
	return StepFirst
}

// hessianAt fills dst by src with finite-difference step h.
func hessianAt(dst *mat.SymDense, obj Objective, src Source, x []float64, h float64, s *DiffSettings) {
	n := len(x)
	hv, hess := exactSecond(obj)
	switch src {
	case ExactHessian:
		hess(dst, x)
		return
	case DiffOfFunction:
		f, _ := funcsOf(obj)
		Hessian(dst, f.F, x, &DiffSettings{Step: h})
		return
	}
	cols := mat.NewDense(n, n, nil) // row j holds column j of H
	switch src {
	case ExactHessVec:
		e := make([]float64, n)
		for j := 0; j < n; j++ {
			e[j] = 1
			hv(cols.RawRowView(j), x, e)
			e[j] = 0
		}
	default: // DiffOfGradient
		xp := make([]float64, n)
		gm := make([]float64, n)
		for j := 0; j < n; j++ {
			gp := cols.RawRowView(j)
			copy(xp, x)
			xp[j] = x[j] + h
			obj.Grad(gp, xp)
			xp[j] = x[j] - h
			obj.Grad(gm, xp)
			for i := range gp {
				gp[i] = (gp[i] - gm[i]) / (2 * h)
			}
		}
	}
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			dst.SetSym(i, j, (cols.At(i, j)+cols.At(j, i))/2)
		}
	}
}

// Estimate is a Hessian with a bound on its error.
type Estimate struct {
	H *mat.SymDense
	// Err bounds the spectral-norm error ‖H − ∇²J‖₂, so by Weyl's
	// inequality every eigenvalue of H is within Err of the true one. For
	// finite differences it is ‖H_h − H_2h‖_F (three times the leading
	// truncation error of H_h, from the same formula at twice the step)
	// plus the rounding error of the formula; for exact sources it is 0.
	Err    float64
	Source Source // where H came from
}

// HessianEstimate returns HessianOf(nil, obj, x, s) with an error bound:
// when the Hessian is a finite difference it is computed again with twice
// the step (doubling the cost) and Err is the Frobenius norm of the change
// plus a rounding term, 8ε·max|J|/h² for second differences of J and
// 4ε·max‖∇J‖∞·√n/h for differences of the gradient (ε = 2.2e-16). The
// truncation error of a central difference grows as h², so the difference
// of the two estimates is three times the error of the finer one: a true
// zero, as for x⁴ at 0, is never further than Err from the estimate, at
// any scale of J.
func HessianEstimate(obj Objective, x []float64, s *DiffSettings) Estimate {
	n := len(x)
	src := SourceOf(obj)
	e := Estimate{H: mat.NewSymDense(n, nil), Source: src}
	h := stepFor(s, stepBase(src), x)
	hessianAt(e.H, obj, src, x, h, s)
	if src.Exact() {
		return e
	}
	h2 := mat.NewSymDense(n, nil)
	hessianAt(h2, obj, src, x, 2*h, s)
	var ss float64 // ‖H_2h − H_h‖_F²
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			d := h2.At(i, j) - e.H.At(i, j)
			ss += d * d
		}
	}
	e.Err = math.Sqrt(ss)
	const eps = 0x1p-52
	if src == DiffOfFunction {
		f, _ := funcsOf(obj)
		e.Err += 8 * eps * maxAbsAround(f.F, x, 2*h) / (h * h)
	} else {
		g := GradientOf(nil, obj, x)
		e.Err += 4 * eps * floats.Norm(g, math.Inf(1)) * math.Sqrt(float64(n)) / h
	}
	return e
}

// maxAbsAround returns max |f| at x and x ± r e_i, the scale of the values
// a difference formula with step r subtracts.
func maxAbsAround(f func([]float64) float64, x []float64, r float64) float64 {
	y := append([]float64(nil), x...)
	m := math.Abs(f(y))
	for i := range y {
		for _, d := range []float64{r, -r} {
			y[i] = x[i] + d
			m = math.Max(m, math.Abs(f(y)))
		}
		y[i] = x[i]
	}
	return m
}

func sizedSym(dst *mat.SymDense, n int, who string) *mat.SymDense {
	if dst == nil {
		dst = &mat.SymDense{}
	}
	if dst.IsEmpty() {
		*dst = *mat.NewSymDense(n, nil)
	} else if dst.SymmetricDim() != n {
		panic(fmt.Sprintf("hessian: %s: dst has dimension %d, want %d", who, dst.SymmetricDim(), n))
	}
	return dst
}

// HessVecOf stores ∇²J(x)·v in dst (allocated if nil) and returns it: exact
// when obj is a HessVecer or a Hessianer (for Funcs: HV or H is set),
// otherwise by HessVec's central difference of the gradient.
func HessVecOf(dst []float64, obj Objective, x, v []float64, s *DiffSettings) []float64 {
	n := len(x)
	if len(v) != n {
		panic(fmt.Sprintf("hessian: HessVecOf: len(v)=%d, want %d", len(v), n))
	}
	dst = sized(dst, n, "HessVecOf")
	hv, hess := exactSecond(obj)
	switch {
	case hv != nil:
		hv(dst, x, v)
	case hess != nil:
		h := mat.NewSymDense(n, nil)
		hess(h, x)
		mat.NewVecDense(n, dst).MulVec(h, mat.NewVecDense(n, v))
	default:
		HessVec(dst, obj.Grad, x, v, s)
	}
	return dst
}

// exactSecond returns obj's exact Hessian-vector product and Hessian, nil
// where it has none: Funcs's HV and H fields, or the HessVecer and
// Hessianer methods.
func exactSecond(obj Objective) (hv func(dst, x, v []float64), hess func(dst *mat.SymDense, x []float64)) {
	if f, ok := funcsOf(obj); ok {
		return f.HV, f.H
	}
	if o, ok := obj.(HessVecer); ok {
		hv = o.HessVec
	}
	if o, ok := obj.(Hessianer); ok {
		hess = o.Hess
	}
	return hv, hess
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
