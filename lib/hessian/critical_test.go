package hessian_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/gocurve/gocurve/lib/hessian"
	"gonum.org/v1/gonum/mat"
)

func TestClassifyAt(t *testing.T) {
	cases := []struct {
		name string
		f    func(x []float64) float64
		x    []float64
		want hessian.Kind
	}{
		{"bowl", func(x []float64) float64 { return x[0]*x[0] + 3*x[1]*x[1] }, []float64{0, 0}, hessian.Minimum},
		{"cap", func(x []float64) float64 { return -x[0]*x[0] - 0.1*x[1]*x[1] }, []float64{0, 0}, hessian.Maximum},
		{"saddle x²−y²", func(x []float64) float64 { return x[0]*x[0] - x[1]*x[1] }, []float64{0, 0}, hessian.Saddle},
		{"flat valley", func(x []float64) float64 { return (x[0] - x[1]) * (x[0] - x[1]) }, []float64{2, 2}, hessian.Inconclusive},
		{"monkey saddle", func(x []float64) float64 { return x[0]*x[0]*x[0] - 3*x[0]*x[1]*x[1] }, []float64{0, 0}, hessian.Inconclusive},
		{"slope", func(x []float64) float64 { return x[0]*x[0] + x[1] }, []float64{0, 0}, hessian.NotCritical},
		{"shifted min", func(x []float64) float64 { return math.Cosh(x[0]-1) + math.Cosh(x[1]+2) }, []float64{1, -2}, hessian.Minimum},
		{"saddle with a zero eigenvalue", func(x []float64) float64 { return x[0]*x[0] - x[1]*x[1] + x[2]*x[2]*x[2]*x[2] }, []float64{0, 0, 0}, hessian.Saddle},
	}
	for _, tc := range cases {
		r := hessian.ClassifyAt(hessian.Func(tc.f), tc.x, nil)
		if r.Kind != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, r, tc.want)
		}
		if !strings.HasPrefix(r.String(), tc.want.String()) {
			t.Errorf("%s: String() = %q does not start with %q", tc.name, r.String(), tc.want)
		}
	}
}

func TestClassifyTolerances(t *testing.T) {
	h := mat.NewSymDense(2, []float64{1, 0, 0, 1e-5})
	if k := hessian.Classify(h, nil).Kind; k != hessian.Minimum {
		t.Errorf("λ = 1e-5 with default EigTol: %v, want minimum", k)
	}
	if k := hessian.Classify(h, &hessian.Settings{EigTol: 1e-4}).Kind; k != hessian.Inconclusive {
		t.Errorf("λ = 1e-5 with EigTol 1e-4: %v, want inconclusive", k)
	}
	if k := hessian.Classify(mat.NewSymDense(2, []float64{1, 0, 0, 1e-7}), nil).Kind; k != hessian.Inconclusive {
		t.Errorf("λ = 1e-7 with default EigTol: %v, want inconclusive", k)
	}
	f := hessian.Func(func(x []float64) float64 { return x[0]*x[0] + 1e-4*x[0] })
	if k := hessian.ClassifyAt(f, []float64{0}, nil).Kind; k != hessian.NotCritical {
		t.Errorf("gradient 1e-4: %v, want not critical", k)
	}
	if k := hessian.ClassifyAt(f, []float64{0}, &hessian.Settings{GradTol: 1e-3}).Kind; k != hessian.Minimum {
		t.Errorf("gradient 1e-4 with GradTol 1e-3: %v, want minimum", k)
	}
}

func TestSecondDerivativeTest1D(t *testing.T) {
	cases := []struct {
		name string
		f    func(float64) float64
		x    float64
		want hessian.Kind
	}{
		{"x²", func(x float64) float64 { return x * x }, 0, hessian.Minimum},
		{"−x²", func(x float64) float64 { return -x * x }, 0, hessian.Maximum},
		{"x³", func(x float64) float64 { return x * x * x }, 0, hessian.Inconclusive},
		{"x⁴", func(x float64) float64 { return x * x * x * x }, 0, hessian.Inconclusive},
		{"cos at π", math.Cos, math.Pi, hessian.Minimum},
		{"sin at 0", math.Sin, 0, hessian.NotCritical},
	}
	for _, tc := range cases {
		if r := hessian.Classify1D(tc.f, tc.x, nil); r.Kind != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, r, tc.want)
		}
	}
	if k := hessian.SecondDerivativeTest(0, -2, nil); k != hessian.Maximum {
		t.Errorf("SecondDerivativeTest(0, −2) = %v", k)
	}
	if k := hessian.SecondDerivativeTest(0.5, 2, nil); k != hessian.NotCritical {
		t.Errorf("SecondDerivativeTest(0.5, 2) = %v", k)
	}
}

func TestCheckConvexity(t *testing.T) {
	lo, hi := []float64{-2, -1}, []float64{2, 3}
	q := hessian.NewQuadratic([]float64{0.5, 3}, hessian.RandomRotation(2, nil))
	r, err := hessian.CheckConvexity(q, lo, hi, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Convex || math.Abs(r.MinEig-0.5) > 1e-12 {
		t.Errorf("quadratic: %v, want convex with λmin 0.5", r)
	}
	// Rosenbrock: λmin(H) < 0 where 1200x² − 400y + 2 is small and y large.
	rosen := hessian.Func(func(x []float64) float64 { return 100*sq(x[1]-x[0]*x[0]) + sq(1-x[0]) })
	r, err = hessian.CheckConvexity(rosen, lo, hi, &hessian.ConvexitySettings{Samples: 100})
	if err != nil {
		t.Fatal(err)
	}
	if r.Convex || r.MinEig >= 0 {
		t.Fatalf("Rosenbrock: %v, want not convex", r)
	}
	// The reported worst point really has that eigenvalue.
	h := hessian.Hessian(nil, func(x []float64) float64 { return 100*sq(x[1]-x[0]*x[0]) + sq(1-x[0]) }, r.WorstPoint, nil)
	v, _ := hessian.Eigenvalues(h)
	if math.Abs(v[0]-r.MinEig) > 1e-6*math.Abs(r.MinEig) {
		t.Errorf("λmin at the worst point %v is %v, report says %v", r.WorstPoint, v[0], r.MinEig)
	}
}

// A zero Hessian estimated by finite differences is never a verdict: the
// estimate of c·x⁴ at 0 grows with c, and so does its error bar. True
// extrema keep their verdict over the same range of scales.
func TestClassifyScaleInvariance(t *testing.T) {
	for e := -6; e <= 6; e++ {
		for _, m := range []float64{1, 3} {
			c := m * math.Pow(10, float64(e))
			quartic := func(x []float64) float64 { return c * (math.Pow(x[0], 4) + math.Pow(x[1], 4)) }
			quarticGrad := func(dst, x []float64) {
				dst[0], dst[1] = 4*c*math.Pow(x[0], 3), 4*c*math.Pow(x[1], 3)
			}
			bowl := func(x []float64) float64 { return c * (x[0]*x[0] + 2*x[1]*x[1]) }
			cases := []struct {
				name string
				obj  hessian.Objective
				want hessian.Kind
			}{
				{"c(x⁴+y⁴)", hessian.Func(quartic), hessian.Inconclusive},
				{"c(x⁴+y⁴) exact gradient", hessian.Funcs{F: quartic, G: quarticGrad}, hessian.Inconclusive},
				{"−c(x⁴+y⁴)", hessian.Func(func(x []float64) float64 { return -quartic(x) }), hessian.Inconclusive},
				{"c(x²+2y²)", hessian.Func(bowl), hessian.Minimum},
				{"−c(x²+2y²)", hessian.Func(func(x []float64) float64 { return -bowl(x) }), hessian.Maximum},
			}
			if c < 1e-5 { // λ = 2c would be below EigTol·max(1, |λ|) = 1e-6
				cases = cases[:3]
			}
			for _, tc := range cases {
				if r := hessian.ClassifyAt(tc.obj, []float64{0, 0}, nil); r.Kind != tc.want {
					t.Errorf("c = %g: %s at 0: %v, want %v", c, tc.name, r, tc.want)
				}
			}
			x4 := func(x float64) float64 { return c * x * x * x * x }
			for _, f := range []func(float64) float64{x4, func(x float64) float64 { return -x4(x) }} {
				if r := hessian.Classify1D(f, 0, nil); r.Kind != hessian.Inconclusive {
					t.Errorf("c = %g: Classify1D(±c·x⁴) at 0: %v, want inconclusive", c, r)
				}
			}
			if c >= 1e-5 {
				if r := hessian.Classify1D(func(x float64) float64 { return c * x * x }, 0, nil); r.Kind != hessian.Minimum {
					t.Errorf("c = %g: Classify1D(c·x²) at 0: %v, want minimum", c, r)
				}
			}
		}
	}
}

// The error bound of a finite-difference Hessian covers its actual error.
func TestHessianEstimateCoversError(t *testing.T) {
	f := func(x []float64) float64 { return math.Exp(x[0]) * math.Sin(3*x[1]) }
	x := []float64{0.7, 0.4}
	exact := mat.NewSymDense(2, []float64{
		math.Exp(x[0]) * math.Sin(3*x[1]), 3 * math.Exp(x[0]) * math.Cos(3*x[1]),
		3 * math.Exp(x[0]) * math.Cos(3*x[1]), -9 * math.Exp(x[0]) * math.Sin(3*x[1]),
	})
	for _, obj := range []hessian.Objective{hessian.Func(f), hessian.Funcs{F: f, G: func(dst, x []float64) {
		dst[0] = math.Exp(x[0]) * math.Sin(3*x[1])
		dst[1] = 3 * math.Exp(x[0]) * math.Cos(3*x[1])
	}}} {
		e := hessian.HessianEstimate(obj, x, nil)
		var d mat.Dense
		d.Sub(e.H, exact)
		if got := mat.Norm(&d, 2); got > e.Err || e.Err > 1e-4 {
			t.Errorf("%v: actual error %.3g, bound %.3g", e.Source, got, e.Err)
		}
	}
}

// Funcs says which derivatives it has, uses exactly those, and refuses a
// missing F with a message instead of a nil-pointer panic.
func TestFuncsSources(t *testing.T) {
	f := func(x []float64) float64 { return x[0]*x[0] + 3*x[1]*x[1] }
	g := func(dst, x []float64) { dst[0], dst[1] = 2*x[0], 6*x[1] }
	hCalls, hvCalls := 0, 0
	h := func(dst *mat.SymDense, _ []float64) {
		hCalls++
		dst.SetSym(0, 0, 2)
		dst.SetSym(1, 1, 6)
		dst.SetSym(0, 1, 0)
	}
	hv := func(dst, _, v []float64) { hvCalls++; dst[0], dst[1] = 2*v[0], 6*v[1] }
	cases := []struct {
		obj  hessian.Funcs
		want hessian.Source
	}{
		{hessian.Funcs{F: f}, hessian.DiffOfFunction},
		{hessian.Funcs{F: f, G: g}, hessian.DiffOfGradient},
		{hessian.Funcs{F: f, G: g, HV: hv}, hessian.ExactHessVec},
		{hessian.Funcs{F: f, G: g, H: h, HV: hv}, hessian.ExactHessian},
	}
	for _, tc := range cases {
		hCalls, hvCalls = 0, 0
		if got := hessian.SourceOf(tc.obj); got != tc.want {
			t.Errorf("%v: SourceOf = %v, want %v", tc.obj, got, tc.want)
		}
		r := hessian.ClassifyAt(tc.obj, []float64{0, 0}, nil)
		if r.Kind != hessian.Minimum || r.Source != tc.want {
			t.Errorf("%v: %v", tc.obj, r)
		}
		if tc.want == hessian.ExactHessian && (hCalls != 1 || hvCalls != 0) {
			t.Errorf("exact Hess: %d Hess calls, %d HessVec calls", hCalls, hvCalls)
		}
		if tc.want == hessian.ExactHessVec && hvCalls != 2 {
			t.Errorf("exact HessVec: %d calls, want 2 (one per column)", hvCalls)
		}
	}
	defer func() {
		if msg := fmt.Sprint(recover()); !strings.Contains(msg, "Funcs.F") {
			t.Errorf("nil F: panic %q", msg)
		}
	}()
	hessian.Funcs{G: g}.Func([]float64{1, 1})
}
