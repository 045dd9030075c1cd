package main

import (
	"fmt"
	"math"
	"math/rand"
)

const hidden = 4

type Net struct {
	W1 [hidden][2]float64
	B1 [hidden]float64
	W2 [hidden]float64
	B2 float64
}

type cache struct {
	h   [hidden]float64
	out float64
}

func newNet(seed int64) *Net {
	rng := rand.New(rand.NewSource(seed))
	n := &Net{}
	for i := 0; i < hidden; i++ {
		for j := 0; j < 2; j++ {
			n.W1[i][j] = rng.NormFloat64()
		}
		n.W2[i] = rng.NormFloat64() * 0.5
	}
	return n
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

func (n *Net) forward(x [2]float64) cache {
	var c cache
	z := n.B2
	for i := 0; i < hidden; i++ {
		c.h[i] = math.Tanh(n.W1[i][0]*x[0] + n.W1[i][1]*x[1] + n.B1[i])
		z += n.W2[i] * c.h[i]
	}
	c.out = sigmoid(z)
	return c
}

// trainStep does one full-batch gradient step and returns the mean BCE loss.
func (n *Net) trainStep(xs [][2]float64, ys []float64, lr float64) float64 {
	var gW1 [hidden][2]float64
	var gB1, gW2 [hidden]float64
	var gB2, loss float64
	for k, x := range xs {
		c := n.forward(x)
		y := ys[k]
		loss += -(y*math.Log(c.out) + (1-y)*math.Log(1-c.out))
		dz := c.out - y // d loss / d logit for sigmoid + BCE
		gB2 += dz
		for i := 0; i < hidden; i++ {
			gW2[i] += dz * c.h[i]
			dh := dz * n.W2[i] * (1 - c.h[i]*c.h[i])
			gB1[i] += dh
			gW1[i][0] += dh * x[0]
			gW1[i][1] += dh * x[1]
		}
	}
	m := float64(len(xs))
	for i := 0; i < hidden; i++ {
		n.W1[i][0] -= lr * gW1[i][0] / m
		n.W1[i][1] -= lr * gW1[i][1] / m
		n.B1[i] -= lr * gB1[i] / m
		n.W2[i] -= lr * gW2[i] / m
	}
	n.B2 -= lr * gB2 / m
	return loss / m
}

func main() {
	xs := [][2]float64{{0, 0}, {0, 1}, {1, 0}, {1, 1}}
	ys := []float64{0, 1, 1, 0}

	for _, seed := range []int64{1, 7} {
		net := newNet(seed)
		fmt.Printf("seed %d initial W1=%.3f\n", seed, net.W1)
		for epoch := 0; epoch <= 4000; epoch++ {
			loss := net.trainStep(xs, ys, 0.5)
			if epoch%800 == 0 {
				fmt.Printf("  epoch %4d loss %.6f\n", epoch, loss)
			}
		}
		correct := 0
		for k, x := range xs {
			p := net.forward(x).out
			pred := 0.0
			if p > 0.5 {
				pred = 1
			}
			if pred == ys[k] {
				correct++
			}
			fmt.Printf("  %v -> %.4f (target %.0f)\n", x, p, ys[k])
		}
		fmt.Printf("  accuracy %d/4, B2=%.4f\n", correct, net.B2)
		fmt.Printf("  hidden activations for [1 0]: %.3f\n", net.forward([2]float64{1, 0}).h)
	}
}
