// Homework 15: L2 regularization vs decoupled weight decay.
// Part A: for plain SGD the two are the same update.
// Part B: for Adam they are not (Adam+L2 vs AdamW).
package main

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"
)

const (
	nData = 80
	nFeat = 4
)

var (
	X      *mat.Dense
	y      []float64
	scales = []float64{0.1, 1, 5, 20}
)

func init() {
	src := rand.NewPCG(1, 2)
	unit := distuv.Normal{Mu: 0, Sigma: 1, Src: src}
	X = mat.NewDense(nData, nFeat, nil)
	y = make([]float64, nData)
	wTrue := []float64{3, -1, 0.4, 0.05}
	for i := 0; i < nData; i++ {
		for j := 0; j < nFeat; j++ {
			X.Set(i, j, scales[j]*unit.Rand())
		}
		y[i] = floats.Dot(X.RawRowView(i), wTrue) + 0.3*unit.Rand()
	}
}

// dataGrad returns the gradient of the mean squared error / 2.
func dataGrad(w []float64) []float64 {
	r := mat.NewVecDense(nData, nil)
	r.MulVec(X, mat.NewVecDense(nFeat, w))
	r.SubVec(r, mat.NewVecDense(nData, y))
	g := mat.NewVecDense(nFeat, nil)
	g.MulVec(X.T(), r)
	g.ScaleVec(1/float64(nData), g)
	return g.RawVector().Data
}

type Updater func(w []float64, step int)

func sgdL2(lr, lam float64) Updater {
	return func(w []float64, _ int) {
		g := dataGrad(w)
		floats.AddScaled(g, lam, w)
		floats.AddScaled(w, -lr, g)
	}
}

func sgdDecay(lr, decay float64) Updater {
	return func(w []float64, _ int) {
		g := dataGrad(w)
		floats.Scale(1-decay, w)
		floats.AddScaled(w, -lr, g)
	}
}

type adamState struct{ m, v []float64 }

func adam(lr, lam float64, decoupled bool) Updater {
	st := adamState{make([]float64, nFeat), make([]float64, nFeat)}
	const b1, b2, eps = 0.9, 0.999, 1e-8
	return func(w []float64, step int) {
		g := dataGrad(w)
		if !decoupled {
			floats.AddScaled(g, lam, w)
		}
		t := float64(step + 1)
		for i := range w {
			st.m[i] = b1*st.m[i] + (1-b1)*g[i]
			st.v[i] = b2*st.v[i] + (1-b2)*g[i]*g[i]
			mh := st.m[i] / (1 - math.Pow(b1, t))
			vh := st.v[i] / (1 - math.Pow(b2, t))
			w[i] -= lr * mh / (math.Sqrt(vh) + eps)
			if decoupled {
				w[i] -= lr * lam * w[i]
			}
		}
	}
}

func train(u Updater, steps int) []float64 {
	w := make([]float64, nFeat)
	for s := 0; s < steps; s++ {
		u(w, s)
	}
	return w
}

func main() {
	const lr, lam = 0.002, 0.5
	fmt.Printf("feature scales: %v\n", scales)

	fmt.Println("Part A: SGD with L2 (lambda) vs SGD with decay (lr*lambda)")
	wl2 := train(sgdL2(lr, lam), 3000)
	wdc := train(sgdDecay(lr, lr*lam), 3000)
	fmt.Printf("  SGD+L2    w = %.5f\n", wl2)
	fmt.Printf("  SGD+decay w = %.5f\n", wdc)
	fmt.Printf("  identical up to rounding: %v\n", floats.EqualApprox(wl2, wdc, 1e-9))

	// closed form ridge for reference
	var A mat.Dense
	A.Mul(X.T(), X)
	A.Scale(1/float64(nData), &A)
	for i := 0; i < nFeat; i++ {
		A.Set(i, i, A.At(i, i)+lam)
	}
	b := mat.NewVecDense(nFeat, nil)
	b.MulVec(X.T(), mat.NewVecDense(nData, y))
	b.ScaleVec(1/float64(nData), b)
	var ridge mat.VecDense
	if err := ridge.SolveVec(&A, b); err != nil {
		fmt.Println("ridge solve:", err)
		return
	}
	fmt.Printf("  ridge     w = %.5f\n", ridge.RawVector().Data)

	fmt.Println("Part B: Adam + L2 vs AdamW, lr=0.01, lambda=0.5")
	wa := train(adam(0.01, lam, false), 4000)
	ww := train(adam(0.01, lam, true), 4000)
	fmt.Printf("  %-8s %10s %10s\n", "feature", "Adam+L2", "AdamW")
	for j := 0; j < nFeat; j++ {
		fmt.Printf("  x%d*%-5v %10.5f %10.5f\n", j, scales[j], wa[j], ww[j])
	}
	mse := func(w []float64) float64 {
		g := mat.NewVecDense(nData, nil)
		g.MulVec(X, mat.NewVecDense(nFeat, w))
		g.SubVec(g, mat.NewVecDense(nData, y))
		return mat.Dot(g, g) / nData
	}
	fmt.Printf("  train MSE: Adam+L2 %.4f  AdamW %.4f  ridge %.4f\n", mse(wa), mse(ww), mse(ridge.RawVector().Data))
	fmt.Printf("  |w|: Adam+L2 %.4f  AdamW %.4f\n", floats.Norm(wa, 2), floats.Norm(ww, 2))
}
