// Homework 15: L-BFGS from scratch (two-loop recursion) on the extended
// Rosenbrock function in 10 dimensions, varying the memory size m.
package main

import (
	"fmt"
	"math"
)

type vec []float64

func (a vec) dot(b vec) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func (a vec) axpy(alpha float64, b vec) { // a += alpha*b
	for i := range a {
		a[i] += alpha * b[i]
	}
}

func (a vec) clone() vec { return append(vec(nil), a...) }

func extRosen(x vec) (float64, vec) {
	f := 0.0
	g := make(vec, len(x))
	for i := 0; i+1 < len(x); i += 2 {
		a, b := 1-x[i], x[i+1]-x[i]*x[i]
		f += a*a + 100*b*b
		g[i] = -2*a - 400*x[i]*b
		g[i+1] = 200 * b
	}
	return f, g
}

type LBFGS struct {
	m      int
	s, y   []vec
	rho    []float64
	skip   int
	fevals int
}

func (l *LBFGS) push(s, y vec) {
	sy := s.dot(y)
	if sy <= 1e-12 {
		l.skip++
		return
	}
	if len(l.s) == l.m {
		l.s, l.y, l.rho = l.s[1:], l.y[1:], l.rho[1:]
	}
	l.s = append(l.s, s)
	l.y = append(l.y, y)
	l.rho = append(l.rho, 1/sy)
}

// direction computes -H_k g via the two-loop recursion.
func (l *LBFGS) direction(g vec) vec {
	q := g.clone()
	k := len(l.s)
	alpha := make([]float64, k)
	for i := k - 1; i >= 0; i-- {
		alpha[i] = l.rho[i] * l.s[i].dot(q)
		q.axpy(-alpha[i], l.y[i])
	}
	gamma := 1.0
	if k > 0 {
		gamma = l.s[k-1].dot(l.y[k-1]) / l.y[k-1].dot(l.y[k-1])
	}
	for i := range q {
		q[i] *= gamma
	}
	for i := 0; i < k; i++ {
		beta := l.rho[i] * l.y[i].dot(q)
		q.axpy(alpha[i]-beta, l.s[i])
	}
	for i := range q {
		q[i] = -q[i]
	}
	return q
}

func (l *LBFGS) minimize(x vec, maxIter int, trace bool) (vec, int) {
	f, g := extRosen(x)
	l.fevals = 1
	for k := 0; k < maxIter; k++ {
		if trace && k%5 == 0 {
			fmt.Printf("   k=%3d f=%14.6e |g|=%10.3e\n", k, f, math.Sqrt(g.dot(g)))
		}
		if math.Sqrt(g.dot(g)) < 1e-8 {
			return x, k
		}
		d := l.direction(g)
		slope := g.dot(d)
		if slope >= 0 {
			d = g.clone()
			for i := range d {
				d[i] = -d[i]
			}
			slope = g.dot(d)
			l.s, l.y, l.rho = nil, nil, nil
		}
		a := 1.0
		if len(l.s) == 0 {
			a = math.Min(1, 1/math.Sqrt(g.dot(g)))
		}
		var xn vec
		var fn float64
		var gn vec
		for {
			xn = x.clone()
			xn.axpy(a, d)
			fn, gn = extRosen(xn)
			l.fevals++
			if fn <= f+1e-4*a*slope || a < 1e-14 {
				break
			}
			a *= 0.5
		}
		s := xn.clone()
		s.axpy(-1, x)
		y := gn.clone()
		y.axpy(-1, g)
		l.push(s, y)
		x, f, g = xn, fn, gn
	}
	return x, maxIter
}

func main() {
	n := 10
	x0 := make(vec, n)
	for i := 0; i < n; i += 2 {
		x0[i], x0[i+1] = -1.2, 1
	}
	fmt.Println("trace for m=5:")
	opt := &LBFGS{m: 5}
	opt.minimize(x0.clone(), 500, true)

	fmt.Printf("\n%4s %7s %8s %7s %14s %12s\n", "m", "iters", "f-evals", "skips", "final f", "|x-1|max")
	for _, m := range []int{1, 2, 3, 5, 10, 20} {
		opt := &LBFGS{m: m}
		x, it := opt.minimize(x0.clone(), 2000, false)
		f, _ := extRosen(x)
		errMax := 0.0
		for _, v := range x {
			errMax = math.Max(errMax, math.Abs(v-1))
		}
		fmt.Printf("%4d %7d %8d %7d %14.6e %12.3e\n", m, it, opt.fevals, opt.skip, f, errMax)
	}
}
