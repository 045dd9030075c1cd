package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// f(x) = 0.5 x'Ax - b'x, gradient Ax - b, exact step along -g is g'g / g'Ag.
func main() {
	for _, kappa := range []float64{2, 10, 50} {
		A := mat.NewSymDense(2, []float64{1, 0, 0, kappa})
		b := mat.NewVecDense(2, []float64{0, 0})
		x := mat.NewVecDense(2, []float64{kappa, 1}) // worst-case start
		fmt.Printf("kappa = %.0f\n", kappa)
		runExact(A, b, x, 6)
		rate := math.Pow((kappa-1)/(kappa+1), 2)
		fmt.Printf("  theoretical contraction of f per step: %.6f\n\n", rate)
	}

	// A non-diagonal SPD example with a non-zero b.
	A := mat.NewSymDense(3, []float64{
		4, 1, 0,
		1, 3, 1,
		0, 1, 2,
	})
	b := mat.NewVecDense(3, []float64{1, 2, 3})
	x := mat.NewVecDense(3, nil)
	var xstar mat.VecDense
	if err := xstar.SolveVec(A, b); err != nil {
		fmt.Println("solve failed:", err)
		return
	}
	fmt.Println("3x3 system, exact line search steepest descent")
	iters := 0
	for ; iters < 200; iters++ {
		g := gradient(A, b, x)
		if mat.Norm(g, 2) < 1e-10 {
			break
		}
		alpha := exactStep(A, g)
		x.AddScaledVec(x, -alpha, g)
	}
	var diff mat.VecDense
	diff.SubVec(x, &xstar)
	fmt.Printf("iterations: %d\n", iters)
	fmt.Printf("x     = %.8f\n", mat.Formatted(x.T()))
	fmt.Printf("x*    = %.8f\n", mat.Formatted(xstar.T()))
	fmt.Printf("error = %.3e\n", mat.Norm(&diff, 2))
}

func runExact(A *mat.SymDense, b, x *mat.VecDense, steps int) {
	prev := value(A, b, x)
	for k := 1; k <= steps; k++ {
		g := gradient(A, b, x)
		alpha := exactStep(A, g)
		x.AddScaledVec(x, -alpha, g)
		f := value(A, b, x)
		fmt.Printf("  k=%d alpha=%.6f x=(%9.5f, %9.5f) f=%.6e ratio=%.6f\n",
			k, alpha, x.AtVec(0), x.AtVec(1), f, f/prev)
		prev = f
	}
}

func value(A *mat.SymDense, b, x *mat.VecDense) float64 {
	var Ax mat.VecDense
	Ax.MulVec(A, x)
	return 0.5*mat.Dot(x, &Ax) - mat.Dot(b, x)
}

func gradient(A *mat.SymDense, b, x *mat.VecDense) *mat.VecDense {
	g := mat.NewVecDense(x.Len(), nil)
	g.MulVec(A, x)
	g.SubVec(g, b)
	return g
}

func exactStep(A *mat.SymDense, g *mat.VecDense) float64 {
	var Ag mat.VecDense
	Ag.MulVec(A, g)
	return mat.Dot(g, g) / mat.Dot(g, &Ag)
}
