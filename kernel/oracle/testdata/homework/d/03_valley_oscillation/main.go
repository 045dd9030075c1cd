package main

import (
	"fmt"
	"math"
	"strings"
)

func main() {
	// narrow valley: f(x, y) = 0.5*(x^2 + kappa*y^2)
	kappa := 50.0
	loss := func(x, y float64) float64 { return 0.5 * (x*x + kappa*y*y) }
	gradient := func(x, y float64) (float64, float64) { return x, kappa * y }

	L := kappa // largest curvature
	fmt.Printf("kappa=%.1f, 1/L=%.4f, 2/L=%.4f\n", kappa, 1/L, 2/L)

	// returns a function that performs one step and reports the new point
	makeStepper := func(lr float64) func(x, y float64) (float64, float64) {
		return func(x, y float64) (float64, float64) {
			gx, gy := gradient(x, y)
			return x - lr*gx, y - lr*gy
		}
	}

	lrs := []float64{0.01, 0.019, 0.025, 0.035, 0.039, 0.0405}
	fmt.Println("lr       flips  final_x     final_y      final_loss   y-factor")
	for _, lr := range lrs {
		step := makeStepper(lr)
		x, y := 5.0, 1.0
		flips := 0
		for k := 0; k < 100; k++ {
			nx, ny := step(x, y)
			if ny*y < 0 {
				flips++
			}
			x, y = nx, ny
		}
		fmt.Printf("%-7.4f  %5d  %9.6f  %11.4e  %11.4e  %+.4f\n",
			lr, flips, x, y, loss(x, y), 1-lr*kappa)
	}

	// ASCII picture of the y coordinate for an oscillating run
	fmt.Println("\ny trajectory for lr=0.035 (first 12 steps):")
	step := makeStepper(0.035)
	x, y := 5.0, 1.0
	for k := 0; k < 12; k++ {
		pos := int(math.Round(y*20)) + 20
		if pos < 0 {
			pos = 0
		}
		if pos > 40 {
			pos = 40
		}
		line := []byte(strings.Repeat(" ", 41))
		line[20] = '|'
		line[pos] = '*'
		fmt.Printf("%2d %s y=%+.5f x=%.5f\n", k, string(line), y, x)
		x, y = step(x, y)
	}

	// best fixed step for this quadratic: 2/(mu+L)
	mu := 1.0
	best := 2 / (mu + L)
	rate := (L - mu) / (L + mu)
	fmt.Printf("\noptimal lr = %.6f, rate = %.6f\n", best, rate)
	step = makeStepper(best)
	x, y = 5.0, 1.0
	for k := 0; k < 100; k++ {
		x, y = step(x, y)
	}
	fmt.Printf("after 100 steps: x=%.6e y=%.6e loss=%.6e\n", x, y, loss(x, y))
	fmt.Printf("iterations to shrink error 1e6x: %.1f\n", math.Log(1e-6)/math.Log(rate))
}
