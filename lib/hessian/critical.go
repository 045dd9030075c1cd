package hessian

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// Kind is the outcome of the second-derivative test at a point.
type Kind int

// Kinds of points. At a critical point (∇J = 0): all λ_i > 0 is a strict
// local minimum, all λ_i < 0 a strict local maximum, mixed signs a saddle;
// a zero eigenvalue with no sign mixture leaves the test inconclusive.
const (
	NotCritical  Kind = iota // ‖∇J‖ above tolerance: not a critical point
	Minimum                  // H positive definite
	Maximum                  // H negative definite
	Saddle                   // H indefinite
	Inconclusive             // H singular and semidefinite: higher derivatives decide
)

// String returns the kind's name: minimum, maximum, saddle, ….
func (k Kind) String() string {
	switch k {
	case NotCritical:
		return "not critical"
	case Minimum:
		return "minimum"
	case Maximum:
		return "maximum"
	case Saddle:
		return "saddle"
	case Inconclusive:
		return "inconclusive"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Default tolerances of Settings.
const DefaultGradTol = 1e-6

// Settings holds the tolerances of the second-derivative test. The zero
// value (and nil) uses DefaultGradTol, DefaultEigTol and default finite
// differences.
type Settings struct {
	// GradTol: the point is critical when ‖∇J‖₂ ≤ GradTol.
	GradTol float64
	// EigTol: λ counts as zero when |λ| ≤ EigTol·max(1, max_i|λ_i|).
	EigTol float64
	// Diff configures finite differences where they are needed.
	Diff *DiffSettings
}

func (s *Settings) gradTol() float64 {
	if s == nil || s.GradTol <= 0 {
		return DefaultGradTol
	}
	return s.GradTol
}

func (s *Settings) eigTol() float64 {
	if s == nil || s.EigTol <= 0 {
		return DefaultEigTol
	}
	return s.EigTol
}

func (s *Settings) diff() *DiffSettings {
	if s == nil {
		return nil
	}
	return s.Diff
}

// Report is the result of a second-derivative test.
type Report struct {
	Kind        Kind
	Eigenvalues []float64 // of the Hessian, ascending (nil if not computed)
	GradNorm    float64   // ‖∇J‖₂ (0 for Classify, which assumes a critical point)
	Positive    int       // eigenvalues counted positive
	Negative    int       // eigenvalues counted negative
	Zeros       int       // eigenvalues counted zero: |λ| ≤ Tol
	// Tol is the threshold under which an eigenvalue counts as zero: the
	// larger of EigTol·max(1, max|λ_i|) and the error bound of a
	// finite-difference Hessian (Estimate.Err).
	Tol    float64
	Source Source // where the Hessian came from (ClassifyAt, Classify1D)
}

// String gives the verdict and a one-line reason.
func (r Report) String() string {
	ev := fmtVals(r.Eigenvalues)
	var s string
	switch r.Kind {
	case NotCritical:
		return fmt.Sprintf("not critical: gradient norm %.3g is above tolerance", r.GradNorm)
	case Minimum:
		s = fmt.Sprintf("minimum: all eigenvalues positive %s", ev)
	case Maximum:
		s = fmt.Sprintf("maximum: all eigenvalues negative %s", ev)
	case Saddle:
		s = fmt.Sprintf("saddle: %d positive and %d negative eigenvalues %s", r.Positive, r.Negative, ev)
	case Inconclusive:
		s = fmt.Sprintf("inconclusive: %d eigenvalue(s) zero within ±%.2g %s, higher derivatives decide", r.Zeros, r.Tol, ev)
	default:
		return r.Kind.String()
	}
	if !r.Source.Exact() {
		s += fmt.Sprintf(" (%s, ±%.2g)", r.Source, r.Tol)
	}
	return s
}

// Markdown renders the verdict for a notebook: the kind in bold, then the reason.
func (r Report) Markdown() string {
	s := r.String()
	if i := strings.Index(s, ":"); i > 0 {
		return "**" + s[:i] + "**" + s[i:]
	}
	return "**" + s + "**"
}

func fmtVals(v []float64) string {
	if len(v) > 8 {
		return fmt.Sprintf("[%.4g … %.4g] (%d values)", v[0], v[len(v)-1], len(v))
	}
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = fmt.Sprintf("%.4g", x)
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// Classify applies the second-derivative test to the Hessian h of a
// critical point, taken as exact: an eigenvalue is zero when |λ| ≤
// EigTol·max(1, max|λ_i|). Then h is a Minimum if every eigenvalue is
// positive, a Maximum if every one is negative, a Saddle if there are both
// signs (even with zero eigenvalues: one negative and one positive direction
// settle it), and otherwise Inconclusive. It panics if the
// eigendecomposition fails. For a Hessian that carries an error, as finite
// differences do, use ClassifyAt.
func Classify(h mat.Symmetric, s *Settings) Report {
	vals, err := Eigenvalues(h)
	if err != nil {
		panic(err)
	}
	return classifyValues(vals, s.eigTol(), 0)
}

// classifyValues counts |λ| ≤ max(tol·max(1, max|λ|), errBound) as zero.
func classifyValues(vals []float64, tol, errBound float64) Report {
	scale := 1.0
	for _, v := range vals {
		scale = math.Max(scale, math.Abs(v))
	}
	r := Report{Eigenvalues: vals, Tol: math.Max(tol*scale, errBound)}
	for _, v := range vals {
		switch {
		case math.Abs(v) <= r.Tol:
			r.Zeros++
		case v > 0:
			r.Positive++
		default:
			r.Negative++
		}
	}
	switch {
	case r.Positive > 0 && r.Negative > 0:
		r.Kind = Saddle
	case r.Zeros > 0:
		r.Kind = Inconclusive
	case r.Negative == 0:
		r.Kind = Minimum
	default:
		r.Kind = Maximum
	}
	return r
}

// ClassifyAt classifies x for obj: NotCritical when ‖∇J(x)‖₂ > GradTol,
// otherwise the second-derivative test on HessianEstimate(obj, x), whose
// Source (exact Hess, exact HessVec products, or finite differences) the
// report keeps. The rule: an eigenvalue λ counts as zero when
//
//	|λ| ≤ max(EigTol·max(1, max_i|λ_i|), Err),
//
// Err the estimate's error bound (0 for exact derivatives), so a Hessian
// that is zero up to the error of finite differences gives Inconclusive,
// never Minimum or Maximum, whatever the scale of J: c·(x⁴ + y⁴) at the
// origin is inconclusive for every c > 0. Wrap a plain function with Func,
// and a type declared in a cell with Funcs (see SourceOf).
func ClassifyAt(obj Objective, x []float64, s *Settings) Report {
	g := gradientWith(obj, x, s.diff())
	gn := floats.Norm(g, 2)
	est := HessianEstimate(obj, x, s.diff())
	vals, err := Eigenvalues(est.H)
	if err != nil {
		panic(err)
	}
	r := classifyValues(vals, s.eigTol(), est.Err)
	r.GradNorm = gn
	r.Source = est.Source
	if gn > s.gradTol() {
		r.Kind = NotCritical
	}
	return r
}

// SecondDerivativeTest is the 1-D test on exact derivatives: NotCritical if
// |f⁽¹⁾(x)| > GradTol, else Minimum if f⁽²⁾(x) > 0, Maximum if f⁽²⁾(x) < 0,
// Inconclusive if f⁽²⁾(x) = 0 within EigTol·max(1, |f⁽²⁾|) (as for x³ or x⁴
// at 0).
func SecondDerivativeTest(d1, d2 float64, s *Settings) Kind {
	if math.Abs(d1) > s.gradTol() {
		return NotCritical
	}
	return classifyValues([]float64{d2}, s.eigTol(), 0).Kind
}

// Classify1D applies the second-derivative test to f at x with Derivative
// and SecondDerivative, by the rule of ClassifyAt: f⁽²⁾ counts as zero when
// it is within the error of its estimate, the change when the step doubles
// plus the rounding error 8ε·max|f|/h², so c·x⁴ at 0 is Inconclusive for
// every c.
func Classify1D(f func(float64) float64, x float64, s *Settings) Report {
	d1 := Derivative(f, x, s.diff())
	h := stepFor(s.diff(), StepSecond, []float64{x})
	d2 := SecondDerivative(f, x, &DiffSettings{Step: h})
	d2b := SecondDerivative(f, x, &DiffSettings{Step: 2 * h})
	fs := math.Max(math.Abs(f(x)), math.Max(math.Abs(f(x+2*h)), math.Abs(f(x-2*h))))
	errBound := math.Abs(d2b-d2) + 8*0x1p-52*fs/(h*h)
	r := classifyValues([]float64{d2}, s.eigTol(), errBound)
	r.GradNorm = math.Abs(d1)
	r.Source = DiffOfFunction
	if r.GradNorm > s.gradTol() {
		r.Kind = NotCritical
	}
	return r
}

// Critical is a critical point ∇J(X) = 0 of an objective with J(X) and its
// Kind (Minimum, Maximum, Saddle or Inconclusive). Global marks a global
// minimum. The landscapes of optim/objective list theirs.
type Critical struct {
	X      []float64
	F      float64
	Kind   Kind
	Global bool
}
