package hessian

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// Quadratic is J(θ) = ½ θᵀAθ + bᵀθ + c with symmetric A: gradient Aθ + b,
// Hessian A everywhere, and for nonsingular A one critical point,
// θ* = −A⁻¹b. The sign of b is the one convention of gocurve: the notes'
// ½xᵀAx − bᵀx is B = −b. It implements Objective, Hessianer and HessVecer
// exactly, and shows itself in a notebook as its formula (String, LaTeX).
type Quadratic struct {
	A *mat.SymDense
	B []float64 // nil means 0
	C float64
}

// NewQuadratic returns the quadratic with A = Q diag(eigs) Qᵀ, b = 0, c = 0:
// a chosen spectrum in a chosen rotation. q must be orthogonal n×n, or nil
// for the identity (axis-aligned). Translating the minimum (b, c) changes
// nothing in the curvature.
func NewQuadratic(eigs []float64, q *mat.Dense) *Quadratic {
	n := len(eigs)
	a := mat.NewSymDense(n, nil)
	if q == nil {
		for i, l := range eigs {
			a.SetSym(i, i, l)
		}
		return &Quadratic{A: a}
	}
	if r, c := q.Dims(); r != n || c != n {
		panic(fmt.Sprintf("hessian: NewQuadratic: Q is %d×%d, want %d×%d", r, c, n, n))
	}
	s := Spectrum{Values: eigs, Vectors: q}
	return &Quadratic{A: s.Reconstruct(a)}
}

// RandomRotation returns an n×n orthogonal matrix drawn uniformly (Haar
// measure) from the QR factorisation of a Gaussian matrix with signs fixed
// so that R has a positive diagonal. rng nil means DefaultSeed.
func RandomRotation(n int, rng *rand.Rand) *mat.Dense {
	rng = rngOr(rng)
	g := mat.NewDense(n, n, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			g.Set(i, j, rng.NormFloat64())
		}
	}
	var qr mat.QR
	qr.Factorize(g)
	var q, r mat.Dense
	qr.QTo(&q)
	qr.RTo(&r)
	for j := 0; j < n; j++ {
		if r.At(j, j) < 0 {
			col := q.ColView(j).(*mat.VecDense)
			col.ScaleVec(-1, col)
		}
	}
	return &q
}

// Dim returns n.
func (q *Quadratic) Dim() int { return q.A.SymmetricDim() }

// Func returns ½ θᵀAθ + bᵀθ + c.
func (q *Quadratic) Func(x []float64) float64 {
	checkLen("Quadratic.Func", x, q.Dim())
	v := 0.5*Curvature(q.A, x) + q.C
	if q.B != nil {
		v += floats.Dot(q.B, x)
	}
	return v
}

// Grad stores Aθ + b in dst.
func (q *Quadratic) Grad(dst, x []float64) {
	q.HessVec(dst, nil, x)
	if q.B != nil {
		floats.Add(dst, q.B)
	}
}

// Hess stores A in dst, whose dimension must be Dim(); x is irrelevant and
// may be nil, but if given its length must be Dim().
func (q *Quadratic) Hess(dst *mat.SymDense, x []float64) {
	n := q.Dim()
	if dst.SymmetricDim() != n || (x != nil && len(x) != n) {
		panic(fmt.Sprintf("hessian: Quadratic.Hess: dst dimension %d, len(x) %d, want %d", dst.SymmetricDim(), len(x), n))
	}
	dst.CopySym(q.A)
}

// HessVec stores A·v in dst; the point x is irrelevant and may be nil.
func (q *Quadratic) HessVec(dst, _, v []float64) {
	n := q.Dim()
	checkLen("Quadratic.HessVec", v, n)
	checkLen("Quadratic.HessVec", dst, n)
	mat.NewVecDense(n, dst).MulVec(q.A, mat.NewVecDense(n, v))
}

// CriticalPoints returns the one critical point θ* = −A⁻¹b, classified by
// the signs of A's eigenvalues (Classify), or nil when A is singular (a
// line or plane of critical points, or none).
func (q *Quadratic) CriticalPoints() []Critical {
	x, err := q.Minimizer()
	if err != nil {
		return nil
	}
	c := Critical{X: x, F: q.Func(x), Kind: Classify(q.A, nil).Kind}
	c.Global = c.Kind == Minimum
	return []Critical{c}
}

// Operator returns A as an Operator.
func (q *Quadratic) Operator() Operator { return Dense(q.A) }

// ErrSingular is returned when a minimiser A⁻¹b does not exist or is not unique.
var ErrSingular = errors.New("hessian: matrix is singular")

// Minimizer returns θ* = −A⁻¹b, the unique critical point (the minimum when
// A is positive definite), where ∇J = Aθ* + b = 0. It returns an error
// wrapping ErrSingular when A is singular to working precision.
func (q *Quadratic) Minimizer() ([]float64, error) {
	n := q.Dim()
	b := make([]float64, n)
	if q.B != nil {
		floats.ScaleTo(b, -1, q.B)
	}
	var lu mat.LU
	lu.Factorize(q.A)
	if c := lu.Cond(); c > 1e14 || math.IsInf(c, 1) {
		return nil, fmt.Errorf("hessian: Quadratic.Minimizer (condition number %.3g): %w", c, ErrSingular)
	}
	x := mat.NewVecDense(n, nil)
	if err := lu.SolveVecTo(x, false, mat.NewVecDense(n, b)); err != nil {
		return nil, fmt.Errorf("hessian: Quadratic.Minimizer: %w: %v", ErrSingular, err)
	}
	return x.RawVector().Data, nil
}

// GDIterate returns θ_k, the k-th iterate of gradient descent
// θ ← θ − α(Aθ + b) from θ₀, in closed form. With A = QΛQᵀ and nonsingular A,
//
//	θ_k = θ* + Q (I − αΛ)ᵏ Qᵀ (θ₀ − θ*),
//
// so each eigendirection's error is multiplied by (1 − αλ_i) per step. The
// formula is evaluated per eigendirection, c_i ← (1−αλ_i)ᵏ c_i − β_i
// (1−(1−αλ_i)ᵏ)/λ_i with c = Qᵀθ₀, β = Qᵀb (−αkβ_i when λ_i = 0), so that
// singular A works too: along a flat direction the iterate drifts by −αkβ_i.
func (q *Quadratic) GDIterate(theta0 []float64, alpha float64, k int) ([]float64, error) {
	n := q.Dim()
	checkLen("Quadratic.GDIterate", theta0, n)
	if k < 0 {
		panic("hessian: Quadratic.GDIterate: negative k")
	}
	s, err := Eigen(q.A)
	if err != nil {
		return nil, fmt.Errorf("hessian: Quadratic.GDIterate: %w", err)
	}
	c := s.Components(theta0)
	var beta []float64
	if q.B != nil {
		beta = s.Components(q.B)
	}
	kf := float64(k)
	for i, l := range s.Values {
		f := 1 - alpha*l
		c[i] *= math.Pow(f, kf)
		if beta != nil {
			c[i] -= beta[i] * geomSum(alpha, l, kf)
		}
	}
	out := mat.NewVecDense(n, nil)
	out.MulVec(s.Vectors, mat.NewVecDense(n, c))
	return out.RawVector().Data, nil
}

// geomSum returns α Σ_{j<k} (1−αλ)^j = (1 − (1−αλ)^k)/λ, by expm1/log1p
// when 0 < 1−αλ so that tiny λ (a numerically singular A) loses no digits.
func geomSum(alpha, l, k float64) float64 {
	f := 1 - alpha*l
	switch {
	case l == 0:
		return alpha * k
	case f > 0:
		return -math.Expm1(k*math.Log1p(-alpha*l)) / l
	}
	return (1 - math.Pow(f, k)) / l
}

// Factors returns 1 − αλ_i for each eigenvalue: the factor by which gradient
// descent multiplies the error along q_i at every step.
func Factors(eigs []float64, alpha float64) []float64 {
	f := make([]float64, len(eigs))
	for i, l := range eigs {
		f[i] = 1 - alpha*l
	}
	return f
}

// Regime is the behaviour of gradient descent along one eigendirection.
type Regime int

// Regimes by the product αλ (factor 1 − αλ).
const (
	Stall     Regime = iota // αλ = 0: factor 1, the error stays (flat direction)
	Decay                   // 0 < αλ ≤ 1: factor in [0, 1), monotone decay
	Oscillate               // 1 < αλ ≤ 2: factor in [−1, 0), alternating sign (αλ = 2: constant size)
	Diverge                 // αλ > 2 (factor < −1, oscillating growth) or αλ < 0 (factor > 1, monotone growth)
)

// String returns the regime's name: stall, decay, oscillate or diverge.
func (r Regime) String() string {
	switch r {
	case Stall:
		return "stall"
	case Decay:
		return "decay"
	case Oscillate:
		return "oscillate"
	case Diverge:
		return "diverge"
	}
	return fmt.Sprintf("Regime(%d)", int(r))
}

// RegimeOf returns the regime of gradient descent with step alpha along a
// direction of curvature lambda, with the notes' boundaries: decay for
// 0 < αλ ≤ 1, oscillate for 1 < αλ ≤ 2 (at αλ = 2 exactly the error flips
// sign without shrinking), diverge for αλ > 2 or αλ < 0.
func RegimeOf(alpha, lambda float64) Regime {
	p := alpha * lambda
	switch {
	case p == 0:
		return Stall
	case p > 0 && p <= 1:
		return Decay
	case p > 1 && p <= 2:
		return Oscillate
	}
	return Diverge
}

// Regimes returns RegimeOf(alpha, λ_i) for each eigenvalue.
func Regimes(eigs []float64, alpha float64) []Regime {
	r := make([]Regime, len(eigs))
	for i, l := range eigs {
		r[i] = RegimeOf(alpha, l)
	}
	return r
}

// GDRate returns (κ−1)/(κ+1), the per-step contraction of the error of
// gradient descent on a quadratic with condition number κ at the optimal
// step OptimalStep.
func GDRate(kappa float64) float64 { return (kappa - 1) / (kappa + 1) }

// OptimalStep returns α = 2/(λmin + λmax), which equalises the slowest and
// fastest factors: |1 − αλmin| = |1 − αλmax| = (κ−1)/(κ+1).
func OptimalStep(lmin, lmax float64) float64 { return 2 / (lmin + lmax) }

// HeavyBallRate returns (√κ−1)/(√κ+1), the asymptotic per-step contraction
// of heavy-ball momentum with HeavyBallParams.
func HeavyBallRate(kappa float64) float64 {
	r := math.Sqrt(kappa)
	return (r - 1) / (r + 1)
}

// HeavyBallParams returns Polyak's optimal step and momentum for
// θ ← θ − α∇J + μ(θ − θ_prev) (the notes' p ← μp − α∇J, θ ← θ + p):
//
//	α = 4/(√λmax + √λmin)²,  μ = ((√κ − 1)/(√κ + 1))².
func HeavyBallParams(lmin, lmax float64) (alpha, mu float64) {
	s := math.Sqrt(lmax) + math.Sqrt(lmin)
	r := HeavyBallRate(lmax / lmin)
	return 4 / (s * s), r * r
}
