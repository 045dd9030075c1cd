package main

import (
	"fmt"
	"math"
)

type Adam struct {
	LR, Beta1, Beta2, Eps float64
	BiasCorrection        bool
	m, v                  []float64
	t                     int
}

func NewAdam(lr float64, correct bool) *Adam {
	return &Adam{LR: lr, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, BiasCorrection: correct}
}

// Step updates params in place and returns the actual step taken for params[0].
func (a *Adam) Step(params, grads []float64) float64 {
	if a.m == nil {
		a.m = make([]float64, len(params))
		a.v = make([]float64, len(params))
	}
	a.t++
	var first float64
	for i := range params {
		a.m[i] = a.Beta1*a.m[i] + (1-a.Beta1)*grads[i]
		a.v[i] = a.Beta2*a.v[i] + (1-a.Beta2)*grads[i]*grads[i]
		mh, vh := a.m[i], a.v[i]
		if a.BiasCorrection {
			mh /= 1 - math.Pow(a.Beta1, float64(a.t))
			vh /= 1 - math.Pow(a.Beta2, float64(a.t))
		}
		step := a.LR * mh / (math.Sqrt(vh) + a.Eps)
		params[i] -= step
		if i == 0 {
			first = step
		}
	}
	return first
}

// objective: f(w) = sum_i c_i (w_i - t_i)^2 / 2, with very different curvatures
var (
	curv   = []float64{0.01, 1, 100}
	target = []float64{3, -2, 0.5}
)

func loss(w []float64) float64 {
	s := 0.0
	for i := range w {
		d := w[i] - target[i]
		s += 0.5 * curv[i] * d * d
	}
	return s
}

func gradient(w []float64) []float64 {
	g := make([]float64, len(w))
	for i := range w {
		g[i] = curv[i] * (w[i] - target[i])
	}
	return g
}

func main() {
	// 1. look at the first few steps with a constant gradient of 1
	fmt.Println("constant gradient g=1, lr=0.1:")
	with, without := NewAdam(0.1, true), NewAdam(0.1, false)
	p1, p2 := []float64{0}, []float64{0}
	for k := 1; k <= 6; k++ {
		s1 := with.Step(p1, []float64{1})
		s2 := without.Step(p2, []float64{1})
		fmt.Printf("t=%d corrected step=%.6f  raw step=%.6f  (m=%.4f v=%.6f)\n", k, s1, s2, without.m[0], without.v[0])
	}

	// 2. optimize the badly scaled quadratic
	for _, correct := range []bool{true, false} {
		opt := NewAdam(0.05, correct)
		w := []float64{0, 0, 0}
		fmt.Printf("\nbias correction = %v\n", correct)
		for k := 1; k <= 2000; k++ {
			opt.Step(w, gradient(w))
			if k == 1 || k == 10 || k == 100 || k == 500 || k == 2000 {
				fmt.Printf("  k=%4d loss=%.6e w=[%.5f %.5f %.5f]\n", k, loss(w), w[0], w[1], w[2])
			}
		}
	}

	// 3. bias-correction factors
	fmt.Println("\ncorrection factors 1/(1-beta^t):")
	for _, t := range []int{1, 2, 5, 10, 100, 1000, 5000} {
		fmt.Printf("t=%5d  m-factor=%10.4f  v-factor=%10.4f\n", t,
			1/(1-math.Pow(0.9, float64(t))), 1/(1-math.Pow(0.999, float64(t))))
	}
}
