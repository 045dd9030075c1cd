package hessian

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/gocurve/gocurve/lib/interrupt"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/gonum"
	"gonum.org/v1/gonum/mat"
)

// Which selects the end of the spectrum that Lanczos computes.
type Which int

// Ends of the spectrum, by algebraic value.
const (
	Largest  Which = iota // the k largest eigenvalues, returned in descending order
	Smallest              // the k smallest eigenvalues, returned in ascending order
)

// String returns "largest" or "smallest".
func (w Which) String() string {
	if w == Largest {
		return "largest"
	}
	if w == Smallest {
		return "smallest"
	}
	return fmt.Sprintf("Which(%d)", int(w))
}

// DefaultEigTolIter is the default relative residual tolerance of Lanczos
// and PowerIteration: stop when ‖A y − θ y‖₂ ≤ Tol·|λ₁| for every wanted pair.
const DefaultEigTolIter = 1e-10

// EigSettings configures Lanczos and PowerIteration. The zero value (and
// nil) is sensible: Tol = DefaultEigTolIter, a seeded random start, and
// MaxIter = min(n, max(300, 20k)) Lanczos steps or 10000 power iterations.
type EigSettings struct {
	MaxIter  int                       // Lanczos steps (Krylov dimension) or power iterations
	Tol      float64                   // relative residual tolerance
	Rand     *rand.Rand                // source of the random start; default seeded with DefaultSeed
	Start    []float64                 // start vector; overrides Rand
	Progress func(iter, converged int) // after each check: steps so far, wanted pairs within tolerance (0 for PowerIteration)
}

// Eigenpairs are approximate eigenpairs (θ_i, y_i) of an Operator.
type Eigenpairs struct {
	Values     []float64  // Largest: descending; Smallest: ascending
	Vectors    *mat.Dense // n×k, unit Ritz vector y_i in column i
	Residuals  []float64  // measured ‖A y_i − θ_i y_i‖₂
	Iterations int        // matrix-vector products used, excluding the k for Residuals
	Converged  bool       // every residual estimate met the tolerance
}

// ErrNotConverged is wrapped by the errors of iterative methods that hit
// their iteration limit; the partial result is still returned.
var ErrNotConverged = errors.New("hessian: not converged")

// Lanczos computes the k largest or smallest eigenpairs of the symmetric
// operator op from products A·v only. It builds an orthonormal Krylov basis
// V_m of span{v, Av, …, A^{m−1}v} with the three-term recurrence
//
//	β_j v_{j+1} = A v_j − α_j v_j − β_{j−1} v_{j−1},  α_j = v_jᵀ A v_j,
//
// reorthogonalising every new vector against all previous ones (twice, so
// no spurious copies appear), and takes the Ritz pairs (θ_i, V_m s_i) of the
// tridiagonal T_m = tridiag(β, α, β) (lapack Dsteqr). It stops when every
// wanted pair has residual ‖A y_i − θ_i y_i‖ = |β_m s_{m,i}| ≤ Tol·|λ₁|,
// λ₁ the largest Ritz value in magnitude, or at m = MaxIter (then the result
// comes with an error wrapping ErrNotConverged). If the recurrence breaks
// down (an invariant subspace) it continues from a new random vector
// orthogonal to V and waits for the new block's extreme Ritz pair to
// converge too, which finds further copies of a multiple eigenvalue. Memory
// is n·m floats. Extreme, well-separated eigenvalues converge first; without
// a breakdown, a multiple eigenvalue appears once only (a Krylov space holds
// one vector of each eigenspace).
//
// It panics unless 1 ≤ k ≤ op.Dim(), and returns an error wrapping
// interrupt.ErrInterrupted if interrupted.
func Lanczos(op Operator, k int, which Which, s *EigSettings) (*Eigenpairs, error) {
	n := op.Dim()
	if k < 1 || k > n {
		panic(fmt.Sprintf("hessian: Lanczos: k=%d, want 1 ≤ k ≤ %d", k, n))
	}
	var set EigSettings
	if s != nil {
		set = *s
	}
	if set.Tol <= 0 {
		set.Tol = DefaultEigTolIter
	}
	if set.MaxIter <= 0 {
		set.MaxIter = max(300, 20*k)
	}
	maxIter := min(n, max(set.MaxIter, k))
	rng := rngOr(set.Rand)
	q := startVector(set.Start, n, rng, "Lanczos")

	kr := newKrylov(op, maxIter)
	var (
		theta      []float64
		z          []float64
		converged  bool
		blockStart int // first step after the last breakdown
	)
	for {
		if err := interrupt.Err(); err != nil {
			return nil, fmt.Errorf("hessian: Lanczos after %d steps: %w", kr.m(), err)
		}
		b := kr.step(q)
		m := kr.m()
		breakdown := b <= 1e-12*kr.normT()
		last := m == maxIter
		if m >= k && (last || (!breakdown && (m < 50 || m%5 == 0))) {
			theta, z = tridiagEigen(kr.alpha, kr.beta[:m-1], true)
			if m == n {
				converged = true // the Krylov space is the whole space: Ritz pairs are exact
			} else {
				converged = ritzConverged(theta, z, m, k, which, b, set.Tol) &&
					blockConverged(kr, blockStart, which, b, set.Tol*math.Max(math.Abs(theta[0]), math.Abs(theta[m-1])))
			}
			if set.Progress != nil {
				set.Progress(m, countConverged(theta, z, m, k, which, b, set.Tol))
			}
			if converged || last {
				break
			}
		}
		if breakdown {
			q = kr.randomOrthogonal(rng)
			b = 0
			blockStart = m
		} else {
			q = make([]float64, n)
			floats.ScaleTo(q, 1/b, kr.w)
		}
		kr.beta = append(kr.beta, b)
	}

	m := kr.m()
	res := &Eigenpairs{
		Values:     make([]float64, k),
		Vectors:    mat.NewDense(n, k, nil),
		Residuals:  make([]float64, k),
		Iterations: m,
		Converged:  converged,
	}
	y := make([]float64, n)
	ay := make([]float64, n)
	for c := 0; c < k; c++ {
		idx := wantedIndex(c, m, which)
		res.Values[c] = theta[idx]
		for i := range y {
			y[i] = 0
		}
		for j := 0; j < m; j++ {
			floats.AddScaled(y, z[j*m+idx], kr.v[j])
		}
		floats.Scale(1/floats.Norm(y, 2), y)
		res.Vectors.SetCol(c, y)
		op.Apply(ay, y)
		floats.AddScaled(ay, -theta[idx], y)
		res.Residuals[c] = floats.Norm(ay, 2)
	}
	if !converged {
		return res, fmt.Errorf("hessian: Lanczos: %d of %d eigenpairs within tolerance after %d steps: %w",
			countConverged(theta, z, m, k, which, kr.lastBeta(), set.Tol), k, m, ErrNotConverged)
	}
	return res, nil
}

// wantedIndex maps the c-th wanted Ritz value to its index in ascending order.
func wantedIndex(c, m int, which Which) int {
	if which == Largest {
		return m - 1 - c
	}
	return c
}

func ritzConverged(theta, z []float64, m, k int, which Which, b, tol float64) bool {
	return countConverged(theta, z, m, k, which, b, tol) == k
}

func countConverged(theta, z []float64, m, k int, which Which, b, tol float64) int {
	scale := math.Max(math.Abs(theta[0]), math.Abs(theta[m-1]))
	count := 0
	for c := 0; c < min(k, m); c++ {
		idx := wantedIndex(c, m, which)
		if math.Abs(b*z[(m-1)*m+idx]) <= tol*scale {
			count++
		}
	}
	return count
}

// blockConverged reports, after a breakdown, whether the extreme Ritz value
// of the block built since the restart has converged. Ritz pairs of earlier,
// decoupled blocks have zero residual estimates even when the new block is
// about to find a larger (or smaller) eigenvalue, such as another copy of a
// multiple one, so convergence waits for the new block's extreme pair.
func blockConverged(kr *krylov, start int, which Which, b, tol float64) bool {
	if start == 0 {
		return true
	}
	m := kr.m()
	bm := m - start
	_, z := tridiagEigen(kr.alpha[start:m], kr.beta[start:m-1], true)
	idx := wantedIndex(0, bm, which)
	return math.Abs(b*z[(bm-1)*bm+idx]) <= tol
}

// krylov holds a Lanczos basis with full reorthogonalisation.
type krylov struct {
	op          Operator
	v           [][]float64 // orthonormal basis vectors
	alpha, beta []float64
	w           []float64 // the last unnormalised residual vector
}

func newKrylov(op Operator, capacity int) *krylov {
	return &krylov{op: op, v: make([][]float64, 0, capacity), w: make([]float64, op.Dim())}
}

func (kr *krylov) m() int { return len(kr.v) }

func (kr *krylov) lastBeta() float64 { return floats.Norm(kr.w, 2) }

// step appends the unit vector q to the basis, computes w = A q − α q −
// β v_prev orthogonalised against the whole basis, and returns ‖w‖.
func (kr *krylov) step(q []float64) float64 {
	kr.v = append(kr.v, q)
	kr.op.Apply(kr.w, q)
	a := floats.Dot(kr.w, q)
	kr.alpha = append(kr.alpha, a)
	// Two passes of classical Gram-Schmidt against every basis vector
	// (this includes the α and β terms of the three-term recurrence).
	for pass := 0; pass < 2; pass++ {
		for _, v := range kr.v {
			floats.AddScaled(kr.w, -floats.Dot(v, kr.w), v)
		}
	}
	return floats.Norm(kr.w, 2)
}

// normT estimates ‖T‖ for the breakdown test.
func (kr *krylov) normT() float64 {
	var s float64
	for _, a := range kr.alpha {
		s = math.Max(s, math.Abs(a))
	}
	for _, b := range kr.beta {
		s = math.Max(s, math.Abs(b))
	}
	return math.Max(s, math.SmallestNonzeroFloat64)
}

// randomOrthogonal returns a random unit vector orthogonal to the basis.
func (kr *krylov) randomOrthogonal(rng *rand.Rand) []float64 {
	n := len(kr.w)
	for {
		q := make([]float64, n)
		for i := range q {
			q[i] = rng.NormFloat64()
		}
		for pass := 0; pass < 2; pass++ {
			for _, v := range kr.v {
				floats.AddScaled(q, -floats.Dot(v, q), v)
			}
		}
		if nq := floats.Norm(q, 2); nq > 1e-8 {
			floats.Scale(1/nq, q)
			return q
		}
	}
}

// tridiagEigen returns the eigenvalues (ascending) of the symmetric
// tridiagonal matrix with diagonal d and off-diagonal e and, if vectors, its
// eigenvectors row-major in z (z[i*m+j] is component i of vector j).
func tridiagEigen(d, e []float64, vectors bool) (theta, z []float64) {
	m := len(d)
	theta = append([]float64(nil), d...)
	ee := append([]float64(nil), e...)
	if m == 1 {
		return theta, []float64{1}
	}
	compz := lapack.EVCompNone
	if vectors {
		compz = lapack.EVTridiag
		z = make([]float64, m*m)
	}
	work := make([]float64, max(1, 2*m-2))
	if !(gonum.Implementation{}).Dsteqr(compz, m, theta, ee, z, max(1, m), work) {
		panic("hessian: tridiagonal eigensolver did not converge")
	}
	return theta, z
}

func startVector(start []float64, n int, rng *rand.Rand, who string) []float64 {
	q := make([]float64, n)
	if start != nil {
		checkLen(who, start, n)
		copy(q, start)
	} else {
		for i := range q {
			q[i] = rng.NormFloat64()
		}
	}
	nq := floats.Norm(q, 2)
	if nq == 0 {
		panic("hessian: " + who + ": zero start vector")
	}
	floats.Scale(1/nq, q)
	return q
}

// PowerIteration computes the eigenvalue of largest magnitude |λ|max of op
// and its vector by v ← A v / ‖A v‖, with the Rayleigh quotient θ = vᵀAv.
// The error shrinks like |λ₂/λ₁|ᵗ, so it is much slower than Lanczos when
// the top eigenvalues are close, and it finds only the largest |λ| (which
// may be negative). It stops when ‖A v − θ v‖ ≤ Tol·|θ| (default
// DefaultEigTolIter) or after MaxIter (default 10000) products, returning
// an error wrapping ErrNotConverged then, or interrupt.ErrInterrupted.
func PowerIteration(op Operator, s *EigSettings) (*Eigenpairs, error) {
	n := op.Dim()
	var set EigSettings
	if s != nil {
		set = *s
	}
	if set.Tol <= 0 {
		set.Tol = DefaultEigTolIter
	}
	if set.MaxIter <= 0 {
		set.MaxIter = 10000
	}
	v := startVector(set.Start, n, rngOr(set.Rand), "PowerIteration")
	w := make([]float64, n)
	r := make([]float64, n)
	var theta, res float64
	converged := false
	it := 0
	for it < set.MaxIter {
		if err := interrupt.Err(); err != nil {
			return nil, fmt.Errorf("hessian: PowerIteration after %d steps: %w", it, err)
		}
		op.Apply(w, v)
		it++
		theta = floats.Dot(v, w)
		floats.AddScaledTo(r, w, -theta, v)
		res = floats.Norm(r, 2)
		if set.Progress != nil {
			set.Progress(it, 0)
		}
		if res <= set.Tol*math.Abs(theta) {
			converged = true
			break
		}
		nw := floats.Norm(w, 2)
		if nw == 0 {
			converged = true // v is in the null space: θ = 0 is exact
			break
		}
		floats.ScaleTo(v, 1/nw, w)
	}
	out := &Eigenpairs{
		Values:     []float64{theta},
		Vectors:    mat.NewDense(n, 1, append([]float64(nil), v...)),
		Residuals:  []float64{res},
		Iterations: it,
		Converged:  converged,
	}
	if !converged {
		return out, fmt.Errorf("hessian: PowerIteration: residual %.3g after %d steps: %w", res, it, ErrNotConverged)
	}
	return out, nil
}
