package main

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
)

type Kind int

const (
	Minimum Kind = iota
	Maximum
	Saddle
	Degenerate
)

func (k Kind) String() string {
	switch k {
	case Minimum:
		return "minimum"
	case Maximum:
		return "maximum"
	case Saddle:
		return "saddle"
	}
	return "degenerate"
}

type Surface struct {
	Name string
	F    func(x, y float64) float64
	Grad func(x, y float64) [2]float64
	Hess func(x, y float64) *mat.SymDense
}

func classify(H *mat.SymDense) (Kind, []float64) {
	var eig mat.EigenSym
	if !eig.Factorize(H, false) {
		return Degenerate, nil
	}
	v := eig.Values(nil)
	const tol = 1e-9
	switch {
	case math.Abs(v[0]) < tol || math.Abs(v[1]) < tol:
		return Degenerate, v
	case v[0] > 0 && v[1] > 0:
		return Minimum, v
	case v[0] < 0 && v[1] < 0:
		return Maximum, v
	}
	return Saddle, v
}

// findCritical uses Newton's method on grad f = 0.
func findCritical(s Surface, x, y float64) (float64, float64, bool) {
	for k := 0; k < 100; k++ {
		g := s.Grad(x, y)
		if math.Hypot(g[0], g[1]) < 1e-12 {
			return x, y, true
		}
		var d mat.VecDense
		if err := d.SolveVec(s.Hess(x, y), mat.NewVecDense(2, []float64{-g[0], -g[1]})); err != nil {
			return x, y, false
		}
		x += d.AtVec(0)
		y += d.AtVec(1)
	}
	return x, y, false
}

var himmelblau = Surface{
	Name: "Himmelblau",
	F: func(x, y float64) float64 {
		return math.Pow(x*x+y-11, 2) + math.Pow(x+y*y-7, 2)
	},
	Grad: func(x, y float64) [2]float64 {
		a, b := x*x+y-11, x+y*y-7
		return [2]float64{4*x*a + 2*b, 2*a + 4*y*b}
	},
	Hess: func(x, y float64) *mat.SymDense {
		a, b := x*x+y-11, x+y*y-7
		return mat.NewSymDense(2, []float64{8*x*x + 4*a + 2, 4*x + 4*y, 4*x + 4*y, 8*y*y + 4*b + 2})
	},
}

func main() {
	type point struct{ x, y float64 }
	var found []point
	for sx := -4.5; sx <= 4.5; sx += 1.5 {
		for sy := -4.5; sy <= 4.5; sy += 1.5 {
			x, y, ok := findCritical(himmelblau, sx, sy)
			if !ok {
				continue
			}
			dup := false
			for _, p := range found {
				if math.Hypot(p.x-x, p.y-y) < 1e-6 {
					dup = true
					break
				}
			}
			if !dup {
				found = append(found, point{x, y})
			}
		}
	}
	sort.Slice(found, func(i, j int) bool {
		if found[i].x != found[j].x {
			return found[i].x < found[j].x
		}
		return found[i].y < found[j].y
	})
	fmt.Printf("Himmelblau: %d critical points\n", len(found))
	counts := map[Kind]int{}
	for _, p := range found {
		kind, ev := classify(himmelblau.Hess(p.x, p.y))
		counts[kind]++
		fmt.Printf("  (%9.6f, %9.6f) f=%10.6f eig=(%10.4f, %10.4f) %v\n", p.x, p.y, himmelblau.F(p.x, p.y), ev[0], ev[1], kind)
	}
	for _, k := range []Kind{Minimum, Maximum, Saddle, Degenerate} {
		fmt.Printf("  %-10s %d\n", k.String()+":", counts[k])
	}

	fmt.Println("\nHessians at the origin:")
	others := []struct {
		name string
		H    *mat.SymDense
	}{
		{"x^2 + y^2", mat.NewSymDense(2, []float64{2, 0, 0, 2})},
		{"-x^2 - 3y^2", mat.NewSymDense(2, []float64{-2, 0, 0, -6})},
		{"x^2 - y^2", mat.NewSymDense(2, []float64{2, 0, 0, -2})},
		{"x*y", mat.NewSymDense(2, []float64{0, 1, 1, 0})},
		{"x^3 - 3xy^2", mat.NewSymDense(2, []float64{0, 0, 0, 0})},
	}
	for _, o := range others {
		kind, ev := classify(o.H)
		fmt.Printf("  %-12s eig=(%6.2f, %6.2f) -> %v\n", o.name, ev[0], ev[1], kind)
	}

	// Gradient descent near saddles: x^2 - y^2 escapes exponentially,
	// the monkey saddle x^3 - 3xy^2 creeps towards the origin from x > 0.
	x, y := 1.0, 1e-6
	k := 0
	for ; k < 1000 && math.Abs(y) < 1; k++ {
		x, y = x-0.1*2*x, y+0.1*2*y
	}
	fmt.Printf("\nGD on x^2-y^2 from (1, 1e-6): |y| > 1 after %d steps, x=%.3e\n", k, x)
	for _, x0 := range []float64{0.1, -0.1} {
		x, y = x0, 0
		for k = 0; k < 1000 && math.Abs(x) < 10; k++ {
			x, y = x-0.1*(3*x*x-3*y*y), y-0.1*(-6*x*y)
		}
		fmt.Printf("GD on monkey saddle from (%.1f, 0): %4d steps, x=%.6f\n", x0, k, x)
	}
}
