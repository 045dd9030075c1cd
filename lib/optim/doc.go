// Package optim implements the optimizers of the course — gradient descent,
// momentum, Nesterov, RMSprop, Adam, AdaGrad, Newton, damped and saddle-free
// Newton, perturbed gradient descent — together with learning-rate schedules,
// gradient clipping, early stopping, and runs that record a Trajectory ready
// to plot.
//
// # Optimizers
//
// Every optimizer implements one interface:
//
//	type Optimizer interface {
//		Step(theta, grad []float64) // θ ← θ + Δθ from ∇J(θ) = grad, in place
//		Reset()                     // forget the state (velocity, moments, step count)
//	}
//
// State (velocity, moment estimates) is allocated on the first Step, sized to
// len(theta); later steps allocate nothing. A later Step with another length
// panics. Hyperparameters are exported fields, so a literal reads like the
// formula: &optim.Momentum{LR: 0.1, Mu: 0.9}. Changing a field between steps
// takes effect at the next step.
//
// Second-order methods need curvature at θ, which Step's arguments do not
// carry. They take it in their struct as a function, the way gonum's
// optimize.Problem does: &optim.Newton{Hess: q.Hess} calls q.Hess(H, θ) in
// each Step, and &optim.KrylovSaddleFree{HessVec: q.HessVec, K: 10} calls the
// Hessian-vector product K times. So every method, first or second order, is
// an Optimizer and runs the same way.
//
// # Conventions
//
// The update rules follow the course notes:
//
//	momentum  p ← μp − α∇J,            θ ← θ + p
//	RMSprop   s ← (1−γ)s + γ(∇J)²,     θ ← θ − α∇J/√(s+ε)
//
// The notes' momentum is optax.sgd(α, momentum=μ) and PyTorch's SGD with
// dampening 0, with p = −α·b for their trace b; the notes' RMSprop is
// optax.rmsprop(α, decay=1−γ, eps=ε, eps_in_sqrt=True). The tests check
// 50-step trajectories against optax to 1e-12.
//
// # Runs
//
// Run drives an optimizer on a hessian.Objective (Func and Grad) from θ₀ and
// returns a Trajectory: per step θ, J, ‖∇J‖, ‖Δθ‖, learning rate and wall
// time, with XY and Losses for plotting. RunStochastic does the same over a
// data set with minibatches, epochs, shuffling and early stopping. Both stop
// on the rules in their settings. Divergence (a NaN, infinite or too large
// loss) returns the trajectory with an error wrapping ErrDiverged; the
// kernel's interrupt button makes them return promptly with the partial
// trajectory and an error wrapping interrupt.ErrInterrupted.
//
// Test objectives with exact gradients and Hessians are in the sub-package
// optim/objective.
package optim
