package objective

import (
	"gonum.org/v1/gonum/mat"

	"github.com/gocurve/gocurve/lib/hessian"
)

// Rosenbrock is the banana valley J(x, y) = (a − x)² + b(y − x²)²
// (Rosenbrock 1960), with zero A and B meaning a = 1 and b = 100. The only
// critical point is the global minimum (a, a²), J = 0, at the end of a
// curved, narrow valley.
type Rosenbrock struct{ A, B float64 }

func (r Rosenbrock) ab() (float64, float64) {
	a, b := r.A, r.B
	if a == 0 {
		a = 1
	}
	if b == 0 {
		b = 100
	}
	return a, b
}

// Func returns (a − x)² + b(y − x²)².
func (r Rosenbrock) Func(theta []float64) float64 {
	check2("Rosenbrock", theta)
	a, b := r.ab()
	x, y := theta[0], theta[1]
	return (a-x)*(a-x) + b*(y-x*x)*(y-x*x)
}

// Grad sets grad = (−2(a−x) − 4bx(y−x²), 2b(y−x²)).
func (r Rosenbrock) Grad(grad, theta []float64) {
	checkGrad2("Rosenbrock", grad, theta)
	a, b := r.ab()
	x, y := theta[0], theta[1]
	grad[0] = -2*(a-x) - 4*b*x*(y-x*x)
	grad[1] = 2 * b * (y - x*x)
}

// Hess sets dst = [[2 − 4b(y − 3x²), −4bx], [−4bx, 2b]].
func (r Rosenbrock) Hess(dst *mat.SymDense, theta []float64) {
	checkHess2("Rosenbrock", dst, theta)
	_, b := r.ab()
	x, y := theta[0], theta[1]
	setHess2(dst, 2-4*b*(y-3*x*x), -4*b*x, 2*b)
}

// CriticalPoints returns the global minimum (a, a²).
func (r Rosenbrock) CriticalPoints() []hessian.Critical {
	a, _ := r.ab()
	return []hessian.Critical{{X: []float64{a, a * a}, F: 0, Kind: hessian.Minimum, Global: true}}
}

// Beale is Beale's function (1958)
//
//	J(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²,
//
// with global minimum (3, 0.5), J = 0, flat arms and steep walls near the
// corners of [−4.5, 4.5]². (Written here rather than taken from gonum's
// optimize/functions.Beale, whose Hess uses y where x belongs in v0.17.0.)
type Beale struct{}

// Func returns Beale's function.
func (Beale) Func(theta []float64) float64 {
	check2("Beale", theta)
	x, y := theta[0], theta[1]
	f1 := 1.5 - x*(1-y)
	f2 := 2.25 - x*(1-y*y)
	f3 := 2.625 - x*(1-y*y*y)
	return f1*f1 + f2*f2 + f3*f3
}

// Grad sets grad = ∇J: with fᵢ = cᵢ − x(1 − yⁱ),
// ∂J/∂x = −2Σfᵢ(1−yⁱ), ∂J/∂y = 2xΣ i·fᵢ·yⁱ⁻¹.
func (Beale) Grad(grad, theta []float64) {
	checkGrad2("Beale", grad, theta)
	x, y := theta[0], theta[1]
	t1, t2, t3 := 1-y, 1-y*y, 1-y*y*y
	f1, f2, f3 := 1.5-x*t1, 2.25-x*t2, 2.625-x*t3
	grad[0] = -2 * (f1*t1 + f2*t2 + f3*t3)
	grad[1] = 2 * x * (f1 + 2*f2*y + 3*f3*y*y)
}

// Hess sets dst = ∇²J: with tᵢ = 1 − yⁱ and dᵢ = ∂fᵢ/∂y = i·x·yⁱ⁻¹,
// ∂²J/∂x² = 2Σtᵢ², ∂²J/∂x∂y = −2Σ(dᵢtᵢ − i·fᵢ·yⁱ⁻¹),
// ∂²J/∂y² = 2Σ(dᵢ² + fᵢ·∂dᵢ/∂y).
func (Beale) Hess(dst *mat.SymDense, theta []float64) {
	checkHess2("Beale", dst, theta)
	x, y := theta[0], theta[1]
	t1, t2, t3 := 1-y, 1-y*y, 1-y*y*y
	f1, f2, f3 := 1.5-x*t1, 2.25-x*t2, 2.625-x*t3
	// ∂fᵢ/∂x = −tᵢ, ∂fᵢ/∂y = i·x·yⁱ⁻¹.
	d1, d2, d3 := x, 2*x*y, 3*x*y*y
	hxx := 2 * (t1*t1 + t2*t2 + t3*t3)
	// ∂/∂y of −2Σfᵢtᵢ is −2Σ(dᵢtᵢ + fᵢ∂tᵢ/∂y).
	hxy := -2 * (d1*t1 + f1*(-1) + d2*t2 + f2*(-2*y) + d3*t3 + f3*(-3*y*y))
	hyy := 2 * (d1*d1 + d2*d2 + d3*d3 + f2*2*x + f3*6*x*y)
	setHess2(dst, hxx, hxy, hyy)
}

// CriticalPoints returns the global minimum (3, 0.5).
func (Beale) CriticalPoints() []hessian.Critical {
	return []hessian.Critical{{X: []float64{3, 0.5}, F: 0, Kind: hessian.Minimum, Global: true}}
}

// Himmelblau is Himmelblau's function (1972)
//
//	J(x, y) = (x² + y − 11)² + (x + y² − 7)²,
//
// with four global minima (J = 0) — (3, 2), (−2.805118, 3.131313),
// (−3.779310, −3.283186), (3.584428, −1.848127) — one local maximum
// (−0.270845, −0.923039), J ≈ 181.617, and four saddles between them.
type Himmelblau struct{}

// Func returns (x² + y − 11)² + (x + y² − 7)².
func (Himmelblau) Func(theta []float64) float64 {
	check2("Himmelblau", theta)
	x, y := theta[0], theta[1]
	a, b := x*x+y-11, x+y*y-7
	return a*a + b*b
}

// Grad sets grad = (4xa + 2b, 2a + 4yb) with a = x²+y−11, b = x+y²−7.
func (Himmelblau) Grad(grad, theta []float64) {
	checkGrad2("Himmelblau", grad, theta)
	x, y := theta[0], theta[1]
	a, b := x*x+y-11, x+y*y-7
	grad[0] = 4*x*a + 2*b
	grad[1] = 2*a + 4*y*b
}

// Hess sets dst = [[4a + 8x² + 2, 4x + 4y], [4x + 4y, 2 + 4b + 8y²]].
func (Himmelblau) Hess(dst *mat.SymDense, theta []float64) {
	checkHess2("Himmelblau", dst, theta)
	x, y := theta[0], theta[1]
	a, b := x*x+y-11, x+y*y-7
	setHess2(dst, 4*a+8*x*x+2, 4*x+4*y, 2+4*b+8*y*y)
}

// CriticalPoints returns the four minima, the maximum and the four saddles.
func (Himmelblau) CriticalPoints() []hessian.Critical {
	return himmelblauCritical()
}

// Saddle is the saddle J(x, y) = x² − y²: gradient (2x, −2y), constant
// Hessian diag(2, −2), one critical point, a saddle at the origin. It is
// unbounded below along y.
type Saddle struct{}

// Func returns x² − y².
func (Saddle) Func(theta []float64) float64 {
	check2("Saddle", theta)
	return theta[0]*theta[0] - theta[1]*theta[1]
}

// Grad sets grad = (2x, −2y).
func (Saddle) Grad(grad, theta []float64) {
	checkGrad2("Saddle", grad, theta)
	grad[0], grad[1] = 2*theta[0], -2*theta[1]
}

// Hess sets dst = diag(2, −2).
func (Saddle) Hess(dst *mat.SymDense, theta []float64) {
	checkHess2("Saddle", dst, theta)
	setHess2(dst, 2, 0, -2)
}

// CriticalPoints returns the saddle at the origin.
func (Saddle) CriticalPoints() []hessian.Critical {
	return []hessian.Critical{{X: []float64{0, 0}, F: 0, Kind: hessian.Saddle}}
}

// MonkeySaddle is J(x, y) = x³ − 3xy², with three valleys (one for each leg
// and the tail). Its gradient (3x² − 3y², −6xy) and Hessian
// [[6x, −6y], [−6y, −6x]] vanish at the origin: a degenerate critical point
// that the second-derivative test cannot classify.
type MonkeySaddle struct{}

// Func returns x³ − 3xy².
func (MonkeySaddle) Func(theta []float64) float64 {
	check2("MonkeySaddle", theta)
	x, y := theta[0], theta[1]
	return x*x*x - 3*x*y*y
}

// Grad sets grad = (3x² − 3y², −6xy).
func (MonkeySaddle) Grad(grad, theta []float64) {
	checkGrad2("MonkeySaddle", grad, theta)
	x, y := theta[0], theta[1]
	grad[0], grad[1] = 3*x*x-3*y*y, -6*x*y
}

// Hess sets dst = [[6x, −6y], [−6y, −6x]].
func (MonkeySaddle) Hess(dst *mat.SymDense, theta []float64) {
	checkHess2("MonkeySaddle", dst, theta)
	x, y := theta[0], theta[1]
	setHess2(dst, 6*x, -6*y, -6*x)
}

// CriticalPoints returns the degenerate critical point at the origin.
func (MonkeySaddle) CriticalPoints() []hessian.Critical {
	return []hessian.Critical{{X: []float64{0, 0}, F: 0, Kind: hessian.Inconclusive}}
}
