package hessian_test

import (
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
