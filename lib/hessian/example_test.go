package hessian_test

import (
	"fmt"
	"math"

	"github.com/gocurve/gocurve/lib/hessian"
	"gonum.org/v1/gonum/mat"
)

// The gradient and Hessian of any function, by central differences.
func ExampleHessian() {
	rosenbrock := func(x []float64) float64 {
		return 100*(x[1]-x[0]*x[0])*(x[1]-x[0]*x[0]) + (1-x[0])*(1-x[0])
	}
	x := []float64{1, 1}
	g := hessian.Gradient(nil, rosenbrock, x, nil)
	h := hessian.Hessian(nil, rosenbrock, x, nil)
	fmt.Printf("‖g‖ < 1e-6: %v\n", math.Hypot(g[0], g[1]) < 1e-6)
	fmt.Printf("H = [[%.4f %.4f] [%.4f %.4f]]\n", h.At(0, 0), h.At(0, 1), h.At(1, 0), h.At(1, 1))
	// Output:
	// ‖g‖ < 1e-6: true
	// H = [[802.0000 -400.0000] [-400.0000 200.0000]]
}

// The second-derivative test at critical points.
func ExampleClassifyAt() {
	saddle := hessian.Func(func(x []float64) float64 { return x[0]*x[0] - x[1]*x[1] })
	monkey := hessian.Func(func(x []float64) float64 { return x[0]*x[0]*x[0] - 3*x[0]*x[1]*x[1] })
	origin := []float64{0, 0}
	fmt.Println(hessian.ClassifyAt(saddle, origin, nil))
	fmt.Println(hessian.ClassifyAt(monkey, origin, nil).Kind)
	fmt.Println(hessian.ClassifyAt(saddle, []float64{1, 0}, nil))
	// x⁴ + y⁴ has a zero Hessian at the origin: finite differences give
	// about 1e-7, within their own error bar, so there is no verdict.
	quartic := hessian.Func(func(x []float64) float64 { return 1e6 * (math.Pow(x[0], 4) + math.Pow(x[1], 4)) })
	fmt.Println(hessian.ClassifyAt(quartic, origin, nil).Kind)
	// Output:
	// saddle: 1 positive and 1 negative eigenvalues [-2 2] (finite differences of the function, ±2e-06)
	// inconclusive
	// not critical: gradient norm 2 is above tolerance
	// inconclusive
}

// The four quadratic surfaces: bowl, cap, saddle and flat valley.
func ExampleClassify() {
	for _, eigs := range [][]float64{{1, 3}, {-1, -3}, {-1, 3}, {0, 3}} {
		h := mat.NewSymDense(2, []float64{eigs[0], 0, 0, eigs[1]})
		r := hessian.Classify(h, nil)
		fmt.Printf("%v: %v, %v\n", eigs, r.Kind, hessian.DefinitenessOf(r.Eigenvalues, 0))
	}
	// Output:
	// [1 3]: minimum, positive definite
	// [-1 -3]: maximum, negative definite
	// [-1 3]: saddle, indefinite
	// [0 3]: inconclusive, positive semidefinite
}

// H = QΛQᵀ, the condition number, and the curvature along an eigenvector.
func ExampleEigen() {
	h := mat.NewSymDense(2, []float64{2, 1, 1, 2})
	s, err := hessian.Eigen(h)
	if err != nil {
		panic(err)
	}
	q0 := s.Vector(0)
	fmt.Printf("λ = %.4g, κ = %.4g\n", s.Values, s.Cond())
	fmt.Printf("q₀ = [%.4f %.4f], q₀ᵀHq₀ = %.4g\n", math.Abs(q0[0]), math.Abs(q0[1]), hessian.Curvature(h, q0))
	fmt.Printf("‖QΛQᵀ − H‖ < 1e-15: %v\n", mat.EqualApprox(s.Reconstruct(nil), h, 1e-15))
	// Output:
	// λ = [1 3], κ = 3
	// q₀ = [0.7071 0.7071], q₀ᵀHq₀ = 1
	// ‖QΛQᵀ − H‖ < 1e-15: true
}

// Gradient descent on a quadratic, in closed form: each eigendirection is
// multiplied by 1 − αλ per step.
func ExampleQuadratic_GDIterate() {
	q := hessian.NewQuadratic([]float64{1, 4, 7.5, 10.5}, nil)
	alpha := 0.2
	fmt.Println("factors:", hessian.Factors([]float64{1, 4, 7.5, 10.5}, alpha))
	fmt.Println("regimes:", hessian.Regimes([]float64{1, 4, 7.5, 10.5}, alpha))
	theta, err := q.GDIterate([]float64{1, 1, 1, 1}, alpha, 10)
	if err != nil {
		panic(err)
	}
	fmt.Printf("θ₁₀ = [%.4f %.4f %.4f %.4f]\n", theta[0], theta[1], theta[2], theta[3])
	fmt.Printf("largest stable step 2/λmax = %.4f\n", hessian.MaxStableStep(q.A))
	// Output:
	// factors: [0.8 0.19999999999999996 -0.5 -1.1]
	// regimes: [decay decay oscillate diverge]
	// θ₁₀ = [0.1074 0.0000 0.0010 2.5937]
	// largest stable step 2/λmax = 0.1905
}

// One gradient step: the model predicts ΔJ(α) = −αgᵀg + ½α²gᵀHg.
func ExampleStepAnalysis() {
	h := mat.NewSymDense(2, []float64{1, 0, 0, 10})
	g := []float64{1, 1}
	fmt.Println(hessian.StepAnalysis(h, g, 0.1))
	fmt.Println(hessian.StepAnalysis(h, g, 0.4))
	// Output:
	// α=0.1 decreases the model by 0.145 (gᵀg=2, gᵀHg=11, best α=0.1818, stable α<0.2)
	// α=0.4 increases the model by 0.08 (gᵀg=2, gᵀHg=11, best α=0.1818, stable α<0.2)
}

// Rates of gradient descent and heavy-ball momentum for κ = 100.
func ExampleGDRate() {
	kappa := 100.0
	alpha, mu := hessian.HeavyBallParams(1, kappa)
	fmt.Printf("GD: α = %.4f, rate %.4f\n", hessian.OptimalStep(1, kappa), hessian.GDRate(kappa))
	fmt.Printf("heavy ball: α = %.4f, μ = %.4f, rate %.4f\n", alpha, mu, hessian.HeavyBallRate(kappa))
	// Output:
	// GD: α = 0.0198, rate 0.9802
	// heavy ball: α = 0.0331, μ = 0.6694, rate 0.8182
}

// The top eigenvalues of an operator known only through products A·v.
func ExampleLanczos() {
	// A diagonal operator with eigenvalues 1, 2, …, 1000.
	op := hessian.FuncOperator(1000, func(dst, v []float64) {
		for i := range v {
			dst[i] = float64(i+1) * v[i]
		}
	})
	top, err := hessian.Lanczos(op, 3, hessian.Largest, nil)
	if err != nil {
		panic(err)
	}
	bottom, err := hessian.Lanczos(op, 2, hessian.Smallest, nil)
	if err != nil {
		panic(err)
	}
	fmt.Printf("top %.6f, bottom %.6f\n", top.Values, bottom.Values)
	fmt.Println("residuals small:", top.Residuals[0] < 1e-6 && bottom.Residuals[0] < 1e-6)
	// Output:
	// top [1000.000000 999.000000 998.000000], bottom [1.000000 2.000000]
	// residuals small: true
}

// The trace from random probes: tr(A) ≈ mean of zᵀAz.
func ExampleHutchinson() {
	op := hessian.FuncOperator(1000, func(dst, v []float64) {
		for i := range v {
			dst[i] = float64(i+1) * v[i]
		}
	})
	est, err := hessian.Hutchinson(op, nil)
	if err != nil {
		panic(err)
	}
	// A diagonal matrix has zᵀAz = Σ a_ii exactly for ±1 probes.
	fmt.Println(est)
	// Output:
	// tr ≈ 500500 ± 0 (100 products)
}

// The spectral density of a Hessian from a few Lanczos runs.
func ExampleSLQ() {
	eigs := make([]float64, 200)
	for i := range eigs {
		eigs[i] = 0.01 * float64(i) // a bulk on [0, 2) …
	}
	eigs[199] = 50 // … and one outlier
	q := hessian.NewQuadratic(eigs, hessian.RandomRotation(200, nil))
	d, err := hessian.SLQ(q.Operator(), &hessian.SLQSettings{Probes: 10, Steps: 40})
	if err != nil {
		panic(err)
	}
	lo, hi := d.Range()
	m1, se := d.Moment(1)
	exact := 0.0
	for _, l := range eigs {
		exact += l / 200
	}
	fmt.Printf("range [%.3f, %.3f]\n", lo, hi)
	fmt.Printf("tr(A)/n within 3 s.e. of %.4f: %v\n", exact, math.Abs(m1-exact) < 3*se)
	density := d.Smooth(d.Grid(100), 0)
	fmt.Println("grid points:", len(density))
	// Output:
	// range [0.000, 50.000]
	// tr(A)/n within 3 s.e. of 1.2350: true
	// grid points: 100
}

// Convexity on a region: a negative Hessian eigenvalue somewhere disproves it.
func ExampleCheckConvexity() {
	f := hessian.Func(func(x []float64) float64 { return x[0]*x[0]*x[0]*x[0] + x[0]*x[1] + x[1]*x[1] })
	r, err := hessian.CheckConvexity(f, []float64{-1, -1}, []float64{1, 1}, nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Convex, r.MinEig < 0)
	// Output:
	// false true
}

// Vanishing and exploding products W^t = V diag(λ)^t V⁻¹.
func ExampleMatPow() {
	w := mat.NewDense(2, 2, []float64{0.5, 1, 0, 1.2})
	rho, _ := hessian.SpectralRadius(w)
	w30, err := hessian.MatPow(nil, w, 30)
	if err != nil {
		panic(err)
	}
	fmt.Printf("ρ = %.2f, (W³⁰)₁₁ = %.3g, (W³⁰)₂₂ = %.4g\n", rho, w30.At(0, 0), w30.At(1, 1))
	// Output:
	// ρ = 1.20, (W³⁰)₁₁ = 9.31e-10, (W³⁰)₂₂ = 237.4
}

// The second-order Taylor model along a line θ₀ + t·v.
func ExampleTaylor_AlongLine() {
	f := func(x []float64) float64 { return math.Cos(x[0]) + x[1]*x[1] }
	m := hessian.NewTaylor(hessian.Func(f), []float64{0, 0}, nil)
	v := []float64{1, 1}
	slope, curv := m.Line(v)
	fmt.Printf("slope %.4f, curvature %.4f\n", slope, curv)
	fmt.Printf("t=0.1: model %.6f, true %.6f\n", m.AlongLine(v, 0.1), f([]float64{0.1, 0.1}))
	// Output:
	// slope 0.0000, curvature 1.0000
	// t=0.1: model 1.005000, true 1.005004
}
