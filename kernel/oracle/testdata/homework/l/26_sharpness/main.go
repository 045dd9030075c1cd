// Homework 26: sharpness and learning rate.
// On f(x, y) = 1/2 (x y - 1)^2 every point with xy = 1 is a global minimum,
// with sharpness (top Hessian eigenvalue) x^2 + y^2. GD with step lr can only
// settle at minima with sharpness <= 2/lr, so large steps pick flatter minima.
package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

func loss(x, y float64) float64 { r := x*y - 1; return 0.5 * r * r }

func grad(x, y float64) (float64, float64) {
	r := x*y - 1
	return r * y, r * x
}

func sharpness(x, y float64) float64 {
	// Hessian: [[y^2, 2xy-1], [2xy-1, x^2]]
	H := mat.NewSymDense(2, []float64{y * y, 2*x*y - 1, 2*x*y - 1, x * x})
	var es mat.EigenSym
	es.Factorize(H, false)
	return es.Values(nil)[1]
}

// epsSharpness = max over |d| = rho of f(p + d) - f(p), scanned on a circle.
func epsSharpness(x, y, rho float64) float64 {
	f0 := loss(x, y)
	best := math.Inf(-1)
	for k := 0; k < 720; k++ {
		a := 2 * math.Pi * float64(k) / 720
		best = math.Max(best, loss(x+rho*math.Cos(a), y+rho*math.Sin(a))-f0)
	}
	return best
}

func main() {
	x0, y0 := 3.0, 0.1
	fmt.Printf("start (%.2f, %.2f), initial sharpness %.4f\n\n", x0, y0, sharpness(x0, y0))
	fmt.Printf("%6s %8s %10s %10s %12s %10s %12s\n", "lr", "2/lr", "x", "y", "loss", "sharp", "eps-sharp")
	for _, lr := range []float64{0.01, 0.05, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6} {
		x, y := x0, y0
		diverged := false
		for t := 0; t < 20000; t++ {
			gx, gy := grad(x, y)
			x -= lr * gx
			y -= lr * gy
			if math.Abs(x) > 1e6 || math.IsNaN(x) {
				diverged = true
				break
			}
		}
		if diverged {
			fmt.Printf("%6.2f %8.3f %10s\n", lr, 2/lr, "diverged")
			continue
		}
		fmt.Printf("%6.2f %8.3f %10.5f %10.5f %12.3e %10.4f %12.6f\n", lr, 2/lr, x, y, loss(x, y),
			sharpness(x, y), epsSharpness(x, y, 0.05))
	}

	// Trace the sharpness during training with lr = 0.3 (2/lr = 6.67).
	fmt.Println("\nsharpness along the trajectory, lr = 0.3:")
	fmt.Printf("%5s %12s %10s\n", "step", "loss", "sharp")
	x, y := x0, y0
	for t := 0; t <= 60; t++ {
		if t < 10 || t%10 == 0 {
			fmt.Printf("%5d %12.4e %10.4f\n", t, loss(x, y), sharpness(x, y))
		}
		gx, gy := grad(x, y)
		x -= 0.3 * gx
		y -= 0.3 * gy
	}
	fmt.Println("\nminimum sharpness on xy = 1 is 2 (at x = y = 1); rho^2/2 * sharpness approximates eps-sharpness")
}
