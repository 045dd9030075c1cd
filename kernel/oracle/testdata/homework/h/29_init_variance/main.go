// Homework 29: weight initialization and signal propagation. Push a batch
// through a deep MLP with different init scales and activations and
// watch the activation (forward) and gradient (backward) variance.
package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

const (
	width = 64
	depth = 12
	batch = 128
)

type Activation struct {
	Name  string
	F     func(float64) float64
	Deriv func(float64) float64
}

var (
	tanhAct = Activation{"tanh", math.Tanh, func(z float64) float64 {
		t := math.Tanh(z)
		return 1 - t*t
	}}
	reluAct = Activation{"relu", func(z float64) float64 { return math.Max(0, z) }, func(z float64) float64 {
		if z > 0 {
			return 1
		}
		return 0
	}}
)

type Init struct {
	Name string
	Std  func(fanIn, fanOut int) float64
}

var inits = []Init{
	{"N(0,0.01)", func(int, int) float64 { return 0.01 }},
	{"N(0,1)", func(int, int) float64 { return 1 }},
	{"Xavier", func(in, out int) float64 { return math.Sqrt(2 / float64(in+out)) }},
	{"He", func(in, _ int) float64 { return math.Sqrt(2 / float64(in)) }},
}

func variance(m *mat.Dense) float64 {
	return stat.PopVariance(m.RawMatrix().Data, nil)
}

func run(act Activation, in Init, seed uint64) (fwd, bwd []float64) {
	src := rand.NewPCG(seed, 2)
	normal := distuv.Normal{Mu: 0, Sigma: 1, Src: src}
	X := mat.NewDense(width, batch, nil)
	for i := 0; i < width; i++ {
		for j := 0; j < batch; j++ {
			X.Set(i, j, normal.Rand())
		}
	}
	Ws := make([]*mat.Dense, depth)
	Zs := make([]*mat.Dense, depth)
	h := X
	for l := 0; l < depth; l++ {
		std := in.Std(width, width)
		W := mat.NewDense(width, width, nil)
		for i := 0; i < width; i++ {
			for j := 0; j < width; j++ {
				W.Set(i, j, std*normal.Rand())
			}
		}
		Ws[l] = W
		z := mat.NewDense(width, batch, nil)
		z.Mul(W, h)
		Zs[l] = z
		next := mat.NewDense(width, batch, nil)
		next.Apply(func(_, _ int, v float64) float64 { return act.F(v) }, z)
		h = next
		fwd = append(fwd, variance(h))
	}
	// backward with dL/dh_last = random unit-variance noise
	g := mat.NewDense(width, batch, nil)
	for i := 0; i < width; i++ {
		for j := 0; j < batch; j++ {
			g.Set(i, j, normal.Rand())
		}
	}
	bwd = make([]float64, depth)
	for l := depth - 1; l >= 0; l-- {
		dz := mat.NewDense(width, batch, nil)
		dz.Apply(func(i, j int, v float64) float64 { return v * act.Deriv(Zs[l].At(i, j)) }, g)
		prev := mat.NewDense(width, batch, nil)
		prev.Mul(Ws[l].T(), dz)
		g = prev
		bwd[l] = variance(g)
	}
	return fwd, bwd
}

func bar(v float64) string {
	// one character per decade above 1e-12, capped
	n := int(math.Round(math.Log10(v) + 12))
	if n < 0 {
		n = 0
	}
	if n > 30 {
		n = 30
	}
	return strings.Repeat("=", n)
}

func main() {
	for _, act := range []Activation{tanhAct, reluAct} {
		fmt.Printf("activation %s, width %d, depth %d\n", act.Name, width, depth)
		fmt.Printf("  %-10s %11s %11s %11s %11s\n", "init", "var h1", "var h12", "var g1", "var g12")
		for _, in := range inits {
			fwd, bwd := run(act, in, 1)
			fmt.Printf("  %-10s %11.3e %11.3e %11.3e %11.3e  %s\n", in.Name, fwd[0], fwd[depth-1], bwd[0], bwd[depth-1], bar(fwd[depth-1]))
		}
	}
	fmt.Println("layer-by-layer activation variance, relu + He:")
	fwd, _ := run(reluAct, inits[3], 1)
	for l, v := range fwd {
		fmt.Printf("  layer %2d  %.4f\n", l+1, v)
	}
}
