package optim_test

import (
	_ "embed"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/gocurve/gocurve/internal/pyref"
	"github.com/gocurve/gocurve/lib/hessian"
	"github.com/gocurve/gocurve/lib/optim"
	"github.com/gocurve/gocurve/lib/optim/objective"
	"gonum.org/v1/gonum/mat"
)

// reference.py computes the same 50-step trajectories with optax (JAX CPU,
// float64) for the methods optax has, and with NumPy from the published
// formulas for the Newton family (Krylov saddle-free Newton with K < n
// against an Arnoldi basis and the dense projection QᵀHQ instead of the
// Lanczos recurrence). Gradients and Hessians there come from jax.grad and
// jax.hessian of the loss, not from our Grad and Hess.
//
// Convention map (notes ↔ optax):
//   - notes' momentum p ← μp − αg, θ ← θ + p  =  optax.sgd(α, momentum=μ),
//     whose trace is b ← μb + g, θ ← θ − αb: p = −α·b.
//   - Nesterov (Sutskever look-ahead, iterate = look-ahead point)
//     =  optax.sgd(α, momentum=μ, nesterov=True).
//   - notes' RMSprop s ← (1−γ)s + γg², θ ← θ − αg/√(s+ε)
//     =  optax.rmsprop(α, decay=1−γ, eps=ε, eps_in_sqrt=True).
//   - Adam = optax.adam(α, b1, b2, eps) (bias-corrected, ε outside the root).
//   - AdaGrad G ← G + g², θ ← θ − αg/√(G+ε), G₀ = Initial
//     =  optax.adagrad(α, initial_accumulator_value=G₀, eps=ε) (ε inside the root).
//   - Clipped{MaxNorm} = optax.clip_by_global_norm; Clipped{MaxValue} = optax.clip.
//   - A schedule on GD or Adam = optax with the schedule as learning rate
//     (Cosine{LR, Min, Steps} = cosine_decay_schedule(LR, Steps, alpha=Min/LR);
//     Exponential = LR·Decay^t written in float64, since optax.exponential_decay
//     evaluates the power in float32 from its int32 step count). Momentum is not
//     compared under a schedule: the notes' p ← μp − α_t g and optax's
//     −α_t(μb + g) differ once α changes.
//
//go:embed testdata/reference.py
var referenceScript string

type refCase struct {
	Problem map[string]any `json:"problem"`
	Method  string         `json:"method"`
	Hyper   map[string]any `json:"hyper"`
	Theta0  []float64      `json:"theta0"`
	Steps   int            `json:"steps"`
	name    string         // for t.Run
	obj     refObjective   // our objective
	opt     func() optim.Optimizer
	sched   optim.Schedule
	oneStep bool // compare the step map from each reference iterate, not the trajectory
}

type refObjective interface {
	hessian.Objective
	Hess(dst *mat.SymDense, theta []float64)
}

func quadProblem(q *hessian.Quadratic) map[string]any {
	n := q.Dim()
	a := make([][]float64, n)
	for i := range a {
		a[i] = make([]float64, n)
		for j := range a[i] {
			a[i][j] = q.A.At(i, j)
		}
	}
	return map[string]any{"kind": "quadratic", "A": a, "b": q.B}
}

func TestTrajectoriesMatchReference(t *testing.T) {
	quad2 := objective.Spectrum([]float64{1, 100}, objective.Rotation(math.Pi/6))
	quad2.B = []float64{-1, 2} // J = ½θᵀAθ + bᵀθ: minimum A⁻¹(1, −2)
	quad10 := objective.Conditioned(10, 100, rand.New(rand.NewPCG(7, 1)))
	quad10.B = make([]float64, 10)
	x10 := make([]float64, 10)
	for i := range quad10.B {
		quad10.B[i] = -math.Sin(float64(i + 1))
		x10[i] = math.Cos(float64(2*i + 1))
	}
	rosen := objective.Rosenbrock{}

	type problem struct {
		name   string
		obj    refObjective
		spec   map[string]any
		theta0 []float64
		lr     float64 // a stable GD step for the problem
	}
	problems := []problem{
		{"quad2-kappa100", quad2, quadProblem(quad2), []float64{3, -2}, 0.015},
		{"quad10-kappa100", quad10, quadProblem(quad10), x10, 0.015},
		{"rosenbrock", rosen, map[string]any{"kind": "rosenbrock", "a": 1.0, "b": 100.0}, []float64{-1.2, 1}, 5e-4},
	}

	var cases []refCase
	for _, p := range problems {
		lr := p.lr
		hess := p.obj.Hess
		n := len(p.theta0)
		add := func(name, method string, hyper map[string]any, opt func() optim.Optimizer, sched optim.Schedule) {
			cases = append(cases, refCase{Problem: p.spec, Method: method, Hyper: hyper, Theta0: p.theta0, Steps: 50,
				name: p.name + "/" + name, obj: p.obj, opt: opt, sched: sched})
		}
		add("GD", "gd", map[string]any{"lr": lr}, func() optim.Optimizer { return &optim.GD{LR: lr} }, nil)
		add("Momentum", "momentum", map[string]any{"lr": lr / 3, "mu": 0.9},
			func() optim.Optimizer { return &optim.Momentum{LR: lr / 3, Mu: 0.9} }, nil)
		add("Nesterov", "nesterov", map[string]any{"lr": lr / 3, "mu": 0.9},
			func() optim.Optimizer { return &optim.Nesterov{LR: lr / 3, Mu: 0.9} }, nil)
		// RMSprop's steps have size ≈ α near the optimum, where its oscillation
		// amplifies rounding differences about 2× per step (chaotic); the
		// step sizes keep 50 steps in the transient so trajectories are comparable.
		add("RMSprop", "rmsprop", map[string]any{"lr": 0.002, "gamma": 0.1, "eps": 1e-8},
			func() optim.Optimizer { return &optim.RMSprop{LR: 0.002, Gamma: 0.1, Eps: 1e-8} }, nil)
		add("RMSprop-gamma0.3", "rmsprop", map[string]any{"lr": 0.001, "gamma": 0.3, "eps": 1e-6},
			func() optim.Optimizer { return &optim.RMSprop{LR: 0.001, Gamma: 0.3, Eps: 1e-6} }, nil)
		add("Adam", "adam", map[string]any{"lr": 0.02, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8},
			func() optim.Optimizer { return &optim.Adam{LR: 0.02} }, nil)
		add("AdamW", "adamw", map[string]any{"lr": 0.02, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "wd": 0.1},
			func() optim.Optimizer { return &optim.Adam{LR: 0.02, WeightDecay: 0.1} }, nil)
		if p.name != "rosenbrock" { // no line search: a convex problem
			add("LBFGS-m3", "lbfgs", map[string]any{"lr": 0.5, "memory": 3},
				func() optim.Optimizer { return &optim.LBFGS{LR: 0.5, Memory: 3} }, nil)
		}
		add("AdaGrad", "adagrad", map[string]any{"lr": 0.1, "initial": 0.1, "eps": 1e-7},
			func() optim.Optimizer { return &optim.AdaGrad{LR: 0.1, Initial: 0.1, Eps: 1e-7} }, nil)
		add("Newton", "newton", map[string]any{},
			func() optim.Optimizer { return &optim.Newton{Hess: hess} }, nil)
		add("DampedNewton", "damped_newton", map[string]any{"tau": 10.0},
			func() optim.Optimizer { return &optim.DampedNewton{Hess: hess, Damping: 10} }, nil)
		add("SaddleFreeNewton", "saddle_free", map[string]any{"tau": 1.0},
			func() optim.Optimizer { return &optim.SaddleFreeNewton{Hess: hess, Damping: 1} }, nil)
		add("KrylovSaddleFree-K=n", "saddle_free", map[string]any{"tau": 1.0},
			func() optim.Optimizer {
				return &optim.KrylovSaddleFree{HessVec: optim.DenseHessVec(n, hess), K: n, Damping: 1}
			}, nil)
		if n > 3 {
			// With K < n the step depends on the Krylov space, and the
			// trajectory amplifies rounding differences (1e-15 → 1e-11 in
			// 12 steps on quad10); so this case compares the step map
			// θ_k ↦ θ_{k+1} at each reference iterate.
			add("KrylovSaddleFree-K=3", "krylov_saddle_free", map[string]any{"tau": 1.0, "k": 3},
				func() optim.Optimizer {
					return &optim.KrylovSaddleFree{HessVec: optim.DenseHessVec(n, hess), K: 3, Damping: 1}
				}, nil)
			cases[len(cases)-1].oneStep = true
		}
		add("Clipped-norm-GD", "clip_norm_gd", map[string]any{"lr": lr, "max_norm": 10.0},
			func() optim.Optimizer { return &optim.Clipped{Opt: &optim.GD{LR: lr}, MaxNorm: 10} }, nil)
		add("Clipped-value-Momentum", "clip_value_momentum", map[string]any{"lr": lr / 3, "mu": 0.9, "max_value": 5.0},
			func() optim.Optimizer { return &optim.Clipped{Opt: &optim.Momentum{LR: lr / 3, Mu: 0.9}, MaxValue: 5} }, nil)
		cos := optim.Cosine{LR: lr, Min: lr / 10, Steps: 40}
		add("GD-cosine", "gd", map[string]any{"schedule": map[string]any{"kind": "cosine", "lr": cos.LR, "min": cos.Min, "steps": cos.Steps}},
			func() optim.Optimizer { return &optim.GD{} }, cos)
		exp := optim.Exponential{LR: 0.05, Decay: 0.97}
		add("Adam-exponential", "adam", map[string]any{"beta1": 0.9, "beta2": 0.999, "eps": 1e-8,
			"schedule": map[string]any{"kind": "exponential", "lr": exp.LR, "decay": exp.Decay}},
			func() optim.Optimizer { return &optim.Adam{} }, exp)
	}

	var out struct {
		Trajectories [][][]float64 `json:"trajectories"`
	}
	pyref.Run(t, referenceScript, map[string]any{"cases": cases}, &out)
	if len(out.Trajectories) != len(cases) {
		t.Fatalf("reference returned %d trajectories for %d cases", len(out.Trajectories), len(cases))
	}
	for ci, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ref := out.Trajectories[ci]
			if c.oneStep {
				tr := &optim.Trajectory{Steps: []optim.Step{{Theta: ref[0]}}}
				g := make([]float64, len(c.Theta0))
				opt := c.opt()
				for k := 0; k < c.Steps; k++ {
					theta := slices.Clone(ref[k])
					c.obj.Grad(g, theta)
					opt.Step(theta, g)
					tr.Steps = append(tr.Steps, optim.Step{Iter: k + 1, Theta: theta})
				}
				compare(t, tr, ref, c.Steps)
				return
			}
			tr, err := optim.Run(c.opt(), c.obj, c.Theta0, &optim.Settings{MaxSteps: c.Steps, Schedule: c.sched})
			if err != nil {
				t.Fatal(err)
			}
			compare(t, tr, ref, c.Steps)
		})
	}
}

// compare checks tr against the reference iterates to 1e-12, relative
// where |θ| > 1.
func compare(t *testing.T, tr *optim.Trajectory, ref [][]float64, steps int) {
	t.Helper()
	const tol = 1e-12
	if moved := dist(ref[0], ref[len(ref)-1]); moved < 1e-2 {
		t.Fatalf("the reference moved only %g in %d steps: the comparison would prove little", moved, steps)
	}
	if tr.Len() != len(ref) {
		t.Fatalf("%d steps, reference has %d", tr.Len(), len(ref))
	}
	worst, at := 0.0, ""
	for k, s := range tr.Steps {
		for i, v := range s.Theta {
			d := math.Abs(v-ref[k][i]) / math.Max(1, math.Abs(ref[k][i]))
			if d > worst {
				worst, at = d, fmt.Sprintf("θ_%d[%d] = %.17g, reference %.17g", k, i, v, ref[k][i])
			}
		}
	}
	if worst > tol {
		t.Errorf("max diff %.3g > %g at %s", worst, tol, at)
	}
	t.Logf("max diff %.3g over %d steps", worst, steps)
}

func dist(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += (a[i] - b[i]) * (a[i] - b[i])
	}
	return math.Sqrt(s)
}
