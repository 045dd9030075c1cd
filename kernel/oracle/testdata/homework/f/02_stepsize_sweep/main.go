package main

import (
	"errors"
	"fmt"
	"math"
)

var ErrDiverged = errors.New("diverged")

// loss is an anisotropic quadratic plus a small quartic term so that large
// steps blow up quickly.
func loss(w []float64) float64 {
	return 2*w[0]*w[0] + 0.5*w[1]*w[1] + 0.05*math.Pow(w[0]+w[1], 4)
}

func grad(w []float64) []float64 {
	s := w[0] + w[1]
	c := 0.2 * s * s * s
	return []float64{4*w[0] + c, w[1] + c}
}

type runResult struct {
	lr      float64
	iters   int
	final   float64
	history []float64
}

func run(lr float64, maxIter int) (runResult, error) {
	w := []float64{1.5, -2.0}
	res := runResult{lr: lr}
	start := loss(w)
	for k := 1; k <= maxIter; k++ {
		g := grad(w)
		for i := range w {
			w[i] -= lr * g[i]
		}
		f := loss(w)
		res.history = append(res.history, f)
		res.iters = k
		res.final = f
		if math.IsNaN(f) || math.IsInf(f, 0) || f > 1e6*start {
			return res, fmt.Errorf("lr=%.3f at iteration %d: %w", lr, k, ErrDiverged)
		}
		if f < 1e-10 {
			break
		}
	}
	return res, nil
}

func main() {
	steps := []float64{0.01, 0.05, 0.1, 0.2, 0.3, 0.45, 0.49, 0.51, 0.6, 1.0}
	fmt.Printf("%6s %8s %14s  %s\n", "lr", "iters", "final loss", "status")
	best := -1.0
	bestIters := math.MaxInt
	for _, lr := range steps {
		res, err := run(lr, 2000)
		status := "ok"
		if err != nil {
			if errors.Is(err, ErrDiverged) {
				status = "DIVERGED (" + err.Error() + ")"
			} else {
				status = "error"
			}
			fmt.Printf("%6.3f %8d %14s  %s\n", lr, res.iters, "-", status)
			continue
		}
		if res.final >= 1e-10 {
			status = "not converged"
		} else if res.iters < bestIters {
			bestIters = res.iters
			best = lr
		}
		fmt.Printf("%6.3f %8d %14.6e  %s\n", lr, res.iters, res.final, status)
	}
	fmt.Printf("\nfastest converging step: lr=%.3f (%d iterations)\n", best, bestIters)
	fmt.Printf("theory for the quadratic part: lr must be < 2/L = %.3f\n", 2.0/4.0)

	// Show the first few losses for a diverging and a converging run.
	for _, lr := range []float64{0.45, 0.6} {
		res, _ := run(lr, 8)
		fmt.Printf("lr=%.2f first losses:", lr)
		for _, v := range res.history {
			fmt.Printf(" %.4e", v)
		}
		fmt.Println()
	}
}
