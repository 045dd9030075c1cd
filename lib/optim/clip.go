package optim

import (
	"math"

	"gonum.org/v1/gonum/floats"
)

// ClipNorm rescales g in place so that ‖g‖₂ ≤ max:
//
//	g ← g · min(1, max/‖g‖),
//
// which keeps the direction of g (Pascanu et al. 2013: at a cliff the
// gradient gives the direction, not the size of the step). It returns ‖g‖
// before clipping. It panics if max ≤ 0.
func ClipNorm(g []float64, max float64) float64 {
	if !(max > 0) {
		panic("optim: ClipNorm: max must be positive")
	}
	nrm := norm(g)
	if nrm > max {
		floats.Scale(max/nrm, g)
	}
	return nrm
}

// ClipValue clamps every component of g in place to [−c, c] and returns the
// number of clamped components. Unlike ClipNorm it can change the direction.
// It panics if c ≤ 0.
func ClipValue(g []float64, c float64) int {
	if !(c > 0) {
		panic("optim: ClipValue: c must be positive")
	}
	n := 0
	for i, v := range g {
		if math.Abs(v) > c {
			g[i] = math.Copysign(c, v)
			n++
		}
	}
	return n
}

// Clipped wraps an optimizer so that it sees clipped gradients: each Step
// copies grad, clamps the copy's components to [−MaxValue, MaxValue] (if
// MaxValue > 0), then rescales it to norm at most MaxNorm (if MaxNorm > 0),
// and passes it to Opt. The caller's grad is not modified. Clipped forwards
// the learning rate to Opt when Opt is a LearningRater.
type Clipped struct {
	Opt      Optimizer
	MaxNorm  float64
	MaxValue float64

	buf []float64
}

// Step clips a copy of grad and steps Opt with it.
func (c *Clipped) Step(theta, grad []float64) {
	checkLen("Clipped", theta, grad)
	if cap(c.buf) < len(grad) {
		c.buf = make([]float64, len(grad))
	}
	g := c.buf[:len(grad)]
	copy(g, grad)
	if c.MaxValue > 0 {
		ClipValue(g, c.MaxValue)
	}
	if c.MaxNorm > 0 {
		ClipNorm(g, c.MaxNorm)
	}
	c.Opt.Step(theta, g)
}

// Reset resets Opt.
func (c *Clipped) Reset() { c.Opt.Reset() }

// LearningRate returns Opt's learning rate, or NaN if it has none.
func (c *Clipped) LearningRate() float64 {
	if lr, ok := c.Opt.(LearningRater); ok {
		return lr.LearningRate()
	}
	return math.NaN()
}

// SetLearningRate sets Opt's learning rate; it panics if Opt has none.
func (c *Clipped) SetLearningRate(a float64) {
	lr, ok := c.Opt.(LearningRater)
	if !ok {
		panic("optim: Clipped.SetLearningRate: wrapped optimizer has no learning rate")
	}
	lr.SetLearningRate(a)
}
