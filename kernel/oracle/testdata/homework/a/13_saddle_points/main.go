package main

import (
	"fmt"
	"math"
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

// f(x,y) = x^3 - 3x + y^3 - 3y  has four critical points (+-1, +-1)
func f(x, y float64) float64 { return x*x*x - 3*x + y*y*y - 3*y }

func gradF(x, y float64) (float64, float64) { return 3*x*x - 3, 3*y*y - 3 }

// eig2 returns eigenvalues of the symmetric matrix [[a b][b c]], smallest first
func eig2(a, b, c float64) (float64, float64) {
	tr := a + c
	disc := math.Sqrt((a-c)*(a-c)/4 + b*b)
	return tr/2 - disc, tr/2 + disc
}

func hessian(x, y float64) (a, b, c float64) {
	const h = 1e-4
	a = (f(x+h, y) - 2*f(x, y) + f(x-h, y)) / (h * h)
	c = (f(x, y+h) - 2*f(x, y) + f(x, y-h)) / (h * h)
	b = (f(x+h, y+h) - f(x+h, y-h) - f(x-h, y+h) + f(x-h, y-h)) / (4 * h * h)
	return
}

func classify(x, y float64) (Kind, float64, float64) {
	l1, l2 := eig2(hessian(x, y))
	const tol = 1e-5
	switch {
	case math.Abs(l1) < tol || math.Abs(l2) < tol:
		return Degenerate, l1, l2
	case l1 > 0:
		return Minimum, l1, l2
	case l2 < 0:
		return Maximum, l1, l2
	default:
		return Saddle, l1, l2
	}
}

func main() {
	fmt.Println("f(x,y) = x^3 - 3x + y^3 - 3y")
	count := map[Kind]int{}
	for _, x := range []float64{-1, 1} {
		for _, y := range []float64{-1, 1} {
			gx, gy := gradF(x, y)
			k, l1, l2 := classify(x, y)
			count[k]++
			fmt.Printf("(%+.0f,%+.0f) grad=(%g,%g) f=%+5.1f  eig=[%7.3f %7.3f] -> %v\n",
				x, y, gx, gy, f(x, y), l1, l2, k)
		}
	}
	for k := Minimum; k <= Degenerate; k++ {
		fmt.Printf("%-10s %d\n", k.String()+":", count[k])
	}
	// the monkey saddle x^3 - 3xy^2 is degenerate at the origin
	g := func(x, y float64) float64 { return x*x*x - 3*x*y*y }
	const h = 1e-3
	hxx := (g(h, 0) - 2*g(0, 0) + g(-h, 0)) / (h * h)
	hyy := (g(0, h) - 2*g(0, 0) + g(0, -h)) / (h * h)
	fmt.Printf("monkey saddle at 0: hxx=%.2g hyy=%.2g -> second-order test inconclusive\n", hxx, hyy)
}
