// Homework 27: escaping a saddle point with noise.
// f(x, y) = x^2/2 - y^2/2 + y^4/4 has a strict saddle at (0,0) and minima at
// (0, +-1). Plain GD started on the x-axis converges to the saddle; adding a
// small amount of isotropic noise makes it escape.
package main

import (
	"fmt"
	"math"
	"math/rand/v2"
)

func f(x, y float64) float64 { return 0.5*x*x - 0.5*y*y + 0.25*y*y*y*y }

func grad(x, y float64) (float64, float64) { return x, -y + y*y*y }

type result struct {
	escape int // first step with f < -0.2, or -1
	x, y   float64
}

func run(lr, sigma float64, steps int, rng *rand.Rand, onlyNearSaddle bool) result {
	x, y := 1.0, 0.0
	esc := -1
	for t := 0; t < steps; t++ {
		gx, gy := grad(x, y)
		x -= lr * gx
		y -= lr * gy
		if sigma > 0 {
			if !onlyNearSaddle || math.Hypot(gx, gy) < 1e-3 {
				x += sigma * rng.NormFloat64()
				y += sigma * rng.NormFloat64()
			}
		}
		if esc < 0 && f(x, y) < -0.2 {
			esc = t + 1
		}
	}
	return result{esc, x, y}
}

func main() {
	lr := 0.1
	fmt.Println("Hessian at saddle: diag(1, -1) -> eigenvalues +1, -1 (strict saddle)")
	fmt.Printf("plain GD from (1, 0), lr=%.1f:\n", lr)
	r := run(lr, 0, 300, nil, false)
	fmt.Printf("  after 300 steps: (%.3e, %.3e), f = %.6f, grad norm = %.3e\n\n", r.x, r.y, f(r.x, r.y), math.Hypot(grad(r.x, r.y)))

	rng := rand.New(rand.NewPCG(1, 2))
	fmt.Println("noisy GD: noise added every step")
	fmt.Printf("%10s %10s %14s %10s %10s\n", "sigma", "escape t", "theory ~", "final y", "final f")
	for _, s := range []float64{1e-12, 1e-9, 1e-6, 1e-3, 1e-2} {
		r := run(lr, s, 1000, rng, false)
		// y grows like sigma*(1+lr)^t until |y| ~ 1 ; plus the x-decay phase
		theory := math.Log(1/s) / math.Log(1+lr)
		fmt.Printf("%10.0e %10d %14.1f %10.4f %10.6f\n", s, r.escape, theory, r.y, f(r.x, r.y))
	}

	fmt.Println("\nperturbed GD (noise only when |grad| < 1e-3), sigma = 1e-3, 5 seeds:")
	for seed := uint64(1); seed <= 5; seed++ {
		rng := rand.New(rand.NewPCG(seed, 2))
		r := run(lr, 1e-3, 1000, rng, true)
		fmt.Printf("  seed %d: escaped at step %4d, ended near y = %+.4f\n", seed, r.escape, r.y)
	}

	// Trajectory snapshot for one noisy run.
	fmt.Println("\ntrajectory (sigma = 1e-6):")
	rng = rand.New(rand.NewPCG(1, 2))
	x, y := 1.0, 0.0
	for t := 0; t <= 200; t++ {
		if t%25 == 0 {
			fmt.Printf("  t=%3d  x=%+.3e  y=%+.3e  f=%+.6f\n", t, x, y, f(x, y))
		}
		gx, gy := grad(x, y)
		x += -lr*gx + 1e-6*rng.NormFloat64()
		y += -lr*gy + 1e-6*rng.NormFloat64()
	}
}
