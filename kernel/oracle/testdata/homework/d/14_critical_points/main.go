package main

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
)

// f(x, y) = x^3 - 3x + y^3 - 3y + x*y/2
func f(x, y float64) float64 { return x*x*x - 3*x + y*y*y - 3*y + 0.5*x*y }

func grad(x, y float64) (float64, float64) {
	return 3*x*x - 3 + 0.5*y, 3*y*y - 3 + 0.5*x
}

func hessian(x, y float64) *mat.SymDense {
	return mat.NewSymDense(2, []float64{6 * x, 0.5, 0.5, 6 * y})
}

type critical struct {
	X, Y   float64
	Eig    [2]float64
	Kind   string
	Fvalue float64
}

// newton solves grad = 0 starting from (x, y).
func newton(x, y float64) (float64, float64, bool) {
	for it := 0; it < 50; it++ {
		gx, gy := grad(x, y)
		if math.Hypot(gx, gy) < 1e-12 {
			return x, y, true
		}
		var step mat.VecDense
		err := step.SolveVec(hessian(x, y), mat.NewVecDense(2, []float64{gx, gy}))
		if err != nil {
			return x, y, false
		}
		x -= step.AtVec(0)
		y -= step.AtVec(1)
	}
	return x, y, false
}

func classify(ev []float64) string {
	const tol = 1e-9
	switch {
	case ev[0] > tol && ev[1] > tol:
		return "local minimum"
	case ev[0] < -tol && ev[1] < -tol:
		return "local maximum"
	case ev[0]*ev[1] < 0:
		return "saddle point"
	}
	return "degenerate"
}

func main() {
	var found []critical
	starts := []float64{-2, -0.5, 0.5, 2}
	for _, sx := range starts {
		for _, sy := range starts {
			x, y, ok := newton(sx, sy)
			if !ok {
				continue
			}
			dup := false
			for _, c := range found {
				if math.Hypot(c.X-x, c.Y-y) < 1e-6 {
					dup = true
				}
			}
			if dup {
				continue
			}
			var es mat.EigenSym
			if !es.Factorize(hessian(x, y), false) {
				fmt.Println("eigen decomposition failed")
				continue
			}
			ev := es.Values(nil)
			found = append(found, critical{x, y, [2]float64{ev[0], ev[1]}, classify(ev), f(x, y)})
		}
	}
	sort.Slice(found, func(i, j int) bool {
		if found[i].X != found[j].X {
			return found[i].X < found[j].X
		}
		return found[i].Y < found[j].Y
	})

	fmt.Printf("found %d critical points\n", len(found))
	for _, c := range found {
		fmt.Printf("(% .6f, % .6f) f=% .6f eig=[% .4f % .4f] %s\n", c.X, c.Y, c.Fvalue, c.Eig[0], c.Eig[1], c.Kind)
	}

	// escape directions at the saddle: eigenvector with the negative eigenvalue
	for _, c := range found {
		if c.Kind != "saddle point" {
			continue
		}
		var es mat.EigenSym
		es.Factorize(hessian(c.X, c.Y), true)
		var vecs mat.Dense
		es.VectorsTo(&vecs)
		v := mat.Col(nil, 0, &vecs)
		if v[0] < 0 {
			v[0], v[1] = -v[0], -v[1]
		}
		t := 0.1
		fmt.Printf("saddle (%.3f,%.3f): escape dir %.4f, f drops %.6f -> %.6f\n",
			c.X, c.Y, v, c.Fvalue, f(c.X+t*v[0], c.Y+t*v[1]))
	}
	fmt.Printf("%+v\n", found[0])
}
