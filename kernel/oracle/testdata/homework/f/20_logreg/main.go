package main

import (
	"fmt"
	"math"
)

type Sample struct {
	X     [2]float64
	Label float64
}

// hours studied, hours slept -> passed?
var train = []Sample{
	{[2]float64{0.5, 4}, 0}, {[2]float64{1.0, 5}, 0}, {[2]float64{1.5, 6}, 0},
	{[2]float64{2.0, 4}, 0}, {[2]float64{2.5, 8}, 1}, {[2]float64{3.0, 5}, 0},
	{[2]float64{3.5, 7}, 1}, {[2]float64{4.0, 6}, 1}, {[2]float64{4.5, 8}, 1},
	{[2]float64{5.0, 5}, 1}, {[2]float64{1.8, 7}, 0}, {[2]float64{2.8, 7}, 1},
}

type Model struct {
	W [2]float64
	B float64
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

func (m Model) Predict(x [2]float64) float64 {
	return sigmoid(m.W[0]*x[0] + m.W[1]*x[1] + m.B)
}

// Loss is the mean binary cross-entropy computed from the logit for
// numerical stability: log(1+e^z) - y*z.
func (m Model) Loss(data []Sample) float64 {
	total := 0.0
	for _, s := range data {
		z := m.W[0]*s.X[0] + m.W[1]*s.X[1] + m.B
		softplus := math.Max(z, 0) + math.Log1p(math.Exp(-math.Abs(z)))
		total += softplus - s.Label*z
	}
	return total / float64(len(data))
}

func (m Model) Gradient(data []Sample) (gw [2]float64, gb float64) {
	for _, s := range data {
		err := m.Predict(s.X) - s.Label
		gw[0] += err * s.X[0]
		gw[1] += err * s.X[1]
		gb += err
	}
	n := float64(len(data))
	return [2]float64{gw[0] / n, gw[1] / n}, gb / n
}

func (m Model) Accuracy(data []Sample) float64 {
	correct := 0
	for _, s := range data {
		p := 0.0
		if m.Predict(s.X) >= 0.5 {
			p = 1
		}
		if p == s.Label {
			correct++
		}
	}
	return float64(correct) / float64(len(data))
}

func main() {
	var m Model
	// Gradient check at the starting point, perturbed a little.
	m = Model{W: [2]float64{0.1, -0.2}, B: 0.05}
	gw, gb := m.Gradient(train)
	h := 1e-6
	plus, minus := m, m
	plus.W[0] += h
	minus.W[0] -= h
	num := (plus.Loss(train) - minus.Loss(train)) / (2 * h)
	fmt.Printf("grad check dL/dw0: analytic=%.8f numeric=%.8f\n", gw[0], num)
	fmt.Printf("analytic dL/db = %.8f\n\n", gb)

	m = Model{}
	lr := 0.3
	fmt.Printf("%6s %10s %8s\n", "iter", "loss", "acc")
	for it := 0; it <= 5000; it++ {
		if it%1000 == 0 {
			fmt.Printf("%6d %10.6f %8.3f\n", it, m.Loss(train), m.Accuracy(train))
		}
		gw, gb := m.Gradient(train)
		m.W[0] -= lr * gw[0]
		m.W[1] -= lr * gw[1]
		m.B -= lr * gb
	}
	fmt.Printf("\nweights: w=(%.4f, %.4f) b=%.4f\n", m.W[0], m.W[1], m.B)
	fmt.Printf("decision boundary: sleep = %.4f + %.4f * study\n", -m.B/m.W[1], -m.W[0]/m.W[1])
	for _, x := range [][2]float64{{1, 8}, {3, 6}, {4, 4}} {
		fmt.Printf("P(pass | study=%.1f, sleep=%.1f) = %.4f\n", x[0], x[1], m.Predict(x))
	}
}
