package objective_test

import (
	"math"
	"testing"

	"github.com/gocurve/gocurve/lib/optim"
	"github.com/gocurve/gocurve/lib/optim/objective"
)

// The wrong side of the mountain: gradient descent started right of the
// summit ends in the shallow local minimum, started left of it in the
// global one.
func TestMountainWrongSide(t *testing.T) {
	m := objective.Mountain{}
	cps := m.CriticalPoints()
	global, local := cps[0].X[0], cps[2].X[0]
	for _, tc := range []struct {
		x0, want float64
	}{{0.5, local}, {-0.5, global}} {
		tr, err := optim.Run(&optim.GD{LR: 0.5}, m, []float64{tc.x0, 1}, &optim.Settings{MaxSteps: 5000, GradTol: 1e-10})
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(tr.Theta[0]-tc.want) > 1e-8 {
			t.Errorf("from x = %g: ended at x = %g, want %g", tc.x0, tr.Theta[0], tc.want)
		}
	}
}

// On the plateau gradient descent barely moves: 100 steps from the
// saturated start reduce J by less than 1 %, against more than half from an
// unsaturated start.
func TestPlateauSlowsGD(t *testing.T) {
	p := objective.Plateau{}
	drop := func(x0 []float64) float64 {
		tr, err := optim.Run(&optim.GD{LR: 1}, p, x0, &optim.Settings{MaxSteps: 100})
		if err != nil {
			t.Fatal(err)
		}
		l := tr.Losses()
		return (l[0] - l[len(l)-1]) / l[0]
	}
	if d := drop([]float64{-8, 0}); d > 0.01 {
		t.Errorf("saturated start: J dropped by %.1f %%", 100*d)
	}
	if d := drop([]float64{0, 0}); d < 0.5 {
		t.Errorf("unsaturated start: J dropped by only %.1f %%", 100*d)
	}
}

// RMSprop corrects axis-aligned curvature but not rotated curvature (the
// notes' caveat). With α = 0.03 on a κ = 100 ravine, started at the same
// point in the ravine's own coordinates (u, v) = (2, 0.2), it reaches
// J ≤ 0.01 within 100 steps when the ravine is aligned with the axes, and
// stalls above 0.01 for 2000 steps when the ravine is rotated.
func TestRMSpropAxisAligned(t *testing.T) {
	steps := func(angle float64) (int, optim.StopReason) {
		r := objective.Ravine(1, 100, angle)
		s, c := math.Sincos(angle)
		x0 := []float64{2*c - 0.2*s, 2*s + 0.2*c}
		tr, err := optim.Run(&optim.RMSprop{LR: 0.03, Gamma: 0.1}, r, x0, &optim.Settings{MaxSteps: 2000, UseTarget: true, Target: 0.01})
		if err != nil {
			t.Fatal(err)
		}
		return tr.Len() - 1, tr.Stop
	}
	if k, stop := steps(0); stop != optim.Target || k > 100 {
		t.Errorf("aligned: %d steps, stop %v; want J ≤ 0.01 within 100 steps", k, stop)
	}
	for _, angle := range []float64{math.Pi / 4, math.Pi / 6} {
		if k, stop := steps(angle); stop == optim.Target {
			t.Errorf("rotated by %.3f: reached J ≤ 0.01 in %d steps; want a stall", angle, k)
		}
	}
}
