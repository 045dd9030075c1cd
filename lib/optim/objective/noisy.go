package objective

import (
	"math/rand/v2"

	"github.com/gocurve/gocurve/lib/hessian"
)

// Noisy adds Gaussian noise to the gradient of Obj, a stand-in for the
// minibatch noise of SGD:
//
//	Grad(θ) = ∇J(θ) + σξ,  ξ ~ N(0, I),
//
// while Func returns the exact J. The noise comes from a PCG generator
// seeded with Seed, created on the first Grad call (Reset re-creates it), so
// runs are reproducible. A Noisy is not safe for concurrent use.
type Noisy struct {
	Obj   hessian.Objective
	Sigma float64 // σ
	Seed  uint64

	rng *rand.Rand
}

// Func returns Obj.Func(θ).
func (n *Noisy) Func(theta []float64) float64 { return n.Obj.Func(theta) }

// Grad sets grad = ∇J(θ) + σξ.
func (n *Noisy) Grad(grad, theta []float64) {
	if n.rng == nil {
		n.rng = rand.New(rand.NewPCG(n.Seed, 2))
	}
	n.Obj.Grad(grad, theta)
	for i := range grad {
		grad[i] += n.Sigma * n.rng.NormFloat64()
	}
}

// Reset restarts the noise sequence from Seed.
func (n *Noisy) Reset() { n.rng = nil }
