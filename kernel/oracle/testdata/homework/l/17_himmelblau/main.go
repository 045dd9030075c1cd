// Homework 17: the Himmelblau function. Find all nine critical points
// (4 minima, 4 saddles, 1 maximum) and see which minimum gradient descent
// reaches from different starting points.
package main

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"gonum.org/v1/gonum/mat"
)

type P struct{ X, Y float64 }

func f(p P) float64 {
	a := p.X*p.X + p.Y - 11
	b := p.X + p.Y*p.Y - 7
	return a*a + b*b
}

func grad(p P) P {
	a := p.X*p.X + p.Y - 11
	b := p.X + p.Y*p.Y - 7
	return P{4*p.X*a + 2*b, 2*a + 4*p.Y*b}
}

func hess(p P) *mat.SymDense {
	hxx := 12*p.X*p.X + 4*p.Y - 42
	hyy := 4*p.X + 12*p.Y*p.Y - 26
	hxy := 4 * (p.X + p.Y)
	return mat.NewSymDense(2, []float64{hxx, hxy, hxy, hyy})
}

func newtonCritical(p P) (P, bool) {
	for i := 0; i < 100; i++ {
		g := grad(p)
		if math.Hypot(g.X, g.Y) < 1e-12 {
			return p, true
		}
		var d mat.VecDense
		if err := d.SolveVec(hess(p), mat.NewVecDense(2, []float64{g.X, g.Y})); err != nil {
			return p, false
		}
		p.X -= d.AtVec(0)
		p.Y -= d.AtVec(1)
		if math.Abs(p.X) > 20 || math.Abs(p.Y) > 20 {
			return p, false
		}
	}
	g := grad(p)
	return p, math.Hypot(g.X, g.Y) < 1e-9
}

func kind(p P) (string, [2]float64) {
	var es mat.EigenSym
	es.Factorize(hess(p), false)
	v := es.Values(nil)
	ev := [2]float64{v[0], v[1]}
	switch {
	case v[0] > 0:
		return "min", ev
	case v[1] < 0:
		return "max", ev
	default:
		return "saddle", ev
	}
}

func main() {
	var crit []P
	for i := -5; i <= 5; i++ {
		for j := -5; j <= 5; j++ {
			p, ok := newtonCritical(P{float64(i) + 0.1, float64(j) + 0.2})
			if !ok {
				continue
			}
			dup := false
			for _, q := range crit {
				if math.Hypot(q.X-p.X, q.Y-p.Y) < 1e-6 {
					dup = true
				}
			}
			if !dup {
				crit = append(crit, p)
			}
		}
	}
	sort.Slice(crit, func(a, b int) bool {
		return f(crit[a]) < f(crit[b]) || (f(crit[a]) == f(crit[b]) && crit[a].X < crit[b].X)
	})
	fmt.Printf("found %d critical points\n", len(crit))
	fmt.Printf("%10s %10s %12s %10s %10s  %s\n", "x", "y", "f", "l1", "l2", "type")
	var minima []P
	for _, p := range crit {
		k, ev := kind(p)
		fv := f(p)
		if math.Abs(fv) < 1e-12 {
			fv = 0
		}
		fmt.Printf("%10.6f %10.6f %12.6f %10.4f %10.4f  %s\n", p.X, p.Y, fv, ev[0], ev[1], k)
		if k == "min" {
			minima = append(minima, p)
		}
	}
	sort.Slice(minima, func(a, b int) bool {
		return math.Atan2(minima[a].Y, minima[a].X) > math.Atan2(minima[b].Y, minima[b].X)
	})

	// Basins of attraction of gradient descent (lr=0.01) on a coarse grid.
	fmt.Println("\nbasins of GD (lr=0.01, 2000 steps); letters = minimum index:")
	for i, m := range minima {
		fmt.Printf("  %c = (%.4f, %.4f)\n", 'A'+i, m.X, m.Y)
	}
	for yi := 6; yi >= -6; yi-- {
		var sb strings.Builder
		sb.WriteString("  ")
		for xi := -6; xi <= 6; xi++ {
			p := P{float64(xi) * 0.9, float64(yi) * 0.9}
			for t := 0; t < 2000; t++ {
				g := grad(p)
				p.X -= 0.01 * g.X
				p.Y -= 0.01 * g.Y
				if math.Abs(p.X) > 1e3 {
					break
				}
			}
			c := byte('?')
			for i, m := range minima {
				if math.Hypot(p.X-m.X, p.Y-m.Y) < 1e-3 {
					c = byte('A' + i)
				}
			}
			sb.WriteByte(c)
			sb.WriteByte(' ')
		}
		fmt.Println(sb.String())
	}
}
