package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/integrate"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

var (
	age    = []float64{23, 35, 47, 52, 31, 28, 60, 44, 39, 56}
	income = []float64{52000, 31000, 45000, 88000, 75000, 39000, 61000, 80000, 57000, 68000}
	score  = []float64{3.8, 3.4, 4.7, 6.5, 5.1, 3.5, 6.0, 5.8, 4.8, 5.9}
)

func standardize(x []float64) ([]float64, float64, float64) {
	mean, std := stat.MeanStdDev(x, nil)
	z := make([]float64, len(x))
	copy(z, x)
	floats.AddConst(-mean, z)
	floats.Scale(1/std, z)
	return z, mean, std
}

// fit runs gradient descent for y ~ b + w1*f1 + w2*f2 and returns the loss
// curve (MSE per iteration) and the weights.
func fit(f1, f2, y []float64, lr float64, iters int) ([]float64, []float64) {
	n := float64(len(y))
	w := []float64{0, 0, 0}
	pred := make([]float64, len(y))
	resid := make([]float64, len(y))
	var curve []float64
	for k := 0; k < iters; k++ {
		for i := range pred {
			pred[i] = w[0]
		}
		floats.AddScaled(pred, w[1], f1)
		floats.AddScaled(pred, w[2], f2)
		floats.SubTo(resid, pred, y)
		curve = append(curve, floats.Dot(resid, resid)/n)
		w[0] -= lr * 2 * floats.Sum(resid) / n
		w[1] -= lr * 2 * floats.Dot(resid, f1) / n
		w[2] -= lr * 2 * floats.Dot(resid, f2) / n
	}
	return curve, w
}

func gramCond(f1, f2 []float64) float64 {
	n := len(f1)
	X := mat.NewDense(n, 3, nil)
	for i := 0; i < n; i++ {
		X.Set(i, 0, 1)
		X.Set(i, 1, f1[i])
		X.Set(i, 2, f2[i])
	}
	var g mat.Dense
	g.Mul(X.T(), X)
	return mat.Cond(&g, 2)
}

func main() {
	for _, c := range []struct {
		name string
		x    []float64
	}{{"age", age}, {"income", income}, {"score", score}} {
		fmt.Printf("%-7s mean=%12.4f std=%12.4f var=%16.4f\n", c.name, stat.Mean(c.x, nil), stat.StdDev(c.x, nil), stat.Variance(c.x, nil))
	}
	fmt.Printf("corr(age, income) = %.6f\n", stat.Correlation(age, income, nil))

	za, _, _ := standardize(age)
	zi, _, _ := standardize(income)
	fmt.Printf("standardized age: mean=%.6f std=%.6f\n", math.Abs(stat.Mean(za, nil)), stat.StdDev(za, nil))
	fmt.Printf("cond(X'X) raw = %.4e, standardized = %.4f\n\n", gramCond(age, income), gramCond(za, zi))

	const iters = 300
	rawCurve, _ := fit(age, income, score, 1e-10, iters)
	stdCurve, w := fit(za, zi, score, 0.1, iters)

	fmt.Printf("%6s %14s %14s\n", "iter", "raw mse", "standardized")
	for _, k := range []int{0, 1, 5, 20, 50, 100, 299} {
		fmt.Printf("%6d %14.6f %14.6f\n", k, rawCurve[k], stdCurve[k])
	}

	steps := make([]float64, iters)
	floats.Span(steps, 0, iters-1)
	fmt.Printf("\narea under loss curve: raw %.4f, standardized %.4f\n",
		integrate.Trapezoidal(steps, rawCurve), integrate.Trapezoidal(steps, stdCurve))
	fmt.Printf("loss curve stats (standardized, first 50): mean=%.6e std=%.6e\n",
		stat.Mean(stdCurve[:50], nil), stat.StdDev(stdCurve[:50], nil))
	fmt.Printf("weights in standardized units: b=%.4f w_age=%.4f w_income=%.4f, |w|=%.4f\n",
		w[0], w[1], w[2], floats.Norm(w, 2))
}
