package main

import (
	"fmt"
	"math"
	"os"
	"text/tabwriter"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/optimize"
)

type Objective interface {
	Value(x []float64) float64
	Gradient(grad, x []float64)
	Name() string
}

// Rosenbrock in n dimensions.
type Rosenbrock struct{}

func (Rosenbrock) Name() string { return "rosenbrock" }

func (Rosenbrock) Value(x []float64) float64 {
	s := 0.0
	for i := 0; i < len(x)-1; i++ {
		a := x[i+1] - x[i]*x[i]
		b := 1 - x[i]
		s += 100*a*a + b*b
	}
	return s
}

func (Rosenbrock) Gradient(g, x []float64) {
	for i := range g {
		g[i] = 0
	}
	for i := 0; i < len(x)-1; i++ {
		a := x[i+1] - x[i]*x[i]
		g[i] += -400*a*x[i] - 2*(1-x[i])
		g[i+1] += 200 * a
	}
}

// RidgeLoss is 0.5*||Ax-b||^2 + 0.5*lambda*||x||^2 for a tiny fixed problem.
type RidgeLoss struct {
	A      [][]float64
	B      []float64
	Lambda float64
	Buggy  bool // forgets the factor on the regulariser, on purpose
}

func (r RidgeLoss) Name() string {
	if r.Buggy {
		return "ridge (buggy grad)"
	}
	return "ridge"
}

func (r RidgeLoss) residual(x []float64) []float64 {
	res := make([]float64, len(r.B))
	for i, row := range r.A {
		res[i] = floats.Dot(row, x) - r.B[i]
	}
	return res
}

func (r RidgeLoss) Value(x []float64) float64 {
	res := r.residual(x)
	return 0.5*floats.Dot(res, res) + 0.5*r.Lambda*floats.Dot(x, x)
}

func (r RidgeLoss) Gradient(g, x []float64) {
	res := r.residual(x)
	for j := range g {
		s := 0.0
		for i, row := range r.A {
			s += row[j] * res[i]
		}
		if r.Buggy {
			g[j] = s + 0.5*r.Lambda*x[j]
		} else {
			g[j] = s + r.Lambda*x[j]
		}
	}
}

func centralDiff(f func([]float64) float64, x []float64, h float64) []float64 {
	g := make([]float64, len(x))
	xp := append([]float64(nil), x...)
	for i := range x {
		xp[i] = x[i] + h
		fp := f(xp)
		xp[i] = x[i] - h
		fm := f(xp)
		xp[i] = x[i]
		g[i] = (fp - fm) / (2 * h)
	}
	return g
}

func relErr(a, b []float64) float64 {
	return floats.Distance(a, b, 2) / math.Max(1e-12, floats.Norm(a, 2)+floats.Norm(b, 2))
}

func main() {
	x0 := []float64{-1.2, 1.0, 0.8, 1.5}
	ridge := RidgeLoss{
		A:      [][]float64{{1, 2, 0, 1}, {0, 1, 3, -1}, {2, 0, 1, 1}, {1, 1, 1, 1}, {-1, 2, 0, 3}},
		B:      []float64{3, 1, 4, 2, 5},
		Lambda: 0.7,
	}
	buggy := ridge
	buggy.Buggy = true
	objs := []Objective{Rosenbrock{}, ridge, buggy}

	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "objective\tvs central(h=1e-5)\tvs fd.Gradient\tverdict\t")
	for _, o := range objs {
		an := make([]float64, len(x0))
		o.Gradient(an, x0)
		cd := centralDiff(o.Value, x0, 1e-5)
		fg := fd.Gradient(nil, o.Value, x0, &fd.Settings{Formula: fd.Central})
		e1, e2 := relErr(an, cd), relErr(an, fg)
		verdict := "PASS"
		if e1 > 1e-6 {
			verdict = "FAIL"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", o.Name(), bucket(e1), bucket(e2), verdict)
	}
	tw.Flush()

	fmt.Println("\nStep size sweep for d/dx0 of Rosenbrock at x0 (exact value from hand gradient):")
	g := make([]float64, 4)
	Rosenbrock{}.Gradient(g, x0)
	fmt.Printf("  exact = %.6f\n", g[0])
	fmt.Printf("  %-8s %-14s %-14s\n", "h", "forward err", "central err")
	f := Rosenbrock{}.Value
	fx := f(x0)
	for _, h := range []float64{1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6} {
		xp := append([]float64(nil), x0...)
		xp[0] += h
		fwd := (f(xp) - fx) / h
		cen := centralDiff(f, x0, h)[0]
		fmt.Printf("  %-8.0e %-14.3e %-14.3e\n", h, math.Abs(fwd-g[0]), math.Abs(cen-g[0]))
	}

	fmt.Println("\nMinimising with BFGS using the hand-written gradient:")
	for _, o := range []Objective{Rosenbrock{}, ridge} {
		start := x0
		if o.Name() == "rosenbrock" {
			start = []float64{-1.2, 1, -1.2, 1}
		}
		p := optimize.Problem{Func: o.Value, Grad: o.Gradient}
		res, err := optimize.Minimize(p, start, nil, &optimize.BFGS{})
		if err != nil {
			fmt.Println("  error:", err)
			continue
		}
		fmt.Printf("  %-12s f*=%.6f x*=%.4f status=%v\n", o.Name(), res.F, res.X, res.Status)
	}
}

// bucket reports the order of magnitude so that tiny round-off does not matter.
func bucket(e float64) string {
	switch {
	case e < 1e-9:
		return "< 1e-9"
	case e < 1e-6:
		return "< 1e-6"
	default:
		return fmt.Sprintf("%.2e", e)
	}
}
