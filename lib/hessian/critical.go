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
	Zeros       int       // eigenvalues counted zero within EigTol
}

// String gives the verdict and a one-line reason.
func (r Report) String() string {
	ev := fmtVals(r.Eigenvalues)
	switch r.Kind {
	case NotCritical:
		return fmt.Sprintf("not critical: gradient norm %.3g is above tolerance", r.GradNorm)
	case Minimum:
		return fmt.Sprintf("minimum: all eigenvalues positive %s", ev)
	case Maximum:
		return fmt.Sprintf("maximum: all eigenvalues negative %s", ev)
	case Saddle:
		return fmt.Sprintf("saddle: %d positive and %d negative eigenvalues %s", r.Positive, r.Negative, ev)
	case Inconclusive:
		return fmt.Sprintf("inconclusive: %d zero eigenvalue(s) %s, higher derivatives decide", r.Zeros, ev)
	}
	return r.Kind.String()
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
// critical point: Minimum if h is positive definite, Maximum if negative
// definite, Saddle if indefinite (even with zero eigenvalues: one negative
// and one positive direction settle it), otherwise Inconclusive. It panics
// if the eigendecomposition fails.
func Classify(h mat.Symmetric, s *Settings) Report {
	vals, err := Eigenvalues(h)
	if err != nil {
		panic(err)
	}
	return classifyValues(vals, s.eigTol())
}

func classifyValues(vals []float64, tol float64) Report {
	pos, neg, zero := countSigns(vals, tol)
	r := Report{Eigenvalues: vals, Positive: pos, Negative: neg, Zeros: zero}
	switch {
	case pos > 0 && neg > 0:
		r.Kind = Saddle
	case zero > 0:
		r.Kind = Inconclusive
	case neg == 0:
		r.Kind = Minimum
	default:
		r.Kind = Maximum
	}
	return r
}

// ClassifyAt classifies x for obj: NotCritical when ‖∇J(x)‖₂ > GradTol,
// otherwise Classify of ∇²J(x) (HessianOf: exact if obj is a Hessianer).
// Wrap a plain function with Func.
func ClassifyAt(obj Objective, x []float64, s *Settings) Report {
	g := gradientWith(obj, x, s.diff())
	gn := floats.Norm(g, 2)
	h := HessianOf(nil, obj, x, s.diff())
	r := Classify(h, s)
	r.GradNorm = gn
	if gn > s.gradTol() {
		r.Kind = NotCritical
	}
	return r
}

// SecondDerivativeTest is the 1-D test: NotCritical if |f⁽¹⁾(x)| > GradTol,
// else Minimum if f⁽²⁾(x) > 0, Maximum if f⁽²⁾(x) < 0, Inconclusive if f⁽²⁾(x)
// = 0 within EigTol·max(1, |f⁽²⁾|) (as for x³ or x⁴ at 0).
func SecondDerivativeTest(d1, d2 float64, s *Settings) Kind {
	if math.Abs(d1) > s.gradTol() {
		return NotCritical
	}
	return classifyValues([]float64{d2}, s.eigTol()).Kind
}

// Classify1D applies SecondDerivativeTest to f at x with Derivative and
// SecondDerivative.
func Classify1D(f func(float64) float64, x float64, s *Settings) Report {
	d1 := Derivative(f, x, s.diff())
	d2 := SecondDerivative(f, x, s.diff())
	r := classifyValues([]float64{d2}, s.eigTol())
	r.GradNorm = math.Abs(d1)
	if r.GradNorm > s.gradTol() {
		r.Kind = NotCritical
	}
	return r
}
