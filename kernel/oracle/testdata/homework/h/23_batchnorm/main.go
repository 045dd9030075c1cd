// Homework 23: batch normalization. Forward pass in training mode (batch
// statistics) and inference mode (running averages), plus the backward
// pass for dL/dx checked against finite differences.
package main

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

const eps = 1e-5

type BatchNorm struct {
	Gamma, Beta     []float64
	RunMean, RunVar []float64
	Momentum        float64
	// saved for backward
	xhat   *mat.Dense
	invStd []float64
}

func NewBatchNorm(d int) *BatchNorm {
	bn := &BatchNorm{
		Gamma:    make([]float64, d),
		Beta:     make([]float64, d),
		RunMean:  make([]float64, d),
		RunVar:   make([]float64, d),
		Momentum: 0.1,
	}
	for i := range bn.Gamma {
		bn.Gamma[i] = 1
		bn.RunVar[i] = 1
	}
	return bn
}

func (bn *BatchNorm) Forward(x *mat.Dense, training bool) *mat.Dense {
	n, d := x.Dims()
	out := mat.NewDense(n, d, nil)
	bn.xhat = mat.NewDense(n, d, nil)
	bn.invStd = make([]float64, d)
	for j := 0; j < d; j++ {
		col := mat.Col(nil, j, x)
		var mu, v float64
		if training {
			mu = stat.Mean(col, nil)
			v = stat.PopVariance(col, nil) // biased, as in the paper
			unbiased := v * float64(n) / float64(n-1)
			bn.RunMean[j] = (1-bn.Momentum)*bn.RunMean[j] + bn.Momentum*mu
			bn.RunVar[j] = (1-bn.Momentum)*bn.RunVar[j] + bn.Momentum*unbiased
		} else {
			mu, v = bn.RunMean[j], bn.RunVar[j]
		}
		is := 1 / math.Sqrt(v+eps)
		bn.invStd[j] = is
		for i := 0; i < n; i++ {
			xh := (col[i] - mu) * is
			bn.xhat.Set(i, j, xh)
			out.Set(i, j, bn.Gamma[j]*xh+bn.Beta[j])
		}
	}
	return out
}

// Backward returns dL/dx given dL/dy (training mode).
func (bn *BatchNorm) Backward(dy *mat.Dense) *mat.Dense {
	n, d := dy.Dims()
	dx := mat.NewDense(n, d, nil)
	for j := 0; j < d; j++ {
		var sumDxh, sumDxhXh float64
		for i := 0; i < n; i++ {
			dxh := dy.At(i, j) * bn.Gamma[j]
			sumDxh += dxh
			sumDxhXh += dxh * bn.xhat.At(i, j)
		}
		for i := 0; i < n; i++ {
			dxh := dy.At(i, j) * bn.Gamma[j]
			v := (float64(n)*dxh - sumDxh - bn.xhat.At(i, j)*sumDxhXh) * bn.invStd[j] / float64(n)
			dx.Set(i, j, v)
		}
	}
	return dx
}

func colStats(m *mat.Dense) (means, stds []float64) {
	_, d := m.Dims()
	for j := 0; j < d; j++ {
		mu, sd := stat.PopMeanStdDev(mat.Col(nil, j, m), nil)
		means = append(means, mu)
		stds = append(stds, sd)
	}
	return
}

func main() {
	src := rand.NewPCG(1, 2)
	const n, d = 8, 3
	dists := []distuv.Normal{
		{Mu: 5, Sigma: 2, Src: src},
		{Mu: -3, Sigma: 0.1, Src: src},
		{Mu: 0, Sigma: 10, Src: src},
	}
	batch := func() *mat.Dense {
		x := mat.NewDense(n, d, nil)
		for i := 0; i < n; i++ {
			for j := 0; j < d; j++ {
				x.Set(i, j, dists[j].Rand())
			}
		}
		return x
	}

	bn := NewBatchNorm(d)
	x := batch()
	fmt.Printf("input batch:\n  %.3f\n", mat.Formatted(x, mat.Prefix("  ")))
	m, s := colStats(x)
	fmt.Printf("input  means %.4f stds %.4f\n", m, s)
	y := bn.Forward(x, true)
	m, s = colStats(y)
	fmt.Printf("output means %.4f stds %.4f\n", cleanSlice(m), s)

	bn.Gamma = []float64{2, 0.5, 1}
	bn.Beta = []float64{1, 0, -1}
	y = bn.Forward(x, true)
	m, s = colStats(y)
	fmt.Printf("with gamma=%v beta=%v: means %.4f stds %.4f\n", bn.Gamma, bn.Beta, cleanSlice(m), s)

	for step := 0; step < 50; step++ {
		bn.Forward(batch(), true)
	}
	fmt.Printf("running mean %.3f\nrunning var  %.3f\n", bn.RunMean, bn.RunVar)
	test := batch()
	yEval := bn.Forward(test, false)
	m, s = colStats(yEval)
	fmt.Printf("eval-mode output on new batch: means %.3f stds %.3f\n", m, s)

	// gradient check for L = sum_ij c_ij * y_ij
	coef := mat.NewDense(n, d, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < d; j++ {
			coef.Set(i, j, math.Sin(float64(3*i+j)))
		}
	}
	lossOf := func(flat []float64) float64 {
		out := bn.Forward(mat.NewDense(n, d, flat), true)
		return mat.Sum(elemMul(out, coef))
	}
	flat := mat.DenseCopyOf(x).RawMatrix().Data
	num := fd.Gradient(nil, lossOf, flat, &fd.Settings{Formula: fd.Central, Step: 1e-4})
	bn.Forward(x, true)
	ana := bn.Backward(coef).RawMatrix().Data
	fmt.Printf("dL/dx[0:4] analytic %.5f\n", ana[:4])
	fmt.Printf("dL/dx[0:4] numeric  %.5f\n", num[:4])
	fmt.Printf("backward matches fd (tol 1e-5): %v\n", floats.EqualApprox(ana, num, 1e-5))
	colSum := make([]float64, d)
	for j := 0; j < d; j++ {
		colSum[j] = mat.Sum(mat.NewDense(n, d, ana).ColView(j))
	}
	fmt.Printf("columns of dL/dx sum to zero: %v\n", floats.Norm(colSum, math.Inf(1)) < 1e-10)
}

func elemMul(a, b *mat.Dense) *mat.Dense {
	var c mat.Dense
	c.MulElem(a, b)
	return &c
}

func cleanSlice(v []float64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		if math.Abs(x) > 1e-9 {
			out[i] = x
		}
	}
	return out
}
