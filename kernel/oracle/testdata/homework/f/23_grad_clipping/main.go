package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
)

// f(x, y) = x^4 + 0.5 y^4 + 0.5 (x^2 + y^2): quartic walls make the
// gradient explode far from the origin.
func f(p []float64) float64 {
	x, y := p[0], p[1]
	return x*x*x*x + 0.5*y*y*y*y + 0.5*(x*x+y*y)
}

func grad(p []float64) []float64 {
	x, y := p[0], p[1]
	return []float64{4*x*x*x + x, 2*y*y*y + y}
}

type clipFunc func(g []float64) (clipped bool)

func noClip(g []float64) bool { return false }

func clipByNorm(maxNorm float64) clipFunc {
	return func(g []float64) bool {
		n := floats.Norm(g, 2)
		if n <= maxNorm {
			return false
		}
		floats.Scale(maxNorm/n, g)
		return true
	}
}

func clipByValue(limit float64) clipFunc {
	return func(g []float64) bool {
		hit := false
		for i, v := range g {
			if v > limit {
				g[i], hit = limit, true
			} else if v < -limit {
				g[i], hit = -limit, true
			}
		}
		return hit
	}
}

func train(clip clipFunc, lr float64, steps int, verbose bool) ([]float64, int, error) {
	p := []float64{6, -4}
	clips := 0
	for k := 1; k <= steps; k++ {
		g := grad(p)
		if clip(g) {
			clips++
		}
		floats.AddScaled(p, -lr, g)
		v := f(p)
		if math.IsInf(v, 0) || math.IsNaN(v) || v > 1e100 {
			return p, clips, fmt.Errorf("blew up at step %d", k)
		}
		if verbose && (k <= 5 || k%50 == 0) {
			fmt.Printf("    step %3d p=(%9.5f, %9.5f) f=%.6e\n", k, p[0], p[1], v)
		}
	}
	return p, clips, nil
}

func main() {
	const lr = 0.05
	g0 := grad([]float64{6, -4})
	fmt.Printf("initial gradient (%.1f, %.1f), norm %.2f\n\n", g0[0], g0[1], floats.Norm(g0, 2))

	cases := []struct {
		name string
		clip clipFunc
	}{
		{"none", noClip},
		{"norm<=5", clipByNorm(5)},
		{"norm<=1", clipByNorm(1)},
		{"|g_i|<=2", clipByValue(2)},
	}
	for _, c := range cases {
		fmt.Printf("clipping %s:\n", c.name)
		p, n, err := train(c.clip, lr, 200, c.name == "norm<=5")
		if err != nil {
			fmt.Printf("  ERROR: %v\n\n", err)
			continue
		}
		fmt.Printf("  final p=(%.6f, %.6f) f=%.6e, clipped %d of 200 steps\n\n", p[0], p[1], f(p), n)
	}

	// Clipping by value changes the direction, clipping by norm does not.
	g := []float64{30, 4}
	h := append([]float64(nil), g...)
	clipByNorm(5)(g)
	clipByValue(2)(h)
	angle := func(a []float64) float64 { return math.Atan2(a[1], a[0]) * 180 / math.Pi }
	fmt.Printf("direction of (30,4): %.3f deg; by norm: %.3f deg; by value: %.3f deg\n",
		angle([]float64{30, 4}), angle(g), angle(h))
}
