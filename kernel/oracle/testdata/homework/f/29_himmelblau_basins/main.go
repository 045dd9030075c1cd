package main

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"gonum.org/v1/gonum/optimize"
)

var minima = map[byte][2]float64{
	'A': {3.0, 2.0},
	'B': {-2.805118, 3.131313},
	'C': {-3.779310, -3.283186},
	'D': {3.584428, -1.848127},
}

func himmelblau(x []float64) float64 {
	a := x[0]*x[0] + x[1] - 11
	b := x[0] + x[1]*x[1] - 7
	return a*a + b*b
}

func himmelblauGrad(g, x []float64) {
	a := x[0]*x[0] + x[1] - 11
	b := x[0] + x[1]*x[1] - 7
	g[0] = 4*x[0]*a + 2*b
	g[1] = 2*a + 4*x[1]*b
}

// label returns which known minimum x is closest to, or '?' if none is near.
func label(x []float64) byte {
	keys := []byte{'A', 'B', 'C', 'D'}
	for _, k := range keys {
		m := minima[k]
		if math.Hypot(x[0]-m[0], x[1]-m[1]) < 1e-3 {
			return k
		}
	}
	return '?'
}

func gradientDescent(x0 []float64) []float64 {
	x := []float64{x0[0], x0[1]}
	g := make([]float64, 2)
	for k := 0; k < 3000; k++ {
		himmelblauGrad(g, x)
		if math.Hypot(g[0], g[1]) < 1e-8 {
			break
		}
		x[0] -= 0.01 * g[0]
		x[1] -= 0.01 * g[1]
	}
	return x
}

func main() {
	fmt.Println("basins of attraction for gradient descent (lr=0.01)")
	counts := map[byte]int{}
	var rows []string
	for y := 5.0; y >= -5.0; y -= 1.0 {
		var sb strings.Builder
		for x := -5.0; x <= 5.0; x += 0.5 {
			c := label(gradientDescent([]float64{x, y}))
			counts[c]++
			sb.WriteByte(c)
		}
		rows = append(rows, fmt.Sprintf("y=%5.1f  %s", y, sb.String()))
	}
	fmt.Println(strings.Join(rows, "\n"))

	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, string(k))
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("  %s: %3d starts\n", k, counts[k[0]])
	}

	fmt.Println("\ngonum LBFGS from a few starts:")
	p := optimize.Problem{Func: himmelblau, Grad: himmelblauGrad}
	starts := [][]float64{{0, 0}, {-1, 4}, {-4, -4}, {4, -4}, {-0.27, -0.92}}
	type row struct {
		start []float64
		x     []float64
		f     float64
		evals int
	}
	var out []row
	for _, s := range starts {
		res, err := optimize.Minimize(p, s, &optimize.Settings{GradientThreshold: 1e-10}, &optimize.LBFGS{})
		if err != nil {
			fmt.Println("  error:", err)
			continue
		}
		out = append(out, row{s, res.X, res.F, res.FuncEvaluations})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].x[0] < out[j].x[0] })
	for _, r := range out {
		fmt.Printf("  start (%5.2f, %5.2f) -> %c (%.6f, %.6f) f=%.8f evals=%d\n",
			r.start[0], r.start[1], label(r.x), r.x[0], r.x[1], r.f, r.evals)
	}
}
