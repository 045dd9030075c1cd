// Homework 20: L2 regularization and weight decay.
// (1) ridge regression closed form vs gradient descent with an L2 penalty;
// (2) for Adam, "L2 in the loss" is not the same as decoupled weight decay (AdamW).
package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

var Xraw = []float64{
	1.0, 0.2, -0.5, 1.1,
	0.4, 1.3, 0.8, -0.2,
	-0.9, 0.5, 1.6, 0.3,
	1.2, -1.1, 0.0, 0.7,
	0.3, 0.9, -1.2, -0.8,
	-0.6, -0.4, 0.5, 1.5,
	0.8, 0.1, 0.9, 0.2,
	-1.3, 1.0, -0.3, -0.6,
	0.0, -0.7, 1.1, 0.9,
	0.6, 0.6, -0.6, 0.1,
}
var yv = []float64{1.9, 1.2, 0.4, 2.6, -0.9, 0.8, 1.7, -1.5, 0.5, 0.7}

const n, d = 10, 4

func ridge(lambda float64) *mat.VecDense {
	X := mat.NewDense(n, d, Xraw)
	var A mat.Dense
	A.Mul(X.T(), X)
	A.Scale(1/float64(n), &A)
	for i := 0; i < d; i++ {
		A.Set(i, i, A.At(i, i)+lambda)
	}
	var b mat.VecDense
	b.MulVec(X.T(), mat.NewVecDense(n, yv))
	b.ScaleVec(1/float64(n), &b)
	var w mat.VecDense
	if err := w.SolveVec(&A, &b); err != nil {
		panic(err)
	}
	return &w
}

// dataGrad returns the gradient of (1/2n)|Xw - y|^2.
func dataGrad(w []float64) []float64 {
	g := make([]float64, d)
	for i := 0; i < n; i++ {
		row := Xraw[i*d : (i+1)*d]
		r := floats.Dot(row, w) - yv[i]
		floats.AddScaled(g, r/float64(n), row)
	}
	return g
}

func mse(w []float64) float64 {
	s := 0.0
	for i := 0; i < n; i++ {
		r := floats.Dot(Xraw[i*d:(i+1)*d], w) - yv[i]
		s += r * r
	}
	return s / (2 * n)
}

func adam(lambda float64, decoupled bool) []float64 {
	w := make([]float64, d)
	m := make([]float64, d)
	v := make([]float64, d)
	lr, b1, b2 := 0.01, 0.9, 0.999
	for t := 1; t <= 5000; t++ {
		g := dataGrad(w)
		if !decoupled {
			floats.AddScaled(g, lambda, w)
		}
		for i := range w {
			m[i] = b1*m[i] + (1-b1)*g[i]
			v[i] = b2*v[i] + (1-b2)*g[i]*g[i]
			mh := m[i] / (1 - math.Pow(b1, float64(t)))
			vh := v[i] / (1 - math.Pow(b2, float64(t)))
			w[i] -= lr * mh / (math.Sqrt(vh) + 1e-8)
			if decoupled {
				w[i] -= lr * lambda * w[i]
			}
		}
	}
	return w
}

func main() {
	fmt.Println("Ridge: closed form vs GD with L2 penalty (lr=0.1, 3000 steps)")
	fmt.Printf("%8s %10s %10s %12s %12s\n", "lambda", "|w|", "mse", "|w_gd-w*|", "w[0]")
	for _, lam := range []float64{0, 0.01, 0.1, 1, 10} {
		ws := ridge(lam)
		w := make([]float64, d)
		for t := 0; t < 3000; t++ {
			g := dataGrad(w)
			floats.AddScaled(g, lam, w)
			// for plain GD, "L2 penalty" and "weight decay" are identical:
			// w <- w - lr*(g + lam w) = (1 - lr lam) w - lr g
			floats.AddScaled(w, -0.1, g)
		}
		diff := make([]float64, d)
		floats.SubTo(diff, w, ws.RawVector().Data)
		fmt.Printf("%8.2f %10.6f %10.6f %12.3e %12.6f\n", lam, mat.Norm(ws, 2), mse(ws.RawVector().Data),
			floats.Norm(diff, 2), ws.AtVec(0))
	}

	fmt.Println("\nAdam + L2-in-loss vs AdamW (decoupled), 5000 steps, lr=0.01")
	fmt.Printf("%8s %-8s %10s %10s   %s\n", "lambda", "variant", "|w|", "mse", "w")
	for _, lam := range []float64{0.01, 0.1, 1} {
		for _, dec := range []bool{false, true} {
			w := adam(lam, dec)
			name := "Adam+L2"
			if dec {
				name = "AdamW"
			}
			fmt.Printf("%8.2f %-8s %10.6f %10.6f   [%.4f %.4f %.4f %.4f]\n", lam, name, floats.Norm(w, 2), mse(w), w[0], w[1], w[2], w[3])
		}
	}
	ws := ridge(0.1)
	fmt.Printf("\nridge(0.1) reference w = [%.4f %.4f %.4f %.4f]\n", ws.AtVec(0), ws.AtVec(1), ws.AtVec(2), ws.AtVec(3))
	fmt.Println("Adam+L2 converges to the ridge solution; AdamW's fixed point differs because")
	fmt.Println("its decay is not rescaled by the adaptive preconditioner.")
}
