package objective

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"

	"github.com/gocurve/gocurve/lib/hessian"
)

// Quadratic is J(θ) = ½θᵀAθ − bᵀθ + c with symmetric A, so ∇J = Aθ − b and
// ∇²J = A. If A is positive definite its only critical point is the
// minimum θ* = A⁻¹b. A nil B means b = 0.
type Quadratic struct {
	A *mat.SymDense
	B []float64
	C float64
}

// Spectrum returns the quadratic ½θᵀAθ (b = 0, c = 0) with A = QΛQᵀ,
// Λ = diag(lambdas). Q must be n×n orthogonal; nil means the identity
// (axis-aligned eigenvectors). The condition number of A is
// max|λ|/min|λ|.
func Spectrum(lambdas []float64, q mat.Matrix) *Quadratic {
	n := len(lambdas)
	if q == nil {
		a := mat.NewSymDense(n, nil)
		for i, l := range lambdas {
			a.SetSym(i, i, l)
		}
		return &Quadratic{A: a}
	}
	if r, c := q.Dims(); r != n || c != n {
		panic(fmt.Sprintf("objective: Spectrum: Q is %d×%d, want %d×%d", r, c, n, n))
	}
	a := mat.NewSymDense(n, nil)
	for i, l := range lambdas {
		col := mat.Col(nil, i, q)
		a.SymRankOne(a, l, mat.NewVecDense(n, col))
	}
	return &Quadratic{A: a}
}

// Conditioned returns a quadratic ½θᵀAθ in n dimensions whose eigenvalues
// are spaced geometrically from 1 to κ, λ_i = κ^{i/(n−1)}, and whose
// eigenvectors are a random rotation drawn with seed (see RandomRotation).
func Conditioned(n int, kappa float64, seed uint64) *Quadratic {
	if n < 1 || !(kappa >= 1) {
		panic("objective: Conditioned: need n ≥ 1 and κ ≥ 1")
	}
	l := make([]float64, n)
	for i := range l {
		if n == 1 {
			l[i] = 1
			continue
		}
		l[i] = math.Pow(kappa, float64(i)/float64(n-1))
	}
	return Spectrum(l, RandomRotation(n, seed))
}

// Ravine is the narrow canyon ½(Flat·u² + Steep·v²), where (u, v) are the
// coordinates along the unit vectors (cos φ, sin φ) and (−sin φ, cos φ) for
// φ = angle. With Steep ≫ Flat, gradient descent oscillates across the
// canyon and crawls along it. Its minimum is the origin.
func Ravine(flat, steep, angle float64) *Quadratic {
	return Spectrum([]float64{flat, steep}, Rotation(angle))
}

// Rotation returns the 2×2 rotation by φ: [[cos φ, −sin φ], [sin φ, cos φ]].
func Rotation(phi float64) *mat.Dense {
	s, c := math.Sincos(phi)
	return mat.NewDense(2, 2, []float64{c, -s, s, c})
}

// RandomRotation returns an n×n orthogonal matrix drawn from the Haar
// distribution (hessian.RandomRotation) with the generator PCG seeded with
// seed.
func RandomRotation(n int, seed uint64) *mat.Dense {
	return hessian.RandomRotation(n, rand.New(rand.NewPCG(seed, 1)))
}

// Dim returns n.
func (q *Quadratic) Dim() int { return q.A.SymmetricDim() }

func (q *Quadratic) check(name string, v []float64) {
	if len(v) != q.Dim() {
		panic(fmt.Sprintf("objective: Quadratic.%s: len=%d, want %d", name, len(v), q.Dim()))
	}
	if q.B != nil && len(q.B) != q.Dim() {
		panic(fmt.Sprintf("objective: Quadratic.%s: len(B)=%d, want %d", name, len(q.B), q.Dim()))
	}
}

// Func returns ½θᵀAθ − bᵀθ + c.
func (q *Quadratic) Func(theta []float64) float64 {
	q.check("Func", theta)
	x := mat.NewVecDense(len(theta), theta)
	f := 0.5*mat.Inner(x, q.A, x) + q.C
	if q.B != nil {
		f -= mat.Dot(mat.NewVecDense(len(q.B), q.B), x)
	}
	return f
}

// Grad sets grad = Aθ − b.
func (q *Quadratic) Grad(grad, theta []float64) {
	q.check("Grad", theta)
	q.check("Grad", grad)
	g := mat.NewVecDense(len(grad), grad)
	g.MulVec(q.A, mat.NewVecDense(len(theta), theta))
	if q.B != nil {
		g.SubVec(g, mat.NewVecDense(len(q.B), q.B))
	}
}

// Hess sets dst = A.
func (q *Quadratic) Hess(dst *mat.SymDense, theta []float64) {
	q.check("Hess", theta)
	dst.CopySym(q.A)
}

// HVP sets dst = A·v, the Hessian-vector product, without forming anything.
func (q *Quadratic) HVP(dst, theta, v []float64) {
	q.check("HVP", dst)
	q.check("HVP", v)
	mat.NewVecDense(len(dst), dst).MulVec(q.A, mat.NewVecDense(len(v), v))
}

// CriticalPoints returns the unique critical point A⁻¹b, classified by the
// signs of A's eigenvalues, or nil if A is singular.
func (q *Quadratic) CriticalPoints() []Critical {
	n := q.Dim()
	var es mat.EigenSym
	if !es.Factorize(q.A, false) {
		return nil
	}
	vals := es.Values(nil)
	pos, neg := 0, 0
	for _, l := range vals {
		switch {
		case l > 0:
			pos++
		case l < 0:
			neg++
		}
	}
	if pos+neg < n {
		return nil
	}
	b := make([]float64, n)
	copy(b, q.B)
	var x mat.VecDense
	if err := x.SolveVec(q.A, mat.NewVecDense(n, b)); err != nil {
		return nil
	}
	c := Critical{X: x.RawVector().Data, Kind: SaddlePoint}
	switch {
	case neg == 0:
		c.Kind, c.Global = Minimum, true
	case pos == 0:
		c.Kind = Maximum
	}
	c.F = q.Func(c.X)
	return []Critical{c}
}
