package optim_test

import (
	"fmt"

	"github.com/gocurve/gocurve/lib/optim"
	"github.com/gocurve/gocurve/lib/optim/objective"
)

// Momentum crosses a narrow ravine (κ = 100) much faster than gradient
// descent with the same step size.
func Example() {
	ravine := objective.Ravine(1, 100, 0.5)
	x0 := []float64{2, 1}
	stop := &optim.Settings{MaxSteps: 5000, UseTarget: true, Target: 1e-8}
	for _, opt := range []optim.Optimizer{
		&optim.GD{LR: 0.015},
		&optim.Momentum{LR: 0.015, Mu: 0.9},
	} {
		tr, err := optim.Run(opt, ravine, x0, stop)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%-16T %4d steps to J ≤ 1e-8\n", opt, tr.Len()-1)
	}
	// Output:
	// *optim.GD         640 steps to J ≤ 1e-8
	// *optim.Momentum   177 steps to J ≤ 1e-8
}

func ExampleRun() {
	tr, err := optim.Run(&optim.Adam{LR: 0.1}, objective.Rosenbrock{}, []float64{-1.2, 1}, &optim.Settings{MaxSteps: 3})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range tr.Steps {
		fmt.Printf("k=%d θ=(%.4f, %.4f) J=%.4f ‖g‖=%.2f ‖Δθ‖=%.4f\n", s.Iter, s.Theta[0], s.Theta[1], s.Loss, s.GradNorm, s.StepNorm)
	}
	fmt.Println(tr)
	// Output:
	// k=0 θ=(-1.2000, 1.0000) J=24.2000 ‖g‖=232.87 ‖Δθ‖=0.0000
	// k=1 θ=(-1.1000, 1.1000) J=5.6200 ‖g‖=57.02 ‖Δθ‖=0.1414
	// k=2 θ=(-1.0173, 1.1831) J=6.2669 ‖g‖=63.62 ‖Δθ‖=0.1172
	// k=3 θ=(-0.9710, 1.2242) J=11.8035 ‖g‖=119.44 ‖Δθ‖=0.0619
	// optim.Trajectory: 3 steps (max steps), J 24.2 → 11.8035, ‖∇J‖ 233 → 119
}

// Clipping by norm shrinks a gradient and keeps its direction.
func ExampleClipNorm() {
	g := []float64{30, -40}
	before := optim.ClipNorm(g, 5)
	fmt.Println(before, g)
	// Output: 50 [3 -4]
}

// Near the saddle of x² − y², Newton jumps onto the saddle; saddle-free
// Newton goes downhill.
func ExampleSaddleFreeNewton() {
	s := objective.Saddle{}
	x0 := []float64{0.1, 0.05}
	for _, opt := range []optim.Optimizer{
		&optim.Newton{Hess: s.Hess},
		&optim.SaddleFreeNewton{Hess: s.Hess},
	} {
		tr, _ := optim.Run(opt, s, x0, &optim.Settings{MaxSteps: 1})
		fmt.Printf("%-24T θ₁ = (%.2f, %.2f), J: %.4f → %.4f\n", opt, tr.Theta[0], tr.Theta[1], tr.Steps[0].Loss, tr.Steps[1].Loss)
	}
	// Output:
	// *optim.Newton            θ₁ = (0.00, 0.00), J: 0.0075 → 0.0000
	// *optim.SaddleFreeNewton  θ₁ = (0.00, 0.10), J: 0.0075 → -0.0100
}

// Minibatch SGD over a data set, with a learning-rate schedule.
func ExampleRunStochastic() {
	// Fit y = 3x with per-example losses ½(θx − y)².
	xs := []float64{-2, -1, 0.5, 1, 1.5, 2, 3, -0.5}
	batch := func(grad, theta []float64, idx []int) float64 {
		loss, g := 0.0, 0.0
		for _, i := range idx {
			r := theta[0]*xs[i] - 3*xs[i]
			loss += 0.5 * r * r
			g += r * xs[i]
		}
		grad[0] = g / float64(len(idx))
		return loss / float64(len(idx))
	}
	tr, err := optim.RunStochastic(&optim.GD{}, batch, len(xs), []float64{0}, &optim.StochasticSettings{
		BatchSize: 2, Epochs: 10, Seed: 1, Schedule: optim.InverseTime{LR: 0.2, Decay: 0.05},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d steps, θ = %.6f, final loss below 1e-12: %v\n", tr.Len()-1, tr.Theta[0], tr.Steps[tr.Len()-1].Loss < 1e-12)
	// Output: 40 steps, θ = 3.000000, final loss below 1e-12: true
}
