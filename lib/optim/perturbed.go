package optim

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/floats"
)

// PerturbedGD is perturbed gradient descent (Jin et al. 2017, Algorithm 2):
// gradient descent θ ← θ − α∇J(θ), except that when ‖∇J(θ)‖ ≤ GradThreshold
// and no perturbation happened in the last Wait steps, the step is instead
//
//	θ ← θ + ξ,  ξ uniform in the ball of radius Radius,
//
// which kicks the iterate off a saddle with probability 1. In the paper the
// gradient step at the perturbed point follows in the same iteration; here
// it is the next Step, with the gradient at the perturbed point, so the
// iterates are the same and each Step is one move. The escape-check
// termination of the paper is left to the run's stopping rules.
//
// The perturbations come from a PCG generator seeded with Seed, created on
// the first Step and again by Reset, so runs are reproducible.
type PerturbedGD struct {
	LR            float64 // α
	Radius        float64 // r, the radius of the perturbation ball
	GradThreshold float64 // g_thres
	Wait          int     // t_thres, steps between perturbations
	Seed          uint64

	rng       *rand.Rand
	t, last   int
	perturbed int
	xi        []float64
}

// Step applies one gradient or perturbation step.
func (o *PerturbedGD) Step(theta, grad []float64) {
	checkLen("PerturbedGD", theta, grad)
	if o.rng == nil {
		o.rng = rand.New(rand.NewPCG(o.Seed, 0x9e3779b97f4a7c15))
		o.last = math.MinInt / 2
	}
	o.xi = state("PerturbedGD", o.xi, len(theta))
	t := o.t
	o.t++
	if norm(grad) <= o.GradThreshold && t-o.last > o.Wait {
		o.last = t
		o.perturbed++
		BallSample(o.xi, o.Radius, o.rng)
		floats.Add(theta, o.xi)
		return
	}
	floats.AddScaled(theta, -o.LR, grad)
}

// Perturbations returns how many perturbation steps were taken since the
// last Reset.
func (o *PerturbedGD) Perturbations() int { return o.perturbed }

// Reset reseeds the generator and forgets the step count.
func (o *PerturbedGD) Reset() {
	o.rng, o.t, o.perturbed = nil, 0, 0
	o.xi = o.xi[:0]
}

// LearningRate returns α.
func (o *PerturbedGD) LearningRate() float64 { return o.LR }

// SetLearningRate sets α.
func (o *PerturbedGD) SetLearningRate(a float64) { o.LR = a }

// BallSample sets dst to a point drawn uniformly from the ball
// {x : ‖x‖ ≤ r} in dimension len(dst): a Gaussian direction scaled to radius
// r·U^{1/n} with U uniform on [0, 1). It allocates nothing.
func BallSample(dst []float64, r float64, rng *rand.Rand) {
	if len(dst) == 0 {
		return
	}
	for {
		for i := range dst {
			dst[i] = rng.NormFloat64()
		}
		if nrm := norm(dst); nrm > 0 {
			floats.Scale(r*math.Pow(rng.Float64(), 1/float64(len(dst)))/nrm, dst)
			return
		}
	}
}
