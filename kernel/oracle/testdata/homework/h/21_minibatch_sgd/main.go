// Homework 21: mini-batch SGD with a seeded shuffle each epoch. Logistic
// regression on a 2-D toy data set, comparing batch sizes.
package main

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/floats"
)

type Example struct {
	X     [2]float64
	Label float64
}

const (
	nTrain = 256
	epochs = 12
)

// Chunk splits a slice into consecutive pieces of at most size elements.
func Chunk[T any](xs []T, size int) [][]T {
	var out [][]T
	for start := 0; start < len(xs); start += size {
		end := min(start+size, len(xs))
		out = append(out, xs[start:end])
	}
	return out
}

func Mean[T ~float64](xs []T) T {
	var s T
	for _, v := range xs {
		s += v
	}
	return s / T(len(xs))
}

func makeData(rng *rand.Rand) []Example {
	data := make([]Example, nTrain)
	for i := range data {
		lbl := float64(i % 2)
		cx, cy := -1.0, -0.5
		if lbl == 1 {
			cx, cy = 1.0, 0.8
		}
		data[i] = Example{[2]float64{cx + 1.1*rng.NormFloat64(), cy + 1.1*rng.NormFloat64()}, lbl}
	}
	return data
}

type Model struct{ W [3]float64 } // w1, w2, bias

func (m *Model) Prob(x [2]float64) float64 {
	z := m.W[0]*x[0] + m.W[1]*x[1] + m.W[2]
	return 1 / (1 + math.Exp(-z))
}

func (m *Model) Loss(data []Example) float64 {
	ls := make([]float64, len(data))
	for i, e := range data {
		p := m.Prob(e.X)
		ls[i] = -(e.Label*math.Log(p) + (1-e.Label)*math.Log(1-p))
	}
	return Mean(ls)
}

func (m *Model) Accuracy(data []Example) float64 {
	ok := 0
	for _, e := range data {
		if (m.Prob(e.X) > 0.5) == (e.Label == 1) {
			ok++
		}
	}
	return float64(ok) / float64(len(data))
}

func (m *Model) Grad(batch []Example) [3]float64 {
	var g [3]float64
	for _, e := range batch {
		r := m.Prob(e.X) - e.Label
		g[0] += r * e.X[0]
		g[1] += r * e.X[1]
		g[2] += r
	}
	n := float64(len(batch))
	for i := range g {
		g[i] /= n
	}
	return g
}

func train(data []Example, batchSize int, lr float64, seed uint64) (*Model, []float64, int) {
	rng := rand.New(rand.NewPCG(seed, 2))
	m := &Model{}
	order := make([]Example, len(data))
	copy(order, data)
	var hist []float64
	updates := 0
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, b := range Chunk(order, batchSize) {
			g := m.Grad(b)
			for i := range m.W {
				m.W[i] -= lr * g[i]
			}
			updates++
		}
		hist = append(hist, m.Loss(data))
	}
	return m, hist, updates
}

func main() {
	data := makeData(rand.New(rand.NewPCG(1, 2)))
	fmt.Printf("first examples: %+v %+v\n", fmtEx(data[0]), fmtEx(data[1]))
	fmt.Printf("chunks of 10 items by 4: %v\n", Chunk([]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 4))

	configs := []struct {
		bs int
		lr float64
	}{{1, 0.05}, {8, 0.2}, {32, 0.5}, {nTrain, 1.0}}
	fmt.Printf("%6s %8s %8s  %s\n", "batch", "updates", "final", "loss after epochs 1,3,6,12")
	var finals [][3]float64
	for _, c := range configs {
		m, hist, updates := train(data, c.bs, c.lr, 42)
		picks := []float64{hist[0], hist[2], hist[5], hist[11]}
		fmt.Printf("%6d %8d %8.4f  %.4f  acc=%.3f\n", c.bs, updates, hist[len(hist)-1], picks, m.Accuracy(data))
		finals = append(finals, m.W)
	}
	for i, c := range configs {
		fmt.Printf("batch %3d: w=[%.3f %.3f %.3f]\n", c.bs, finals[i][0], finals[i][1], finals[i][2])
	}

	// same seed -> same trajectory; different seed -> different shuffles
	_, h1, _ := train(data, 8, 0.2, 42)
	_, h2, _ := train(data, 8, 0.2, 42)
	_, h3, _ := train(data, 8, 0.2, 43)
	fmt.Printf("seed 42 twice equal: %v, seed 43 differs: %v\n", floats.Equal(h1, h2), !floats.Equal(h1, h3))
}

func fmtEx(e Example) string {
	return fmt.Sprintf("{x:(%.3f,%.3f) y:%.0f}", e.X[0], e.X[1], e.Label)
}
