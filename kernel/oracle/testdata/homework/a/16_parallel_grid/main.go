// Grid search over (lr, momentum) in parallel, results stored by index
// so the printed table does not depend on goroutine scheduling.
package main

import (
	"fmt"
	"math"
	"sync"
)

type result struct {
	lr, beta  float64
	finalLoss float64
	iters     int
}

func train(lr, beta float64) result {
	// minimise f(w) = sum_i c_i (w_i - t_i)^2 with heavy-ball momentum
	c := []float64{1, 3, 10}
	t := []float64{1, -2, 0.5}
	w := make([]float64, 3)
	v := make([]float64, 3)
	loss := func() float64 {
		s := 0.0
		for i := range w {
			s += c[i] * (w[i] - t[i]) * (w[i] - t[i])
		}
		return s
	}
	k := 0
	for ; k < 500 && loss() > 1e-8; k++ {
		for i := range w {
			g := 2 * c[i] * (w[i] - t[i])
			v[i] = beta*v[i] - lr*g
			w[i] += v[i]
		}
		if math.IsNaN(loss()) || loss() > 1e6 {
			return result{lr, beta, math.Inf(1), k}
		}
	}
	return result{lr, beta, loss(), k}
}

func main() {
	lrs := []float64{0.005, 0.01, 0.02, 0.05, 0.09, 0.11}
	betas := []float64{0.0, 0.5, 0.8, 0.9}
	results := make([][]result, len(lrs))
	for i := range results {
		results[i] = make([]result, len(betas))
	}

	var wg sync.WaitGroup
	for i, lr := range lrs {
		for j, b := range betas {
			wg.Add(1)
			go func() { // Go 1.22+: i, j, lr, b are per-iteration
				defer wg.Done()
				results[i][j] = train(lr, b)
			}()
		}
	}
	wg.Wait()

	fmt.Print("iterations to loss<1e-8 (max 500, 'div' = diverged)\n\n")
	fmt.Printf("%-8s", "lr\\beta")
	for _, b := range betas {
		fmt.Printf("%8.1f", b)
	}
	fmt.Println()
	best := result{iters: math.MaxInt}
	for i := range lrs {
		fmt.Printf("%-8.3f", lrs[i])
		for _, r := range results[i] {
			switch {
			case math.IsInf(r.finalLoss, 1):
				fmt.Printf("%8s", "div")
			default:
				fmt.Printf("%8d", r.iters)
			}
			if !math.IsInf(r.finalLoss, 1) && r.finalLoss <= 1e-8 && r.iters < best.iters {
				best = r
			}
		}
		fmt.Println()
	}
	fmt.Printf("\nbest: %+v\n", best)
}
