// Homework 28: why we standardize inputs. Simple linear regression on
// raw vs standardized features, trained by GD, compared with the closed
// form from gonum/stat. Also practice with generic helpers.
package main

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

type Number interface {
	~int | ~int64 | ~float32 | ~float64
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

func Sum[T Number](xs []T) T {
	return Reduce(xs, T(0), func(a, b T) T { return a + b })
}

func ZipWith[T, U, V any](a []T, b []U, f func(T, U) V) []V {
	n := min(len(a), len(b))
	out := make([]V, n)
	for i := 0; i < n; i++ {
		out[i] = f(a[i], b[i])
	}
	return out
}

type Celsius float64

var (
	temps  []float64 // feature: temperature in Kelvin (large offset)
	demand []float64 // target
)

func init() {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 40; i++ {
		t := 280 + 25*rng.Float64()
		temps = append(temps, t)
		demand = append(demand, 3.2*(t-290)+50+4*rng.NormFloat64())
	}
}

// gdFit fits y = a + b x by gradient descent on the MSE with step 1/L.
func gdFit(x, y []float64, tol float64, maxIt int) (a, b float64, iters int) {
	n := float64(len(x))
	// Hessian of MSE/2 is [[1, mean x],[mean x, mean x^2]]
	mx := stat.Mean(x, nil)
	mx2 := Sum(Map(x, func(v float64) float64 { return v * v })) / n
	H := mat.NewSymDense(2, []float64{1, mx, mx, mx2})
	var es mat.EigenSym
	es.Factorize(H, false)
	ev := es.Values(nil)
	L := ev[1]
	for iters = 1; iters <= maxIt; iters++ {
		res := ZipWith(x, y, func(xi, yi float64) float64 { return a + b*xi - yi })
		ga := Sum(res) / n
		gb := Sum(ZipWith(res, x, func(r, xi float64) float64 { return r * xi })) / n
		if math.Hypot(ga, gb) < tol {
			break
		}
		a -= ga / L
		b -= gb / L
	}
	fmt.Printf("  Hessian eigenvalues %.4g, condition number %.4g\n", ev, ev[1]/ev[0])
	return a, b, iters
}

func main() {
	fmt.Printf("Sum of ints %d, Sum of Celsius %.1f\n", Sum([]int{1, 2, 3, 4}), Sum([]Celsius{20.5, 21.5}))
	strs := Map([]float64{1.5, 2.25}, func(v float64) string { return fmt.Sprintf("<%.2f>", v) })
	fmt.Printf("Map to strings: %v (%T)\n", strs, strs)

	mx, sx := stat.MeanStdDev(temps, nil)
	my := stat.Mean(demand, nil)
	fmt.Printf("temperature: mean %.3f std %.3f; demand mean %.3f\n", mx, sx, my)
	fmt.Printf("correlation %.4f\n", stat.Correlation(temps, demand, nil))

	alpha, beta := stat.LinearRegression(temps, demand, nil, false)
	r2 := stat.RSquared(temps, demand, nil, alpha, beta)
	fmt.Printf("closed form (stat.LinearRegression): a=%.4f b=%.4f R^2=%.4f\n", alpha, beta, r2)

	fmt.Println("GD on raw features:")
	a, b, it := gdFit(temps, demand, 1e-6, 20000)
	fmt.Printf("  after %d iterations: a=%.4f b=%.4f (hit limit: %v)\n", it-1, a, b, it > 20000)

	fmt.Println("GD on standardized features:")
	z := Map(temps, func(t float64) float64 { return (t - mx) / sx })
	az, bz, itz := gdFit(z, demand, 1e-6, 20000)
	// undo the standardization: y = az + bz (x - mx)/sx
	bRaw := bz / sx
	aRaw := az - bz*mx/sx
	fmt.Printf("  after %d iterations: a=%.4f b=%.4f in original units\n", itz-1, aRaw, bRaw)
	fmt.Printf("  matches closed form: %v\n", math.Abs(aRaw-alpha) < 1e-4 && math.Abs(bRaw-beta) < 1e-6)
}
