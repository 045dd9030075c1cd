package objective

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/gocurve/gocurve/lib/hessian"
)

// Plateau is the squared error of one saturating logistic unit
// σ(u) = 1/(1+e⁻ᵘ) with weight w and bias b, fitted to two examples
// (x = +1, target 1) and (x = −1, target 0), θ = (w, b):
//
//	J(w, b) = ½(σ(w + b) − 1)² + ½σ(b − w)².
//
// Where the unit saturates on the wrong side (w ≪ 0, e.g. θ = (−6, 0)),
// σ' ≈ 0 and the gradient vanishes while J ≈ 1: a plateau. J has no
// critical point: its infimum 0 is approached as w → +∞ with |b| ≤ w.
type Plateau struct{}

func sigmoid(u float64) float64 { return 1 / (1 + math.Exp(-u)) }

// Func returns ½(σ(w+b) − 1)² + ½σ(b−w)².
func (Plateau) Func(theta []float64) float64 {
	check2("Plateau", theta)
	r1 := sigmoid(theta[0]+theta[1]) - 1
	r2 := sigmoid(theta[1] - theta[0])
	return 0.5 * (r1*r1 + r2*r2)
}

// plateauParts returns, for u₁ = w+b and u₂ = b−w, the first and second
// derivatives of ½r₁² and ½r₂² with respect to u₁ and u₂.
func plateauParts(theta []float64) (g1, g2, h1, h2 float64) {
	s1 := sigmoid(theta[0] + theta[1])
	s2 := sigmoid(theta[1] - theta[0])
	d1, d2 := s1*(1-s1), s2*(1-s2) // σ'
	e1, e2 := d1*(1-2*s1), d2*(1-2*s2)
	r1, r2 := s1-1, s2
	return r1 * d1, r2 * d2, d1*d1 + r1*e1, d2*d2 + r2*e2
}

// Grad sets grad = (g₁ − g₂, g₁ + g₂) with g₁ = (σ(u₁)−1)σ'(u₁),
// g₂ = σ(u₂)σ'(u₂), u₁ = w+b, u₂ = b−w.
func (Plateau) Grad(grad, theta []float64) {
	checkGrad2("Plateau", grad, theta)
	g1, g2, _, _ := plateauParts(theta)
	grad[0], grad[1] = g1-g2, g1+g2
}

// Hess sets dst = [[h₁+h₂, h₁−h₂], [h₁−h₂, h₁+h₂]] with hᵢ = σ'(uᵢ)² + rᵢσ”(uᵢ),
// r₁ = σ(u₁)−1, r₂ = σ(u₂), σ” = σ'(1−2σ).
func (Plateau) Hess(dst *mat.SymDense, theta []float64) {
	checkHess2("Plateau", dst, theta)
	_, _, h1, h2 := plateauParts(theta)
	setHess2(dst, h1+h2, h1-h2, h1+h2)
}

// CriticalPoints returns nil: the plateau's infimum is not attained.
func (Plateau) CriticalPoints() []hessian.Critical { return nil }

// Cliff is a bowl at the foot of a cliff (Pascanu et al. 2013; the notes'
// exploding gradients):
//
//	J(x, y) = h·σ(−kx) + ½((x − 1)² + y²),
//
// with height h = Height and sharpness k = Sharpness (zero means 10 and 20).
// For x < 0 the landscape is a high shelf J ≈ h; at x = 0 the wall drops by
// h with slope up to hk/4 (50 for the defaults). A gradient step taken on
// the wall is huge and throws the iterate far across the bowl; clipping the
// gradient norm keeps the step sane. The only critical point is the global
// minimum, (1 + ε, 0) with ε = hkσ(−k)(1−σ(−k)) ≈ 4e-7 for the defaults.
type Cliff struct {
	Height    float64 // h; 0 means 10
	Sharpness float64 // k; 0 means 20
}

func (c Cliff) hk() (float64, float64) {
	h, k := c.Height, c.Sharpness
	if h == 0 {
		h = 10
	}
	if k == 0 {
		k = 20
	}
	return h, k
}

// Func returns h·σ(−kx) + ½((x−1)² + y²).
func (c Cliff) Func(theta []float64) float64 {
	check2("Cliff", theta)
	h, k := c.hk()
	x, y := theta[0], theta[1]
	return h*sigmoid(-k*x) + 0.5*((x-1)*(x-1)+y*y)
}

// Grad sets grad = (−hkσ'(−kx) + x − 1, y).
func (c Cliff) Grad(grad, theta []float64) {
	checkGrad2("Cliff", grad, theta)
	h, k := c.hk()
	s := sigmoid(-k * theta[0])
	grad[0] = -h*k*s*(1-s) + theta[0] - 1
	grad[1] = theta[1]
}

// Hess sets dst = diag(hk²σ”(−kx) + 1, 1), σ” = σ'(1−2σ).
func (c Cliff) Hess(dst *mat.SymDense, theta []float64) {
	checkHess2("Cliff", dst, theta)
	h, k := c.hk()
	s := sigmoid(-k * theta[0])
	setHess2(dst, h*k*k*s*(1-s)*(1-2*s)+1, 0, 1)
}

// CriticalPoints returns the global minimum near (1, 0).
func (c Cliff) CriticalPoints() []hessian.Critical {
	return refine(c, []hessian.Critical{{X: []float64{1, 0}, Kind: hessian.Minimum, Global: true}})
}

// Mountain is the wrong side of the mountain (the notes' poor
// correspondence between local and global structure): a valley in y and,
// along x, a deep well, a mountain and a shallow well,
//
//	J(x, y) = e^{−x²/2} − 2e^{−(x+3)²/2} − ½e^{−(x−4)²/8} + ½y².
//
// Started right of the summit (x > 0), gradient descent walks away from
// the global minimum near (−3, 0) into the shallow local minimum near
// (4, 0). Critical points (y = 0): the global minimum x ≈ −3.015073
// (J ≈ −1.990221), a saddle at the summit x ≈ −0.000825 (J ≈ 0.910115, a
// maximum along x) and the local minimum x ≈ 4.010327 (J ≈ −0.499671).
type Mountain struct{}

// mountainX returns f(x), f'(x), f”(x) for the x part of Mountain.
func mountainX(x float64) (f, d, dd float64) {
	type bump struct{ a, c, s2 float64 } // a·exp(−(x−c)²/(2s2))
	for _, b := range [...]bump{{1, 0, 1}, {-2, -3, 1}, {-0.5, 4, 4}} {
		u := x - b.c
		e := b.a * math.Exp(-u*u/(2*b.s2))
		f += e
		d += -u / b.s2 * e
		dd += (u*u/(b.s2*b.s2) - 1/b.s2) * e
	}
	return f, d, dd
}

// Func returns J(x, y).
func (Mountain) Func(theta []float64) float64 {
	check2("Mountain", theta)
	f, _, _ := mountainX(theta[0])
	return f + 0.5*theta[1]*theta[1]
}

// Grad sets grad = (f'(x), y) for the x profile f.
func (Mountain) Grad(grad, theta []float64) {
	checkGrad2("Mountain", grad, theta)
	_, d, _ := mountainX(theta[0])
	grad[0], grad[1] = d, theta[1]
}

// Hess sets dst = diag(f”(x), 1).
func (Mountain) Hess(dst *mat.SymDense, theta []float64) {
	checkHess2("Mountain", dst, theta)
	_, _, dd := mountainX(theta[0])
	setHess2(dst, dd, 0, 1)
}

// CriticalPoints returns the global minimum, the summit saddle and the
// local minimum.
func (m Mountain) CriticalPoints() []hessian.Critical {
	return refine(m, []hessian.Critical{
		{X: []float64{-3.015, 0}, Kind: hessian.Minimum, Global: true},
		{X: []float64{-0.0008, 0}, Kind: hessian.Saddle},
		{X: []float64{4.01, 0}, Kind: hessian.Minimum},
	})
}

func himmelblauCritical() []hessian.Critical {
	return refine(Himmelblau{}, []hessian.Critical{
		{X: []float64{3, 2}, Kind: hessian.Minimum, Global: true},
		{X: []float64{-2.805118, 3.131313}, Kind: hessian.Minimum, Global: true},
		{X: []float64{-3.779310, -3.283186}, Kind: hessian.Minimum, Global: true},
		{X: []float64{3.584428, -1.848127}, Kind: hessian.Minimum, Global: true},
		{X: []float64{-0.270845, -0.923039}, Kind: hessian.Maximum},
		{X: []float64{0.086678, 2.884255}, Kind: hessian.Saddle},
		{X: []float64{3.385154, 0.073852}, Kind: hessian.Saddle},
		{X: []float64{-3.073026, -0.081353}, Kind: hessian.Saddle},
		{X: []float64{-0.127961, -1.953715}, Kind: hessian.Saddle},
	})
}

type smooth2 interface {
	Func([]float64) float64
	Grad(grad, theta []float64)
	Hess(dst *mat.SymDense, theta []float64)
}

// refine polishes approximate critical points with a few Newton steps
// (the coordinates are roots of a nonlinear system with no closed form) and
// fills in F.
func refine(o smooth2, cs []hessian.Critical) []hessian.Critical {
	h := mat.NewSymDense(2, nil)
	g := make([]float64, 2)
	for i := range cs {
		x := cs[i].X
		for range 20 {
			o.Grad(g, x)
			o.Hess(h, x)
			var d mat.VecDense
			if err := d.SolveVec(h, mat.NewVecDense(2, g)); err != nil {
				break
			}
			x[0] -= d.AtVec(0)
			x[1] -= d.AtVec(1)
		}
		cs[i].F = o.Func(x)
	}
	return cs
}
