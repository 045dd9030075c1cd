package main

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/stat/combin"
)

func rosenbrock(x []float64) float64 {
	return (1-x[0])*(1-x[0]) + 100*(x[1]-x[0]*x[0])*(x[1]-x[0]*x[0])
}

func rosenGrad(x []float64) []float64 {
	t := x[1] - x[0]*x[0]
	return []float64{-2*(1-x[0]) - 400*x[0]*t, 200 * t}
}

// heavyBall: v <- beta v - lr g(x); x <- x + v
func heavyBall(lr, beta float64, iters int) []float64 {
	x := []float64{-1.2, 1}
	v := []float64{0, 0}
	for k := 0; k < iters; k++ {
		g := rosenGrad(x)
		for i := range x {
			v[i] = beta*v[i] - lr*g[i]
			x[i] += v[i]
		}
	}
	return x
}

// nesterov: gradient evaluated at the look-ahead point x + beta v
func nesterov(lr, beta float64, iters int) []float64 {
	x := []float64{-1.2, 1}
	v := []float64{0, 0}
	look := make([]float64, 2)
	for k := 0; k < iters; k++ {
		for i := range x {
			look[i] = x[i] + beta*v[i]
		}
		g := rosenGrad(look)
		for i := range x {
			v[i] = beta*v[i] - lr*g[i]
			x[i] += v[i]
		}
	}
	return x
}

type trial struct {
	method string
	lr     float64
	beta   float64
	loss   float64
	dist   float64
}

func main() {
	lrs := []float64{1e-4, 5e-4, 1e-3}
	betas := []float64{0.5, 0.9, 0.95}
	methods := []string{"heavy", "nesterov"}
	runners := map[string]func(float64, float64, int) []float64{
		"heavy":    heavyBall,
		"nesterov": nesterov,
	}

	grid := combin.Cartesian([]int{len(methods), len(lrs), len(betas)})
	fmt.Printf("grid has %d configurations\n", len(grid))

	var trials []trial
	for _, idx := range grid {
		m, lr, beta := methods[idx[0]], lrs[idx[1]], betas[idx[2]]
		x := runners[m](lr, beta, 3000)
		l := rosenbrock(x)
		d := math.Hypot(x[0]-1, x[1]-1)
		if math.IsNaN(l) {
			l, d = math.Inf(1), math.Inf(1)
		}
		trials = append(trials, trial{m, lr, beta, l, d})
	}

	for _, t := range trials {
		fmt.Printf("%-9s lr=%.0e beta=%.2f  loss=%.4e  dist=%.4e\n", t.method, t.lr, t.beta, t.loss, t.dist)
	}

	sort.SliceStable(trials, func(i, j int) bool { return trials[i].loss < trials[j].loss })
	fmt.Println("\ntop 3:")
	for _, t := range trials[:3] {
		fmt.Printf("%v\n", t)
	}

	// head to head at the same hyperparameters
	fmt.Println("\nhead to head lr=5e-4 beta=0.9 over time:")
	for _, n := range []int{250, 500, 1000, 2000} {
		a := rosenbrock(heavyBall(5e-4, 0.9, n))
		b := rosenbrock(nesterov(5e-4, 0.9, n))
		winner := "heavy"
		if b < a {
			winner = "nesterov"
		}
		fmt.Printf("iters=%4d heavy=%.4e nesterov=%.4e winner=%s\n", n, a, b, winner)
	}
}
