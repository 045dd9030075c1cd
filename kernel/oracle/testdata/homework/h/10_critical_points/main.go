// Homework 10: find critical points with Newton's method on the gradient
// and classify them by the eigenvalues of the Hessian. Derivatives come
// from hyperdual numbers (exact first and second derivatives).
package main

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/num/hyperdual"
)

type HFunc func(x, y hyperdual.Number) hyperdual.Number

type Kind int

const (
	Minimum Kind = iota
	Maximum
	Saddle
	Degenerate
)

func (k Kind) String() string {
	return [...]string{"minimum", "maximum", "saddle", "degenerate"}[k]
}

type Critical struct {
	X, Y float64
	F    float64
	Eigs []float64
	Kind Kind
}

func c(v float64) hyperdual.Number { return hyperdual.Number{Real: v} }

// derivs returns f, gradient and Hessian at (x, y).
func derivs(f HFunc, x, y float64) (float64, [2]float64, *mat.SymDense) {
	var g [2]float64
	H := mat.NewSymDense(2, nil)
	pt := [2]float64{x, y}
	var val float64
	for i := 0; i < 2; i++ {
		for j := i; j < 2; j++ {
			var a [2]hyperdual.Number
			for k := 0; k < 2; k++ {
				a[k] = hyperdual.Number{Real: pt[k]}
			}
			a[i].E1mag = 1
			a[j].E2mag = 1
			r := f(a[0], a[1])
			val = r.Real
			g[i] = r.E1mag
			H.SetSym(i, j, r.E1E2mag)
		}
	}
	return val, g, H
}

func newton(f HFunc, x, y float64) (float64, float64, bool) {
	for it := 0; it < 50; it++ {
		_, g, H := derivs(f, x, y)
		if math.Hypot(g[0], g[1]) < 1e-12 {
			return x, y, true
		}
		var step mat.VecDense
		if err := step.SolveVec(H, mat.NewVecDense(2, g[:])); err != nil {
			return x, y, false
		}
		x -= step.AtVec(0)
		y -= step.AtVec(1)
	}
	_, g, _ := derivs(f, x, y)
	return x, y, math.Hypot(g[0], g[1]) < 1e-9
}

func classify(f HFunc, x, y float64) Critical {
	val, _, H := derivs(f, x, y)
	var es mat.EigenSym
	es.Factorize(H, false)
	e := es.Values(nil)
	k := Degenerate
	switch {
	case e[0] > 1e-9 && e[1] > 1e-9:
		k = Minimum
	case e[0] < -1e-9 && e[1] < -1e-9:
		k = Maximum
	case e[0] < -1e-9 && e[1] > 1e-9:
		k = Saddle
	}
	return Critical{x, y, val, e, k}
}

func findAll(f HFunc) []Critical {
	var found []Critical
	for gx := -4.0; gx <= 4.0; gx += 1.0 {
		for gy := -4.0; gy <= 4.0; gy += 1.0 {
			x, y, ok := newton(f, gx+0.1, gy-0.1)
			if !ok || math.Abs(x) > 10 || math.Abs(y) > 10 {
				continue
			}
			dup := false
			for _, p := range found {
				if math.Hypot(p.X-x, p.Y-y) < 1e-6 {
					dup = true
					break
				}
			}
			if !dup {
				found = append(found, classify(f, x, y))
			}
		}
	}
	sort.Slice(found, func(i, j int) bool {
		if math.Abs(found[i].X-found[j].X) > 1e-9 {
			return found[i].X < found[j].X
		}
		return found[i].Y < found[j].Y
	})
	return found
}

func main() {
	funcs := []struct {
		name string
		f    HFunc
	}{
		{"x^3 - 3x + y^2", func(x, y hyperdual.Number) hyperdual.Number {
			x3 := hyperdual.Mul(x, hyperdual.Mul(x, x))
			return hyperdual.Add(hyperdual.Sub(x3, hyperdual.Scale(3, x)), hyperdual.Mul(y, y))
		}},
		{"x^4 + y^4 - 4xy", func(x, y hyperdual.Number) hyperdual.Number {
			x2, y2 := hyperdual.Mul(x, x), hyperdual.Mul(y, y)
			q := hyperdual.Add(hyperdual.Mul(x2, x2), hyperdual.Mul(y2, y2))
			return hyperdual.Sub(q, hyperdual.Scale(4, hyperdual.Mul(x, y)))
		}},
		{"cos(x) + y^2/2 - x^2/10", func(x, y hyperdual.Number) hyperdual.Number {
			t := hyperdual.Sub(hyperdual.Scale(0.5, hyperdual.Mul(y, y)), hyperdual.Scale(0.1, hyperdual.Mul(x, x)))
			return hyperdual.Add(hyperdual.Cos(x), t)
		}},
		{"Himmelblau", func(x, y hyperdual.Number) hyperdual.Number {
			a := hyperdual.Sub(hyperdual.Add(hyperdual.Mul(x, x), y), c(11))
			b := hyperdual.Sub(hyperdual.Add(x, hyperdual.Mul(y, y)), c(7))
			return hyperdual.Add(hyperdual.Mul(a, a), hyperdual.Mul(b, b))
		}},
	}
	for _, fn := range funcs {
		pts := findAll(fn.f)
		counts := map[Kind]int{}
		fmt.Printf("== %s: %d critical points ==\n", fn.name, len(pts))
		for _, p := range pts {
			counts[p.Kind]++
			fmt.Printf("  (%8.4f, %8.4f)  f=%9.4f  eig=[%8.3f %8.3f]  %v\n",
				clean(p.X), clean(p.Y), clean(p.F), clean(p.Eigs[0]), clean(p.Eigs[1]), p.Kind)
		}
		fmt.Printf("  summary: min=%d max=%d saddle=%d\n", counts[Minimum], counts[Maximum], counts[Saddle])
	}
}

// clean removes tiny round-off so that -0.0000 is not printed.
func clean(v float64) float64 {
	if math.Abs(v) < 5e-9 {
		return 0
	}
	return v
}
