package optim_test

import (
	_ "embed"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/gocurve/gocurve/internal/pyref"
	"github.com/gocurve/gocurve/lib/hessian"
	"github.com/gocurve/gocurve/lib/optim"
	"github.com/gocurve/gocurve/lib/optim/objective"
)

//go:embed testdata/plateau.py
var plateauScript string

// ReduceOnPlateau's scale follows optax.contrib.reduce_on_plateau's on the
// same sequence of losses.
func TestReduceOnPlateauMatchesOptax(t *testing.T) {
	values := make([]float64, 80)
	for k := range values {
		// fast progress, then a noisy plateau, a drop, and another plateau
		values[k] = 1/float64(k+1) + 0.01*math.Sin(float64(7*k))
		if k > 40 {
			values[k] = 0.02 + 0.001*math.Cos(float64(3*k))
		}
	}
	type refCase struct {
		Factor   float64   `json:"factor"`
		Patience int       `json:"patience"`
		RTol     float64   `json:"rtol"`
		ATol     float64   `json:"atol"`
		Cooldown int       `json:"cooldown"`
		MinScale float64   `json:"min_scale"`
		Values   []float64 `json:"values"`
	}
	cases := []refCase{
		{Factor: 0.5, Patience: 3, RTol: 1e-4, Values: values},
		{Factor: 0.1, Patience: 5, RTol: 0.01, ATol: 1e-3, Cooldown: 2, MinScale: 1e-3, Values: values},
		{Factor: 0.3, Patience: 1, ATol: 1e-2, Cooldown: 4, Values: values},
	}
	var out struct {
		Scales [][]float64 `json:"scales"`
	}
	pyref.Run(t, plateauScript, map[string]any{"cases": cases}, &out)
	for i, c := range cases {
		r := &optim.ReduceOnPlateau{Factor: c.Factor, Patience: c.Patience, RTol: c.RTol, ATol: c.ATol, Cooldown: c.Cooldown, MinScale: c.MinScale}
		cuts := 0
		for k, v := range c.Values {
			got := r.Observe(v)
			if math.Abs(got-out.Scales[i][k]) > 1e-12*out.Scales[i][k] {
				t.Fatalf("case %d, observation %d: scale %g, optax %g", i, k, got, out.Scales[i][k])
			}
			if k > 0 && out.Scales[i][k] < out.Scales[i][k-1] {
				cuts++
			}
		}
		if cuts == 0 {
			t.Errorf("case %d: no cut in the reference: the comparison proves little", i)
		}
	}
}

// Run with Settings.Plateau cuts the rate when GD stalls and restores the
// optimizer's rate afterwards.
func TestRunWithPlateau(t *testing.T) {
	q := objective.Ravine(1e-4, 1, 0.3)
	gd := &optim.GD{LR: 1.9}
	tr, err := optim.Run(gd, q, []float64{1, 1}, &optim.Settings{MaxSteps: 200, Plateau: &optim.ReduceOnPlateau{Factor: 0.5, Patience: 5, RTol: 0.01}})
	if err != nil {
		t.Fatal(err)
	}
	if last := tr.Steps[tr.Len()-1].LR; !(last < 1.9) {
		t.Errorf("the rate was never cut: %g", last)
	}
	if gd.LR != 1.9 {
		t.Errorf("Run left the optimizer's rate at %g", gd.LR)
	}
}

func ExampleReduceOnPlateau() {
	r := &optim.ReduceOnPlateau{Factor: 0.5, Patience: 2}
	for _, loss := range []float64{1, 0.5, 0.4, 0.4, 0.4, 0.4, 0.4, 0.1} {
		fmt.Print(r.Observe(loss), " ")
	}
	fmt.Println()
	// Output:
	// 1 1 1 1 0.5 0.5 0.25 0.25
}

func ExampleLBFGS() {
	// On a quadratic with κ = 100, L-BFGS with a unit step needs a handful
	// of steps where gradient descent needs hundreds.
	q := objective.Ravine(1, 100, 0.5)
	for _, opt := range []optim.Optimizer{&optim.LBFGS{Memory: 5}, &optim.GD{LR: 0.019}} {
		tr, _ := optim.Run(opt, q, []float64{1, 1}, &optim.Settings{MaxSteps: 5000, GradTol: 1e-8})
		fmt.Printf("%T: %d steps\n", opt, tr.Steps[tr.Len()-1].Iter)
	}
	// Output:
	// *optim.LBFGS: 6 steps
	// *optim.GD: 977 steps
}

func ExampleAdam_weightDecay() {
	// AdamW on J = ½‖θ‖² − (1, 1)ᵀθ, minimum (1, 1): the decay λθ is added
	// after Adam's normalisation, so it pulls the iterates below (1, 1).
	q := objective.Spectrum([]float64{1, 1}, nil)
	q.B = []float64{-1, -1}
	for _, wd := range []float64{0, 0.5} {
		tr, _ := optim.Run(&optim.Adam{LR: 0.01, WeightDecay: wd}, q, []float64{0, 0}, &optim.Settings{MaxSteps: 3000})
		fmt.Printf("weight decay %.1f: θ = %.3f\n", wd, tr.Theta)
	}
	// Output:
	// weight decay 0.0: θ = [1.000 1.000]
	// weight decay 0.5: θ = [0.960 0.960]
}

// A cell's plain function runs with central-difference gradients, and a
// missing function is refused with a message naming the field.
func TestRunFuncsWithoutGradient(t *testing.T) {
	f := func(x []float64) float64 { return (x[0]-1)*(x[0]-1) + 2*(x[1]+1)*(x[1]+1) }
	tr, err := optim.Run(&optim.GD{LR: 0.2}, hessian.Funcs{F: f}, []float64{0, 0}, &optim.Settings{MaxSteps: 200})
	if err != nil || math.Abs(tr.Theta[0]-1) > 1e-6 || math.Abs(tr.Theta[1]+1) > 1e-6 {
		t.Errorf("GD on Funcs{F}: θ = %v, %v", tr.Theta, err)
	}
	defer func() {
		if msg := fmt.Sprint(recover()); !strings.Contains(msg, "Funcs.F") {
			t.Errorf("Funcs without F: panic %q", msg)
		}
	}()
	optim.Run(&optim.GD{LR: 0.2}, hessian.Funcs{}, []float64{0, 0}, nil)
}
