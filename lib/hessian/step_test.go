package hessian_test

import (
	"math"
	"testing"

	"github.com/gocurve/gocurve/lib/hessian"
	"gonum.org/v1/gonum/floats"
)

func TestOneStepAnalysis(t *testing.T) {
	q := newTestQuadratic([]float64{-0.5, 0.2, 1, 6}, 3)
	theta := []float64{0.4, -1, 2, 1}
	g := hessian.GradientOf(nil, q, theta)
	s, err := hessian.Eigen(q.A)
	if err != nil {
		t.Fatal(err)
	}
	direct, spectral := hessian.GHG(q.A, g), s.GHG(g)
	if math.Abs(direct-spectral) > 1e-12*math.Abs(direct) {
		t.Errorf("gᵀHg = %v directly, %v as Σλ(gᵀq)²", direct, spectral)
	}
	// On a quadratic the model is exact: ΔJ(α) is the true change.
	step := func(alpha float64) float64 {
		next := append([]float64(nil), theta...)
		floats.AddScaled(next, -alpha, g)
		return q.Func(next) - q.Func(theta)
	}
	for _, alpha := range []float64{0.01, 0.1, 0.3, 1} {
		pred := hessian.PredictedChange(q.A, g, alpha)
		if d := math.Abs(pred - step(alpha)); d > 1e-12*math.Max(1, math.Abs(pred)) {
			t.Errorf("α=%v: predicted %v, true %v", alpha, pred, step(alpha))
		}
		if hessian.Decreases(q.A, g, alpha) != (step(alpha) < 0) {
			t.Errorf("α=%v: Decreases disagrees with the true change %v", alpha, step(alpha))
		}
	}
	best := hessian.BestStep(q.A, g)
	if !(best > 0) || math.IsInf(best, 1) {
		t.Fatalf("BestStep = %v", best)
	}
	for _, f := range []float64{0.9, 1.1} {
		if step(best*f) <= step(best) {
			t.Errorf("step %v·α* decreases more than α*", f)
		}
	}
	if got, want := hessian.MaxStableStep(q.A), 2.0/6; math.Abs(got-want) > 1e-14 {
		t.Errorf("MaxStableStep = %v, want %v", got, want)
	}
	rep := hessian.StepAnalysis(q.A, g, best)
	if !rep.Decreases || rep.Best != best || rep.GHG != direct {
		t.Errorf("StepAnalysis inconsistent: %+v", rep)
	}
	// Along a direction of negative curvature the model has no best step.
	neg := s.Vector(0)
	if b := hessian.BestStep(q.A, neg); !math.IsInf(b, 1) {
		t.Errorf("BestStep along negative curvature = %v, want +Inf", b)
	}
}

func TestTaylorModel(t *testing.T) {
	// Exact on a quadratic.
	q := newTestQuadratic([]float64{1, 2, 5}, 4)
	theta0 := []float64{1, 0, -1}
	m := hessian.NewTaylor(q, theta0, nil)
	for _, x := range [][]float64{{0, 0, 0}, {3, -2, 1}} {
		if d := math.Abs(m.At(x) - q.Func(x)); d > 1e-12*math.Max(1, math.Abs(q.Func(x))) {
			t.Errorf("Taylor model of a quadratic at %v off by %v", x, d)
		}
	}
	// Third-order error on a smooth function: halving t divides it by ≈ 8.
	f := func(x []float64) float64 { return math.Exp(x[0]) * math.Sin(x[1]) }
	mt := hessian.NewTaylor(hessian.Func(f), []float64{0.3, 0.7}, nil)
	v := []float64{1, -0.5}
	errAt := func(tt float64) float64 {
		return math.Abs(f([]float64{0.3 + tt*v[0], 0.7 + tt*v[1]}) - mt.AlongLine(v, tt))
	}
	for _, tt := range []float64{0.1, 0.05} {
		if r := errAt(tt) / errAt(tt/2); math.Abs(r-8) > 0.8 {
			t.Errorf("error ratio at t=%v: %v, want ≈ 8 (third order)", tt, r)
		}
	}
	slope, curv := mt.Line(v)
	gg := hessian.Gradient(nil, f, []float64{0.3, 0.7}, nil)
	if d := math.Abs(slope - floats.Dot(gg, v)); d > 1e-9 {
		t.Errorf("slope %v, want gᵀv = %v", slope, floats.Dot(gg, v))
	}
	if d := math.Abs(curv - hessian.Curvature(mt.Hess, v)); d > 0 {
		t.Errorf("curv %v inconsistent", curv)
	}
}
