package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
)

// tiny dataset: hours studied, hours slept -> passed?
var X = [][]float64{
	{0.5, 4}, {1.0, 5}, {1.5, 6}, {2.0, 4}, {2.5, 7}, {3.0, 5},
	{3.5, 8}, {4.0, 6}, {4.5, 7}, {5.0, 8}, {1.0, 8}, {4.0, 3},
}
var Y = []float64{0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 0, 1}

type Model struct {
	W []float64
	B float64
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

func (m Model) Prob(x []float64) float64 { return sigmoid(floats.Dot(m.W, x) + m.B) }

// Loss returns mean binary cross-entropy plus L2 penalty, and the gradients.
func (m Model) Loss(lambda float64) (float64, []float64, float64) {
	gw := make([]float64, len(m.W))
	gb := 0.0
	loss := 0.0
	for i, x := range X {
		p := m.Prob(x)
		loss -= Y[i]*math.Log(p) + (1-Y[i])*math.Log(1-p)
		floats.AddScaled(gw, p-Y[i], x)
		gb += p - Y[i]
	}
	n := float64(len(X))
	loss /= n
	floats.Scale(1/n, gw)
	gb /= n
	loss += 0.5 * lambda * floats.Dot(m.W, m.W)
	floats.AddScaled(gw, lambda, m.W)
	return loss, gw, gb
}

func accuracy(m Model) float64 {
	correct := 0
	for i, x := range X {
		pred := 0.0
		if m.Prob(x) >= 0.5 {
			pred = 1
		}
		if pred == Y[i] {
			correct++
		}
	}
	return float64(correct) / float64(len(X))
}

func main() {
	m := Model{W: []float64{0, 0}}
	lr, lambda := 0.1, 0.001
	fmt.Println("epoch      loss    |grad|   acc")
	for epoch := 0; epoch <= 3000; epoch++ {
		loss, gw, gb := m.Loss(lambda)
		if epoch%500 == 0 {
			gn := math.Sqrt(floats.Dot(gw, gw) + gb*gb)
			fmt.Printf("%5d  %.6f  %.2e  %.3f\n", epoch, loss, gn, accuracy(m))
		}
		floats.AddScaled(m.W, -lr, gw)
		m.B -= lr * gb
	}
	fmt.Printf("trained model: %+v\n", m)
	fmt.Printf("weights %.4f bias %.4f\n", m.W, m.B)

	fmt.Println("predictions:")
	for i, x := range X {
		fmt.Printf("  x=%v y=%.0f p=%.4f\n", x, Y[i], m.Prob(x))
	}
	// decision boundary: w0*h + w1*s + b = 0  =>  s = -(w0*h + b)/w1
	for _, h := range []float64{1, 3, 5} {
		fmt.Printf("boundary at hours=%.1f: sleep=%.4f\n", h, -(m.W[0]*h+m.B)/m.W[1])
	}
}
