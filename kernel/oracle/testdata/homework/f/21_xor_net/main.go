package main

import (
	"fmt"
	"math"
)

// Net is a 2-2-1 multilayer perceptron with sigmoid activations.
type Net struct {
	W1 [2][2]float64 // W1[j][i]: input i -> hidden j
	B1 [2]float64
	W2 [2]float64
	B2 float64
}

type cache struct {
	h   [2]float64
	out float64
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

func (n *Net) forward(x [2]float64) cache {
	var c cache
	for j := 0; j < 2; j++ {
		c.h[j] = sigmoid(n.W1[j][0]*x[0] + n.W1[j][1]*x[1] + n.B1[j])
	}
	c.out = sigmoid(n.W2[0]*c.h[0] + n.W2[1]*c.h[1] + n.B2)
	return c
}

// trainEpoch does one full-batch gradient step on the cross-entropy loss
// and returns the loss before the update.
func (n *Net) trainEpoch(xs [][2]float64, ys []float64, lr float64) float64 {
	var gW1 [2][2]float64
	var gB1, gW2 [2]float64
	var gB2, loss float64
	for k, x := range xs {
		c := n.forward(x)
		y := ys[k]
		loss += -(y*math.Log(c.out) + (1-y)*math.Log(1-c.out))
		dOut := c.out - y // dL/dz for sigmoid + cross-entropy
		gB2 += dOut
		for j := 0; j < 2; j++ {
			gW2[j] += dOut * c.h[j]
			dh := dOut * n.W2[j] * c.h[j] * (1 - c.h[j])
			gB1[j] += dh
			gW1[j][0] += dh * x[0]
			gW1[j][1] += dh * x[1]
		}
	}
	m := float64(len(xs))
	for j := 0; j < 2; j++ {
		n.W2[j] -= lr * gW2[j] / m
		n.B1[j] -= lr * gB1[j] / m
		n.W1[j][0] -= lr * gW1[j][0] / m
		n.W1[j][1] -= lr * gW1[j][1] / m
	}
	n.B2 -= lr * gB2 / m
	return loss / m
}

func main() {
	xs := [][2]float64{{0, 0}, {0, 1}, {1, 0}, {1, 1}}
	ys := []float64{0, 1, 1, 0}

	net := &Net{
		W1: [2][2]float64{{0.6, -0.5}, {-0.4, 0.7}},
		B1: [2]float64{0.1, -0.1},
		W2: [2]float64{0.5, 0.4},
		B2: -0.2,
	}

	fmt.Printf("%6s %12s\n", "epoch", "loss")
	var loss float64
	for epoch := 0; epoch <= 6000; epoch++ {
		loss = net.trainEpoch(xs, ys, 1.0)
		if epoch%500 == 0 {
			fmt.Printf("%6d %12.6f\n", epoch, loss)
		}
	}
	fmt.Println("\npredictions:")
	for k, x := range xs {
		c := net.forward(x)
		class := 0
		if c.out > 0.5 {
			class = 1
		}
		fmt.Printf("  %v -> %.4f (class %d, target %.0f) hidden=(%.3f, %.3f)\n", x, c.out, class, ys[k], c.h[0], c.h[1])
	}
	fmt.Printf("\nW1 = [[%.3f %.3f] [%.3f %.3f]] b1 = [%.3f %.3f]\n",
		net.W1[0][0], net.W1[0][1], net.W1[1][0], net.W1[1][1], net.B1[0], net.B1[1])
	fmt.Printf("W2 = [%.3f %.3f] b2 = %.3f\n", net.W2[0], net.W2[1], net.B2)
}
