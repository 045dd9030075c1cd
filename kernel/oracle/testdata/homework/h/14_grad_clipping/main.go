// Homework 14: gradient clipping. A scalar linear "RNN" unrolled for T
// steps has gradients that grow like w^T. Compare plain GD, clipping by
// value and clipping by global norm.
package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
)

const (
	T      = 25
	target = 3.0
)

var inputs [T]float64

func init() {
	for t := range inputs {
		inputs[t] = 0.1 * math.Sin(float64(t))
	}
	inputs[0] = 1
}

// forward returns h_T for parameters p = (w, u): h_t = w h_{t-1} + u x_t.
func forward(p []float64) (float64, []float64) {
	hs := make([]float64, T+1)
	for t := 1; t <= T; t++ {
		hs[t] = p[0]*hs[t-1] + p[1]*inputs[t-1]
	}
	return hs[T], hs
}

func loss(p []float64) float64 {
	h, _ := forward(p)
	return 0.5 * (h - target) * (h - target)
}

// grad by backprop through time.
func grad(p []float64) []float64 {
	hT, hs := forward(p)
	dh := hT - target
	g := make([]float64, 2)
	for t := T; t >= 1; t-- {
		g[0] += dh * hs[t-1]
		g[1] += dh * inputs[t-1]
		dh *= p[0]
	}
	return g
}

type Clipper interface {
	Clip(g []float64) (clipped bool)
}

type NoClip struct{}

func (NoClip) Clip([]float64) bool { return false }

type ValueClip struct{ Max float64 }

func (c ValueClip) Clip(g []float64) bool {
	hit := false
	for i, v := range g {
		if math.Abs(v) > c.Max {
			g[i] = math.Copysign(c.Max, v)
			hit = true
		}
	}
	return hit
}

type NormClip struct{ Max float64 }

func (c NormClip) Clip(g []float64) bool {
	n := floats.Norm(g, 2)
	if n > c.Max {
		floats.Scale(c.Max/n, g)
		return true
	}
	return false
}

func run(name string, c Clipper, lr float64, p0 []float64) {
	p := append([]float64(nil), p0...)
	hits := 0
	maxRaw := 0.0
	status := "ok"
	for it := 1; it <= 1000; it++ {
		g := grad(p)
		maxRaw = math.Max(maxRaw, floats.Norm(g, 2))
		if c.Clip(g) {
			hits++
		}
		floats.AddScaled(p, -lr, g)
		l := loss(p)
		if math.IsNaN(l) || math.IsInf(l, 0) || l > 1e12 {
			status = fmt.Sprintf("blew up at iter %d", it)
			break
		}
	}
	ls := fmt.Sprintf("%.3e", loss(p))
	if loss(p) < 1e-12 {
		ls = "<1e-12"
	}
	fmt.Printf("%-10s %-22s w=%8.4f u=%8.4f loss=%-10s clipped=%4d max|g|=%.2e\n",
		name, status, p[0], p[1], ls, hits, maxRaw)
}

func main() {
	p0 := []float64{1.05, 0.5}
	g := grad(p0)
	fmt.Printf("start: loss=%.4f grad=%.4e |grad|=%.4e\n", loss(p0), g, floats.Norm(g, 2))
	for _, w := range []float64{0.9, 1.0, 1.05, 1.1, 1.2} {
		gg := grad([]float64{w, 0.5})
		fmt.Printf("  w=%.2f  dL/dw=%12.4e\n", w, gg[0])
	}

	// direction check: value clipping changes direction, norm clipping does not
	raw := []float64{30, -4}
	v := append([]float64(nil), raw...)
	ValueClip{1}.Clip(v)
	nrm := append([]float64(nil), raw...)
	NormClip{1}.Clip(nrm)
	cos := func(a, b []float64) float64 { return floats.Dot(a, b) / floats.Norm(a, 2) / floats.Norm(b, 2) }
	fmt.Printf("raw %v -> value clip %v (cos=%.4f), norm clip %.4f (cos=%.4f)\n",
		raw, v, cos(raw, v), nrm, cos(raw, nrm))

	fmt.Println("training 1000 iterations:")
	for _, c := range []struct {
		name string
		c    Clipper
		lr   float64
	}{
		{"none", NoClip{}, 3e-3},
		{"none", NoClip{}, 2e-4},
		{"value(1)", ValueClip{1}, 3e-3},
		{"norm(1)", NormClip{1}, 3e-3},
		{"norm(10)", NormClip{10}, 3e-3},
		{"norm(1)", NormClip{1}, 2e-4},
	} {
		fmt.Printf("lr=%.0e ", c.lr)
		run(c.name, c.c, c.lr, p0)
	}
}
