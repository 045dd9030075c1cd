package main

import (
	"fmt"
	"math"
)

type Float interface {
	~float32 | ~float64
}

type Vector[T Float] []T

func Fill[T Float](n int, v T) Vector[T] {
	out := make(Vector[T], n)
	for i := range out {
		out[i] = v
	}
	return out
}

func (v Vector[T]) Dot(w Vector[T]) T {
	var s T
	for i := range v {
		s += v[i] * w[i]
	}
	return s
}

func (v Vector[T]) Norm() float64 { return math.Sqrt(float64(v.Dot(v))) }

// AddScaled sets v = v + a*w in place and returns v for chaining.
func (v Vector[T]) AddScaled(a T, w Vector[T]) Vector[T] {
	for i := range v {
		v[i] += a * w[i]
	}
	return v
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

// Quadratic 0.5 * sum d_i (x_i - c_i)^2 evaluated in precision T.
type Quadratic[T Float] struct {
	D, C Vector[T]
}

func (q Quadratic[T]) Grad(x Vector[T]) Vector[T] {
	g := make(Vector[T], len(x))
	for i := range x {
		g[i] = q.D[i] * (x[i] - q.C[i])
	}
	return g
}

func (q Quadratic[T]) Value(x Vector[T]) T {
	var s T
	for i := range x {
		d := x[i] - q.C[i]
		s += q.D[i] * d * d / 2
	}
	return s
}

func descend[T Float](q Quadratic[T], x Vector[T], lr T, steps int) (Vector[T], []float64) {
	var errs []float64
	for k := 0; k < steps; k++ {
		x.AddScaled(-lr, q.Grad(x))
		if (k+1)%100 == 0 {
			diff := make(Vector[T], len(x))
			copy(diff, x)
			diff.AddScaled(-1, q.C)
			errs = append(errs, diff.Norm())
		}
	}
	return x, errs
}

func main() {
	d := []float64{1, 3, 0.5, 2}
	c := []float64{0.1, -1.0 / 3.0, 2.0 / 7.0, 1.7}

	q64 := Quadratic[float64]{D: d, C: c}
	to32 := func(x float64) float32 { return float32(x) }
	q32 := Quadratic[float32]{D: Map(d, to32), C: Map(c, to32)}

	x64, e64 := descend(q64, Fill[float64](4, 0), 0.3, 500)
	x32, e32 := descend(q32, Fill[float32](4, 0), 0.3, 500)

	fmt.Printf("%6s %16s %16s\n", "iter", "err float64", "err float32")
	for i := range e64 {
		fmt.Printf("%6d %16.6e %16.6e\n", (i+1)*100, e64[i], e32[i])
	}
	fmt.Printf("\nfloat64 x = %.10f\n", []float64(x64))
	fmt.Printf("float32 x = %.10f\n", Map(x32, func(v float32) float64 { return float64(v) }))
	fmt.Printf("final values: f64 %.3e  f32 %.3e\n", q64.Value(x64), q32.Value(x32))

	sumSq := Reduce(d, 0.0, func(a, v float64) float64 { return a + v*v })
	maxD := Reduce(d, math.Inf(-1), math.Max)
	fmt.Printf("sum d^2 = %.2f, max curvature = %.1f, stable if lr < %.4f\n", sumSq, maxD, 2/maxD)

	labels := Map([]int{1, 2, 3}, func(i int) string { return fmt.Sprintf("v%d", i) })
	fmt.Println("labels:", labels)
	fmt.Printf("float32 epsilon %.4e vs float64 epsilon %.4e\n",
		float64(math.Nextafter32(1, 2)-1), math.Nextafter(1, 2)-1)
}
