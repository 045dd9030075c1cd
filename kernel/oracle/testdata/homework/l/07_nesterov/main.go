// Homework 7: SGD vs classical momentum vs Nesterov on the Rosenbrock function.
// All optimizers implement the same small interface.
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

type SGD struct{ LR float64 }

func (s *SGD) Name() string { return fmt.Sprintf("SGD(lr=%g)", s.LR) }
func (s *SGD) Step(p, g []float64) {
	for i := range p {
		p[i] -= s.LR * g[i]
	}
}

type Momentum struct {
	LR, Mu float64
	v      []float64
}

func (m *Momentum) Name() string { return fmt.Sprintf("Momentum(lr=%g,mu=%g)", m.LR, m.Mu) }
func (m *Momentum) Step(p, g []float64) {
	if m.v == nil {
		m.v = make([]float64, len(p))
	}
	for i := range p {
		m.v[i] = m.Mu*m.v[i] + g[i]
		p[i] -= m.LR * m.v[i]
	}
}

// Nesterov in the "look-ahead folded in" form used by most deep-learning
// libraries: v <- mu v + g ; p <- p - lr (g + mu v).
type Nesterov struct {
	LR, Mu float64
	v      []float64
}

func (n *Nesterov) Name() string { return fmt.Sprintf("Nesterov(lr=%g,mu=%g)", n.LR, n.Mu) }
func (n *Nesterov) Step(p, g []float64) {
	if n.v == nil {
		n.v = make([]float64, len(p))
	}
	for i := range p {
		n.v[i] = n.Mu*n.v[i] + g[i]
		p[i] -= n.LR * (g[i] + n.Mu*n.v[i])
	}
}

func rosen(x []float64) float64 {
	a, b := 1-x[0], x[1]-x[0]*x[0]
	return a*a + 100*b*b
}

func rosenGrad(x, g []float64) {
	g[0] = -2*(1-x[0]) - 400*x[0]*(x[1]-x[0]*x[0])
	g[1] = 200 * (x[1] - x[0]*x[0])
}

func main() {
	opts := []Optimizer{
		&SGD{LR: 1e-3},
		&Momentum{LR: 1e-4, Mu: 0.9},
		&Nesterov{LR: 1e-4, Mu: 0.9},
		&Momentum{LR: 1e-4, Mu: 0.95},
		&Nesterov{LR: 1e-4, Mu: 0.95},
	}
	checkpoints := []int{0, 100, 500, 1000, 2000, 5000, 10000}
	traces := make([][]float64, len(opts))
	finals := make([][]float64, len(opts))
	for k, opt := range opts {
		x := []float64{-1.2, 1}
		g := make([]float64, 2)
		ci := 0
		for t := 0; t <= checkpoints[len(checkpoints)-1]; t++ {
			if t == checkpoints[ci] {
				traces[k] = append(traces[k], rosen(x))
				ci++
				if ci == len(checkpoints) {
					break
				}
			}
			rosenGrad(x, g)
			opt.Step(x, g)
		}
		finals[k] = x
	}

	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(w, "step\t")
	for _, o := range opts {
		fmt.Fprintf(w, "%s\t", o.Name())
	}
	fmt.Fprintln(w)
	for i, c := range checkpoints {
		fmt.Fprintf(w, "%d\t", c)
		for k := range opts {
			fmt.Fprintf(w, "%.6e\t", traces[k][i])
		}
		fmt.Fprintln(w)
	}
	w.Flush()
	fmt.Println()
	for k, o := range opts {
		x := finals[k]
		fmt.Printf("%-26s final x = (%.6f, %.6f), dist to (1,1) = %.3e\n", o.Name(), x[0], x[1], math.Hypot(x[0]-1, x[1]-1))
	}
}
