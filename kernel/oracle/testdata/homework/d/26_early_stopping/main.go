package main

import (
	"errors"
	"fmt"
	"math"
	"math/rand"

	"gonum.org/v1/gonum/floats"
)

var errStopped = errors.New("early stopping triggered")

type EarlyStopper struct {
	Patience  int
	MinDelta  float64
	best      float64
	bestEpoch int
	bestW     []float64
	bad       int
}

// Observe records the validation loss; returns errStopped when patience runs out.
func (e *EarlyStopper) Observe(epoch int, val float64, w []float64) error {
	if e.bestW == nil || val < e.best-e.MinDelta {
		e.best, e.bestEpoch, e.bad = val, epoch, 0
		e.bestW = append(e.bestW[:0], w...)
		return nil
	}
	e.bad++
	if e.bad >= e.Patience {
		return fmt.Errorf("epoch %d: no improvement for %d epochs: %w", epoch, e.bad, errStopped)
	}
	return nil
}

const degree = 9

func features(x float64) []float64 {
	f := make([]float64, degree+1)
	p := 1.0
	for i := range f {
		f[i] = p
		p *= x
	}
	return f
}

func mse(w []float64, xs, ys []float64) float64 {
	s := 0.0
	for i, x := range xs {
		r := floats.Dot(w, features(x)) - ys[i]
		s += r * r
	}
	return s / float64(len(xs))
}

func gradStep(w []float64, xs, ys []float64, lr, wd float64) {
	g := make([]float64, len(w))
	for i, x := range xs {
		f := features(x)
		r := floats.Dot(w, f) - ys[i]
		floats.AddScaled(g, 2*r/float64(len(xs)), f)
	}
	floats.AddScaled(g, wd, w)
	floats.AddScaled(w, -lr, g)
}

func main() {
	rng := rand.New(rand.NewSource(8))
	var trX, trY, vaX, vaY []float64
	for i := 0; i < 30; i++ {
		x := -1 + 2*float64(i)/29
		y := math.Sin(3*x) + 0.15*rng.NormFloat64()
		if i%3 == 1 {
			vaX, vaY = append(vaX, x), append(vaY, y)
		} else {
			trX, trY = append(trX, x), append(trY, y)
		}
	}
	fmt.Printf("train=%d val=%d\n", len(trX), len(vaX))

	for _, wd := range []float64{0, 1e-3} {
		w := make([]float64, degree+1)
		es := &EarlyStopper{Patience: 200, MinDelta: 1e-6}
		stoppedAt := -1
		for epoch := 0; epoch < 6000; epoch++ {
			gradStep(w, trX, trY, 0.15, wd)
			if epoch%1000 == 0 {
				fmt.Printf("wd=%g epoch %4d train %.6f val %.6f\n", wd, epoch, mse(w, trX, trY), mse(w, vaX, vaY))
			}
			if err := es.Observe(epoch, mse(w, vaX, vaY), w); err != nil {
				if errors.Is(err, errStopped) {
					fmt.Println("  ", err)
					stoppedAt = epoch
					break
				}
			}
		}
		fmt.Printf("  stopped at %d, best epoch %d, best val %.6f\n", stoppedAt, es.bestEpoch, es.best)
		fmt.Printf("  final train %.6f, restored train %.6f, |w_best|=%.4f\n",
			mse(w, trX, trY), mse(es.bestW, trX, trY), floats.Norm(es.bestW, 2))
		fmt.Printf("  best weights: %.3f\n", es.bestW)
	}
}
