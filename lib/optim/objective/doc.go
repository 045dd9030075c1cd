// Package objective provides test landscapes for optimizers, each with an
// exact value, gradient and Hessian:
//
//	Func(θ) float64                   J(θ)
//	Grad(grad, θ []float64)           grad = ∇J(θ)
//	Hess(dst *mat.SymDense, θ []float64)  dst = ∇²J(θ)
//
// the method set of gonum's optimize.Problem, so the types plug into
// optim.Run, gonum's optimize.Minimize and fd checks alike. Each type
// documents its formula and lists its critical points through
// CriticalPoints.
//
// The landscapes illustrate the course: ill-conditioned quadratics and
// ravines (slow progress along the flat direction), Rosenbrock's curved
// valley, Beale, Himmelblau's four minima, the saddle x²−y² and the monkey
// saddle, a plateau of a saturated logistic unit, a cliff where gradients
// explode, and a mountain between the start and the global minimum.
// Noisy adds Gaussian noise to any gradient, for stochastic-gradient demos.
//
// Methods panic if len(θ) differs from the objective's dimension.
package objective

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// Kind classifies a critical point by the signs of the Hessian's eigenvalues.
type Kind int

// Kinds of critical points.
const (
	Minimum     Kind = iota // H positive definite
	Maximum                 // H negative definite
	SaddlePoint             // H has eigenvalues of both signs
	Degenerate              // H singular: the second-order test is inconclusive
)

// String returns "minimum", "maximum", "saddle" or "degenerate".
func (k Kind) String() string {
	switch k {
	case Minimum:
		return "minimum"
	case Maximum:
		return "maximum"
	case SaddlePoint:
		return "saddle"
	case Degenerate:
		return "degenerate"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Critical is a critical point ∇J(X) = 0 of an objective, with J(X) and its
// kind. Coordinates that are not known in closed form are given to about
// 1e-12.
type Critical struct {
	X      []float64
	F      float64
	Kind   Kind
	Global bool // a global minimum
}

func check2(name string, theta []float64) {
	if len(theta) != 2 {
		panic(fmt.Sprintf("objective: %s: len(theta)=%d, want 2", name, len(theta)))
	}
}

func checkGrad2(name string, grad, theta []float64) {
	check2(name, theta)
	if len(grad) != 2 {
		panic(fmt.Sprintf("objective: %s.Grad: len(grad)=%d, want 2", name, len(grad)))
	}
}

func checkHess2(name string, dst *mat.SymDense, theta []float64) {
	check2(name, theta)
	if dst.SymmetricDim() != 2 {
		panic(fmt.Sprintf("objective: %s.Hess: dst is %d×%d, want 2×2", name, dst.SymmetricDim(), dst.SymmetricDim()))
	}
}

func setHess2(dst *mat.SymDense, hxx, hxy, hyy float64) {
	dst.SetSym(0, 0, hxx)
	dst.SetSym(0, 1, hxy)
	dst.SetSym(1, 1, hyy)
}
