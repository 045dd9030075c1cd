package main

import (
	"fmt"
	"math"
	"math/rand"
)

const (
	nSamples = 40
	nFeat    = 4
	lr       = 0.01
	wd       = 0.1
	epochs   = 3000
)

type dataset struct {
	X [][]float64
	y []float64
}

func makeData(seed int64) dataset {
	rng := rand.New(rand.NewSource(seed))
	trueW := []float64{2, -1, 0.5, 0}
	featScale := []float64{1, 10, 0.1, 1}
	var d dataset
	for i := 0; i < nSamples; i++ {
		row := make([]float64, nFeat)
		t := 0.0
		for j := range row {
			row[j] = rng.NormFloat64() * featScale[j]
			t += trueW[j] * row[j]
		}
		d.X = append(d.X, row)
		d.y = append(d.y, t+0.1*rng.NormFloat64())
	}
	return d
}

// mean squared error and its gradient
func mse(d dataset, w []float64) (float64, []float64) {
	g := make([]float64, len(w))
	l := 0.0
	for i, row := range d.X {
		pred := 0.0
		for j := range w {
			pred += row[j] * w[j]
		}
		r := pred - d.y[i]
		l += r * r
		for j := range w {
			g[j] += 2 * r * row[j]
		}
	}
	n := float64(len(d.X))
	for j := range g {
		g[j] /= n
	}
	return l / n, g
}

// train runs Adam; decoupled=true gives AdamW, false gives Adam with L2 in the gradient.
func train(d dataset, decoupled bool) ([]float64, float64) {
	w := make([]float64, nFeat)
	m := make([]float64, nFeat)
	v := make([]float64, nFeat)
	b1, b2, eps := 0.9, 0.999, 1e-8
	for t := 1; t <= epochs; t++ {
		_, g := mse(d, w)
		if !decoupled {
			for j := range g {
				g[j] += wd * w[j]
			}
		}
		c1 := 1 - math.Pow(b1, float64(t))
		c2 := 1 - math.Pow(b2, float64(t))
		for j := range w {
			m[j] = b1*m[j] + (1-b1)*g[j]
			v[j] = b2*v[j] + (1-b2)*g[j]*g[j]
			w[j] -= lr * (m[j] / c1) / (math.Sqrt(v[j]/c2) + eps)
			if decoupled {
				w[j] -= lr * wd * w[j]
			}
		}
	}
	l, _ := mse(d, w)
	return w, l
}

func main() {
	d := makeData(42)
	fmt.Printf("first sample: x=%.4f y=%.4f\n", d.X[0], d.y[0])

	wL2, lL2 := train(d, false)
	wW, lW := train(d, true)
	fmt.Printf("Adam+L2 : w=%.5f  mse=%.6f  |w|=%.5f\n", wL2, lL2, norm(wL2))
	fmt.Printf("AdamW   : w=%.5f  mse=%.6f  |w|=%.5f\n", wW, lW, norm(wW))

	fmt.Println("\nper-weight shrinkage relative to true weights [2 -1 0.5 0]:")
	trueW := []float64{2, -1, 0.5, 0}
	for j := range trueW {
		fmt.Printf("  w%d: L2 %+.5f   AdamW %+.5f\n", j, wL2[j]-trueW[j], wW[j]-trueW[j])
	}
}

func norm(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x * x
	}
	return math.Sqrt(s)
}
