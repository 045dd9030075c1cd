package main

import (
	"fmt"
	"math"
)

// f(x, y) = exp(x + 3y - 0.1) + exp(x - 3y - 0.1) + exp(-x - 0.1)
// (Boyd & Vandenberghe example 9.x) -- smooth and strictly convex.
type problem struct{}

func (problem) F(x, y float64) float64 {
	return math.Exp(x+3*y-0.1) + math.Exp(x-3*y-0.1) + math.Exp(-x-0.1)
}

func (problem) Grad(x, y float64) (gx, gy float64) {
	a, b, c := math.Exp(x+3*y-0.1), math.Exp(x-3*y-0.1), math.Exp(-x-0.1)
	return a + b - c, 3*a - 3*b
}

func (problem) Hess(x, y float64) (hxx, hxy, hyy float64) {
	a, b, c := math.Exp(x+3*y-0.1), math.Exp(x-3*y-0.1), math.Exp(-x-0.1)
	return a + b + c, 3*a - 3*b, 9*a + 9*b
}

type optimizer interface {
	direction(p problem, x, y float64) (dx, dy float64)
	label() string
}

type gradientDir struct{}
type newtonDir struct{}

func (gradientDir) label() string { return "gradient descent" }
func (newtonDir) label() string   { return "Newton" }

func (gradientDir) direction(p problem, x, y float64) (float64, float64) {
	gx, gy := p.Grad(x, y)
	return -gx, -gy
}

func (newtonDir) direction(p problem, x, y float64) (float64, float64) {
	gx, gy := p.Grad(x, y)
	a, b, c := p.Hess(x, y)
	det := a*c - b*b
	// inverse of [[a b][b c]] is 1/det [[c -b][-b a]]
	return -(c*gx - b*gy) / det, -(-b*gx + a*gy) / det
}

func minimise(o optimizer, p problem, x, y float64, fstar float64) []float64 {
	var gaps []float64
	for k := 0; k < 200; k++ {
		gap := p.F(x, y) - fstar
		gaps = append(gaps, gap)
		if gap < 1e-14 {
			break
		}
		dx, dy := o.direction(p, x, y)
		gx, gy := p.Grad(x, y)
		t := 1.0
		for p.F(x+t*dx, y+t*dy) > p.F(x, y)+0.25*t*(gx*dx+gy*dy) {
			t *= 0.5
		}
		x, y = x+t*dx, y+t*dy
	}
	return gaps
}

func main() {
	var p problem
	// the minimiser is at y = 0, x = -ln(2)/2
	xs, ys := -math.Log(2)/2, 0.0
	fstar := p.F(xs, ys)
	fmt.Printf("x* = (%.6f, %.1f)  f* = %.12f\n", xs, ys, fstar)
	gx, gy := p.Grad(xs, ys)
	fmt.Printf("grad at x* = (%.1e, %.1e)\n\n", gx, gy)

	for _, o := range []optimizer{gradientDir{}, newtonDir{}} {
		gaps := minimise(o, p, -1, 1, fstar)
		fmt.Printf("%s: %d iterations\n", o.label(), len(gaps)-1)
		for k, g := range gaps {
			if k < 8 || k == len(gaps)-1 {
				fmt.Printf("  k=%3d  f-f* = %.3e\n", k, g)
			} else if k == 8 {
				fmt.Println("  ...")
			}
		}
	}
}
