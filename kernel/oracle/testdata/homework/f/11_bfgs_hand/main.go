package main

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

type objective interface {
	Value(x *mat.VecDense) float64
	Grad(x *mat.VecDense) *mat.VecDense
}

type rosen struct{}

func (rosen) Value(x *mat.VecDense) float64 {
	a, b := x.AtVec(0), x.AtVec(1)
	return (1-a)*(1-a) + 100*(b-a*a)*(b-a*a)
}

func (rosen) Grad(x *mat.VecDense) *mat.VecDense {
	a, b := x.AtVec(0), x.AtVec(1)
	return mat.NewVecDense(2, []float64{-2*(1-a) - 400*a*(b-a*a), 200 * (b - a*a)})
}

type bfgs struct {
	H     *mat.Dense // inverse Hessian approximation
	skips int
}

func newBFGS(n int) *bfgs {
	H := mat.NewDense(n, n, nil)
	for i := 0; i < n; i++ {
		H.Set(i, i, 1)
	}
	return &bfgs{H: H}
}

// update applies H+ = (I - rho s y') H (I - rho y s') + rho s s'.
func (b *bfgs) update(s, y *mat.VecDense) {
	sy := mat.Dot(s, y)
	if sy <= 1e-12 {
		b.skips++
		return
	}
	n := s.Len()
	rho := 1 / sy
	I := mat.NewDense(n, n, nil)
	for i := 0; i < n; i++ {
		I.Set(i, i, 1)
	}
	var syT, ysT, left, right, ssT mat.Dense
	syT.Outer(rho, s, y)
	ysT.Outer(rho, y, s)
	left.Sub(I, &syT)
	right.Sub(I, &ysT)
	var tmp, out mat.Dense
	tmp.Mul(&left, b.H)
	out.Mul(&tmp, &right)
	ssT.Outer(rho, s, s)
	out.Add(&out, &ssT)
	b.H = &out
}

func minimize(obj objective, x0 []float64, tol float64) (*mat.VecDense, int, *bfgs) {
	x := mat.NewVecDense(len(x0), append([]float64(nil), x0...))
	opt := newBFGS(len(x0))
	g := obj.Grad(x)
	k := 0
	for ; k < 200 && mat.Norm(g, 2) > tol; k++ {
		var d mat.VecDense
		d.MulVec(opt.H, g)
		d.ScaleVec(-1, &d)
		f0, slope := obj.Value(x), mat.Dot(g, &d)
		t := 1.0
		var xNew mat.VecDense
		for {
			xNew.AddScaledVec(x, t, &d)
			if obj.Value(&xNew) <= f0+1e-4*t*slope || t < 1e-12 {
				break
			}
			t *= 0.5
		}
		gNew := obj.Grad(&xNew)
		var s, y mat.VecDense
		s.SubVec(&xNew, x)
		y.SubVec(gNew, g)
		opt.update(&s, &y)
		x.CopyVec(&xNew)
		g = gNew
		if k%5 == 0 {
			fmt.Printf("  k=%3d t=%.4f f=%.6e |g|=%.3e\n", k, t, obj.Value(x), mat.Norm(g, 2))
		}
	}
	return x, k, opt
}

func main() {
	for _, x0 := range [][]float64{{-1.2, 1}, {2.5, -1}} {
		fmt.Printf("BFGS from (%.1f, %.1f)\n", x0[0], x0[1])
		x, iters, opt := minimize(rosen{}, x0, 1e-9)
		fmt.Printf("  converged in %d iterations, x=(%.8f, %.8f), skipped updates=%d\n", iters, x.AtVec(0), x.AtVec(1), opt.skips)
		fmt.Printf("  inverse Hessian approx:\n  %.4f\n", mat.Formatted(opt.H, mat.Prefix("  ")))
		fmt.Println("  true inverse Hessian at (1,1):")
		H := mat.NewDense(2, 2, []float64{802, -400, -400, 200})
		var Hinv mat.Dense
		if err := Hinv.Inverse(H); err == nil {
			fmt.Printf("  %.4f\n", mat.Formatted(&Hinv, mat.Prefix("  ")))
		}
	}
}
