package optim

import (
	"fmt"
	"math"
)

// Optimizer updates parameters from gradients.
//
// Step(theta, grad) replaces θ by θ + Δθ in place, where grad holds ∇J(θ);
// it does not modify grad. Reset forgets the optimizer's state (velocity,
// moment estimates, step count) so that the next Step starts afresh.
// Steps panic if len(grad) != len(theta) or if len(theta) changes between
// steps without a Reset.
type Optimizer interface {
	Step(theta, grad []float64)
	Reset()
}

// LearningRater is implemented by optimizers with a learning rate α that a
// Schedule can drive. Every optimizer in this package implements it; for the
// Newton methods α scales the Newton step.
type LearningRater interface {
	LearningRate() float64
	SetLearningRate(alpha float64)
}

// GD is gradient descent: θ ← θ − α∇J(θ). With minibatch gradients it is
// SGD.
type GD struct {
	LR float64 // α
}

// Step sets θ ← θ − α·grad.
func (o *GD) Step(theta, grad []float64) {
	checkLen("GD", theta, grad)
	lr, theta := o.LR, theta[:len(grad)] // locals: no reload per element
	for i, g := range grad {
		theta[i] -= lr * g
	}
}

// Reset does nothing: GD has no state.
func (o *GD) Reset() {}

// LearningRate returns α.
func (o *GD) LearningRate() float64 { return o.LR }

// SetLearningRate sets α.
func (o *GD) SetLearningRate(a float64) { o.LR = a }

// Momentum is gradient descent with heavy-ball momentum in the notes'
// convention:
//
//	p ← μp − α∇J(θ),  θ ← θ + p,  p₀ = 0.
//
// Under a constant gradient g the velocity p tends to the terminal velocity
// −α/(1−μ)·g. This is optax.sgd(α, momentum=μ) and PyTorch SGD (dampening
// 0) with p = −α·b for their trace b = μb + g, as long as α is constant.
type Momentum struct {
	LR float64 // α
	Mu float64 // μ, in [0, 1)

	p []float64
}

// Step applies one momentum update.
func (o *Momentum) Step(theta, grad []float64) {
	checkLen("Momentum", theta, grad)
	o.p = state("Momentum", o.p, len(theta))
	mu, lr, p, theta := o.Mu, o.LR, o.p[:len(grad)], theta[:len(grad)]
	for i, g := range grad {
		pi := mu*p[i] - lr*g
		p[i] = pi
		theta[i] += pi
	}
}

// Velocity returns the current velocity p (nil before the first Step). The
// slice is the optimizer's own state: do not modify it.
func (o *Momentum) Velocity() []float64 { return o.p }

// Reset sets the velocity to zero.
func (o *Momentum) Reset() { o.p = o.p[:0] }

// LearningRate returns α.
func (o *Momentum) LearningRate() float64 { return o.LR }

// SetLearningRate sets α.
func (o *Momentum) SetLearningRate(a float64) { o.LR = a }

// Nesterov is Nesterov's accelerated gradient in Sutskever et al.'s (2013)
// look-ahead form, p ← μp − α∇J(θ + μp), θ ← θ + p, rewritten so that the
// gradient is taken at the iterate (Bengio et al. 2013): the iterate is the
// look-ahead point φ = θ + μp, and
//
//	p ← μp − α∇J(φ),  φ ← φ + μp − α∇J(φ).
//
// The θ passed to Step is φ. This is optax.sgd(α, momentum=μ, nesterov=True)
// and PyTorch SGD(nesterov=True), with p = −α·b.
type Nesterov struct {
	LR float64 // α
	Mu float64 // μ, in [0, 1)

	p []float64
}

// Step applies one Nesterov update to the look-ahead iterate θ.
func (o *Nesterov) Step(theta, grad []float64) {
	checkLen("Nesterov", theta, grad)
	o.p = state("Nesterov", o.p, len(theta))
	mu, lr, p, theta := o.Mu, o.LR, o.p[:len(grad)], theta[:len(grad)]
	for i, g := range grad {
		pi := mu*p[i] - lr*g
		p[i] = pi
		theta[i] += mu*pi - lr*g
	}
}

// Reset sets the velocity to zero.
func (o *Nesterov) Reset() { o.p = o.p[:0] }

// LearningRate returns α.
func (o *Nesterov) LearningRate() float64 { return o.LR }

// SetLearningRate sets α.
func (o *Nesterov) SetLearningRate(a float64) { o.LR = a }

// RMSprop rescales each coordinate by a running average of its squared
// gradient, in the notes' convention:
//
//	sⱼ ← (1−γ)sⱼ + γ(∂J/∂θⱼ)²,  θⱼ ← θⱼ − α/√(sⱼ+ε) · ∂J/∂θⱼ,  s₀ = 0.
//
// It corrects curvature along the coordinate axes, not along rotated
// eigenvectors. This is optax.rmsprop(α, decay=1−γ, eps=ε,
// eps_in_sqrt=True); PyTorch's RMSprop puts ε outside the root.
// Zero Gamma means 0.1 and zero Eps means 1e-8.
type RMSprop struct {
	LR    float64 // α
	Gamma float64 // γ, weight of the newest squared gradient; 0 means 0.1
	Eps   float64 // ε inside the root; 0 means 1e-8

	s []float64
}

// Step applies one RMSprop update.
func (o *RMSprop) Step(theta, grad []float64) {
	checkLen("RMSprop", theta, grad)
	o.s = state("RMSprop", o.s, len(theta))
	gamma, eps := orDefault(o.Gamma, 0.1), orDefault(o.Eps, 1e-8)
	s, theta := o.s[:len(grad)], theta[:len(grad)]
	for i, g := range grad {
		si := (1-gamma)*s[i] + gamma*g*g
		s[i] = si
		theta[i] -= o.LR * g / math.Sqrt(si+eps)
	}
}

// Reset sets the running average s to zero.
func (o *RMSprop) Reset() { o.s = o.s[:0] }

// LearningRate returns α.
func (o *RMSprop) LearningRate() float64 { return o.LR }

// SetLearningRate sets α.
func (o *RMSprop) SetLearningRate(a float64) { o.LR = a }

// Adam (Kingma & Ba 2015) keeps bias-corrected running averages of the
// gradient and of its square. At step t = 1, 2, …
//
//	m ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²,
//	m̂ = m/(1−β₁ᵗ),  v̂ = v/(1−β₂ᵗ),  θ ← θ − α·m̂/(√v̂ + ε).
//
// This is optax.adam and torch.optim.Adam. Zero Beta1, Beta2 and Eps mean
// 0.9, 0.999 and 1e-8 (for β₁ = 0 pass a tiny value such as 1e-300).
//
// WeightDecay λ > 0 makes it AdamW (Loshchilov & Hutter 2019), with the
// decay decoupled from the gradient's moments:
//
//	θ ← θ − α·(m̂/(√v̂ + ε) + λθ),
//
// which is optax.adamw(α, weight_decay=λ) and torch.optim.AdamW; adding
// ½λ‖θ‖² to the loss instead would pass λθ through the moments, so large
// weights with large gradients would hardly be decayed.
type Adam struct {
	LR          float64 // α
	Beta1       float64 // β₁; 0 means 0.9
	Beta2       float64 // β₂; 0 means 0.999
	Eps         float64 // ε outside the root; 0 means 1e-8
	WeightDecay float64 // λ of AdamW; 0 means plain Adam

	m, v []float64
	t    int
}

// Step applies one Adam update.
func (o *Adam) Step(theta, grad []float64) {
	checkLen("Adam", theta, grad)
	o.m = state("Adam", o.m, len(theta))
	o.v = state("Adam", o.v, len(theta))
	b1, b2, eps := orDefault(o.Beta1, 0.9), orDefault(o.Beta2, 0.999), orDefault(o.Eps, 1e-8)
	o.t++
	c1 := 1 - math.Pow(b1, float64(o.t))
	c2 := 1 - math.Pow(b2, float64(o.t))
	m, v, theta := o.m[:len(grad)], o.v[:len(grad)], theta[:len(grad)]
	for i, g := range grad {
		mi := b1*m[i] + (1-b1)*g
		vi := b2*v[i] + (1-b2)*g*g
		m[i], v[i] = mi, vi
		theta[i] -= o.LR * ((mi/c1)/(math.Sqrt(vi/c2)+eps) + o.WeightDecay*theta[i])
	}
}

// Reset clears the moment estimates and the step count.
func (o *Adam) Reset() { o.m, o.v, o.t = o.m[:0], o.v[:0], 0 }

// LearningRate returns α.
func (o *Adam) LearningRate() float64 { return o.LR }

// SetLearningRate sets α.
func (o *Adam) SetLearningRate(a float64) { o.LR = a }

// AdaGrad (Duchi et al. 2011) divides by the root of the accumulated squared
// gradients:
//
//	Gⱼ ← Gⱼ + (∂J/∂θⱼ)²,  θⱼ ← θⱼ − α/√(Gⱼ+ε) · ∂J/∂θⱼ,  G₀ = Initial.
//
// ε sits inside the root as in optax.adagrad, whose defaults are
// Initial = 0.1 and ε = 1e-7; here zero Initial means 0 and zero Eps means
// 1e-8. Where Gⱼ + ε = 0 the update is 0, as in optax.
type AdaGrad struct {
	LR      float64 // α
	Initial float64 // G₀, the initial accumulator value
	Eps     float64 // ε inside the root; 0 means 1e-8

	g []float64
}

// Step applies one AdaGrad update.
func (o *AdaGrad) Step(theta, grad []float64) {
	checkLen("AdaGrad", theta, grad)
	fresh := len(o.g) == 0
	o.g = state("AdaGrad", o.g, len(theta))
	if fresh {
		for i := range o.g {
			o.g[i] = o.Initial
		}
	}
	eps, lr, acc, theta := orDefault(o.Eps, 1e-8), o.LR, o.g[:len(grad)], theta[:len(grad)]
	for i, g := range grad {
		a := acc[i] + g*g
		acc[i] = a
		if d := a + eps; d > 0 {
			theta[i] -= lr * g / math.Sqrt(d)
		}
	}
}

// Reset sets the accumulator back to Initial.
func (o *AdaGrad) Reset() { o.g = o.g[:0] }

// LearningRate returns α.
func (o *AdaGrad) LearningRate() float64 { return o.LR }

// SetLearningRate sets α.
func (o *AdaGrad) SetLearningRate(a float64) { o.LR = a }

func checkLen(name string, theta, grad []float64) {
	if len(theta) != len(grad) {
		panic(fmt.Sprintf("optim: %s.Step: len(theta)=%d, len(grad)=%d", name, len(theta), len(grad)))
	}
}

// state returns s zeroed and sized n on first use, and panics if a
// non-empty s has another length.
func state(name string, s []float64, n int) []float64 {
	if len(s) == n {
		return s
	}
	if len(s) != 0 {
		panic(fmt.Sprintf("optim: %s.Step: len(theta)=%d, but the state has length %d (call Reset to change dimension)", name, n, len(s)))
	}
	if cap(s) >= n {
		s = s[:n]
		clear(s)
		return s
	}
	return make([]float64, n)
}

func orDefault(v, def float64) float64 {
	if v == 0 {
		return def
	}
	return v
}
