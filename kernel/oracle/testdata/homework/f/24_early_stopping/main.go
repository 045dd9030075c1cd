package main

import (
	"fmt"
	"math"
	"math/rand"
)

const degree = 9

func features(x float64) []float64 {
	phi := make([]float64, degree+1)
	p := 1.0
	for i := range phi {
		phi[i] = p
		p *= x
	}
	return phi
}

type dataset struct {
	X [][]float64
	Y []float64
}

func makeSet(rng *rand.Rand, n int) dataset {
	var d dataset
	for i := 0; i < n; i++ {
		x := rng.Float64()*2 - 1
		y := math.Sin(3*x) + 0.25*rng.NormFloat64()
		d.X = append(d.X, features(x))
		d.Y = append(d.Y, y)
	}
	return d
}

func (d dataset) mse(w []float64) float64 {
	s := 0.0
	for i, phi := range d.X {
		r := dot(phi, w) - d.Y[i]
		s += r * r
	}
	return s / float64(len(d.Y))
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

type EarlyStopping struct {
	Patience  int
	bestLoss  float64
	bestEpoch int
	bestW     []float64
	wait      int
}

// Check records the validation loss and reports whether to stop.
func (e *EarlyStopping) Check(epoch int, loss float64, w []float64) bool {
	if e.bestW == nil || loss < e.bestLoss-1e-6 {
		e.bestLoss, e.bestEpoch, e.wait = loss, epoch, 0
		e.bestW = append(e.bestW[:0], w...)
		return false
	}
	e.wait++
	return e.wait >= e.Patience
}

func train(tr, val dataset, lr, decay float64, maxEpochs int, es *EarlyStopping) (int, []float64) {
	w := make([]float64, degree+1)
	g := make([]float64, degree+1)
	n := float64(len(tr.Y))
	for epoch := 1; epoch <= maxEpochs; epoch++ {
		for j := range g {
			g[j] = 0
		}
		for i, phi := range tr.X {
			r := dot(phi, w) - tr.Y[i]
			for j := range g {
				g[j] += 2 * r * phi[j] / n
			}
		}
		for j := range w {
			w[j] -= lr * (g[j] + decay*w[j])
		}
		if es != nil && es.Check(epoch, val.mse(w), w) {
			return epoch, w
		}
	}
	return maxEpochs, w
}

func main() {
	rng := rand.New(rand.NewSource(11))
	tr := makeSet(rng, 15)
	val := makeSet(rng, 30)

	fmt.Println("weight decay sweep (no early stopping, 20000 epochs)")
	fmt.Printf("%8s %12s %12s %10s\n", "decay", "train mse", "val mse", "|w|")
	for _, decay := range []float64{0, 1e-4, 1e-3, 1e-2, 1e-1, 1} {
		_, w := train(tr, val, 0.3, decay, 20000, nil)
		fmt.Printf("%8.0e %12.6f %12.6f %10.4f\n", decay, tr.mse(w), val.mse(w), math.Sqrt(dot(w, w)))
	}

	fmt.Println("\nearly stopping on validation loss (decay 0)")
	for _, patience := range []int{10, 100, 1000} {
		es := &EarlyStopping{Patience: patience}
		stopped, w := train(tr, val, 0.3, 0, 20000, es)
		fmt.Printf("patience %4d: stopped at %5d, best epoch %5d, best val %.6f, last val %.6f, train at best %.6f\n",
			patience, stopped, es.bestEpoch, es.bestLoss, val.mse(w), tr.mse(es.bestW))
	}
}
