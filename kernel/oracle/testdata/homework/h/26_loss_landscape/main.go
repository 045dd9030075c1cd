// Homework 26: 1-D slices of a loss landscape drawn as ASCII plots.
// Model: tiny 1-hidden-layer regression net. We plot
//   - the linear interpolation from the initial to the trained weights,
//   - a slice along a random direction through the minimum,
//   - a slice along the sharpest direction (top Hessian eigenvector).
package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize"
)

const hidden = 3

var xs, ys []float64

func init() {
	for i := 0; i < 20; i++ {
		x := -2 + 4*float64(i)/19
		xs = append(xs, x)
		ys = append(ys, math.Tanh(1.5*x)-0.3*x+0.05*math.Sin(7*x))
	}
}

// params: w1[h], b1[h], w2[h], b2
func predict(p []float64, x float64) float64 {
	out := p[3*hidden]
	for j := 0; j < hidden; j++ {
		out += p[2*hidden+j] * math.Tanh(p[j]*x+p[hidden+j])
	}
	return out
}

func loss(p []float64) float64 {
	s := 0.0
	for i, x := range xs {
		r := predict(p, x) - ys[i]
		s += r * r
	}
	return s / float64(len(xs))
}

type Slice struct {
	Title  string
	Alphas []float64
	Values []float64
}

func makeSlice(title string, center, dir []float64, lo, hi float64, npts int) Slice {
	s := Slice{Title: title}
	tmp := make([]float64, len(center))
	for k := 0; k < npts; k++ {
		a := lo + (hi-lo)*float64(k)/float64(npts-1)
		floats.AddScaledTo(tmp, center, a, dir)
		s.Alphas = append(s.Alphas, a)
		s.Values = append(s.Values, loss(tmp))
	}
	return s
}

func (s Slice) Plot(height int) {
	lo, hi := floats.Min(s.Values), floats.Max(s.Values)
	fmt.Printf("%s  (min %.4f at alpha=%.2f, max %.4f)\n", s.Title, lo, s.Alphas[floats.MinIdx(s.Values)], hi)
	grid := make([][]byte, height)
	for r := range grid {
		grid[r] = []byte(strings.Repeat(" ", len(s.Values)))
	}
	for c, v := range s.Values {
		r := int(math.Round((v - lo) / (hi - lo) * float64(height-1)))
		grid[height-1-r][c] = '*'
	}
	for r, row := range grid {
		label := "        "
		if r == 0 {
			label = fmt.Sprintf("%8.3f", hi)
		} else if r == height-1 {
			label = fmt.Sprintf("%8.3f", lo)
		}
		fmt.Printf("%s |%s\n", label, strings.TrimRight(string(row), " "))
	}
	fmt.Printf("         +%s\n", strings.Repeat("-", len(s.Values)))
	fmt.Printf("          %-*.2f%*.2f\n", len(s.Values)/2, s.Alphas[0], len(s.Values)-len(s.Values)/2, s.Alphas[len(s.Alphas)-1])
}

func main() {
	rng := rand.New(rand.NewPCG(1, 2))
	np := 3*hidden + 1
	init := make([]float64, np)
	for i := range init {
		init[i] = 0.5 * rng.NormFloat64()
	}
	prob := optimize.Problem{
		Func: loss,
		Grad: func(g, x []float64) { fd.Gradient(g, loss, x, &fd.Settings{Formula: fd.Central}) },
	}
	res, err := optimize.Minimize(prob, init, &optimize.Settings{GradientThreshold: 1e-7}, &optimize.LBFGS{})
	if err != nil {
		fmt.Println("minimize:", err)
		return
	}
	star := res.X
	fmt.Printf("loss at init %.4f, after LBFGS %.6f (status %v)\n", loss(init), res.F, res.Status)

	dir := make([]float64, np)
	floats.SubTo(dir, star, init)
	makeSlice("interpolation init->trained", init, dir, 0, 1.2, 61).Plot(10)

	rnd := make([]float64, np)
	for i := range rnd {
		rnd[i] = rng.NormFloat64()
	}
	floats.Scale(1/floats.Norm(rnd, 2), rnd)
	makeSlice("random unit direction", star, rnd, -1, 1, 61).Plot(8)

	H := mat.NewSymDense(np, nil)
	fd.Hessian(H, loss, star, nil)
	var es mat.EigenSym
	if !es.Factorize(H, true) {
		fmt.Println("eigen failed")
		return
	}
	vals := es.Values(nil)
	var vecs mat.Dense
	es.VectorsTo(&vecs)
	top := mat.Col(nil, np-1, &vecs)
	if top[floats.MaxIdx(absAll(top))] < 0 {
		floats.Scale(-1, top)
	}
	fmt.Printf("top Hessian eigenvalue %.3f vs random-direction curvature %.3f\n",
		vals[np-1], curvature(H, rnd))
	makeSlice("sharpest direction", star, top, -1, 1, 61).Plot(8)
}

func curvature(H *mat.SymDense, v []float64) float64 {
	vv := mat.NewVecDense(len(v), v)
	return mat.Inner(vv, H, vv)
}

func absAll(v []float64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = math.Abs(x)
	}
	return out
}
