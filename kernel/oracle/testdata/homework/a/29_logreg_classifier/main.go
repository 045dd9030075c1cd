package main

import (
	"fmt"
	"math"
	"math/rand"
)

type Sample struct {
	X     [2]float64
	Label int
}

type Model struct {
	W [2]float64
	B float64
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

func (m Model) Prob(x [2]float64) float64 {
	return sigmoid(m.W[0]*x[0] + m.W[1]*x[1] + m.B)
}

func (m Model) Loss(data []Sample, l2 float64) float64 {
	s := 0.0
	for _, d := range data {
		p := m.Prob(d.X)
		p = math.Min(math.Max(p, 1e-12), 1-1e-12)
		if d.Label == 1 {
			s -= math.Log(p)
		} else {
			s -= math.Log(1 - p)
		}
	}
	return s/float64(len(data)) + 0.5*l2*(m.W[0]*m.W[0]+m.W[1]*m.W[1])
}

func (m *Model) Step(data []Sample, lr, l2 float64) {
	var gw [2]float64
	var gb float64
	for _, d := range data {
		e := m.Prob(d.X) - float64(d.Label)
		gw[0] += e * d.X[0]
		gw[1] += e * d.X[1]
		gb += e
	}
	n := float64(len(data))
	for j := range gw {
		m.W[j] -= lr * (gw[j]/n + l2*m.W[j])
	}
	m.B -= lr * gb / n
}

func (m Model) Accuracy(data []Sample) float64 {
	ok := 0
	for _, d := range data {
		pred := 0
		if m.Prob(d.X) >= 0.5 {
			pred = 1
		}
		if pred == d.Label {
			ok++
		}
	}
	return float64(ok) / float64(len(data))
}

func blobs(r *rand.Rand, n int) []Sample {
	out := make([]Sample, 0, 2*n)
	for i := 0; i < n; i++ {
		out = append(out, Sample{[2]float64{r.NormFloat64() - 1, r.NormFloat64() - 1}, 0})
		out = append(out, Sample{[2]float64{r.NormFloat64() + 1.5, r.NormFloat64() + 1}, 1})
	}
	return out
}

func main() {
	r := rand.New(rand.NewSource(1))
	train := blobs(r, 100)
	test := blobs(r, 50)
	fmt.Printf("train=%d test=%d\n", len(train), len(test))
	for _, l2 := range []float64{0, 0.01, 0.1, 1} {
		var m Model
		for epoch := 1; epoch <= 300; epoch++ {
			m.Step(train, 0.5, l2)
		}
		fmt.Printf("l2=%-5g loss=%.4f train acc=%.3f test acc=%.3f  w=[%6.3f %6.3f] b=%6.3f\n",
			l2, m.Loss(train, l2), m.Accuracy(train), m.Accuracy(test), m.W[0], m.W[1], m.B)
	}
	var m Model
	fmt.Println("\nloss curve (l2=0.01):")
	for epoch := 1; epoch <= 50; epoch++ {
		m.Step(train, 0.5, 0.01)
		if epoch == 1 || epoch%10 == 0 {
			fmt.Printf("  epoch %3d  %.5f\n", epoch, m.Loss(train, 0.01))
		}
	}
	fmt.Printf("P(y=1 | x=(0,0)) = %.3f\n", m.Prob([2]float64{0, 0}))
}
