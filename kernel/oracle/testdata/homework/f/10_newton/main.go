package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

type Func2 struct {
	Name string
	F    func(x, y float64) float64
	G    func(x, y float64) (float64, float64)
	H    func(x, y float64) *mat.SymDense
}

var rosenbrock = Func2{
	Name: "rosenbrock",
	F: func(x, y float64) float64 {
		return (1-x)*(1-x) + 100*(y-x*x)*(y-x*x)
	},
	G: func(x, y float64) (float64, float64) {
		return -2*(1-x) - 400*x*(y-x*x), 200 * (y - x*x)
	},
	H: func(x, y float64) *mat.SymDense {
		return mat.NewSymDense(2, []float64{
			2 - 400*(y-3*x*x), -400 * x,
			-400 * x, 200,
		})
	},
}

// newton minimizes fn. When damped is true a backtracking search on the
// Newton direction is used; otherwise the full step is always taken.
func newton(fn Func2, x, y float64, damped bool, maxIter int) {
	fmt.Printf("%s, damped=%v, start=(%.2f, %.2f)\n", fn.Name, damped, x, y)
	for k := 0; k < maxIter; k++ {
		gx, gy := fn.G(x, y)
		gn := math.Hypot(gx, gy)
		fmt.Printf("  k=%2d x=(%.8f, %.8f) f=%.6e |g|=%.3e\n", k, x, y, fn.F(x, y), gn)
		if gn < 1e-10 {
			return
		}
		var d mat.VecDense
		if err := d.SolveVec(fn.H(x, y), mat.NewVecDense(2, []float64{-gx, -gy})); err != nil {
			fmt.Println("  singular Hessian:", err)
			return
		}
		t := 1.0
		if damped {
			f0 := fn.F(x, y)
			slope := gx*d.AtVec(0) + gy*d.AtVec(1)
			for fn.F(x+t*d.AtVec(0), y+t*d.AtVec(1)) > f0+1e-4*t*slope && t > 1e-10 {
				t *= 0.5
			}
		}
		x += t * d.AtVec(0)
		y += t * d.AtVec(1)
	}
}

func main() {
	newton(rosenbrock, -1.2, 1, false, 10)
	newton(rosenbrock, -1.2, 1, true, 25)

	// 1-D: f(x) = sqrt(1+x^2). Pure Newton maps x -> -x^3, so it
	// diverges for |x| > 1 while the damped version converges.
	f := func(x float64) float64 { return math.Sqrt(1 + x*x) }
	df := func(x float64) float64 { return x / math.Sqrt(1+x*x) }
	d2f := func(x float64) float64 { return math.Pow(1+x*x, -1.5) }
	for _, damped := range []bool{false, true} {
		x := 1.5
		fmt.Printf("\nsqrt(1+x^2), damped=%v\n", damped)
		for k := 0; k < 6; k++ {
			step := -df(x) / d2f(x)
			t := 1.0
			if damped {
				for f(x+t*step) > f(x)+1e-4*t*step*df(x) {
					t *= 0.5
				}
			}
			x += t * step
			fmt.Printf("  k=%d t=%.4f x=%.6e\n", k+1, t, x)
			if math.Abs(x) > 1e12 {
				fmt.Println("  diverged")
				break
			}
		}
	}
}
