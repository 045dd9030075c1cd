// Homework 3: backpropagation for a 2-layer MLP on XOR.
// Full batch gradient descent, binary cross-entropy loss.
package main

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

const (
	hidden    = 4
	epochs    = 3000
	lr        = 0.5
	printEach = 300
)

type MLP struct {
	W1 *mat.Dense // hidden x 2
	b1 *mat.VecDense
	W2 *mat.Dense // 1 x hidden
	b2 float64
}

type cache struct {
	Z1, A1 *mat.Dense // hidden x n
	out    []float64
}

func NewMLP(rng *rand.Rand) *MLP {
	w1 := make([]float64, hidden*2)
	for i := range w1 {
		w1[i] = rng.NormFloat64() * 1.0
	}
	w2 := make([]float64, hidden)
	for i := range w2 {
		w2[i] = rng.NormFloat64() * 0.5
	}
	return &MLP{
		W1: mat.NewDense(hidden, 2, w1),
		b1: mat.NewVecDense(hidden, nil),
		W2: mat.NewDense(1, hidden, w2),
	}
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// Forward takes X with one example per column (2 x n).
func (m *MLP) Forward(X *mat.Dense) cache {
	_, n := X.Dims()
	var z1 mat.Dense
	z1.Mul(m.W1, X)
	for j := 0; j < n; j++ {
		for i := 0; i < hidden; i++ {
			z1.Set(i, j, z1.At(i, j)+m.b1.AtVec(i))
		}
	}
	var a1 mat.Dense
	a1.Apply(func(_, _ int, v float64) float64 { return math.Tanh(v) }, &z1)
	var z2 mat.Dense
	z2.Mul(m.W2, &a1)
	out := make([]float64, n)
	for j := range out {
		out[j] = sigmoid(z2.At(0, j) + m.b2)
	}
	return cache{Z1: &z1, A1: &a1, out: out}
}

func bce(p, y []float64) float64 {
	const eps = 1e-12
	s := 0.0
	for i := range p {
		s -= y[i]*math.Log(p[i]+eps) + (1-y[i])*math.Log(1-p[i]+eps)
	}
	return s / float64(len(p))
}

// Backward returns gradients of mean BCE wrt all params.
func (m *MLP) Backward(X *mat.Dense, y []float64, c cache) (dW1 *mat.Dense, db1 *mat.VecDense, dW2 *mat.Dense, db2 float64) {
	_, n := X.Dims()
	dz2 := mat.NewDense(1, n, nil)
	for j := 0; j < n; j++ {
		dz2.Set(0, j, (c.out[j]-y[j])/float64(n))
		db2 += dz2.At(0, j)
	}
	dW2 = &mat.Dense{}
	dW2.Mul(dz2, c.A1.T())

	var da1 mat.Dense
	da1.Mul(m.W2.T(), dz2)
	var dz1 mat.Dense
	dz1.Apply(func(i, j int, v float64) float64 {
		a := c.A1.At(i, j)
		return v * (1 - a*a)
	}, &da1)
	dW1 = &mat.Dense{}
	dW1.Mul(&dz1, X.T())
	db1 = mat.NewVecDense(hidden, nil)
	for i := 0; i < hidden; i++ {
		db1.SetVec(i, mat.Sum(dz1.RowView(i)))
	}
	return
}

func (m *MLP) Update(dW1 *mat.Dense, db1 *mat.VecDense, dW2 *mat.Dense, db2 float64) {
	m.W1.Apply(func(i, j int, v float64) float64 { return v - lr*dW1.At(i, j) }, m.W1)
	m.b1.AddScaledVec(m.b1, -lr, db1)
	m.W2.Apply(func(i, j int, v float64) float64 { return v - lr*dW2.At(i, j) }, m.W2)
	m.b2 -= lr * db2
}

func main() {
	rng := rand.New(rand.NewPCG(1, 2))
	X := mat.NewDense(2, 4, []float64{
		0, 0, 1, 1,
		0, 1, 0, 1,
	})
	y := []float64{0, 1, 1, 0}

	net := NewMLP(rng)
	fmt.Printf("initial W1:\n  %.4f\n", mat.Formatted(net.W1, mat.Prefix("  "), mat.Squeeze()))
	for epoch := 0; epoch <= epochs; epoch++ {
		c := net.Forward(X)
		if epoch%printEach == 0 {
			fmt.Printf("epoch %4d  loss %.6f\n", epoch, bce(c.out, y))
		}
		if epoch == epochs {
			break
		}
		net.Update(net.Backward(X, y, c))
	}
	c := net.Forward(X)
	correct := 0
	for j := 0; j < 4; j++ {
		pred := 0.0
		if c.out[j] > 0.5 {
			pred = 1
		}
		if pred == y[j] {
			correct++
		}
		fmt.Printf("x=(%v,%v) y=%v p=%.4f\n", X.At(0, j), X.At(1, j), y[j], c.out[j])
	}
	fmt.Printf("accuracy: %d/4\n", correct)
}
