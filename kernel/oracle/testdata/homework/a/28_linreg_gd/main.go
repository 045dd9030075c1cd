// Linear regression y = w*x + b fitted three ways: closed form, batch GD,
// and GD with feature standardisation.
package main

import (
	"fmt"
	"math"
	"math/rand"
)

var xs, ys = makeData(50)

func makeData(n int) ([]float64, []float64) {
	r := rand.New(rand.NewSource(1))
	x := make([]float64, n)
	y := make([]float64, n)
	for i := range x {
		x[i] = 10 * r.Float64()
		y[i] = 3*x[i] - 7 + r.NormFloat64()
	}
	return x, y
}

func mse(w, b float64) float64 {
	s := 0.0
	for i := range xs {
		e := w*xs[i] + b - ys[i]
		s += e * e
	}
	return s / float64(len(xs))
}

func closedForm() (w, b float64) {
	n := float64(len(xs))
	var sx, sy, sxx, sxy float64
	for i := range xs {
		sx += xs[i]
		sy += ys[i]
		sxx += xs[i] * xs[i]
		sxy += xs[i] * ys[i]
	}
	w = (n*sxy - sx*sy) / (n*sxx - sx*sx)
	b = (sy - w*sx) / n
	return
}

func gd(x []float64, lr float64, iters int) (w, b float64, hist []float64) {
	n := float64(len(x))
	for k := 0; k < iters; k++ {
		var gw, gb float64
		for i := range x {
			e := w*x[i] + b - ys[i]
			gw += 2 * e * x[i] / n
			gb += 2 * e / n
		}
		w -= lr * gw
		b -= lr * gb
		if k%100 == 0 {
			hist = append(hist, gw*gw+gb*gb)
		}
	}
	return
}

func main() {
	w0, b0 := closedForm()
	fmt.Printf("closed form : w=%.5f b=%.5f mse=%.5f\n", w0, b0, mse(w0, b0))

	for _, lr := range []float64{0.001, 0.01, 0.03} {
		w, b, _ := gd(xs, lr, 2000)
		if m := mse(w, b); math.IsNaN(m) || m > 1e6 {
			fmt.Printf("raw GD lr=%-5g: diverged (mse=%.3g)\n", lr, m)
			continue
		}
		fmt.Printf("raw GD lr=%-5g: w=%.5f b=%.5f mse=%.5f\n", lr, w, b, mse(w, b))
	}

	// standardise x, then map parameters back
	mu, sd := 0.0, 0.0
	for _, v := range xs {
		mu += v
	}
	mu /= float64(len(xs))
	for _, v := range xs {
		sd += (v - mu) * (v - mu)
	}
	sd = math.Sqrt(sd / float64(len(xs)))
	z := make([]float64, len(xs))
	for i, v := range xs {
		z[i] = (v - mu) / sd
	}
	wz, bz, hist := gd(z, 0.1, 300)
	w, b := wz/sd, bz-wz*mu/sd
	fmt.Printf("standardised: w=%.5f b=%.5f mse=%.5f\n", w, b, mse(w, b))
	fmt.Print("squared grad norm every 100 iters:")
	for _, h := range hist {
		fmt.Printf(" %.2e", h)
	}
	fmt.Println()
}
