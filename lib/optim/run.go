package optim

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/gocurve/gocurve/lib/hessian"
	"github.com/gocurve/gocurve/lib/interrupt"
	"gonum.org/v1/plot/plotter"
)

// ErrDiverged is returned, wrapped, by runs whose loss became NaN or ±Inf or
// exceeded the settings' MaxLoss. The trajectory up to that point is
// returned with it.
var ErrDiverged = errors.New("optim: diverged")

// StopReason says why a run ended.
type StopReason int

// The reasons a run ends.
const (
	MaxSteps     StopReason = iota // the step (or epoch) budget was used up
	GradTol                        // ‖∇J‖ ≤ GradTol
	Target                         // J ≤ Target
	Diverged                       // J was NaN, ±Inf or above MaxLoss
	Interrupted                    // interrupt.Request was called
	EarlyStopped                   // the validation metric stopped improving
)

// String returns a short description such as "gradient tolerance".
func (r StopReason) String() string {
	switch r {
	case MaxSteps:
		return "max steps"
	case GradTol:
		return "gradient tolerance"
	case Target:
		return "target loss"
	case Diverged:
		return "diverged"
	case Interrupted:
		return "interrupted"
	case EarlyStopped:
		return "early stopping"
	}
	return fmt.Sprintf("StopReason(%d)", int(r))
}

// Settings controls Run. The zero value runs 1000 steps with no other
// stopping rule than divergence to NaN or ±Inf.
type Settings struct {
	MaxSteps int     // number of optimizer steps; 0 means 1000
	GradTol  float64 // stop when ‖∇J(θ)‖ ≤ GradTol; 0 disables (use a tiny value to stop at an exact critical point)
	Target   float64 // stop when J(θ) ≤ Target; used only if UseTarget
	// UseTarget enables Target (Target 0 is a meaningful loss, so it needs a switch).
	UseTarget bool
	MaxLoss   float64  // diverged when J > MaxLoss; 0 means only NaN and ±Inf count
	Schedule  Schedule // learning rate α_t for step t; nil keeps the optimizer's own
	// Plateau, if not nil, observes J(θ_k) at every step and scales the
	// learning rate (the schedule's, or the optimizer's at the start) by
	// its Scale: a cut when the loss stops improving. Run resets it.
	Plateau *ReduceOnPlateau
	// Progress, if not nil, is called with every recorded step.
	Progress func(s Step)
	// NoTheta stops recording θ at every step. Recording costs 8·len(θ)
	// bytes per step (800 MB for 1000 steps of 100k parameters), so large
	// problems set it; the final θ is still in Trajectory.Theta.
	NoTheta bool
}

// Step is one recorded point of a trajectory: the iterate θ_k after k
// optimizer steps and what was measured there.
type Step struct {
	Iter     int           // k, the number of optimizer steps taken
	Epoch    int           // epoch of a stochastic run (0-based); 0 for Run
	Theta    []float64     // θ_k (nil if the settings' NoTheta)
	Loss     float64       // J(θ_k); for stochastic runs, the loss of the minibatch evaluated at θ_k
	GradNorm float64       // ‖∇J(θ_k)‖ (minibatch gradient for stochastic runs)
	StepNorm float64       // ‖θ_k − θ_{k−1}‖; 0 for k = 0
	LR       float64       // learning rate of the step that produced θ_k (NaN for k = 0 and for optimizers without one)
	Time     time.Duration // wall time since the run started
}

// Trajectory is the record of a run: Steps[0] is θ₀, Steps[k] the iterate
// after k steps.
type Trajectory struct {
	Steps []Step
	Theta []float64 // final parameters (the best ones if early stopping restored them)
	Stop  StopReason
	// Validation holds the validation metric after each epoch of a
	// stochastic run with a Validate function.
	Validation []float64
}

// String summarizes the run in one line: steps, stop reason, and J and
// ‖∇J‖ at the start and at the end.
func (t *Trajectory) String() string {
	if len(t.Steps) == 0 {
		return "optim.Trajectory (empty)"
	}
	a, b := t.Steps[0], t.Steps[len(t.Steps)-1]
	return fmt.Sprintf("optim.Trajectory: %d steps (%v), J %.6g → %.6g, ‖∇J‖ %.3g → %.3g",
		b.Iter, t.Stop, a.Loss, b.Loss, a.GradNorm, b.GradNorm)
}

// Len returns the number of recorded steps.
func (t *Trajectory) Len() int { return len(t.Steps) }

// Losses returns J at every recorded step.
func (t *Trajectory) Losses() []float64 {
	return t.column(func(s *Step) float64 { return s.Loss })
}

// GradNorms returns ‖∇J‖ at every recorded step.
func (t *Trajectory) GradNorms() []float64 {
	return t.column(func(s *Step) float64 { return s.GradNorm })
}

// StepNorms returns ‖Δθ‖ at every recorded step.
func (t *Trajectory) StepNorms() []float64 {
	return t.column(func(s *Step) float64 { return s.StepNorm })
}

// Rates returns the learning rate at every recorded step.
func (t *Trajectory) Rates() []float64 {
	return t.column(func(s *Step) float64 { return s.LR })
}

// Coord returns θ_i at every recorded step. It panics if θ was not recorded.
func (t *Trajectory) Coord(i int) []float64 {
	return t.column(func(s *Step) float64 { return theta(s)[i] })
}

// XY returns the path of coordinates (θ_i, θ_j), ready for
// plotter.NewLine or plotter.NewScatter over a contour plot. It panics if θ
// was not recorded.
func (t *Trajectory) XY(i, j int) plotter.XYs {
	xy := make(plotter.XYs, len(t.Steps))
	for k := range t.Steps {
		th := theta(&t.Steps[k])
		xy[k].X, xy[k].Y = th[i], th[j]
	}
	return xy
}

// LossCurve returns the points (k, J(θ_k)) for a loss plot.
func (t *Trajectory) LossCurve() plotter.XYs {
	xy := make(plotter.XYs, len(t.Steps))
	for k, s := range t.Steps {
		xy[k].X, xy[k].Y = float64(s.Iter), s.Loss
	}
	return xy
}

func (t *Trajectory) column(f func(*Step) float64) []float64 {
	out := make([]float64, len(t.Steps))
	for k := range t.Steps {
		out[k] = f(&t.Steps[k])
	}
	return out
}

func theta(s *Step) []float64 {
	if s.Theta == nil {
		panic("optim: Trajectory: θ was not recorded (Settings.NoTheta)")
	}
	return s.Theta
}

// Run minimizes obj with opt from θ₀ and records the trajectory. obj is any
// hessian.Objective (Func and Grad): a landscape of optim/objective, an
// nn.Objective, a hessian.Quadratic, or functions written in a cell wrapped
// as hessian.Funcs{F: f, G: grad} (a nil G means central differences). θ₀ is not
// modified. At each iterate θ_k it evaluates J and ∇J, records the step,
// checks the stopping rules in order — divergence (J NaN, ±Inf or above
// MaxLoss), target loss, gradient tolerance, step budget, interrupt — and
// otherwise sets the learning rate from the schedule and calls
// opt.Step(θ, ∇J(θ)). Run calls opt.Reset first.
//
// The error is nil when the run stops on a rule, wraps ErrDiverged on
// divergence and interrupt.ErrInterrupted on interrupt; the trajectory up
// to that point is returned in all cases. Run panics if a schedule is set and
// opt is not a LearningRater, and if no schedule is set and opt's learning
// rate is not positive (a zero LR, as in &optim.GD{}, would never move θ).
func Run(opt Optimizer, obj hessian.Objective, theta0 []float64, s *Settings) (*Trajectory, error) {
	if s == nil {
		s = &Settings{}
	}
	maxSteps := s.MaxSteps
	if maxSteps <= 0 {
		maxSteps = 1000
	}
	lr, _ := opt.(LearningRater)
	if s.Schedule != nil && lr == nil {
		panic("optim: Run: Settings.Schedule needs an optimizer that is a LearningRater")
	}
	if s.Plateau != nil && lr == nil {
		panic("optim: Run: Settings.Plateau needs an optimizer that is a LearningRater")
	}
	if obj == nil {
		panic("optim: Run: nil objective: pass one with Func and Grad, e.g. hessian.Funcs{F: f, G: grad}")
	}
	checkRate("Run", opt, lr, s.Schedule)
	opt.Reset()
	base := 0.0
	if lr != nil {
		base = lr.LearningRate()
	}
	if s.Plateau != nil {
		s.Plateau.Reset()
		defer lr.SetLearningRate(base) // the next run starts from the same rate
	}
	n := len(theta0)
	th := append([]float64(nil), theta0...)
	prev := append([]float64(nil), theta0...)
	g := make([]float64, n)
	tr := &Trajectory{Steps: make([]Step, 0, min(maxSteps, 1<<16)+1)}
	start := time.Now()
	rate := math.NaN()
	for k := 0; ; k++ {
		J := obj.Func(th)
		obj.Grad(g, th)
		st := tr.record(Step{Iter: k, Loss: J, GradNorm: norm(g), LR: rate, Time: time.Since(start)}, th, prev, s.NoTheta, s.Progress)
		switch {
		case diverged(J, s.MaxLoss):
			tr.Stop, tr.Theta = Diverged, th
			return tr, fmt.Errorf("optim: Run: J(θ_%d) = %g: %w", k, J, ErrDiverged)
		case s.UseTarget && J <= s.Target:
			tr.Stop, tr.Theta = Target, th
			return tr, nil
		case s.GradTol > 0 && st.GradNorm <= s.GradTol:
			tr.Stop, tr.Theta = GradTol, th
			return tr, nil
		case k == maxSteps:
			tr.Stop, tr.Theta = MaxSteps, th
			return tr, nil
		}
		if err := interrupt.Err(); err != nil {
			tr.Stop, tr.Theta = Interrupted, th
			return tr, fmt.Errorf("optim: Run: stopped after %d steps: %w", k, err)
		}
		switch {
		case s.Schedule != nil && s.Plateau != nil:
			lr.SetLearningRate(s.Schedule.Rate(k) * s.Plateau.Observe(J))
		case s.Schedule != nil:
			lr.SetLearningRate(s.Schedule.Rate(k))
		case s.Plateau != nil:
			lr.SetLearningRate(base * s.Plateau.Observe(J))
		}
		if lr != nil {
			rate = lr.LearningRate()
		}
		copy(prev, th)
		opt.Step(th, g)
	}
}

// checkRate panics, naming the caller, when no schedule sets the learning
// rate and opt's own is not positive: a zero α (the zero value of a struct
// literal that forgot LR) would return θ₀ as if it were a result, and a
// negative one climbs the loss.
func checkRate(caller string, opt Optimizer, lr LearningRater, sched Schedule) {
	if lr == nil || sched != nil {
		return
	}
	if a := lr.LearningRate(); !(a > 0) {
		panic(fmt.Sprintf("optim: %s: %T has learning rate %g, so no step would descend: set LR, e.g. &optim.GD{LR: 0.1}, or give Settings.Schedule", caller, opt, a))
	}
}

// record completes st with the step length from prev to th and, unless
// noTheta, a copy of θ; appends it; and reports it to progress.
func (tr *Trajectory) record(st Step, th, prev []float64, noTheta bool, progress func(Step)) Step {
	if st.Iter > 0 {
		st.StepNorm = dist(th, prev)
	}
	if !noTheta {
		st.Theta = append([]float64(nil), th...)
	}
	tr.Steps = append(tr.Steps, st)
	if progress != nil {
		progress(st)
	}
	return st
}

// diverged reports whether a loss is NaN, ±Inf or above maxLoss (when maxLoss > 0).
func diverged(J, maxLoss float64) bool {
	return math.IsNaN(J) || math.IsInf(J, 0) || (maxLoss > 0 && J > maxLoss)
}

// String shows the step in one line: k, J, ‖∇J‖, ‖Δθ‖ and θ (up to 6
// coordinates).
func (s Step) String() string {
	out := fmt.Sprintf("step %d: J = %.6g, ‖∇J‖ = %.3g, ‖Δθ‖ = %.3g", s.Iter, s.Loss, s.GradNorm, s.StepNorm)
	if !math.IsNaN(s.LR) && s.Iter > 0 {
		out += fmt.Sprintf(", α = %.3g", s.LR)
	}
	switch {
	case s.Theta == nil:
	case len(s.Theta) <= 6:
		out += fmt.Sprintf(", θ = %.4g", s.Theta)
	default:
		out += fmt.Sprintf(", θ = [%.4g %.4g … %.4g] (%d)", s.Theta[0], s.Theta[1], s.Theta[len(s.Theta)-1], len(s.Theta))
	}
	return out
}
