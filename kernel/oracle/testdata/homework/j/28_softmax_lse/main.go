package main

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/gonum/floats"
)

type Logits []float64

type SoftmaxFunc func(Logits) []float64

func naiveSoftmax(z Logits) []float64 {
	out := make([]float64, len(z))
	sum := 0.0
	for i, v := range z {
		out[i] = math.Exp(v)
		sum += out[i]
	}
	for i := range out {
		out[i] /= sum
	}
	return out
}

func stableSoftmax(z Logits) []float64 {
	m := z.Max()
	out := make([]float64, len(z))
	sum := 0.0
	for i, v := range z {
		out[i] = math.Exp(v - m)
		sum += out[i]
	}
	for i := range out {
		out[i] /= sum
	}
	return out
}

func (z Logits) Max() float64 {
	m := math.Inf(-1)
	for _, v := range z {
		m = math.Max(m, v)
	}
	return m
}

func (z Logits) LogSumExp() float64 {
	m := z.Max()
	if math.IsInf(m, -1) {
		return m
	}
	s := 0.0
	for _, v := range z {
		s += math.Exp(v - m)
	}
	return m + math.Log(s)
}

func (z Logits) Scale(c float64) Logits {
	out := make(Logits, len(z))
	for i, v := range z {
		out[i] = c * v
	}
	return out
}

// crossEntropy computes -log softmax(z)[label] directly from log-sum-exp.
func crossEntropy(z Logits, label int) float64 {
	return z.LogSumExp() - z[label]
}

func naiveCrossEntropy(z Logits, label int) float64 {
	return -math.Log(naiveSoftmax(z)[label])
}

func fmtVec(v []float64) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = fmt.Sprintf("%.4f", x)
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func main() {
	cases := []Logits{
		{1, 2, 3},
		{-2, 0, 2, 4},
		{1000, 1001, 1002},
		{-1000, -1001, -1002},
		{710, 0, -710},
	}
	impls := []struct {
		name string
		f    SoftmaxFunc
	}{{"naive", naiveSoftmax}, {"stable", stableSoftmax}}

	for _, z := range cases {
		fmt.Printf("z = %v\n", z)
		for _, im := range impls {
			p := im.f(z)
			fmt.Printf("  %-6s %-36s sum=%.4f\n", im.name, fmtVec(p), floats.Sum(p))
		}
		fmt.Printf("  logsumexp=%.6f  gonum floats.LogSumExp=%.6f\n", z.LogSumExp(), floats.LogSumExp(z))
	}

	fmt.Println("\ncross-entropy for the true class 0:")
	for _, z := range []Logits{{2, 1, 0}, {0, 5, 1}, {-800, 0, 0}, {0, 800, 0}} {
		ce := crossEntropy(z, 0)
		nce := naiveCrossEntropy(z, 0)
		fmt.Printf("  z=%-16v stable=%10.4f  naive=%10.4f\n", fmt.Sprint(z), ce, nce)
	}

	fmt.Println("\ngradient of cross-entropy is softmax(z) - onehot(y):")
	z := Logits{0.5, -1.2, 2.0, 0.3}
	y := 2
	p := stableSoftmax(z)
	grad := make([]float64, len(z))
	copy(grad, p)
	grad[y] -= 1
	num := make([]float64, len(z))
	const h = 1e-5
	for i := range z {
		zp := append(Logits(nil), z...)
		zm := append(Logits(nil), z...)
		zp[i] += h
		zm[i] -= h
		num[i] = (crossEntropy(zp, y) - crossEntropy(zm, y)) / (2 * h)
	}
	fmt.Printf("  analytic  %s\n  numeric   %s\n", fmtVec(grad), fmtVec(num))
	fmt.Printf("  max diff < 1e-8: %v, gradient sums to zero: %v\n",
		floats.Distance(grad, num, math.Inf(1)) < 1e-8, math.Abs(floats.Sum(grad)) < 1e-12)

	fmt.Println("\ntemperature scaling of z = [2 1 0.5 -1]:")
	base := Logits{2, 1, 0.5, -1}
	for _, T := range []float64{0.1, 0.5, 1, 2, 10} {
		p := stableSoftmax(base.Scale(1 / T))
		ent := 0.0
		for _, q := range p {
			if q > 0 {
				ent -= q * math.Log(q)
			}
		}
		fmt.Printf("  T=%-4g p=%s entropy=%.4f\n", T, fmtVec(p), ent)
	}
}
