// Package objective provides test landscapes for optimizers, each with an
// exact value, gradient and Hessian:
//
//	Func(θ) float64                   J(θ)
//	Grad(grad, θ []float64)           grad = ∇J(θ)
//	Hess(dst *mat.SymDense, θ []float64)  dst = ∇²J(θ)
//
// the method set of gonum's optimize.Problem and of hessian.Objective and
// hessian.Hessianer, so the types plug into optim.Run, the tools of package
// hessian, gonum's optimize.Minimize and fd checks alike. Each type
// documents its formula and lists its critical points through
// CriticalPoints, classified with hessian's Kind. The quadratics (Spectrum,
// Conditioned, Ravine) are hessian.Quadratic values.
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
