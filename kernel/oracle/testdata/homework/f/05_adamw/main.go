package main

import (
	"fmt"
	"math"
)

type adamState struct {
	m, v []float64
	t    int
}

func newAdamState(n int) *adamState {
	return &adamState{m: make([]float64, n), v: make([]float64, n)}
}

const (
	beta1 = 0.9
	beta2 = 0.999
	eps   = 1e-8
)

// step performs one Adam update. If decoupled is true the weight decay is
// applied directly to the weights (AdamW); otherwise it is added to the
// gradient (Adam + L2). biasCorrect toggles the 1/(1-beta^t) factors.
func (s *adamState) step(w, g []float64, lr, wd float64, decoupled, biasCorrect bool) {
	s.t++
	c1, c2 := 1.0, 1.0
	if biasCorrect {
		c1 = 1 - math.Pow(beta1, float64(s.t))
		c2 = 1 - math.Pow(beta2, float64(s.t))
	}
	for i := range w {
		gi := g[i]
		if !decoupled {
			gi += wd * w[i]
		}
		s.m[i] = beta1*s.m[i] + (1-beta1)*gi
		s.v[i] = beta2*s.v[i] + (1-beta2)*gi*gi
		upd := (s.m[i] / c1) / (math.Sqrt(s.v[i]/c2) + eps)
		if decoupled {
			w[i] -= lr * (upd + wd*w[i])
		} else {
			w[i] -= lr * upd
		}
	}
}

// Targets with very different gradient scales.
var target = []float64{2.0, -1.0, 0.5}
var scale = []float64{100.0, 1.0, 0.01}

func lossGrad(w []float64) (float64, []float64) {
	l := 0.0
	g := make([]float64, len(w))
	for i := range w {
		d := w[i] - target[i]
		l += 0.5 * scale[i] * d * d
		g[i] = scale[i] * d
	}
	return l, g
}

func main() {
	fmt.Println("Bias correction: size of the first updates (lr=0.01)")
	fmt.Printf("%4s %14s %14s\n", "t", "corrected", "uncorrected")
	wa := []float64{0, 0, 0}
	wb := []float64{0, 0, 0}
	sa, sb := newAdamState(3), newAdamState(3)
	for t := 1; t <= 5; t++ {
		before := wa[1]
		beforeB := wb[1]
		_, ga := lossGrad(wa)
		_, gb := lossGrad(wb)
		sa.step(wa, ga, 0.01, 0, true, true)
		sb.step(wb, gb, 0.01, 0, true, false)
		fmt.Printf("%4d %14.6e %14.6e\n", t, wa[1]-before, wb[1]-beforeB)
	}

	fmt.Println("\nAdam+L2 vs AdamW, wd=0.1, lr=0.01, 3000 steps")
	for _, decoupled := range []bool{false, true} {
		w := []float64{0, 0, 0}
		s := newAdamState(3)
		var l float64
		for k := 0; k < 3000; k++ {
			var g []float64
			l, g = lossGrad(w)
			s.step(w, g, 0.01, 0.1, decoupled, true)
		}
		name := "Adam+L2"
		if decoupled {
			name = "AdamW"
		}
		fmt.Printf("%-8s w = [%.4f %.4f %.4f]  loss = %.6f\n", name, w[0], w[1], w[2], l)
	}
	fmt.Println("\nWith L2 the shrinkage of each weight depends on its gradient scale;")
	fmt.Println("closed-form L2 optimum w_i = s_i t_i / (s_i + wd):")
	for i := range target {
		fmt.Printf("  w%d* = %.4f\n", i, scale[i]*target[i]/(scale[i]+0.1))
	}
}
