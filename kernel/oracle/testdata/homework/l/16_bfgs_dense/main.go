// Homework 16: dense BFGS with an explicit inverse-Hessian approximation
// stored in a mat.SymDense, compared with gradient descent and Newton.
// We also check how close the BFGS matrix gets to the true inverse Hessian.
package main

import (
	"fmt"
	"math"
	"os"
	"text/tabwriter"

	"gonum.org/v1/gonum/mat"
)

type Problem struct {
	Name string
	N    int
	F    func(x []float64) float64
	Grad func(g, x []float64)
	Hess func(h *mat.SymDense, x []float64)
}

func extRosenbrock(n int) Problem {
	return Problem{
		Name: fmt.Sprintf("Rosenbrock-%d", n),
		N:    n,
		F: func(x []float64) float64 {
			s := 0.0
			for i := 0; i < n-1; i++ {
				a, b := 1-x[i], x[i+1]-x[i]*x[i]
				s += a*a + 100*b*b
			}
			return s
		},
		Grad: func(g, x []float64) {
			for i := range g {
				g[i] = 0
			}
			for i := 0; i < n-1; i++ {
				a, b := 1-x[i], x[i+1]-x[i]*x[i]
				g[i] += -2*a - 400*x[i]*b
				g[i+1] += 200 * b
			}
		},
		Hess: func(h *mat.SymDense, x []float64) {
			h.Zero()
			for i := 0; i < n-1; i++ {
				h.SetSym(i, i, h.At(i, i)+2+1200*x[i]*x[i]-400*x[i+1])
				h.SetSym(i, i+1, -400*x[i])
				h.SetSym(i+1, i+1, h.At(i+1, i+1)+200)
			}
		},
	}
}

type Result struct {
	Iters, FEvals int
	F             float64
	X             []float64
	Hinv          *mat.SymDense
}

func lineSearch(p Problem, x []float64, d *mat.VecDense, f0, slope float64, fe *int) float64 {
	a := 1.0
	xt := make([]float64, len(x))
	for a > 1e-14 {
		for i := range x {
			xt[i] = x[i] + a*d.AtVec(i)
		}
		*fe++
		if p.F(xt) <= f0+1e-4*a*slope {
			break
		}
		a *= 0.5
	}
	return a
}

// method computes a search direction given x and gradient g.
type method interface {
	Direction(x []float64, g *mat.VecDense) *mat.VecDense
	Update(s, y *mat.VecDense)
}

type gd struct{ scale float64 }

func (m gd) Direction(_ []float64, g *mat.VecDense) *mat.VecDense {
	var d mat.VecDense
	d.ScaleVec(-m.scale, g)
	return &d
}
func (gd) Update(_, _ *mat.VecDense) {}

type newton struct{ p Problem }

func (m newton) Direction(x []float64, g *mat.VecDense) *mat.VecDense {
	H := mat.NewSymDense(m.p.N, nil)
	m.p.Hess(H, x)
	var d mat.VecDense
	var chol mat.Cholesky
	if ok := chol.Factorize(H); !ok { // not PD: fall back to steepest descent
		d.ScaleVec(-1, g)
		return &d
	}
	if err := chol.SolveVecTo(&d, g); err != nil {
		d.ScaleVec(-1, g)
		return &d
	}
	d.ScaleVec(-1, &d)
	return &d
}
func (newton) Update(_, _ *mat.VecDense) {}

type bfgs struct {
	H     *mat.SymDense // inverse Hessian approximation
	first bool
}

func newBFGS(n int) *bfgs {
	H := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		H.SetSym(i, i, 1)
	}
	return &bfgs{H: H, first: true}
}

func (b *bfgs) Direction(_ []float64, g *mat.VecDense) *mat.VecDense {
	var d mat.VecDense
	d.MulVec(b.H, g)
	d.ScaleVec(-1, &d)
	return &d
}

// Update applies H+ = (I - rho s y^T) H (I - rho y s^T) + rho s s^T.
func (b *bfgs) Update(s, y *mat.VecDense) {
	sy := mat.Dot(s, y)
	if sy <= 1e-12 {
		return
	}
	n := s.Len()
	if b.first { // Nocedal-Wright scaling of the initial matrix
		gamma := sy / mat.Dot(y, y)
		b.H.ScaleSym(gamma, b.H)
		b.first = false
	}
	rho := 1 / sy
	var Hy mat.VecDense
	Hy.MulVec(b.H, y)
	yHy := mat.Dot(y, &Hy)
	// H+ = H - rho (Hy s^T + s (Hy)^T) + (rho^2 yHy + rho) s s^T
	next := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			v := b.H.At(i, j) - rho*(Hy.AtVec(i)*s.AtVec(j)+s.AtVec(i)*Hy.AtVec(j)) +
				(rho*rho*yHy+rho)*s.AtVec(i)*s.AtVec(j)
			next.SetSym(i, j, v)
		}
	}
	b.H = next
}

func minimize(p Problem, m method, x0 []float64, maxIter int) Result {
	n := p.N
	x := append([]float64(nil), x0...)
	graw := make([]float64, n)
	p.Grad(graw, x)
	g := mat.NewVecDense(n, append([]float64(nil), graw...))
	f := p.F(x)
	fe := 1
	k := 0
	for ; k < maxIter && mat.Norm(g, 2) > 1e-8; k++ {
		d := m.Direction(x, g)
		slope := mat.Dot(g, d)
		if slope >= 0 {
			d.ScaleVec(-1, g)
			slope = -mat.Dot(g, g)
		}
		a := lineSearch(p, x, d, f, slope, &fe)
		s := mat.NewVecDense(n, nil)
		s.ScaleVec(a, d)
		for i := range x {
			x[i] += s.AtVec(i)
		}
		p.Grad(graw, x)
		gNew := mat.NewVecDense(n, append([]float64(nil), graw...))
		y := mat.NewVecDense(n, nil)
		y.SubVec(gNew, g)
		m.Update(s, y)
		g = gNew
		f = p.F(x)
		fe++
	}
	r := Result{Iters: k, FEvals: fe, F: f, X: x}
	if b, ok := m.(*bfgs); ok {
		r.Hinv = b.H
	}
	return r
}

func main() {
	for _, n := range []int{2, 6} {
		p := extRosenbrock(n)
		x0 := make([]float64, n)
		for i := range x0 {
			x0[i] = 1
			if i%2 == 0 {
				x0[i] = -1.2
			}
		}
		fmt.Printf("%s from (-1.2, 1, ...)\n", p.Name)
		w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(w, "method\titers\tf-evals\tfinal f\tmax|x-1|\t")
		var bfgsRes Result
		for _, e := range []struct {
			name string
			m    method
		}{
			{"GD(armijo)", gd{1}},
			{"Newton(damped)", newton{p}},
			{"BFGS", newBFGS(n)},
		} {
			r := minimize(p, e.m, x0, 30000)
			errMax := 0.0
			for _, v := range r.X {
				errMax = math.Max(errMax, math.Abs(v-1))
			}
			fmt.Fprintf(w, "%s\t%d\t%d\t%.3e\t%.3e\t\n", e.name, r.Iters, r.FEvals, r.F, errMax)
			if r.Hinv != nil {
				bfgsRes = r
			}
		}
		w.Flush()
		if n >= 4 {
			fmt.Println("note: for 4 <= n <= 7 the chained Rosenbrock also has a local minimum near x1 = -1 (f ~ 3.97)")
		}

		// Compare the BFGS inverse-Hessian with the true inverse at x*.
		H := mat.NewSymDense(n, nil)
		p.Hess(H, bfgsRes.X)
		var Hinv mat.Dense
		if err := Hinv.Inverse(H); err != nil {
			panic(err)
		}
		var diff mat.Dense
		diff.Sub(&Hinv, bfgsRes.Hinv)
		fmt.Printf("relative error of BFGS H^-1 vs true inverse at solution: %.3e\n\n",
			mat.Norm(&diff, 2)/mat.Norm(&Hinv, 2))
	}
}
