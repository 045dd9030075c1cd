// Homework 12: implement common first-order optimizers behind one
// interface and race them on the Rosenbrock function and an
// ill-conditioned quadratic.
package main

import (
	"fmt"
	"math"
	"os"
	"text/tabwriter"
)

type Optimizer interface {
	Step(params, grads []float64)
	Name() string
}

type base struct {
	lr float64
	t  int
}

// ensure allocates optimizer state lazily on the first step.
func ensure(buf *[]float64, n int) {
	if *buf == nil {
		*buf = make([]float64, n)
	}
}

type SGD struct{ base }

func (o *SGD) Name() string { return "SGD" }
func (o *SGD) Step(p, g []float64) {
	for i := range p {
		p[i] -= o.lr * g[i]
	}
}

type Momentum struct {
	base
	beta float64
	v    []float64
}

func (o *Momentum) Name() string { return "Momentum" }
func (o *Momentum) Step(p, g []float64) {
	ensure(&o.v, len(p))
	for i := range p {
		o.v[i] = o.beta*o.v[i] + g[i]
		p[i] -= o.lr * o.v[i]
	}
}

type Nesterov struct{ Momentum }

func (o *Nesterov) Name() string { return "Nesterov" }
func (o *Nesterov) Step(p, g []float64) {
	ensure(&o.v, len(p))
	for i := range p {
		o.v[i] = o.beta*o.v[i] + g[i]
		p[i] -= o.lr * (g[i] + o.beta*o.v[i])
	}
}

type AdaGrad struct {
	base
	eps float64
	s   []float64
}

func (o *AdaGrad) Name() string { return "AdaGrad" }
func (o *AdaGrad) Step(p, g []float64) {
	ensure(&o.s, len(p))
	for i := range p {
		o.s[i] += g[i] * g[i]
		p[i] -= o.lr * g[i] / (math.Sqrt(o.s[i]) + o.eps)
	}
}

type RMSProp struct {
	base
	rho, eps float64
	s        []float64
}

func (o *RMSProp) Name() string { return "RMSProp" }
func (o *RMSProp) Step(p, g []float64) {
	ensure(&o.s, len(p))
	for i := range p {
		o.s[i] = o.rho*o.s[i] + (1-o.rho)*g[i]*g[i]
		p[i] -= o.lr * g[i] / (math.Sqrt(o.s[i]) + o.eps)
	}
}

type Adam struct {
	base
	b1, b2, eps, wd float64
	decoupled       bool // true = AdamW
	m, v            []float64
}

func (o *Adam) Name() string {
	if o.decoupled {
		return "AdamW"
	}
	return "Adam"
}

func (o *Adam) Step(p, g []float64) {
	ensure(&o.m, len(p))
	ensure(&o.v, len(p))
	o.t++
	c1 := 1 - math.Pow(o.b1, float64(o.t))
	c2 := 1 - math.Pow(o.b2, float64(o.t))
	for i := range p {
		gi := g[i]
		if !o.decoupled {
			gi += o.wd * p[i]
		}
		o.m[i] = o.b1*o.m[i] + (1-o.b1)*gi
		o.v[i] = o.b2*o.v[i] + (1-o.b2)*gi*gi
		mh, vh := o.m[i]/c1, o.v[i]/c2
		p[i] -= o.lr * mh / (math.Sqrt(vh) + o.eps)
		if o.decoupled {
			p[i] -= o.lr * o.wd * p[i]
		}
	}
}

type Objective struct {
	name  string
	f     func([]float64) float64
	grad  func([]float64) []float64
	start []float64
}

var objectives = []Objective{
	{"rosenbrock", rosen, rosenGrad, []float64{-1.5, 2}},
	{"quadratic k=100", func(x []float64) float64 { return 0.5 * (x[0]*x[0] + 100*x[1]*x[1]) },
		func(x []float64) []float64 { return []float64{x[0], 100 * x[1]} }, []float64{5, 1}},
}

func rosen(x []float64) float64 { return 100*math.Pow(x[1]-x[0]*x[0], 2) + math.Pow(1-x[0], 2) }
func rosenGrad(x []float64) []float64 {
	return []float64{-400*x[0]*(x[1]-x[0]*x[0]) - 2*(1-x[0]), 200 * (x[1] - x[0]*x[0])}
}

func makeOptimizers() []Optimizer {
	return []Optimizer{
		&SGD{base{lr: 1e-3}},
		&Momentum{base: base{lr: 1e-3}, beta: 0.9},
		&Nesterov{Momentum{base: base{lr: 1e-3}, beta: 0.9}},
		&AdaGrad{base: base{lr: 0.5}, eps: 1e-8},
		&RMSProp{base: base{lr: 1e-2}, rho: 0.9, eps: 1e-8},
		&Adam{base: base{lr: 2e-2}, b1: 0.9, b2: 0.999, eps: 1e-8},
		&Adam{base: base{lr: 2e-2}, b1: 0.9, b2: 0.999, eps: 1e-8, wd: 1e-2, decoupled: true},
	}
}

func main() {
	checkpoints := []int{100, 500, 2000, 5000}
	for _, obj := range objectives {
		fmt.Printf("objective: %s, start %v\n", obj.name, obj.start)
		tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "optimizer\tf@100\tf@500\tf@2000\tf@5000\tfinal x\t")
		for _, opt := range makeOptimizers() {
			x := append([]float64(nil), obj.start...)
			fmt.Fprintf(tw, "%s\t", opt.Name())
			ci := 0
			for it := 1; it <= checkpoints[len(checkpoints)-1]; it++ {
				opt.Step(x, obj.grad(x))
				if it == checkpoints[ci] {
					fmt.Fprintf(tw, "%s\t", fmtLoss(obj.f(x)))
					ci++
				}
			}
			fmt.Fprintf(tw, "(%.4f, %.4f)\t\n", noNegZero(x[0]), noNegZero(x[1]))
		}
		tw.Flush()
		fmt.Println()
	}
	var o Optimizer = &Nesterov{}
	fmt.Printf("%T embeds Momentum, name=%s\n", o, o.Name())
}

// fmtLoss prints very small losses as a floor, they are all "converged".
func fmtLoss(f float64) string {
	if f < 1e-12 {
		return "<1e-12"
	}
	return fmt.Sprintf("%.3e", f)
}

func noNegZero(v float64) float64 {
	if math.Abs(v) < 5e-5 {
		return 0
	}
	return v
}
