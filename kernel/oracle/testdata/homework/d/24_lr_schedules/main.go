package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/interp"
	"gonum.org/v1/gonum/mathext"
)

type Float interface {
	~float32 | ~float64
}

type Schedule[T Float] func(step int) T

func constant[T Float](lr T) Schedule[T] {
	return func(int) T { return lr }
}

func stepDecay[T Float](lr0, factor T, every int) Schedule[T] {
	return func(step int) T {
		lr := lr0
		for k := 0; k < step/every; k++ {
			lr *= factor
		}
		return lr
	}
}

func cosine[T Float](lrMax, lrMin T, total int) Schedule[T] {
	return func(step int) T {
		if step >= total {
			return lrMin
		}
		c := 0.5 * (1 + math.Cos(math.Pi*float64(step)/float64(total)))
		return lrMin + T(c)*(lrMax-lrMin)
	}
}

func withWarmup[T Float](warm int, inner Schedule[T]) Schedule[T] {
	return func(step int) T {
		if step < warm {
			return inner(warm) * T(step+1) / T(warm)
		}
		return inner(step)
	}
}

// minimize f(w) = 0.5 * w^2 with gradient noise-free updates, returns final |w|
func train[T Float](s Schedule[T], steps int) T {
	w := T(5)
	for t := 0; t < steps; t++ {
		w -= s(t) * w
	}
	if w < 0 {
		return -w
	}
	return w
}

func main() {
	total := 100
	s64 := map[string]Schedule[float64]{
		"constant": constant(0.1),
		"step":     stepDecay(0.1, 0.5, 25),
		"cosine":   cosine(0.1, 0.001, total),
		"warmup":   withWarmup(10, cosine(0.1, 0.001, total)),
	}
	order := []string{"constant", "step", "cosine", "warmup"}

	fmt.Printf("%5s", "step")
	for _, name := range order {
		fmt.Printf(" %10s", name)
	}
	fmt.Println()
	for _, t := range []int{0, 5, 9, 10, 24, 25, 50, 75, 99} {
		fmt.Printf("%5d", t)
		for _, name := range order {
			fmt.Printf(" %10.6f", s64[name](t))
		}
		fmt.Println()
	}

	fmt.Println("\nfinal |w| after 100 steps:")
	for _, name := range order {
		fmt.Printf("  %-8s float64 %.6e\n", name, train(s64[name], total))
	}
	s32 := cosine[float32](0.1, 0.001, total)
	fmt.Printf("  cosine   float32 %.6e  (type %T)\n", train(s32, total), train(s32, total))

	// a piecewise linear schedule given by knots
	var pl interp.PiecewiseLinear
	if err := pl.Fit([]float64{0, 10, 60, 100}, []float64{0, 0.1, 0.02, 0}); err != nil {
		fmt.Println("fit error:", err)
		return
	}
	fmt.Print("\npiecewise linear:")
	for _, t := range []float64{0, 5, 10, 35, 60, 80, 100} {
		fmt.Printf(" %.0f:%.4f", t, pl.Predict(t))
	}
	fmt.Println()

	// Robbins-Monro conditions for lr_t = c/t: sum lr diverges, sum lr^2 = c^2 zeta(2)
	c := 0.5
	partial1, partial2 := 0.0, 0.0
	for t := 1; t <= 100000; t++ {
		partial1 += c / float64(t)
		partial2 += c * c / float64(t*t)
	}
	fmt.Printf("sum c/t up to 1e5 = %.6f (grows like c ln T = %.6f)\n", partial1, c*math.Log(1e5))
	fmt.Printf("sum (c/t)^2 up to 1e5 = %.8f, limit c^2*zeta(2) = %.8f, pi^2/6*c^2 = %.8f\n",
		partial2, c*c*mathext.Zeta(2, 1), c*c*math.Pi*math.Pi/6)
}
