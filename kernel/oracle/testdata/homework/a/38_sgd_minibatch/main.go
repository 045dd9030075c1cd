// Minibatch SGD for least squares, with the per-batch gradient split
// across goroutines. Partial gradients are written into a slice by
// worker index and summed in a fixed order, so the floating point result
// is identical on every run.
package main

import (
	"fmt"
	"math"
	"math/rand"
	"sync"
)

const (
	nSamples = 400
	nFeat    = 4
	workers  = 4
)

var trueW = [nFeat]float64{2, -1, 0.5, 3}

type dataset struct {
	X [][nFeat]float64
	Y []float64
}

func makeData(r *rand.Rand) dataset {
	d := dataset{X: make([][nFeat]float64, nSamples), Y: make([]float64, nSamples)}
	for i := range d.X {
		for j := range d.X[i] {
			d.X[i][j] = r.NormFloat64()
		}
		y := 0.0
		for j, w := range trueW {
			y += w * d.X[i][j]
		}
		d.Y[i] = y + 0.1*r.NormFloat64()
	}
	return d
}

func gradient(d dataset, idx []int, w [nFeat]float64) [nFeat]float64 {
	parts := make([][nFeat]float64, workers)
	var wg sync.WaitGroup
	chunk := (len(idx) + workers - 1) / workers
	for k := 0; k < workers; k++ {
		lo, hi := k*chunk, min((k+1)*chunk, len(idx))
		if lo >= hi {
			continue
		}
		wg.Add(1)
		go func(k int, sub []int) {
			defer wg.Done()
			var g [nFeat]float64
			for _, i := range sub {
				e := -d.Y[i]
				for j := range w {
					e += w[j] * d.X[i][j]
				}
				for j := range g {
					g[j] += 2 * e * d.X[i][j]
				}
			}
			parts[k] = g
		}(k, idx[lo:hi])
	}
	wg.Wait()
	var g [nFeat]float64
	for _, p := range parts { // fixed summation order
		for j := range g {
			g[j] += p[j] / float64(len(idx))
		}
	}
	return g
}

func loss(d dataset, w [nFeat]float64) float64 {
	s := 0.0
	for i := range d.X {
		e := -d.Y[i]
		for j := range w {
			e += w[j] * d.X[i][j]
		}
		s += e * e
	}
	return s / float64(len(d.X))
}

func main() {
	rng := rand.New(rand.NewSource(1))
	data := makeData(rng)
	fmt.Printf("%-6s %-6s %-10s %s\n", "batch", "epoch", "loss", "w")
	for _, bs := range []int{8, 32, 400} {
		r := rand.New(rand.NewSource(1)) // same shuffles for every batch size
		var w [nFeat]float64
		perm := r.Perm(nSamples)
		for epoch := 1; epoch <= 20; epoch++ {
			r.Shuffle(len(perm), func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
			lr := 0.05 / math.Sqrt(float64(epoch))
			for start := 0; start < nSamples; start += bs {
				g := gradient(data, perm[start:min(start+bs, nSamples)], w)
				for j := range w {
					w[j] -= lr * g[j]
				}
			}
			if epoch == 1 || epoch%10 == 0 {
				fmt.Printf("%-6d %-6d %-10.6f [%6.3f %6.3f %6.3f %6.3f]\n", bs, epoch, loss(data, w), w[0], w[1], w[2], w[3])
			}
		}
	}
	fmt.Println("true w:", trueW)
}
