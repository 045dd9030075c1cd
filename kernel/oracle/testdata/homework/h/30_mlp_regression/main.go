// Homework 30: a 1-16-1 tanh network fit to y = sin(x) with full-batch
// gradient descent + momentum. Layers are structs with Forward/Backward,
// the gradient is checked with finite differences first.
package main

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/mat"
)

const (
	nPts     = 40
	nHidden  = 16
	epochs   = 4000
	lr       = 0.05
	momentum = 0.9
)

type Layer interface {
	Forward(x *mat.Dense) *mat.Dense
	Backward(dout *mat.Dense) *mat.Dense
}

type Params interface {
	Params() []*mat.Dense
	Grads() []*mat.Dense
}

type Dense struct {
	W, b   *mat.Dense
	dW, db *mat.Dense
	in     *mat.Dense
}

func NewDense(in, out int, rng *rand.Rand) *Dense {
	w := make([]float64, in*out)
	for i := range w {
		w[i] = rng.NormFloat64() * math.Sqrt(1/float64(in))
	}
	return &Dense{W: mat.NewDense(out, in, w), b: mat.NewDense(out, 1, nil)}
}

func (d *Dense) Forward(x *mat.Dense) *mat.Dense {
	d.in = x
	var out mat.Dense
	out.Mul(d.W, x)
	_, c := out.Dims()
	r, _ := d.b.Dims()
	for j := 0; j < c; j++ {
		for i := 0; i < r; i++ {
			out.Set(i, j, out.At(i, j)+d.b.At(i, 0))
		}
	}
	return &out
}

func (d *Dense) Backward(dout *mat.Dense) *mat.Dense {
	d.dW = &mat.Dense{}
	d.dW.Mul(dout, d.in.T())
	r, c := dout.Dims()
	d.db = mat.NewDense(r, 1, nil)
	for i := 0; i < r; i++ {
		s := 0.0
		for j := 0; j < c; j++ {
			s += dout.At(i, j)
		}
		d.db.Set(i, 0, s)
	}
	var dx mat.Dense
	dx.Mul(d.W.T(), dout)
	return &dx
}

func (d *Dense) Params() []*mat.Dense { return []*mat.Dense{d.W, d.b} }
func (d *Dense) Grads() []*mat.Dense  { return []*mat.Dense{d.dW, d.db} }

type Tanh struct{ out *mat.Dense }

func (t *Tanh) Forward(x *mat.Dense) *mat.Dense {
	t.out = &mat.Dense{}
	t.out.Apply(func(_, _ int, v float64) float64 { return math.Tanh(v) }, x)
	return t.out
}

func (t *Tanh) Backward(dout *mat.Dense) *mat.Dense {
	var dx mat.Dense
	dx.Apply(func(i, j int, v float64) float64 {
		y := t.out.At(i, j)
		return v * (1 - y*y)
	}, dout)
	return &dx
}

type Net []Layer

func (n Net) Forward(x *mat.Dense) *mat.Dense {
	for _, l := range n {
		x = l.Forward(x)
	}
	return x
}

// LossAndBackward computes MSE and fills layer gradients.
func (n Net) LossAndBackward(x, y *mat.Dense) float64 {
	pred := n.Forward(x)
	var diff mat.Dense
	diff.Sub(pred, y)
	_, m := diff.Dims()
	loss := mat.Norm(&diff, 2) * mat.Norm(&diff, 2) / float64(m)
	g := mat.DenseCopyOf(&diff)
	g.Scale(2/float64(m), g)
	for i := len(n) - 1; i >= 0; i-- {
		g = n[i].Backward(g)
	}
	return loss
}

func safeMul(a, b mat.Matrix) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	var c mat.Dense
	c.Mul(a, b)
	return nil
}

func main() {
	rng := rand.New(rand.NewPCG(1, 2))
	xs := make([]float64, nPts)
	ys := make([]float64, nPts)
	for i := range xs {
		xs[i] = -math.Pi + 2*math.Pi*float64(i)/float64(nPts-1)
		ys[i] = math.Sin(xs[i])
	}
	X := mat.NewDense(1, nPts, xs)
	Y := mat.NewDense(1, nPts, ys)

	l1, l2 := NewDense(1, nHidden, rng), NewDense(nHidden, 1, rng)
	net := Net{l1, &Tanh{}, l2}

	// gradient check on the first hidden weight column
	net.LossAndBackward(X, Y)
	w := l1.W.RawMatrix().Data
	f := func(p []float64) float64 {
		saved := append([]float64(nil), w[:4]...)
		copy(w[:4], p)
		var d mat.Dense
		d.Sub(net.Forward(X), Y)
		copy(w[:4], saved)
		return mat.Sum(elemSq(&d)) / nPts
	}
	num := fd.Gradient(nil, f, append([]float64(nil), w[:4]...), &fd.Settings{Formula: fd.Central})
	fmt.Printf("dL/dW1[0:4] backprop %.6f\n", l1.dW.RawMatrix().Data[:4])
	fmt.Printf("dL/dW1[0:4] numeric  %.6f\n", num)

	layers := []Params{l1, l2}
	var vel []*mat.Dense
	for _, p := range layers {
		for _, m := range p.Params() {
			r, c := m.Dims()
			vel = append(vel, mat.NewDense(r, c, nil))
		}
	}
	for ep := 0; ep <= epochs; ep++ {
		loss := net.LossAndBackward(X, Y)
		if ep%500 == 0 {
			fmt.Printf("epoch %4d  mse %.6f\n", ep, loss)
		}
		k := 0
		for _, p := range layers {
			ps, gs := p.Params(), p.Grads()
			for i := range ps {
				vel[k].Scale(momentum, vel[k])
				vel[k].Add(vel[k], gs[i])
				ps[i].Apply(func(r, c int, v float64) float64 { return v - lr*vel[k].At(r, c) }, ps[i])
				k++
			}
		}
	}
	test := mat.NewDense(1, 5, []float64{-2.5, -1, 0.5, 1, 2.5})
	pred := net.Forward(test)
	for j := 0; j < 5; j++ {
		x := test.At(0, j)
		fmt.Printf("x=%5.2f  net=%8.5f  sin=%8.5f\n", x, pred.At(0, j), math.Sin(x))
	}
	fmt.Println("l1.W*l2.W:", safeMul(l1.W, l2.W))
	fmt.Println("l2.W*l2.W:", safeMul(l2.W, l2.W))
}

func elemSq(m *mat.Dense) *mat.Dense {
	var out mat.Dense
	out.MulElem(m, m)
	return &out
}
