package main

import (
	"fmt"
	"math"
	"sort"
	"sync"
)

type job struct {
	id int
	x0 float64
}

type outcome struct {
	id    int
	x0    float64
	root  float64
	steps int
}

// generator stage
func gen(xs []float64) <-chan job {
	out := make(chan job)
	go func() {
		defer close(out)
		for i, x := range xs {
			out <- job{i, x}
		}
	}()
	return out
}

// worker stage: Newton's method on f(x) = x^3 - x (roots -1, 0, 1)
func solve(in <-chan job, out chan<- outcome, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range in {
		x, n := j.x0, 0
		for ; n < 100; n++ {
			fx := x*x*x - x
			d := 3*x*x - 1
			if math.Abs(fx) < 1e-13 || d == 0 {
				break
			}
			x -= fx / d
		}
		out <- outcome{j.id, j.x0, x, n}
	}
}

func main() {
	var starts []float64
	for x := -2.0; x <= 2.0001; x += 0.25 {
		starts = append(starts, math.Round(x*100)/100)
	}
	jobs := gen(starts)
	results := make(chan outcome, 4)
	var wg sync.WaitGroup
	const workers = 3
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go solve(jobs, results, &wg)
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	var all []outcome
	for r := range results {
		all = append(all, r)
	}
	// arrival order is random, so sort by id before printing
	sort.Slice(all, func(i, j int) bool { return all[i].id < all[j].id })

	basin := map[float64]int{}
	for _, r := range all {
		root := math.Round(r.root*1e6) / 1e6
		if root == 0 {
			root = 0 // normalise -0
		}
		basin[root]++
		fmt.Printf("x0=%+5.2f -> root %+.6f in %2d steps\n", r.x0, root, r.steps)
	}
	keys := make([]float64, 0, len(basin))
	for k := range basin {
		keys = append(keys, k)
	}
	sort.Float64s(keys)
	for _, k := range keys {
		fmt.Printf("root %+.0f reached from %d starts\n", k, basin[k])
	}
}
