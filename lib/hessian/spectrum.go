package hessian

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// Spectrum is the eigendecomposition H = QΛQᵀ of a symmetric matrix: real
// eigenvalues λ_1 ≤ … ≤ λ_n and orthonormal eigenvectors q_i, the columns
// of Q. For a quadratic bowl the level sets are ellipses with axes along
// q_i and half-lengths ∝ 1/√λ_i: larger curvature, shorter axis.
type Spectrum struct {
	Values  []float64  // eigenvalues in ascending order
	Vectors *mat.Dense // Q, eigenvector q_i in column i; nil from Eigenvalues
}

// Eigen returns the spectrum of h with eigenvectors (EigenSym: divide and
// conquer from n = 64). When only the eigenvalues are needed, Eigenvalues
// costs a fraction of it.
func Eigen(h mat.Symmetric) (*Spectrum, error) {
	var es EigenSym
	if !es.Factorize(h, true) {
		return nil, errors.New("hessian: Eigen: eigendecomposition did not converge")
	}
	q := &mat.Dense{}
	es.VectorsTo(q)
	return &Spectrum{Values: es.Values(nil), Vectors: q}, nil
}

// Eigenvalues returns the eigenvalues of h in ascending order.
func Eigenvalues(h mat.Symmetric) ([]float64, error) {
	var es mat.EigenSym
	if !es.Factorize(h, false) {
		return nil, errors.New("hessian: Eigenvalues: eigendecomposition did not converge")
	}
	return es.Values(nil), nil
}

// Dim returns n.
func (s *Spectrum) Dim() int { return len(s.Values) }

// Min returns the smallest eigenvalue λ_1.
func (s *Spectrum) Min() float64 { return s.Values[0] }

// Max returns the largest eigenvalue λ_n.
func (s *Spectrum) Max() float64 { return s.Values[len(s.Values)-1] }

// Vector returns a copy of the eigenvector q_i of the i-th smallest eigenvalue.
// It panics if the spectrum has no vectors.
func (s *Spectrum) Vector(i int) []float64 {
	s.needVectors("Vector")
	return mat.Col(nil, i, s.Vectors)
}

// Reconstruct stores QΛQᵀ = Σ λ_i q_i q_iᵀ in dst (allocated if nil) and
// returns it; it equals the decomposed matrix up to rounding.
func (s *Spectrum) Reconstruct(dst *mat.SymDense) *mat.SymDense {
	s.needVectors("Reconstruct")
	n := s.Dim()
	if dst == nil || dst.IsEmpty() {
		dst = mat.NewSymDense(n, nil)
	} else if dst.SymmetricDim() != n {
		panic(fmt.Sprintf("hessian: Reconstruct: dst has dimension %d, want %d", dst.SymmetricDim(), n))
	}
	var ql mat.Dense
	ql.Scale(1, s.Vectors)
	for j, l := range s.Values {
		col := ql.ColView(j).(*mat.VecDense)
		col.ScaleVec(l, col)
	}
	var full mat.Dense
	full.Mul(&ql, s.Vectors.T())
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			dst.SetSym(i, j, (full.At(i, j)+full.At(j, i))/2)
		}
	}
	return dst
}

// Components returns Qᵀv, the coordinates c_i = q_iᵀv of v in the eigenbasis.
func (s *Spectrum) Components(v []float64) []float64 {
	s.needVectors("Components")
	checkLen("Components", v, s.Dim())
	c := mat.NewVecDense(s.Dim(), nil)
	c.MulVec(s.Vectors.T(), mat.NewVecDense(len(v), v))
	return c.RawVector().Data
}

// Axes returns the half-lengths r_i = √(2c/λ_i) of the level set
// ½ xᵀHx = c along each eigenvector q_i (ascending λ, so descending
// lengths): the larger the curvature, the shorter the axis. Directions with
// λ_i ≤ 0 have no bound and give +Inf. It panics unless c > 0.
func (s *Spectrum) Axes(c float64) []float64 {
	if !(c > 0) {
		panic("hessian: Spectrum.Axes: level must be positive")
	}
	r := make([]float64, len(s.Values))
	for i, l := range s.Values {
		r[i] = math.Inf(1)
		if l > 0 {
			r[i] = math.Sqrt(2 * c / l)
		}
	}
	return r
}

// Cond returns κ = λmax/λmin, the condition number that governs gradient
// descent. It is +Inf unless the matrix is positive definite (λmin > 0).
func (s *Spectrum) Cond() float64 { return Cond(s.Values) }

// CondAbs returns max|λ_i| / min|λ_i|, +Inf when some λ_i = 0.
func (s *Spectrum) CondAbs() float64 { return CondAbs(s.Values) }

// Definiteness classifies the matrix from its eigenvalues; see DefinitenessOf.
func (s *Spectrum) Definiteness(tol float64) Definiteness { return DefinitenessOf(s.Values, tol) }

func (s *Spectrum) needVectors(who string) {
	if s.Vectors == nil {
		panic("hessian: Spectrum." + who + ": spectrum has no eigenvectors (use Eigen, not Eigenvalues)")
	}
}

// Cond returns κ = λmax/λmin of the eigenvalues values (any order), or +Inf
// when λmin ≤ 0: the ratio is meaningful for positive definite matrices only.
func Cond(values []float64) float64 {
	lo, hi := floats.Min(values), floats.Max(values)
	if lo <= 0 {
		return math.Inf(1)
	}
	return hi / lo
}

// CondAbs returns max|λ_i| / min|λ_i| (the 2-norm condition number of a
// symmetric matrix), or +Inf when the matrix is singular.
func CondAbs(values []float64) float64 {
	lo, hi := math.Inf(1), 0.0
	for _, v := range values {
		lo = math.Min(lo, math.Abs(v))
		hi = math.Max(hi, math.Abs(v))
	}
	if lo == 0 {
		return math.Inf(1)
	}
	return hi / lo
}

// CondOf returns κ = λmax/λmin of the symmetric matrix h (+Inf unless h is
// positive definite). It panics if the eigendecomposition fails.
func CondOf(h mat.Symmetric) float64 {
	v, err := Eigenvalues(h)
	if err != nil {
		panic(err)
	}
	return Cond(v)
}

// Definiteness is the sign pattern of a symmetric matrix's eigenvalues.
type Definiteness int

// Definiteness values. PD ⇔ all λ_i > 0 ⇔ vᵀHv > 0 for every v ≠ 0.
const (
	PositiveDefinite     Definiteness = iota // all λ > 0: a bowl
	PositiveSemidefinite                     // all λ ≥ 0, some = 0: a flat valley
	NegativeDefinite                         // all λ < 0: a cap
	NegativeSemidefinite                     // all λ ≤ 0, some = 0
	Indefinite                               // λ of both signs: a saddle
	Zero                                     // all λ = 0: a plane
)

// String returns the name, such as "positive definite".
func (d Definiteness) String() string {
	switch d {
	case PositiveDefinite:
		return "positive definite"
	case PositiveSemidefinite:
		return "positive semidefinite"
	case NegativeDefinite:
		return "negative definite"
	case NegativeSemidefinite:
		return "negative semidefinite"
	case Indefinite:
		return "indefinite"
	case Zero:
		return "zero"
	}
	return fmt.Sprintf("Definiteness(%d)", int(d))
}

// DefaultEigTol is the default relative tolerance under which an eigenvalue
// counts as zero: |λ| ≤ tol·max(1, max|λ_i|). It sits well above the ≈1e-8
// error of finite-difference Hessians
// (for x⁴ at 0 the estimated second derivative is 3e-8, not 0).
const DefaultEigTol = 1e-6

// DefinitenessOf classifies eigenvalues: λ with |λ| ≤ tol·max(1, max_i|λ_i|)
// count as zero. tol ≤ 0 means DefaultEigTol.
func DefinitenessOf(values []float64, tol float64) Definiteness {
	pos, neg, zero := countSigns(values, tol)
	switch {
	case pos > 0 && neg > 0:
		return Indefinite
	case pos > 0 && zero == 0:
		return PositiveDefinite
	case pos > 0:
		return PositiveSemidefinite
	case neg > 0 && zero == 0:
		return NegativeDefinite
	case neg > 0:
		return NegativeSemidefinite
	}
	return Zero
}

func countSigns(values []float64, tol float64) (pos, neg, zero int) {
	if tol <= 0 {
		tol = DefaultEigTol
	}
	scale := 1.0
	for _, v := range values {
		scale = math.Max(scale, math.Abs(v))
	}
	for _, v := range values {
		switch {
		case math.Abs(v) <= tol*scale:
			zero++
		case v > 0:
			pos++
		default:
			neg++
		}
	}
	return pos, neg, zero
}

// DefinitenessOfMatrix classifies the symmetric matrix h; see DefinitenessOf.
// It panics if the eigendecomposition fails.
func DefinitenessOfMatrix(h mat.Symmetric, tol float64) Definiteness {
	v, err := Eigenvalues(h)
	if err != nil {
		panic(err)
	}
	return DefinitenessOf(v, tol)
}

// Curvature returns vᵀHv, the second derivative of t ↦ J(θ + t v) for the
// Hessian H of J at θ: positive means the loss curves up along v.
func Curvature(h mat.Symmetric, v []float64) float64 {
	checkLen("Curvature", v, h.SymmetricDim())
	x := mat.NewVecDense(len(v), v)
	return mat.Inner(x, h, x)
}

// RayleighQuotient returns vᵀHv / vᵀv, the curvature per unit length along
// v; it lies in [λmin, λmax] and equals λ_i at v = q_i. It panics on v = 0.
func RayleighQuotient(h mat.Symmetric, v []float64) float64 {
	vv := floats.Dot(v, v)
	if vv == 0 {
		panic("hessian: RayleighQuotient: zero vector")
	}
	return Curvature(h, v) / vv
}

func checkLen(who string, v []float64, n int) {
	if len(v) != n {
		panic(fmt.Sprintf("hessian: %s: vector has length %d, want %d", who, len(v), n))
	}
}
