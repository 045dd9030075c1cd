package main

import (
	"fmt"
	"math"
)

func main() {
	// f(x) = 0.5 * sum(d_i * x_i^2) with eigenvalues spread from mu to L.
	d := []float64{1, 5, 20, 60, 100}
	L, mu := 100.0, 1.0
	f := func(x []float64) float64 {
		s := 0.0
		for i, xi := range x {
			s += 0.5 * d[i] * xi * xi
		}
		return s
	}
	grad := func(x []float64) []float64 {
		g := make([]float64, len(x))
		for i, xi := range x {
			g[i] = d[i] * xi
		}
		return g
	}
	start := func() []float64 { return []float64{1, 1, 1, 1, 1} }

	kappa := L / mu
	sq := math.Sqrt(kappa)
	methods := []struct {
		name string
		step func(x, v []float64)
	}{
		{"gd (1/L)", func(x, v []float64) {
			g := grad(x)
			for i := range x {
				x[i] -= g[i] / L
			}
		}},
		{"heavy ball", func(x, v []float64) {
			// Polyak's optimal parameters for quadratics.
			alpha := 4 / math.Pow(math.Sqrt(L)+math.Sqrt(mu), 2)
			beta := math.Pow((sq-1)/(sq+1), 2)
			g := grad(x)
			for i := range x {
				v[i] = beta*v[i] - alpha*g[i]
				x[i] += v[i]
			}
		}},
		{"nesterov", func(x, v []float64) {
			beta := (sq - 1) / (sq + 1)
			look := make([]float64, len(x))
			for i := range x {
				look[i] = x[i] + beta*v[i]
			}
			g := grad(look)
			for i := range x {
				v[i] = beta*v[i] - g[i]/L
				x[i] += v[i]
			}
		}},
	}

	checkpoints := map[int]bool{0: true, 10: true, 25: true, 50: true, 100: true, 200: true}
	fmt.Printf("kappa = %.0f\n", kappa)
	fmt.Printf("%-12s", "iter")
	for _, m := range methods {
		fmt.Printf("%16s", m.name)
	}
	fmt.Println()

	xs := make([][]float64, len(methods))
	vs := make([][]float64, len(methods))
	for i := range methods {
		xs[i] = start()
		vs[i] = make([]float64, len(d))
	}
	for k := 0; k <= 200; k++ {
		if checkpoints[k] {
			fmt.Printf("%-12d", k)
			for i := range methods {
				fmt.Printf("%16.6e", f(xs[i]))
			}
			fmt.Println()
		}
		for i, m := range methods {
			m.step(xs[i], vs[i])
		}
	}

	// Iterations needed to reach 1e-8 for each method.
	fmt.Println()
	for _, m := range methods {
		x, v := start(), make([]float64, len(d))
		k := 0
		for ; f(x) > 1e-8 && k < 10000; k++ {
			m.step(x, v)
		}
		fmt.Printf("%-12s reaches f<1e-8 after %5d iterations\n", m.name, k)
	}
	fmt.Printf("predicted rates: gd %.4f, momentum %.4f\n", 1-1/kappa, (sq-1)/(sq+1))
}
