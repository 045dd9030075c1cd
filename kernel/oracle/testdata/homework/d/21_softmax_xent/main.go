package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

const (
	nClass = 3
	nIn    = 3 // two features + bias column
)

// points around three centres, last column is the bias feature
var data = mat.NewDense(9, nIn, []float64{
	0.0, 0.2, 1, 0.3, -0.1, 1, -0.2, 0.1, 1,
	2.0, 2.1, 1, 1.8, 2.4, 1, 2.3, 1.9, 1,
	-2.0, 2.0, 1, -1.7, 2.2, 1, -2.2, 1.6, 1,
})
var labels = []int{0, 0, 0, 1, 1, 1, 2, 2, 2}

// softmax with the max-subtraction trick
func softmax(z []float64) []float64 {
	m := floats.Max(z)
	out := make([]float64, len(z))
	for i, v := range z {
		out[i] = math.Exp(v - m)
	}
	floats.Scale(1/floats.Sum(out), out)
	return out
}

// lossAndGrad returns mean cross-entropy and dL/dW (nClass x nIn) for weights W.
func lossAndGrad(W *mat.Dense) (float64, *mat.Dense) {
	n, _ := data.Dims()
	var logits mat.Dense
	logits.Mul(data, W.T()) // n x nClass
	G := mat.NewDense(nClass, nIn, nil)
	loss := 0.0
	for i := 0; i < n; i++ {
		p := softmax(logits.RawRowView(i))
		loss -= math.Log(p[labels[i]])
		p[labels[i]] -= 1 // dL/dz = p - onehot
		for c := 0; c < nClass; c++ {
			for j := 0; j < nIn; j++ {
				G.Set(c, j, G.At(c, j)+p[c]*data.At(i, j)/float64(n))
			}
		}
	}
	return loss / float64(n), G
}

func main() {
	fmt.Printf("softmax([1 2 3])       = %.6f\n", softmax([]float64{1, 2, 3}))
	fmt.Printf("softmax([1001 1002 1003]) = %.6f (shift invariant)\n", softmax([]float64{1001, 1002, 1003}))
	fmt.Printf("naive exp(1003) overflow? %v\n", math.IsInf(math.Exp(1003), 1))

	W := mat.NewDense(nClass, nIn, []float64{0.1, -0.2, 0, 0.05, 0.1, 0, -0.1, 0.2, 0})
	l0, G := lossAndGrad(W)
	fmt.Printf("initial loss %.6f (log 3 = %.6f)\n", l0, math.Log(3))

	// gradient check with gonum's finite differences on the flattened weights
	flat := func(w []float64) float64 {
		l, _ := lossAndGrad(mat.NewDense(nClass, nIn, append([]float64(nil), w...)))
		return l
	}
	numG := fd.Gradient(nil, flat, W.RawMatrix().Data, &fd.Settings{Formula: fd.Central})
	an := G.RawMatrix().Data
	fmt.Printf("analytic grad: %.6f\n", an)
	fmt.Printf("numeric grad : %.6f\n", numG)
	fmt.Printf("max abs diff : %.3e\n", floats.Distance(an, numG, math.Inf(1)))

	lr := 0.5
	for it := 1; it <= 200; it++ {
		_, G := lossAndGrad(W)
		W.Sub(W, scaled(lr, G))
		if it%40 == 0 {
			l, _ := lossAndGrad(W)
			fmt.Printf("iter %3d loss %.6f\n", it, l)
		}
	}
	fmt.Printf("trained W:\n%.4f\n", mat.Formatted(W))

	var logits mat.Dense
	logits.Mul(data, W.T())
	for i := 0; i < 9; i++ {
		p := softmax(logits.RawRowView(i))
		fmt.Printf("sample %d label %d pred %d probs %.3f\n", i, labels[i], floats.MaxIdx(p), p)
	}
}

func scaled(a float64, m *mat.Dense) *mat.Dense {
	var out mat.Dense
	out.Scale(a, m)
	return &out
}
