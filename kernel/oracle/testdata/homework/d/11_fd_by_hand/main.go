package main

import (
	"fmt"
	"math"
	"math/cmplx"
)

func f(x float64) float64 { return math.Exp(x) * math.Sin(x) }

func fprime(x float64) float64 { return math.Exp(x) * (math.Sin(x) + math.Cos(x)) }

func fc(z complex128) complex128 { return cmplx.Exp(z) * cmplx.Sin(z) }

func forward(g func(float64) float64, x, h float64) float64 { return (g(x+h) - g(x)) / h }
func central(g func(float64) float64, x, h float64) float64 {
	return (g(x+h) - g(x-h)) / (2 * h)
}
func fourthOrder(g func(float64) float64, x, h float64) float64 {
	return (-g(x+2*h) + 8*g(x+h) - 8*g(x-h) + g(x-2*h)) / (12 * h)
}
func complexStep(x, h float64) float64 { return imag(fc(complex(x, h))) / h }

// multivariate test function and analytic gradient
func loss(w []float64) float64 {
	return math.Log(1+math.Exp(w[0]*w[1])) + 0.5*w[2]*w[2]*w[0] + math.Sin(w[1]*w[2])
}

func lossGrad(w []float64) []float64 {
	s := 1 / (1 + math.Exp(-w[0]*w[1]))
	return []float64{
		s*w[1] + 0.5*w[2]*w[2],
		s*w[0] + w[2]*math.Cos(w[1]*w[2]),
		w[2]*w[0] + w[1]*math.Cos(w[1]*w[2]),
	}
}

func numGrad(fn func([]float64) float64, w []float64, h float64) []float64 {
	g := make([]float64, len(w))
	tmp := append([]float64(nil), w...)
	for i := range w {
		tmp[i] = w[i] + h
		fp := fn(tmp)
		tmp[i] = w[i] - h
		fm := fn(tmp)
		tmp[i] = w[i]
		g[i] = (fp - fm) / (2 * h)
	}
	return g
}

func main() {
	x := 1.0
	exact := fprime(x)
	fmt.Printf("f'(1) exact = %.15f\n", exact)
	fmt.Printf("%8s %12s %12s %12s %12s\n", "h", "forward", "central", "4th-order", "complex")
	for p := 1; p <= 13; p += 2 {
		h := math.Pow(10, -float64(p))
		e1 := math.Abs(forward(f, x, h) - exact)
		e2 := math.Abs(central(f, x, h) - exact)
		e3 := math.Abs(fourthOrder(f, x, h) - exact)
		e4 := math.Abs(complexStep(x, h) - exact)
		fmt.Printf("%8.0e %12.3e %12.3e %12.3e %12.3e\n", h, e1, e2, e3, e4)
	}

	// rule-of-thumb optimal step sizes
	eps := math.Nextafter(1, 2) - 1
	fmt.Printf("machine eps %.4e, sqrt(eps)=%.4e, cbrt(eps)=%.4e\n", eps, math.Sqrt(eps), math.Cbrt(eps))

	// gradient check for a 3-parameter loss
	w := []float64{0.3, -1.2, 0.8}
	an := lossGrad(w)
	nu := numGrad(loss, w, 1e-5)
	fmt.Printf("analytic: %.8f\n", an)
	fmt.Printf("numeric : %.8f\n", nu)
	num, den := 0.0, 0.0
	for i := range an {
		num += (an[i] - nu[i]) * (an[i] - nu[i])
		den += an[i]*an[i] + nu[i]*nu[i]
	}
	rel := math.Sqrt(num) / math.Sqrt(den)
	verdict := "PASS"
	if rel > 1e-7 {
		verdict = "FAIL"
	}
	fmt.Printf("relative error %.3e -> %s\n", rel, verdict)
}
