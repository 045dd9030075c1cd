package hessian_test

import (
	"math"
	"testing"

	"github.com/gocurve/gocurve/lib/hessian"
	"gonum.org/v1/gonum/mat"
)

func TestPanicsOnDimensionMismatch(t *testing.T) {
	h2 := mat.NewSymDense(2, []float64{1, 0, 0, 1})
	f := func(x []float64) float64 { return x[0] * x[0] }
	cases := []struct {
		name string
		call func()
	}{
		{"Gradient dst", func() { hessian.Gradient(make([]float64, 3), f, []float64{1, 2}, nil) }},
		{"HessVec v", func() { hessian.HessVec(nil, func(dst, x []float64) {}, []float64{1, 2}, []float64{1}, nil) }},
		{"Curvature", func() { hessian.Curvature(h2, []float64{1, 2, 3}) }},
		{"Dense.Apply", func() { hessian.Dense(h2).Apply(make([]float64, 2), make([]float64, 3)) }},
		{"FuncOperator.Apply", func() {
			hessian.FuncOperator(2, func(dst, v []float64) {}).Apply(make([]float64, 1), make([]float64, 2))
		}},
		{"Lanczos k=0", func() { hessian.Lanczos(hessian.Dense(h2), 0, hessian.Largest, nil) }},
		{"Lanczos k>n", func() { hessian.Lanczos(hessian.Dense(h2), 3, hessian.Largest, nil) }},
		{"NewQuadratic Q", func() { hessian.NewQuadratic([]float64{1, 2}, mat.NewDense(3, 3, nil)) }},
		{"negative step", func() { hessian.Gradient(nil, f, []float64{1}, &hessian.DiffSettings{Step: -1}) }},
	}
	for _, tc := range cases {
		func() {
			defer func() {
				r := recover()
				if r == nil {
					t.Errorf("%s: no panic", tc.name)
					return
				}
				if s, ok := r.(string); !ok || len(s) < 8 || s[:8] != "hessian:" {
					t.Errorf("%s: panic %v without the package prefix", tc.name, r)
				}
			}()
			tc.call()
		}()
	}
}

// The matrix-free Hessian of an objective feeds Lanczos: exactly for a
// Quadratic (HessVecer), by differencing the gradient for Funcs with G only.
func TestHessianOperatorWithLanczos(t *testing.T) {
	eigs := []float64{-2, 0.5, 1, 3, 8}
	q := newTestQuadratic(eigs, 21)
	x := []float64{1, 2, 3, 4, 5}
	exact, err := hessian.Lanczos(hessian.HessianOperator(q, x, nil), 2, hessian.Largest, nil)
	if err != nil {
		t.Fatal(err)
	}
	fdObj := hessian.Funcs{F: q.Func, G: q.Grad} // hides HessVec: products by differences
	approx, err := hessian.Lanczos(hessian.HessianOperator(fdObj, x, nil), 2, hessian.Smallest, &hessian.EigSettings{Tol: 1e-8})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(exact.Values[0]-8) > 1e-12 || math.Abs(exact.Values[1]-3) > 1e-12 {
		t.Errorf("top 2 by exact products: %v", exact.Values)
	}
	if math.Abs(approx.Values[0]+2) > 1e-7 || math.Abs(approx.Values[1]-0.5) > 1e-7 {
		t.Errorf("bottom 2 by fd products: %v", approx.Values)
	}
	// The ends of a Hessian from differences of an fd gradient of Func.
	rosen := hessian.Func(func(x []float64) float64 { return 100*sq(x[1]-x[0]*x[0]) + sq(1-x[0]) })
	r, err := hessian.Lanczos(hessian.HessianOperator(rosen, []float64{1, 1}, nil), 1, hessian.Largest, &hessian.EigSettings{Tol: 1e-6})
	if err != nil {
		t.Fatal(err)
	}
	want := 501 + math.Sqrt(301*301+400*400) // λmax of [[802, −400], [−400, 200]]
	if math.Abs(r.Values[0]-want) > 1e-3*want {
		t.Errorf("λmax of the Rosenbrock Hessian at (1,1) from fd-of-fd products: %v, want %v", r.Values[0], want)
	}
}
