package optim_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/gocurve/gocurve/lib/hessian"
	"github.com/gocurve/gocurve/lib/interrupt"
	"github.com/gocurve/gocurve/lib/optim"
	"github.com/gocurve/gocurve/lib/optim/objective"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/plot/plotter"
)

// asymptoticFactor runs opt on q from x0 and returns the per-step
// contraction (‖θ_K‖/‖θ_K0‖)^{1/(K−K0)} of the error θ − θ* (θ* = 0).
func asymptoticFactor(t *testing.T, opt optim.Optimizer, q *hessian.Quadratic, x0 []float64, k0, k int) float64 {
	t.Helper()
	tr, err := optim.Run(opt, q, x0, &optim.Settings{MaxSteps: k})
	if err != nil {
		t.Fatal(err)
	}
	a := floats.Norm(tr.Steps[k0].Theta, 2)
	b := floats.Norm(tr.Steps[k].Theta, 2)
	return math.Pow(b/a, 1/float64(k-k0))
}

// At its best fixed step α = 2/(λmin+λmax), GD contracts the error by
// (κ−1)/(κ+1) per step; heavy-ball momentum at α = 4/(√λmax+√λmin)²,
// μ = ((√κ−1)/(√κ+1))² contracts it by (√κ−1)/(√κ+1). Both within 1 %.
func TestConvergenceRates(t *testing.T) {
	for _, tc := range []struct {
		name string
		q    *hessian.Quadratic
	}{
		{"2-D rotated", objective.Spectrum([]float64{1, 100}, objective.Rotation(0.4))},
		{"10-D", objective.Conditioned(10, 100, rand.New(rand.NewPCG(11, 1)))},
	} {
		n := tc.q.Dim()
		x0 := make([]float64, n)
		for i := range x0 {
			x0[i] = 1 + 0.1*float64(i)
		}
		lmin, lmax := 1.0, 100.0
		kappa := lmax / lmin
		t.Run(tc.name+"/GD", func(t *testing.T) {
			got := asymptoticFactor(t, &optim.GD{LR: 2 / (lmin + lmax)}, tc.q, x0, 200, 1000)
			want := (kappa - 1) / (kappa + 1)
			if math.Abs(got-want) > 0.01*want {
				t.Errorf("factor %.6f, want %.6f", got, want)
			}
			t.Logf("factor %.6f, theory %.6f", got, want)
		})
		t.Run(tc.name+"/HeavyBall", func(t *testing.T) {
			sk := math.Sqrt(kappa)
			rho := (sk - 1) / (sk + 1)
			alpha := 4 / math.Pow(math.Sqrt(lmax)+math.Sqrt(lmin), 2)
			// The optimal iteration matrix has 2×2 Jordan blocks, so the
			// error decays like k·ρᵏ; measured over steps 100…600 the k
			// factor adds (6)^{1/500} ≈ 0.36 % to the estimate.
			got := asymptoticFactor(t, &optim.Momentum{LR: alpha, Mu: rho * rho}, tc.q, x0, 100, 600)
			if math.Abs(got-rho) > 0.01*rho {
				t.Errorf("factor %.6f, want %.6f", got, rho)
			}
			t.Logf("factor %.6f, theory %.6f", got, rho)
		})
	}
}

// Under a constant gradient g the momentum velocity tends to −α/(1−μ)·g.
func TestMomentumTerminalVelocity(t *testing.T) {
	g := []float64{0.5, -2, 3}
	const alpha, mu = 0.1, 0.9
	m := &optim.Momentum{LR: alpha, Mu: mu}
	theta := make([]float64, 3)
	for range 500 { // μ^500 ≈ 1e-23
		m.Step(theta, g)
	}
	for i, p := range m.Velocity() {
		want := -alpha / (1 - mu) * g[i]
		if math.Abs(p-want) > 1e-12*math.Abs(want) {
			t.Errorf("p[%d] = %.17g, want %.17g", i, p, want)
		}
	}
}

// Clipping by norm keeps the direction (cosine 1 to 1e-15) and sets the
// norm to the bound; clipping by value clamps components.
func TestClipping(t *testing.T) {
	for _, g0 := range [][]float64{{3, -4}, {1e6, 2e5, -3e4}, {1e-3, 5, 100, -7}} {
		g := append([]float64(nil), g0...)
		n0 := optim.ClipNorm(g, 1)
		if math.Abs(n0-floats.Norm(g0, 2)) > 1e-15*n0 {
			t.Errorf("ClipNorm returned %g, want the original norm %g", n0, floats.Norm(g0, 2))
		}
		cos := floats.Dot(g, g0) / (floats.Norm(g, 2) * floats.Norm(g0, 2))
		if math.Abs(cos-1) > 1e-15 {
			t.Errorf("%v: cosine after clipping %.17g", g0, cos)
		}
		if nrm := floats.Norm(g, 2); math.Abs(nrm-1) > 1e-15 {
			t.Errorf("%v: norm after clipping %.17g, want 1", g0, nrm)
		}
	}
	small := []float64{0.1, 0.2}
	optim.ClipNorm(small, 1)
	if small[0] != 0.1 || small[1] != 0.2 {
		t.Errorf("ClipNorm changed a gradient below the bound: %v", small)
	}
	v := []float64{-5, 0.5, 7}
	if n := optim.ClipValue(v, 1); n != 2 || v[0] != -1 || v[1] != 0.5 || v[2] != 1 {
		t.Errorf("ClipValue: %v (%d clamped), want [-1 0.5 1] (2)", v, n)
	}
	// Clipped leaves the caller's gradient alone.
	g := []float64{30, 40}
	c := &optim.Clipped{Opt: &optim.GD{LR: 1}, MaxNorm: 5}
	theta := []float64{0, 0}
	c.Step(theta, g)
	if g[0] != 30 || g[1] != 40 || theta[0] != -3 || theta[1] != -4 {
		t.Errorf("Clipped step: θ = %v, grad = %v; want θ = [-3 -4], grad unchanged", theta, g)
	}
}

// On the cliff, a GD step taken on the wall throws the iterate across the
// bowl; the same step size with a clipped gradient norm does not.
func TestClippingTamesTheCliff(t *testing.T) {
	c := objective.Cliff{}
	x0 := []float64{-1, 0.5}
	plain, _ := optim.Run(&optim.GD{LR: 0.5}, c, x0, &optim.Settings{MaxSteps: 30})
	clipped, _ := optim.Run(&optim.Clipped{Opt: &optim.GD{LR: 0.5}, MaxNorm: 1}, c, x0, &optim.Settings{MaxSteps: 30})
	maxStep := func(tr *optim.Trajectory) float64 { return floats.Max(tr.StepNorms()) }
	if maxStep(plain) < 10 {
		t.Errorf("plain GD: largest step %g; expected a jump of more than 10 at the wall", maxStep(plain))
	}
	if maxStep(clipped) > 0.5+1e-12 {
		t.Errorf("clipped GD: largest step %g, want ≤ α·MaxNorm = 0.5", maxStep(clipped))
	}
	if j := clipped.Steps[30].Loss; j > c.Func([]float64{1, 0})+1e-3 {
		t.Errorf("clipped GD ends at J = %g, not near the minimum", j)
	}
}

// Started exactly on the saddle of x² − y², GD and Newton stay; perturbed
// GD and GD with gradient noise escape (J < −1).
func TestSaddleEscape(t *testing.T) {
	origin := []float64{0, 0}
	s := objective.Saddle{}
	for _, tc := range []struct {
		name   string
		opt    optim.Optimizer
		obj    hessian.Objective
		escape bool
	}{
		{"GD", &optim.GD{LR: 0.1}, s, false},
		{"Momentum", &optim.Momentum{LR: 0.1, Mu: 0.9}, s, false},
		{"Newton", &optim.Newton{Hess: s.Hess}, s, false},
		{"PerturbedGD", &optim.PerturbedGD{LR: 0.1, Radius: 0.01, GradThreshold: 1e-3, Wait: 10, Seed: 1}, s, true},
		{"SGD-noise", &optim.GD{LR: 0.1}, &objective.Noisy{Obj: s, Sigma: 0.01, Seed: 1}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr, err := optim.Run(tc.opt, tc.obj, origin, &optim.Settings{MaxSteps: 200, UseTarget: true, Target: -1})
			if err != nil {
				t.Fatal(err)
			}
			escaped := tr.Stop == optim.Target
			if escaped != tc.escape {
				t.Errorf("escaped = %v after %d steps (final θ %v), want %v", escaped, tr.Len()-1, tr.Theta, tc.escape)
			}
			if !tc.escape && (tr.Theta[0] != 0 || tr.Theta[1] != 0) {
				t.Errorf("moved off the saddle to %v", tr.Theta)
			}
		})
	}
}

// Started slightly off the saddle, momentum gets past it (J < −1) in fewer
// steps than GD with the same step size.
func TestMomentumPassesSaddleFaster(t *testing.T) {
	x0 := []float64{1, 1e-6}
	steps := func(opt optim.Optimizer) int {
		tr, err := optim.Run(opt, objective.Saddle{}, x0, &optim.Settings{MaxSteps: 1000, UseTarget: true, Target: -1})
		if err != nil || tr.Stop != optim.Target {
			t.Fatalf("%T did not pass the saddle: %v %v", opt, tr.Stop, err)
		}
		return tr.Len() - 1
	}
	gd, mom := steps(&optim.GD{LR: 0.05}), steps(&optim.Momentum{LR: 0.05, Mu: 0.9})
	if mom >= gd {
		t.Errorf("momentum took %d steps, GD %d; want momentum faster", mom, gd)
	}
	t.Logf("steps to J < −1: GD %d, momentum %d", gd, mom)
}

// Near the saddle, Newton jumps onto it while saddle-free Newton (dense and
// Krylov) moves away from it and decreases J at every step.
func TestSaddleFreeNewtonLeavesSaddle(t *testing.T) {
	s := objective.Saddle{}
	x0 := []float64{0.1, 0.05}
	newton, err := optim.Run(&optim.Newton{Hess: s.Hess}, s, x0, &optim.Settings{MaxSteps: 3})
	if err != nil {
		t.Fatal(err)
	}
	if d := floats.Norm(newton.Theta, 2); d > 1e-15 {
		t.Errorf("Newton ends %g from the saddle, want on it", d)
	}
	for _, opt := range []optim.Optimizer{
		&optim.SaddleFreeNewton{Hess: s.Hess, LR: 0.5},
		&optim.KrylovSaddleFree{HessVec: optim.DenseHessVec(2, s.Hess), K: 2, LR: 0.5},
	} {
		tr, err := optim.Run(opt, s, x0, &optim.Settings{MaxSteps: 5})
		if err != nil {
			t.Fatal(err)
		}
		l := tr.Losses()
		for k := 1; k < len(l); k++ {
			if !(l[k] < l[k-1]) {
				t.Errorf("%T: J rose from %g to %g at step %d", opt, l[k-1], l[k], k)
			}
		}
		if d0, d := floats.Norm(x0, 2), floats.Norm(tr.Theta, 2); d <= d0 {
			t.Errorf("%T: distance to the saddle went from %g to %g", opt, d0, d)
		}
	}
}

// With K < n, Krylov saddle-free Newton still decreases J on an indefinite
// quadratic, and with K = n it equals dense saddle-free Newton.
func TestKrylovSaddleFree(t *testing.T) {
	n := 30
	l := make([]float64, n)
	for i := range l {
		l[i] = float64(i - 10) // eigenvalues −10 … 19, one zero
	}
	q := objective.Spectrum(l, hessian.RandomRotation(n, rand.New(rand.NewPCG(2, 1))))
	x := make([]float64, n)
	for i := range x {
		x[i] = math.Sin(float64(i))
	}
	hvp := q.HessVec
	for _, k := range []int{3, 8} {
		tr, err := optim.Run(&optim.KrylovSaddleFree{HessVec: hvp, K: k, Damping: 0.1, LR: 0.5}, q, x, &optim.Settings{MaxSteps: 10})
		if err != nil {
			t.Fatal(err)
		}
		ls := tr.Losses()
		for j := 1; j < len(ls); j++ {
			if !(ls[j] < ls[j-1]) {
				t.Errorf("K=%d: J rose from %g to %g at step %d", k, ls[j-1], ls[j], j)
			}
		}
	}
	a := append([]float64(nil), x...)
	b := append([]float64(nil), x...)
	g := make([]float64, n)
	q.Grad(g, x)
	(&optim.KrylovSaddleFree{HessVec: hvp, K: n, Damping: 0.1}).Step(a, g)
	(&optim.SaddleFreeNewton{Hess: q.Hess, Damping: 0.1}).Step(b, g)
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-10*math.Max(1, math.Abs(b[i])) {
			t.Fatalf("K=n: θ[%d] = %.15g, dense saddle-free %.15g", i, a[i], b[i])
		}
	}
}

// Perturbed GD perturbs only where the gradient is small and at most once
// per Wait+1 steps, by at most Radius.
func TestPerturbedGDRules(t *testing.T) {
	p := &optim.PerturbedGD{LR: 0.1, Radius: 0.5, GradThreshold: 1e-3, Wait: 4, Seed: 3}
	theta := []float64{0, 0, 0}
	zero := []float64{0, 0, 0}
	for k := range 12 {
		before := append([]float64(nil), theta...)
		p.Step(theta, zero)
		moved := floats.Distance(theta, before, 2)
		perturb := k%5 == 0 // steps 0, 5, 10
		if perturb != (moved > 0) {
			t.Errorf("step %d: moved %g, perturbation expected: %v", k, moved, perturb)
		}
		if moved > 0.5 {
			t.Errorf("step %d: perturbation of size %g > radius", k, moved)
		}
	}
	if p.Perturbations() != 3 {
		t.Errorf("%d perturbations, want 3", p.Perturbations())
	}
	// A large gradient gives a plain GD step.
	theta = []float64{1, 1, 1}
	p.Step(theta, []float64{1, 0, 0})
	if theta[0] != 0.9 || theta[1] != 1 {
		t.Errorf("GD step gave %v", theta)
	}
}

// Uniform samples from the ball: inside it, and ‖ξ‖ⁿ is uniform on [0, r^n]
// (mean r^n/2).
func TestBallSample(t *testing.T) {
	const n, r, m = 5, 2.0, 20000
	rng := newRand(4)
	x := make([]float64, n)
	var s float64
	for range m {
		optim.BallSample(x, r, rng)
		nrm := floats.Norm(x, 2)
		if nrm > r {
			t.Fatalf("sample of norm %g outside the ball", nrm)
		}
		s += math.Pow(nrm/r, n)
	}
	// Mean of m uniforms: standard error 1/√(12m) ≈ 0.002.
	if mean := s / m; math.Abs(mean-0.5) > 0.01 {
		t.Errorf("mean of (‖ξ‖/r)^n = %g, want 0.5", mean)
	}
}

// GD with α slightly above 2/λmax diverges and Run says so; slightly below
// it converges.
func TestDivergence(t *testing.T) {
	q := objective.Spectrum([]float64{1, 10}, nil)
	x0 := []float64{1, 1}
	tr, err := optim.Run(&optim.GD{LR: 2.1 / 10}, q, x0, &optim.Settings{MaxSteps: 2000, MaxLoss: 1e6})
	if !errors.Is(err, optim.ErrDiverged) || tr.Stop != optim.Diverged {
		t.Errorf("α = 2.1/λmax: err %v, stop %v; want ErrDiverged", err, tr.Stop)
	}
	tr, err = optim.Run(&optim.GD{LR: 1.9 / 10}, q, x0, &optim.Settings{MaxSteps: 2000, GradTol: 1e-10})
	if err != nil || tr.Stop != optim.GradTol {
		t.Errorf("α = 1.9/λmax: err %v, stop %v; want convergence", err, tr.Stop)
	}
}

// interrupt.Request during a run stops it at the next step with the
// partial trajectory and an error wrapping interrupt.ErrInterrupted.
func TestRunInterrupt(t *testing.T) {
	t.Cleanup(interrupt.Clear)
	q := objective.Conditioned(5, 10, rand.New(rand.NewPCG(1, 1)))
	x0 := []float64{1, 2, 3, 4, 5}
	progress := func(s optim.Step) {
		if s.Iter == 10 {
			interrupt.Request()
		}
	}
	tr, err := optim.Run(&optim.GD{LR: 0.01}, q, x0, &optim.Settings{MaxSteps: 1 << 30, Progress: progress})
	interrupt.Clear()
	if !errors.Is(err, interrupt.ErrInterrupted) {
		t.Fatalf("err = %v, want one wrapping interrupt.ErrInterrupted", err)
	}
	if tr.Len() != 11 || tr.Stop != optim.Interrupted {
		t.Errorf("%d steps recorded, stop %v; want 11 and Interrupted", tr.Len(), tr.Stop)
	}
	data := make([]int, 100)
	bg := func(grad, theta []float64, idx []int) float64 {
		q.Grad(grad, theta)
		return q.Func(theta)
	}
	tr, err = optim.RunStochastic(&optim.GD{LR: 0.01}, bg, len(data), x0, &optim.StochasticSettings{BatchSize: 10, Epochs: 1 << 20, Progress: progress})
	interrupt.Clear()
	if !errors.Is(err, interrupt.ErrInterrupted) || tr.Len() != 11 {
		t.Errorf("RunStochastic: err %v, %d steps; want ErrInterrupted after 11", err, tr.Len())
	}
}

// Run records θ, J, ‖g‖, ‖Δθ‖ and the learning rate consistently, and a
// schedule drives the learning rate.
func TestRunRecords(t *testing.T) {
	q := objective.Spectrum([]float64{1, 4}, objective.Rotation(0.3))
	sched := optim.StepDecay{LR: 0.2, Factor: 0.5, Every: 3}
	tr, err := optim.Run(&optim.GD{}, q, []float64{1, -1}, &optim.Settings{MaxSteps: 8, Schedule: sched})
	if err != nil {
		t.Fatal(err)
	}
	g := make([]float64, 2)
	for k, s := range tr.Steps {
		if s.Iter != k || s.Loss != q.Func(s.Theta) {
			t.Errorf("step %d: Iter %d, Loss %g, J(θ) %g", k, s.Iter, s.Loss, q.Func(s.Theta))
		}
		q.Grad(g, s.Theta)
		if math.Abs(s.GradNorm-floats.Norm(g, 2)) > 1e-15*s.GradNorm {
			t.Errorf("step %d: GradNorm %g, ‖∇J(θ)‖ %g", k, s.GradNorm, floats.Norm(g, 2))
		}
		if k == 0 {
			continue
		}
		prev := tr.Steps[k-1]
		if s.LR != sched.Rate(k-1) {
			t.Errorf("step %d: LR %g, schedule %g", k, s.LR, sched.Rate(k-1))
		}
		q.Grad(g, prev.Theta)
		if want := s.LR * floats.Norm(g, 2); math.Abs(s.StepNorm-want) > 1e-15 {
			t.Errorf("step %d: StepNorm %g, α‖g‖ = %g", k, s.StepNorm, want)
		}
	}
	if xy := tr.XY(0, 1); len(xy) != tr.Len() || xy[3].X != tr.Steps[3].Theta[0] || xy[3].Y != tr.Steps[3].Theta[1] {
		t.Error("XY does not follow the recorded θ")
	}
}

func TestSchedules(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    optim.Schedule
		t    int
		want float64
	}{
		{"constant", optim.Constant{LR: 0.3}, 100, 0.3},
		{"step decay", optim.StepDecay{LR: 1, Factor: 0.5, Every: 10}, 25, 0.25},
		{"step decay before the first drop", optim.StepDecay{LR: 1, Factor: 0.5, Every: 10}, 9, 1},
		{"exponential", optim.Exponential{LR: 2, Decay: 0.9}, 2, 2 * 0.81},
		{"1/t", optim.InverseTime{LR: 1, Decay: 0.5}, 6, 0.25},
		{"cosine start", optim.Cosine{LR: 1, Min: 0.1, Steps: 100}, 0, 1},
		{"cosine middle", optim.Cosine{LR: 1, Min: 0.1, Steps: 100}, 50, 0.55},
		{"cosine end", optim.Cosine{LR: 1, Min: 0.1, Steps: 100}, 100, 0.1},
		{"cosine after", optim.Cosine{LR: 1, Min: 0.1, Steps: 100}, 1000, 0.1},
		{"warmup first", optim.Warmup{Steps: 4, Then: optim.Constant{LR: 0.8}}, 0, 0.2},
		{"warmup last", optim.Warmup{Steps: 4, Then: optim.Constant{LR: 0.8}}, 3, 0.8},
		{"warmup then decay", optim.Warmup{Steps: 4, Then: optim.StepDecay{LR: 0.8, Factor: 0.5, Every: 2}}, 6, 0.4},
		{"func", optim.ScheduleFunc(func(t int) float64 { return 1 / float64(t+1) }), 3, 0.25},
	} {
		if got := tc.s.Rate(tc.t); math.Abs(got-tc.want) > 1e-15 {
			t.Errorf("%s: Rate(%d) = %.17g, want %g", tc.name, tc.t, got, tc.want)
		}
	}
}

// Second-order steps on a positive definite quadratic land on the minimum
// in one step.
func TestNewtonOneStep(t *testing.T) {
	q := objective.Conditioned(6, 1e3, rand.New(rand.NewPCG(8, 1)))
	q.B = []float64{1, -1, 2, 0, 3, -2}
	want := q.CriticalPoints()[0].X
	for _, opt := range []optim.Optimizer{
		&optim.Newton{Hess: q.Hess},
		&optim.SaddleFreeNewton{Hess: q.Hess},
		&optim.KrylovSaddleFree{HessVec: q.HessVec, K: 6},
	} {
		theta := []float64{1, 2, 3, 4, 5, 6}
		g := make([]float64, 6)
		q.Grad(g, theta)
		opt.Step(theta, g)
		for i := range theta {
			if math.Abs(theta[i]-want[i]) > 1e-9*math.Max(1, math.Abs(want[i])) {
				t.Errorf("%T: θ[%d] = %g, minimum %g", opt, i, theta[i], want[i])
			}
		}
	}
	// Newton treats a zero eigenvalue with the pseudo-inverse.
	sing := objective.Spectrum([]float64{0, 2}, nil)
	sing.B = []float64{0, -4} // J = θ₁² − 4θ₁, minimum along θ₁ at 2
	theta := []float64{3, 0}
	g := make([]float64, 2)
	sing.Grad(g, theta)
	(&optim.Newton{Hess: sing.Hess}).Step(theta, g)
	if theta[0] != 3 || theta[1] != 2 {
		t.Errorf("singular Newton step gave %v, want [3 2]", theta)
	}
}

// Steps panic on a dimension mismatch with a package-prefixed message.
func TestDimensionPanics(t *testing.T) {
	defer func() {
		if r := recover(); r == nil {
			t.Error("no panic")
		} else if s, ok := r.(string); !ok || s[:6] != "optim:" {
			t.Errorf("panic %v without the optim: prefix", r)
		}
	}()
	m := &optim.Momentum{LR: 0.1}
	m.Step([]float64{1, 2}, []float64{1, 2})
	m.Step([]float64{1, 2, 3}, []float64{1, 2, 3})
}

// First-order steps allocate nothing after the first.
func TestStepsDoNotAllocate(t *testing.T) {
	theta := make([]float64, 1000)
	grad := make([]float64, 1000)
	for i := range grad {
		grad[i] = math.Sin(float64(i))
	}
	for _, opt := range firstOrder() {
		opt.o.Step(theta, grad)
		if a := testing.AllocsPerRun(10, func() { opt.o.Step(theta, grad) }); a != 0 {
			t.Errorf("%s: %g allocations per step", opt.name, a)
		}
	}
}

type named struct {
	name string
	o    optim.Optimizer
}

func firstOrder() []named {
	return []named{
		{"GD", &optim.GD{LR: 1e-3}},
		{"Momentum", &optim.Momentum{LR: 1e-3, Mu: 0.9}},
		{"Nesterov", &optim.Nesterov{LR: 1e-3, Mu: 0.9}},
		{"RMSprop", &optim.RMSprop{LR: 1e-3, Gamma: 0.1, Eps: 1e-8}},
		{"Adam", &optim.Adam{LR: 1e-3}},
		{"AdaGrad", &optim.AdaGrad{LR: 1e-3, Initial: 0.1, Eps: 1e-7}},
		{"PerturbedGD", &optim.PerturbedGD{LR: 1e-3, Radius: 1e-3, GradThreshold: 1e-3, Wait: 10}},
		{"Clipped(Momentum)", &optim.Clipped{Opt: &optim.Momentum{LR: 1e-3, Mu: 0.9}, MaxNorm: 1, MaxValue: 0.5}},
	}
}

// A trajectory's path and loss curve plug straight into gonum/plot.
var (
	_ plotter.XYer = (&optim.Trajectory{}).XY(0, 1)
	_ plotter.XYer = (&optim.Trajectory{}).LossCurve()
)

// A run refuses a learning rate that cannot descend unless a schedule sets
// it, and names the fix; Newton's zero LR means 1 and runs.
func TestRunRefusesRateThatCannotDescend(t *testing.T) {
	obj := objective.Spectrum([]float64{1, 4}, nil)
	grad := func(dst, theta []float64, batch []int) float64 {
		obj.Grad(dst, theta)
		return obj.Func(theta)
	}
	cases := []struct {
		name   string
		opt    optim.Optimizer
		sched  optim.Schedule
		refuse bool
	}{
		{"zero GD", &optim.GD{}, nil, true},
		{"negative momentum", &optim.Momentum{LR: -0.1, Mu: 0.9}, nil, true},
		{"NaN Adam", &optim.Adam{LR: math.NaN()}, nil, true},
		{"zero GD with schedule", &optim.GD{}, optim.Constant{LR: 0.1}, false},
		{"Newton zero means 1", &optim.Newton{Hess: obj.Hess}, nil, false},
		{"GD", &optim.GD{LR: 0.1}, nil, false},
	}
	for _, c := range cases {
		for _, run := range []string{"Run", "RunStochastic"} {
			func() {
				defer func() {
					r := recover()
					switch {
					case c.refuse && r == nil:
						t.Errorf("%s %s: ran", run, c.name)
					case c.refuse && !strings.Contains(fmt.Sprint(r), "set LR"):
						t.Errorf("%s %s: panic %q does not say what to write", run, c.name, r)
					case !c.refuse && r != nil:
						t.Errorf("%s %s: refused: %v", run, c.name, r)
					}
				}()
				if run == "Run" {
					optim.Run(c.opt, obj, []float64{1, 1}, &optim.Settings{MaxSteps: 3, Schedule: c.sched})
				} else {
					optim.RunStochastic(c.opt, grad, 4, []float64{1, 1}, &optim.StochasticSettings{Epochs: 1, Schedule: c.sched})
				}
			}()
		}
	}
}
