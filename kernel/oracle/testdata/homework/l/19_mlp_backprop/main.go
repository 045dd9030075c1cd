// Homework 19: a tiny 2-4-1 MLP trained on XOR with hand-written backprop.
// Includes a finite-difference gradient check of every parameter.
package main

import (
	"fmt"
	"math"
	"math/rand/v2"
)

const H = 4

type MLP struct {
	W1 [H][2]float64
	B1 [H]float64
	W2 [H]float64
	B2 float64
}

type Grads = MLP

var X = [4][2]float64{{0, 0}, {0, 1}, {1, 0}, {1, 1}}
var Y = [4]float64{0, 1, 1, 0}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// forward returns output probability and hidden activations.
func (m *MLP) forward(x [2]float64) (float64, [H]float64) {
	var h [H]float64
	z2 := m.B2
	for j := 0; j < H; j++ {
		h[j] = math.Tanh(m.W1[j][0]*x[0] + m.W1[j][1]*x[1] + m.B1[j])
		z2 += m.W2[j] * h[j]
	}
	return sigmoid(z2), h
}

func (m *MLP) loss() float64 {
	s := 0.0
	for i, x := range X {
		p, _ := m.forward(x)
		s -= Y[i]*math.Log(p) + (1-Y[i])*math.Log(1-p)
	}
	return s / 4
}

func (m *MLP) backward() Grads {
	var g Grads
	for i, x := range X {
		p, h := m.forward(x)
		dz2 := (p - Y[i]) / 4 // dL/dz2 for sigmoid + BCE
		g.B2 += dz2
		for j := 0; j < H; j++ {
			g.W2[j] += dz2 * h[j]
			dh := dz2 * m.W2[j]
			dz1 := dh * (1 - h[j]*h[j])
			g.B1[j] += dz1
			g.W1[j][0] += dz1 * x[0]
			g.W1[j][1] += dz1 * x[1]
		}
	}
	return g
}

// params exposes every scalar parameter as a pointer so generic loops work.
func (m *MLP) params() []*float64 {
	var ps []*float64
	for j := 0; j < H; j++ {
		ps = append(ps, &m.W1[j][0], &m.W1[j][1], &m.B1[j], &m.W2[j])
	}
	return append(ps, &m.B2)
}

func main() {
	rng := rand.New(rand.NewPCG(1, 2))
	var m MLP
	for j := 0; j < H; j++ {
		m.W1[j][0] = rng.NormFloat64()
		m.W1[j][1] = rng.NormFloat64()
		m.W2[j] = rng.NormFloat64() * 0.5
	}

	// Gradient check.
	g := m.backward()
	mp, gp := m.params(), g.params()
	maxRel := 0.0
	const eps = 1e-6
	for k, p := range mp {
		old := *p
		*p = old + eps
		lp := m.loss()
		*p = old - eps
		lm := m.loss()
		*p = old
		num := (lp - lm) / (2 * eps)
		rel := math.Abs(num-*gp[k]) / math.Max(1e-8, math.Abs(num)+math.Abs(*gp[k]))
		maxRel = math.Max(maxRel, rel)
	}
	fmt.Printf("gradient check: %d params, max relative error %.2e\n\n", len(mp), maxRel)

	lr := 0.5
	fmt.Printf("%6s %12s %12s\n", "epoch", "loss", "|grad|")
	for ep := 0; ep <= 3000; ep++ {
		g := m.backward()
		if ep%300 == 0 {
			n := 0.0
			for _, v := range g.params() {
				n += *v * *v
			}
			fmt.Printf("%6d %12.6f %12.6e\n", ep, m.loss(), math.Sqrt(n))
		}
		gp := g.params()
		for k, p := range m.params() {
			*p -= lr * *gp[k]
		}
	}
	fmt.Println("\npredictions:")
	for i, x := range X {
		p, _ := m.forward(x)
		fmt.Printf("  x=(%.0f,%.0f)  y=%.0f  p=%.4f\n", x[0], x[1], Y[i], p)
	}
}
