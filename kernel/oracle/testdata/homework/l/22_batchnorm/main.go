// Homework 22: batch normalization statistics, backward pass and running
// averages. Gradients are checked against finite differences.
package main

import (
	"fmt"
	"math"
	"math/rand/v2"
)

type BatchNorm struct {
	Gamma, Beta     []float64
	RunMean, RunVar []float64
	Momentum, Eps   float64
	xhat            [][]float64
	invStd          []float64
}

func NewBatchNorm(d int) *BatchNorm {
	bn := &BatchNorm{Gamma: make([]float64, d), Beta: make([]float64, d),
		RunMean: make([]float64, d), RunVar: make([]float64, d), Momentum: 0.1, Eps: 1e-5}
	for j := 0; j < d; j++ {
		bn.Gamma[j] = 1
		bn.RunVar[j] = 1
	}
	return bn
}

// Forward in training mode. x is N x D.
func (bn *BatchNorm) Forward(x [][]float64, train bool) [][]float64 {
	N, D := len(x), len(x[0])
	out := make([][]float64, N)
	for i := range out {
		out[i] = make([]float64, D)
	}
	if !train {
		for i := 0; i < N; i++ {
			for j := 0; j < D; j++ {
				out[i][j] = bn.Gamma[j]*(x[i][j]-bn.RunMean[j])/math.Sqrt(bn.RunVar[j]+bn.Eps) + bn.Beta[j]
			}
		}
		return out
	}
	bn.xhat = make([][]float64, N)
	for i := range bn.xhat {
		bn.xhat[i] = make([]float64, D)
	}
	bn.invStd = make([]float64, D)
	for j := 0; j < D; j++ {
		mu := 0.0
		for i := 0; i < N; i++ {
			mu += x[i][j]
		}
		mu /= float64(N)
		v := 0.0
		for i := 0; i < N; i++ {
			v += (x[i][j] - mu) * (x[i][j] - mu)
		}
		v /= float64(N) // biased variance for normalization
		bn.invStd[j] = 1 / math.Sqrt(v+bn.Eps)
		for i := 0; i < N; i++ {
			bn.xhat[i][j] = (x[i][j] - mu) * bn.invStd[j]
			out[i][j] = bn.Gamma[j]*bn.xhat[i][j] + bn.Beta[j]
		}
		unbiased := v * float64(N) / float64(N-1)
		bn.RunMean[j] = (1-bn.Momentum)*bn.RunMean[j] + bn.Momentum*mu
		bn.RunVar[j] = (1-bn.Momentum)*bn.RunVar[j] + bn.Momentum*unbiased
	}
	return out
}

// Backward returns dx, dgamma, dbeta given dout.
func (bn *BatchNorm) Backward(dout [][]float64) ([][]float64, []float64, []float64) {
	N, D := len(dout), len(dout[0])
	dx := make([][]float64, N)
	for i := range dx {
		dx[i] = make([]float64, D)
	}
	dg, db := make([]float64, D), make([]float64, D)
	for j := 0; j < D; j++ {
		var sumD, sumDX float64
		for i := 0; i < N; i++ {
			db[j] += dout[i][j]
			dg[j] += dout[i][j] * bn.xhat[i][j]
			dxh := dout[i][j] * bn.Gamma[j]
			sumD += dxh
			sumDX += dxh * bn.xhat[i][j]
		}
		for i := 0; i < N; i++ {
			dxh := dout[i][j] * bn.Gamma[j]
			dx[i][j] = bn.invStd[j] / float64(N) * (float64(N)*dxh - sumD - bn.xhat[i][j]*sumDX)
		}
	}
	return dx, dg, db
}

func colStats(x [][]float64, j int) (float64, float64) {
	m, v := 0.0, 0.0
	for i := range x {
		m += x[i][j]
	}
	m /= float64(len(x))
	for i := range x {
		v += (x[i][j] - m) * (x[i][j] - m)
	}
	return m, v / float64(len(x))
}

func main() {
	x := [][]float64{
		{1.0, 10.0, -3.0}, {2.0, 12.0, -2.5}, {0.5, 9.0, -4.0}, {3.0, 11.0, -3.2},
		{1.5, 8.0, -2.8}, {2.5, 13.0, -3.9}, {0.0, 10.5, -3.1}, {1.8, 9.5, -2.2},
	}
	bn := NewBatchNorm(3)
	bn.Gamma = []float64{1.5, 0.5, 2.0}
	bn.Beta = []float64{0.1, -0.2, 0.3}
	y := bn.Forward(x, true)
	fmt.Printf("%4s %10s %10s %10s %10s\n", "col", "in mean", "in var", "out mean", "out var")
	for j := 0; j < 3; j++ {
		mi, vi := colStats(x, j)
		mo, vo := colStats(y, j)
		fmt.Printf("%4d %10.4f %10.4f %10.4f %10.4f\n", j, mi, vi, mo, vo)
	}
	fmt.Println("(output mean = beta, output var ~ gamma^2)")

	// Loss = sum_ij w_ij * y_ij with fixed weights, so dout = w.
	w := make([][]float64, len(x))
	for i := range w {
		w[i] = []float64{math.Sin(float64(i)), math.Cos(float64(i)), float64(i%3) - 1}
	}
	lossFn := func(xx [][]float64) float64 {
		b := &BatchNorm{Gamma: bn.Gamma, Beta: bn.Beta, RunMean: make([]float64, 3), RunVar: make([]float64, 3), Eps: bn.Eps}
		yy := b.Forward(xx, true)
		s := 0.0
		for i := range yy {
			for j := range yy[i] {
				s += w[i][j] * yy[i][j]
			}
		}
		return s
	}
	dx, dg, db := bn.Backward(w)
	maxErr := 0.0
	for i := range x {
		for j := range x[i] {
			old := x[i][j]
			x[i][j] = old + 1e-5
			lp := lossFn(x)
			x[i][j] = old - 1e-5
			lm := lossFn(x)
			x[i][j] = old
			maxErr = math.Max(maxErr, math.Abs((lp-lm)/2e-5-dx[i][j]))
		}
	}
	fmt.Printf("\nbackward check: max |dx - numeric| = %.2e\n", maxErr)
	fmt.Printf("dgamma = [%.4f %.4f %.4f], dbeta = [%.4f %.4f %.4f]\n", dg[0], dg[1], dg[2], db[0], db[1], db[2])
	s := 0.0
	for i := range dx {
		s += dx[i][0]
	}
	fmt.Printf("sum_i dx[i][0] = %.2e (BN gradient is orthogonal to shifts)\n", s)

	// Running statistics over many random batches from N(mu, sigma^2).
	rng := rand.New(rand.NewPCG(1, 2))
	bn2 := NewBatchNorm(2)
	mus, sigmas := []float64{5, -2}, []float64{3, 0.5}
	fmt.Println("\nrunning statistics (true mean 5,-2; true var 9,0.25)")
	fmt.Printf("%6s %10s %10s %10s %10s\n", "batch", "mean0", "var0", "mean1", "var1")
	for b := 1; b <= 60; b++ {
		batch := make([][]float64, 16)
		for i := range batch {
			batch[i] = []float64{mus[0] + sigmas[0]*rng.NormFloat64(), mus[1] + sigmas[1]*rng.NormFloat64()}
		}
		bn2.Forward(batch, true)
		if b == 1 || b == 5 || b%10 == 0 {
			fmt.Printf("%6d %10.4f %10.4f %10.4f %10.4f\n", b, bn2.RunMean[0], bn2.RunVar[0], bn2.RunMean[1], bn2.RunVar[1])
		}
	}
	test := [][]float64{{5, -2}, {8, -1.5}}
	out := bn2.Forward(test, false)
	fmt.Printf("eval mode: (5,-2) -> (%.4f, %.4f); (8,-1.5) -> (%.4f, %.4f)\n", out[0][0], out[0][1], out[1][0], out[1][1])
}
