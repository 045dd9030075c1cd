// Homework 18: logistic regression trained with SGD on a small fixed dataset.
package main

import (
	"fmt"
	"math"
	"math/rand/v2"
)

type Sample struct {
	X [2]float64
	Y float64
}

var data = []Sample{
	{[2]float64{0.5, 1.2}, 1}, {[2]float64{1.5, 0.3}, 1}, {[2]float64{2.0, 1.8}, 1},
	{[2]float64{0.9, 2.1}, 1}, {[2]float64{1.1, 0.9}, 1}, {[2]float64{2.5, 0.4}, 1},
	{[2]float64{-0.3, 1.6}, 1}, {[2]float64{0.2, -0.4}, 1}, {[2]float64{1.8, -0.2}, 1},
	{[2]float64{-1.0, -0.5}, 0}, {[2]float64{-0.5, -1.5}, 0}, {[2]float64{-2.0, 0.3}, 0},
	{[2]float64{-1.2, -2.0}, 0}, {[2]float64{0.1, -1.1}, 0}, {[2]float64{-1.8, -0.9}, 0},
	{[2]float64{-0.7, 0.4}, 0}, {[2]float64{0.6, -0.8}, 0}, {[2]float64{-0.1, 0.2}, 0},
	{[2]float64{0.4, 0.1}, 1}, {[2]float64{-0.4, -0.2}, 0},
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

type Model struct {
	W [2]float64
	B float64
}

func (m Model) Prob(x [2]float64) float64 { return sigmoid(m.W[0]*x[0] + m.W[1]*x[1] + m.B) }

// Loss returns mean binary cross-entropy plus (lambda/2)|w|^2.
func (m Model) Loss(lambda float64) float64 {
	s := 0.0
	for _, d := range data {
		p := m.Prob(d.X)
		s -= d.Y*math.Log(p) + (1-d.Y)*math.Log(1-p)
	}
	return s/float64(len(data)) + 0.5*lambda*(m.W[0]*m.W[0]+m.W[1]*m.W[1])
}

func (m Model) Accuracy() float64 {
	c := 0
	for _, d := range data {
		pred := 0.0
		if m.Prob(d.X) >= 0.5 {
			pred = 1
		}
		if pred == d.Y {
			c++
		}
	}
	return float64(c) / float64(len(data))
}

func train(batch int, lr, lambda float64, epochs int, verbose bool) Model {
	rng := rand.New(rand.NewPCG(1, 2))
	var m Model
	idx := make([]int, len(data))
	for i := range idx {
		idx[i] = i
	}
	for ep := 1; ep <= epochs; ep++ {
		rng.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		for start := 0; start < len(idx); start += batch {
			end := min(start+batch, len(idx))
			var gw [2]float64
			var gb float64
			for _, k := range idx[start:end] {
				d := data[k]
				e := m.Prob(d.X) - d.Y
				gw[0] += e * d.X[0]
				gw[1] += e * d.X[1]
				gb += e
			}
			nb := float64(end - start)
			m.W[0] -= lr * (gw[0]/nb + lambda*m.W[0])
			m.W[1] -= lr * (gw[1]/nb + lambda*m.W[1])
			m.B -= lr * gb / nb
		}
		if verbose && (ep <= 3 || ep%20 == 0) {
			fmt.Printf("%6d %10.6f %8.3f %9.4f %9.4f %9.4f\n", ep, m.Loss(lambda), m.Accuracy(), m.W[0], m.W[1], m.B)
		}
	}
	return m
}

func main() {
	fmt.Println("SGD batch=1, lr=0.1, lambda=0.01")
	fmt.Printf("%6s %10s %8s %9s %9s %9s\n", "epoch", "loss", "acc", "w1", "w2", "b")
	m := train(1, 0.1, 0.01, 100, true)
	fmt.Printf("\nfinal decision boundary: %.4f*x1 %+.4f*x2 %+.4f = 0\n\n", m.W[0], m.W[1], m.B)

	fmt.Println("batch size comparison (100 epochs, lr=0.1, lambda=0.01):")
	fmt.Printf("%6s %8s %10s %8s\n", "batch", "updates", "loss", "acc")
	for _, b := range []int{1, 4, 10, 20} {
		m := train(b, 0.1, 0.01, 100, false)
		ups := 100 * ((len(data) + b - 1) / b)
		fmt.Printf("%6d %8d %10.6f %8.3f\n", b, ups, m.Loss(0.01), m.Accuracy())
	}
}
