package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/num/dual"
	"gonum.org/v1/gonum/num/hyperdual"
)

// sigmoid written with dual numbers
func sigmoidD(x dual.Number) dual.Number {
	one := dual.Number{Real: 1}
	return dual.Inv(dual.Add(one, dual.Exp(dual.Scale(-1, x))))
}

// softplus(x) = log(1 + e^x)
func softplusD(x dual.Number) dual.Number {
	return dual.Log(dual.Add(dual.Number{Real: 1}, dual.Exp(x)))
}

// g(x) = x^3 - 2 x + exp(-x^2), a 1-D loss with several stationary points
func gH(x hyperdual.Number) hyperdual.Number {
	x3 := hyperdual.PowReal(x, 3)
	lin := hyperdual.Scale(-2, x)
	gauss := hyperdual.Exp(hyperdual.Scale(-1, hyperdual.Mul(x, x)))
	return hyperdual.Add(hyperdual.Add(x3, lin), gauss)
}

// h(x, y) = x^2 y + sin(x y), for mixed partials
func hH(x, y hyperdual.Number) hyperdual.Number {
	return hyperdual.Add(hyperdual.Mul(hyperdual.Mul(x, x), y), hyperdual.Sin(hyperdual.Mul(x, y)))
}

func main() {
	fmt.Println("   x     sigmoid'(dual)  sigmoid'(exact)  softplus'(dual)")
	for _, x := range []float64{-3, -1, 0, 0.5, 2} {
		s := sigmoidD(dual.Number{Real: x, Emag: 1})
		sp := softplusD(dual.Number{Real: x, Emag: 1})
		sig := 1 / (1 + math.Exp(-x))
		fmt.Printf("%5.1f  %14.10f  %15.10f  %15.10f\n", x, s.Emag, sig*(1-sig), sp.Emag)
	}

	// print a dual number directly
	d := dual.Mul(dual.Number{Real: 2, Emag: 1}, dual.Sin(dual.Number{Real: 2, Emag: 1}))
	fmt.Printf("x sin x at 2: %v\n", d)
	fmt.Printf("struct form: %+v\n", struct{ Re, Du float64 }{d.Real, d.Emag})

	// Newton's method for a stationary point of g using hyperdual numbers
	x := 1.5
	fmt.Println("\nNewton on g'(x)=0:")
	for k := 0; k < 8; k++ {
		r := gH(hyperdual.Number{Real: x, E1mag: 1, E2mag: 1})
		g1, g2 := r.E1mag, r.E1E2mag
		fmt.Printf("k=%d x=%.12f g=%.10f g'=%.3e g''=%.6f\n", k, x, r.Real, g1, g2)
		if math.Abs(g1) < 1e-13 {
			break
		}
		x -= g1 / g2
	}
	kind := "minimum"
	if gH(hyperdual.Number{Real: x, E1mag: 1, E2mag: 1}).E1E2mag < 0 {
		kind = "maximum"
	}
	fmt.Printf("stationary point at x=%.10f is a local %s\n", x, kind)

	// Hessian of h(x,y) at (1, 2) built entry by entry
	px, py := 1.0, 2.0
	hxx := hH(hyperdual.Number{Real: px, E1mag: 1, E2mag: 1}, hyperdual.Number{Real: py}).E1E2mag
	hyy := hH(hyperdual.Number{Real: px}, hyperdual.Number{Real: py, E1mag: 1, E2mag: 1}).E1E2mag
	hxy := hH(hyperdual.Number{Real: px, E1mag: 1}, hyperdual.Number{Real: py, E2mag: 1}).E1E2mag
	c, s := math.Cos(px*py), math.Sin(px*py)
	fmt.Printf("\nHessian of h at (1,2): [[%.8f %.8f] [%.8f %.8f]]\n", hxx, hxy, hxy, hyy)
	fmt.Printf("exact:                 [[%.8f %.8f] [%.8f %.8f]]\n",
		2*py-py*py*s, 2*px+c-px*py*s, 2*px+c-px*py*s, -px*px*s)
}
