package optim

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/gocurve/gocurve/lib/interrupt"
)

// BatchGrad evaluates a minibatch: it sets grad to the gradient of the mean
// loss over the examples idx and returns that mean loss,
//
//	J_B(θ) = (1/|B|) Σ_{i∈B} L⁽ⁱ⁾(θ),  grad = ∇J_B(θ).
//
// It must not keep idx, which the run reuses.
type BatchGrad func(grad, theta []float64, idx []int) float64

// StochasticSettings controls RunStochastic. The zero value runs one epoch
// of full-batch steps over the examples in shuffled order.
type StochasticSettings struct {
	BatchSize int    // examples per step; 0 means all (full batch). The last batch of an epoch may be smaller.
	Epochs    int    // passes over the data; 0 means 1
	Seed      uint64 // seed of the shuffling generator (PCG)
	NoShuffle bool   // visit examples in order 0, 1, …, n−1 every epoch

	Schedule Schedule // learning rate α_t for step t (counted over all epochs)
	MaxLoss  float64  // diverged when a minibatch loss exceeds MaxLoss; 0 means only NaN and ±Inf

	// Validate, if not nil, is evaluated after every epoch and appended to
	// Trajectory.Validation. With Early set, it drives early stopping.
	Validate func(theta []float64) float64
	Early    *EarlyStopping

	Progress func(s Step) // called with every recorded step
	NoTheta  bool         // do not record θ at every step
}

// RunStochastic minimizes the empirical risk over n examples with
// minibatch gradients: each epoch shuffles the example indices and steps
// opt once per batch of BatchSize. Steps[k] records θ_k with the loss and
// gradient norm of the minibatch evaluated there (the batch of step k+1);
// the final entry, after the last step, is measured on the whole data set.
// θ₀ is not modified; opt.Reset is called first.
//
// With Validate and Early set, the run stops when the validation metric has
// not improved for Early.Patience epochs, and the best θ is restored into
// Trajectory.Theta (Stop = EarlyStopped). Otherwise Trajectory.Theta is the
// last iterate.
//
// Errors wrap ErrDiverged (a NaN, ±Inf or too-large minibatch loss) or
// interrupt.ErrInterrupted (checked before every step); the partial
// trajectory is returned with them. RunStochastic panics if n ≤ 0, if Early
// is set without Validate, if a schedule is set and opt is not a
// LearningRater, or if none is set and opt's learning rate is not positive.
func RunStochastic(opt Optimizer, grad BatchGrad, n int, theta0 []float64, s *StochasticSettings) (*Trajectory, error) {
	if n <= 0 {
		panic("optim: RunStochastic: need at least one example")
	}
	if s == nil {
		s = &StochasticSettings{}
	}
	bs := s.BatchSize
	if bs <= 0 || bs > n {
		bs = n
	}
	epochs := max(s.Epochs, 1)
	lr, _ := opt.(LearningRater)
	if s.Schedule != nil && lr == nil {
		panic("optim: RunStochastic: StochasticSettings.Schedule needs an optimizer that is a LearningRater")
	}
	checkRate("RunStochastic", opt, lr, s.Schedule)
	if s.Early != nil {
		if s.Validate == nil {
			panic("optim: RunStochastic: StochasticSettings.Early needs a Validate function")
		}
		s.Early.Reset()
	}
	opt.Reset()
	rng := rand.New(rand.NewPCG(s.Seed, 0x5851f42d4c957f2d))
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	th := append([]float64(nil), theta0...)
	prev := append([]float64(nil), theta0...)
	g := make([]float64, len(th))
	batchesPerEpoch := (n + bs - 1) / bs
	tr := &Trajectory{Steps: make([]Step, 0, min(epochs*batchesPerEpoch, 1<<16)+1)}
	start := time.Now()
	rate := math.NaN()
	k := 0
	record := func(epoch int, J float64) {
		tr.record(Step{Iter: k, Epoch: epoch, Loss: J, GradNorm: norm(g), LR: rate, Time: time.Since(start)}, th, prev, s.NoTheta, s.Progress)
	}
	for epoch := 0; epoch < epochs; epoch++ {
		if !s.NoShuffle {
			rng.Shuffle(n, func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
		}
		for b := 0; b < n; b += bs {
			if err := interrupt.Err(); err != nil {
				tr.Stop, tr.Theta = Interrupted, th
				return tr, fmt.Errorf("optim: RunStochastic: stopped after %d steps in epoch %d: %w", k, epoch, err)
			}
			J := grad(g, th, perm[b:min(b+bs, n)])
			record(epoch, J)
			if diverged(J, s.MaxLoss) {
				tr.Stop, tr.Theta = Diverged, th
				return tr, fmt.Errorf("optim: RunStochastic: minibatch loss %g at step %d: %w", J, k, ErrDiverged)
			}
			if s.Schedule != nil {
				lr.SetLearningRate(s.Schedule.Rate(k))
			}
			if lr != nil {
				rate = lr.LearningRate()
			}
			copy(prev, th)
			opt.Step(th, g)
			k++
		}
		if s.Validate != nil {
			v := s.Validate(th)
			tr.Validation = append(tr.Validation, v)
			if s.Early != nil && s.Early.Observe(th, v) {
				J := grad(g, th, identity(perm))
				record(epoch, J)
				tr.Stop = EarlyStopped
				tr.Theta, _, _ = s.Early.Best()
				return tr, nil
			}
		}
	}
	J := grad(g, th, identity(perm))
	record(epochs-1, J)
	tr.Stop, tr.Theta = MaxSteps, th
	if diverged(J, s.MaxLoss) {
		tr.Stop = Diverged
		return tr, fmt.Errorf("optim: RunStochastic: full-data loss %g after %d steps: %w", J, k, ErrDiverged)
	}
	return tr, nil
}

// identity sets p to 0, 1, …, n−1 and returns it.
func identity(p []int) []int {
	for i := range p {
		p[i] = i
	}
	return p
}
