// Homework 5: logistic regression trained with gradient descent and with
// Newton's method (IRLS). Small L2 penalty so the Hessian is SPD.
package main

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

const (
	nSamples = 60
	lambda   = 0.01
)

type Problem struct {
	X *mat.Dense    // n x 3 (bias column first)
	y *mat.VecDense // labels 0/1
}

func makeData() Problem {
	rng := rand.New(rand.NewPCG(1, 2))
	X := mat.NewDense(nSamples, 3, nil)
	y := mat.NewVecDense(nSamples, nil)
	trueW := []float64{-0.5, 2.0, -1.0}
	for i := 0; i < nSamples; i++ {
		x1, x2 := rng.NormFloat64(), rng.NormFloat64()
		X.SetRow(i, []float64{1, x1, x2})
		z := trueW[0] + trueW[1]*x1 + trueW[2]*x2
		if rng.Float64() < sigmoid(z) {
			y.SetVec(i, 1)
		}
	}
	return Problem{X, y}
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

// Loss returns the mean negative log-likelihood plus lambda/2 |w|^2.
func (p Problem) Loss(w *mat.VecDense) float64 {
	var z mat.VecDense
	z.MulVec(p.X, w)
	s := 0.0
	for i := 0; i < z.Len(); i++ {
		zi := z.AtVec(i)
		// log(1+exp(z)) - y z, written stably
		s += math.Max(zi, 0) + math.Log1p(math.Exp(-math.Abs(zi))) - p.y.AtVec(i)*zi
	}
	return s/float64(nSamples) + 0.5*lambda*mat.Dot(w, w)
}

func (p Problem) Grad(w *mat.VecDense) *mat.VecDense {
	var z mat.VecDense
	z.MulVec(p.X, w)
	r := mat.NewVecDense(nSamples, nil)
	for i := 0; i < nSamples; i++ {
		r.SetVec(i, sigmoid(z.AtVec(i))-p.y.AtVec(i))
	}
	g := mat.NewVecDense(3, nil)
	g.MulVec(p.X.T(), r)
	g.ScaleVec(1/float64(nSamples), g)
	g.AddScaledVec(g, lambda, w)
	return g
}

func (p Problem) Hessian(w *mat.VecDense) *mat.SymDense {
	var z mat.VecDense
	z.MulVec(p.X, w)
	H := mat.NewSymDense(3, nil)
	for i := 0; i < nSamples; i++ {
		s := sigmoid(z.AtVec(i))
		H.SymRankOne(H, s*(1-s)/float64(nSamples), p.X.RowView(i))
	}
	for k := 0; k < 3; k++ {
		H.SetSym(k, k, H.At(k, k)+lambda)
	}
	return H
}

var errNotPD = errors.New("hessian not positive definite")

func newtonStep(p Problem, w *mat.VecDense) (*mat.VecDense, error) {
	var chol mat.Cholesky
	if ok := chol.Factorize(p.Hessian(w)); !ok {
		return nil, errNotPD
	}
	var step mat.VecDense
	if err := chol.SolveVecTo(&step, p.Grad(w)); err != nil {
		return nil, err
	}
	return &step, nil
}

func main() {
	prob := makeData()
	fmt.Printf("positives: %.0f of %d\n", mat.Sum(prob.y), nSamples)

	fmt.Println("--- gradient descent, lr = 1.0 ---")
	w := mat.NewVecDense(3, nil)
	for it := 0; it <= 300; it++ {
		if it%50 == 0 {
			g := prob.Grad(w)
			fmt.Printf("it %3d  loss %.6f  |grad| %.3e\n", it, prob.Loss(w), mat.Norm(g, 2))
		}
		w.AddScaledVec(w, -1.0, prob.Grad(w))
	}
	wGD := mat.VecDenseCopyOf(w)

	fmt.Println("--- Newton's method ---")
	w = mat.NewVecDense(3, nil)
	for it := 0; it < 8; it++ {
		g := prob.Grad(w)
		gn := mat.Norm(g, 2)
		fmt.Printf("it %d  loss %.8f  |grad| %.3e\n", it, prob.Loss(w), gn)
		if gn < 1e-8 {
			break
		}
		step, err := newtonStep(prob, w)
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		w.SubVec(w, step)
	}
	fmt.Printf("w (GD)     = %.4f\n", mat.Formatted(wGD.T()))
	fmt.Printf("w (Newton) = %.4f\n", mat.Formatted(w.T()))
	var d mat.VecDense
	d.SubVec(wGD, w)
	fmt.Printf("|w_GD - w_Newton| < 1e-6: %v\n", mat.Norm(&d, 2) < 1e-6)

	// mat.Solve alternative on the final Hessian as a sanity check
	H := prob.Hessian(w)
	var sol mat.Dense
	if err := sol.Solve(H, mat.NewDense(3, 1, []float64{1, 0, 0})); err != nil {
		fmt.Println("solve failed:", err)
	}
	fmt.Printf("first column of H^-1:\n  %.4f\n", mat.Formatted(&sol, mat.Prefix("  ")))
	fmt.Printf("cond(H) = %.2f\n", mat.Cond(H, 2))
}
