package main

import (
	"fmt"
	"strings"
)

type Vec []float64

func (v Vec) Dot(w Vec) float64 {
	s := 0.0
	for i := range v {
		s += v[i] * w[i]
	}
	return s
}

func (v Vec) AddScaled(a float64, w Vec) {
	for i := range v {
		v[i] += a * w[i]
	}
}

type Example struct {
	X Vec // includes bias feature 1 as X[0]
	Y int // +1 or -1
}

type Classifier interface {
	Predict(x Vec) int
	Name() string
}

type Perceptron struct {
	W        Vec
	LR       float64
	Mistakes []int
}

func (p *Perceptron) Name() string { return "perceptron" }

func (p *Perceptron) Predict(x Vec) int {
	if p.W.Dot(x) > 0 {
		return 1
	}
	return -1
}

// Train runs epochs until an epoch with zero mistakes or maxEpochs.
func (p *Perceptron) Train(data []Example, maxEpochs int) bool {
	p.W = make(Vec, len(data[0].X))
	for e := 0; e < maxEpochs; e++ {
		m := 0
		for _, ex := range data {
			if p.Predict(ex.X) != ex.Y {
				p.W.AddScaled(p.LR*float64(ex.Y), ex.X)
				m++
			}
		}
		p.Mistakes = append(p.Mistakes, m)
		if m == 0 {
			return true
		}
	}
	return false
}

// Pocket keeps the best weights seen so far, for non-separable data.
type Pocket struct {
	Perceptron
	Best     Vec
	BestErrs int
}

func (p *Pocket) Name() string { return "pocket" }

func (p *Pocket) Predict(x Vec) int {
	if p.Best.Dot(x) > 0 {
		return 1
	}
	return -1
}

func (p *Pocket) Train(data []Example, epochs int) {
	p.W = make(Vec, len(data[0].X))
	p.Best = append(Vec(nil), p.W...)
	p.BestErrs = len(data) + 1
	for e := 0; e < epochs; e++ {
		for _, ex := range data {
			if p.Perceptron.Predict(ex.X) != ex.Y {
				p.W.AddScaled(p.LR*float64(ex.Y), ex.X)
				if errs := countErrors(&p.Perceptron, data); errs < p.BestErrs {
					p.BestErrs = errs
					copy(p.Best, p.W)
				}
			}
		}
	}
}

func countErrors(c Classifier, data []Example) int {
	n := 0
	for _, ex := range data {
		if c.Predict(ex.X) != ex.Y {
			n++
		}
	}
	return n
}

func makeData(points [][3]float64) []Example {
	out := make([]Example, len(points))
	for i, p := range points {
		out[i] = Example{Vec{1, p[0], p[1]}, int(p[2])}
	}
	return out
}

var separable = makeData([][3]float64{
	{-1, -0.5, -1}, {2, 3, 1}, {0, -1, -1}, {3, 3.5, 1}, {-2, 3.5, -1}, {1.5, 1.5, 1},
	{0.5, 0.2, -1}, {4, 0.5, 1}, {-0.5, 2, -1}, {3.5, 2.8, 1}, {1, 0.4, -1}, {0.5, 3, 1},
})

var noisy = makeData([][3]float64{
	{-1, -0.5, -1}, {2, 3, 1}, {0, -1, -1}, {3, 3.5, 1}, {-2, 3.5, -1}, {1.5, 1.5, 1},
	{0.5, 0.2, -1}, {4, 0.5, 1}, {-0.5, 2, -1}, {3.5, 2.8, -1}, {1, 0.4, 1}, {0.5, 3, 1},
})

func main() {
	p := &Perceptron{LR: 1}
	ok := p.Train(separable, 100)
	fmt.Printf("separable data: converged=%v after %d epochs\n", ok, len(p.Mistakes))
	fmt.Printf("mistakes per epoch: %v\n", p.Mistakes)
	fmt.Printf("weights (bias, w1, w2) = %.2f\n", p.W)
	fmt.Printf("decision boundary: x2 = %.4f + %.4f * x1\n", -p.W[0]/p.W[2], -p.W[1]/p.W[2])
	fmt.Printf("training errors: %d\n\n", countErrors(p, separable))

	fmt.Println("learning rate does not change the number of updates (w starts at 0):")
	for _, lr := range []float64{0.01, 0.1, 1, 10} {
		q := &Perceptron{LR: lr}
		q.Train(separable, 100)
		total := 0
		for _, m := range q.Mistakes {
			total += m
		}
		fmt.Printf("  lr=%-5g epochs=%d updates=%d  w/lr=%.2f\n", lr, len(q.Mistakes), total, scale(q.W, 1/lr))
	}

	fmt.Println("\nnoisy data (not separable):")
	np := &Perceptron{LR: 1}
	ok = np.Train(noisy, 20)
	fmt.Printf("  plain perceptron converged=%v, last 5 epoch mistakes %v, final errors %d\n",
		ok, np.Mistakes[len(np.Mistakes)-5:], countErrors(np, noisy))
	pk := &Pocket{Perceptron: Perceptron{LR: 1}}
	pk.Train(noisy, 20)
	fmt.Printf("  pocket best errors %d with w=%.2f\n", pk.BestErrs, pk.Best)

	var models []Classifier = []Classifier{p, pk}
	fmt.Println("\npredictions on a grid (+ / -):")
	for _, m := range models {
		fmt.Printf("  %s\n", m.Name())
		for y := 4.0; y >= -1; y-- {
			var sb strings.Builder
			sb.WriteString("    ")
			for x := -2.0; x <= 4; x += 0.5 {
				if m.Predict(Vec{1, x, y}) > 0 {
					sb.WriteByte('+')
				} else {
					sb.WriteByte('-')
				}
			}
			fmt.Println(sb.String())
		}
	}
}

func scale(v Vec, a float64) Vec {
	out := make(Vec, len(v))
	for i := range v {
		out[i] = a * v[i]
	}
	return out
}
