// Homework 4: softmax + cross-entropy, numerically stable version with the
// log-sum-exp trick, gradient check, and a tiny 3-class softmax regression.
package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

func naiveSoftmax(z []float64) []float64 {
	out := make([]float64, len(z))
	s := 0.0
	for i, v := range z {
		out[i] = math.Exp(v)
		s += out[i]
	}
	for i := range out {
		out[i] /= s
	}
	return out
}

func logSumExp(z []float64) float64 {
	m := floats.Max(z)
	if math.IsInf(m, -1) {
		return m
	}
	s := 0.0
	for _, v := range z {
		s += math.Exp(v - m)
	}
	return m + math.Log(s)
}

func stableSoftmax(z []float64) []float64 {
	lse := logSumExp(z)
	out := make([]float64, len(z))
	for i, v := range z {
		out[i] = math.Exp(v - lse)
	}
	return out
}

// crossEntropy computes -log softmax(z)[label] without forming softmax.
func crossEntropy(z []float64, label int) float64 {
	return logSumExp(z) - z[label]
}

type Dataset struct {
	X      *mat.Dense // n x d
	Labels []int
}

var data Dataset

func init() {
	pts := []float64{
		1.0, 0.2, 1.2, -0.1, 0.8, 0.4, 1.5, 0.1,
		-0.5, 1.0, -0.2, 1.3, 0.1, 0.9, -0.4, 1.6,
		-1.0, -1.0, -1.3, -0.6, -0.7, -1.2, -1.1, -0.9,
	}
	data = Dataset{
		X:      mat.NewDense(12, 2, pts),
		Labels: []int{0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2},
	}
}

const classes = 3

// weights are stored flat: W (3x2) then b (3)
func unpack(p []float64) (*mat.Dense, []float64) {
	return mat.NewDense(classes, 2, p[:classes*2]), p[classes*2:]
}

func logits(p []float64, x []float64) []float64 {
	W, b := unpack(p)
	z := make([]float64, classes)
	for k := 0; k < classes; k++ {
		z[k] = W.At(k, 0)*x[0] + W.At(k, 1)*x[1] + b[k]
	}
	return z
}

func meanLoss(p []float64) float64 {
	n, _ := data.X.Dims()
	s := 0.0
	for i := 0; i < n; i++ {
		s += crossEntropy(logits(p, data.X.RawRowView(i)), data.Labels[i])
	}
	return s / float64(n)
}

// analytic gradient: dL/dz = softmax(z) - onehot(y)
func meanGrad(p []float64) []float64 {
	n, _ := data.X.Dims()
	g := make([]float64, len(p))
	for i := 0; i < n; i++ {
		x := data.X.RawRowView(i)
		probs := stableSoftmax(logits(p, x))
		probs[data.Labels[i]] -= 1
		for k := 0; k < classes; k++ {
			g[k*2] += probs[k] * x[0] / float64(n)
			g[k*2+1] += probs[k] * x[1] / float64(n)
			g[classes*2+k] += probs[k] / float64(n)
		}
	}
	return g
}

func main() {
	big := []float64{1000, 1001, 1002}
	fmt.Printf("naive softmax(%v)  = %v\n", big, naiveSoftmax(big))
	fmt.Printf("stable softmax(%v) = %.6f\n", big, stableSoftmax(big))
	small := []float64{-1000, -1001, -1002}
	fmt.Printf("naive  on %v = %v\n", small, naiveSoftmax(small))
	fmt.Printf("stable on %v = %.6f\n", small, stableSoftmax(small))
	fmt.Printf("CE(big, label=0) = %.6f\n", crossEntropy(big, 0))
	fmt.Printf("lse of [-Inf -Inf] = %v\n", logSumExp([]float64{math.Inf(-1), math.Inf(-1)}))

	p := make([]float64, classes*2+classes)
	for i := range p {
		p[i] = 0.1 * float64(i%4-1)
	}
	ga := meanGrad(p)
	gn := fd.Gradient(nil, meanLoss, p, &fd.Settings{Formula: fd.Central})
	fmt.Printf("analytic grad: %.5f\n", ga)
	fmt.Printf("numeric  grad: %.5f\n", gn)
	floats.Sub(gn, ga)
	fmt.Printf("grad check ok: %t\n", floats.Norm(gn, math.Inf(1)) < 1e-6)

	for it := 0; it <= 200; it++ {
		if it%40 == 0 {
			fmt.Printf("iter %3d  loss %.6f\n", it, meanLoss(p))
		}
		floats.AddScaled(p, -1.0, meanGrad(p))
	}
	W, b := unpack(p)
	fmt.Printf("W =\n  %.3f\nb = %.3f\n", mat.Formatted(W, mat.Prefix("  ")), b)
	n, _ := data.X.Dims()
	correct := 0
	for i := 0; i < n; i++ {
		if floats.MaxIdx(logits(p, data.X.RawRowView(i))) == data.Labels[i] {
			correct++
		}
	}
	fmt.Printf("training accuracy %d/%d\n", correct, n)
}
