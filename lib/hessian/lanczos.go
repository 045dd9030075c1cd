package hessian

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"

	"github.com/gocurve/gocurve/lib/interrupt"
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
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
	// NoMultiplicityCheck skips Lanczos's search for missed eigenvalues
	// after convergence (about the cost of finding one more eigenvalue):
	// faster, but a multiple eigenvalue may then appear once only, and the
	// result says so.
	NoMultiplicityCheck bool
}

// Eigenpairs are approximate eigenpairs (θ_i, y_i) of an Operator.
type Eigenpairs struct {
	Values     []float64  // Largest: descending; Smallest: ascending
	Vectors    *mat.Dense // n×k, unit Ritz vector y_i in column i
	Residuals  []float64  // measured ‖A y_i − θ_i y_i‖₂
	Iterations int        // matrix-vector products used, excluding the k for Residuals
	Converged  bool       // every residual estimate met the tolerance
	// MultiplicityChecked: a Krylov space holds one vector of each
	// eigenspace, so a repeated eigenvalue can hide. True when Lanczos on
	// the operator restricted to the complement of the found vectors turned
	// up no further eigenvalue among the wanted ones (or the Krylov space
	// was the whole space); false when the check was skipped or failed, and
	// then the values may miss copies of a multiple eigenvalue.
	MultiplicityChecked bool
	Which               Which // the end of the spectrum asked for
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
// reorthogonalising every new vector w against all previous ones by
// classical Gram–Schmidt, w ← w − V(Vᵀw), with a second pass only when the
// first shrinks ‖w‖ by more than 1/√2 (the DGKS criterion), so the basis
// stays orthonormal to rounding error and no spurious copies appear; for
// large bases these products are split over GOMAXPROCS goroutines. It takes
// the Ritz pairs (θ_i, V_m s_i) of the tridiagonal T_m = tridiag(β, α, β)
// (lapack Dsteqr). It stops when every wanted pair has residual
// ‖A y_i − θ_i y_i‖ = |β_m s_{m,i}| ≤ Tol·|λ₁|, λ₁ the largest Ritz value
// in magnitude, or at m = MaxIter (then the result comes with an error wrapping
// ErrNotConverged). If the recurrence breaks down (an invariant subspace) it
// continues from a new random vector orthogonal to V and waits for the new
// block's extreme Ritz pair to converge too, which finds further copies of a
// multiple eigenvalue. Memory is n·m floats (m rounded up to a multiple of
// 32). Extreme, well-separated eigenvalues converge first; without a
// breakdown, a multiple eigenvalue appears once only (a Krylov space holds
// one vector of each eigenspace). So, after convergence, Lanczos looks for
// what it missed: it finds the extreme eigenvalue μ of the operator
// restricted to the orthogonal complement of the k Ritz vectors Y,
// (I − YYᵀ)A(I − YYᵀ), and if μ belongs among the wanted values (a further
// copy of a multiple eigenvalue, or one the start vector did not reach) it
// takes the Rayleigh–Ritz pairs of A on [Y, u] and looks again. The result
// then has MultiplicityChecked set. The check costs the products needed to
// find one more eigenvalue (to a relative residual of 1e-6): about twice
// the unchecked cost when the next eigenvalue is well separated, up to
// seven times when it sits in a dense bulk (n = 2000, k = 5 largest: 16
// products unchecked, 111 checked); EigSettings.NoMultiplicityCheck skips
// it, and then the result says it was not checked.
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
			copy(q, kr.randomOrthogonal(rng))
			b = 0
			blockStart = m
		} else {
			floats.ScaleTo(q, 1/b, kr.w) // step copies q into the basis, so q is reused
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
	idx := make([]int, k)
	for c := range idx {
		idx[c] = wantedIndex(c, m, which)
		res.Values[c] = theta[idx[c]]
	}
	kr.ritzVectors(res.Vectors, z, idx)
	y := make([]float64, n)
	ay := make([]float64, n)
	for c := 0; c < k; c++ {
		mat.Col(y, c, res.Vectors)
		op.Apply(ay, y)
		floats.AddScaled(ay, -res.Values[c], y)
		res.Residuals[c] = floats.Norm(ay, 2)
	}
	if !converged {
		return res, fmt.Errorf("hessian: Lanczos: %d of %d eigenpairs within tolerance after %d steps: %w",
			countConverged(theta, z, m, k, which, kr.lastBeta(), set.Tol), k, m, ErrNotConverged)
	}
	res.Which = which
	res.MultiplicityChecked = m == n
	if !res.MultiplicityChecked && !set.NoMultiplicityCheck && k < n {
		tol := set.Tol * math.Max(math.Abs(theta[0]), math.Abs(theta[m-1]))
		if err := checkMultiplicity(op, res, tol, &set, rng); err != nil {
			return res, err
		}
	}
	return res, nil
}

// checkMultiplicity looks for wanted eigenvalues of op that res misses,
// by Lanczos on op restricted to the complement of res.Vectors; it adds
// any it finds by Rayleigh–Ritz and sets res.MultiplicityChecked when the
// complement holds no more. Only an interrupt is an error; a search that
// does not converge leaves res unchecked.
func checkMultiplicity(op Operator, res *Eigenpairs, tol float64, set *EigSettings, rng *rand.Rand) error {
	n, k := op.Dim(), len(res.Values)
	for range n - k {
		y := res.Vectors
		defl := deflated{op: op, y: y, c: make([]float64, k)}
		start := make([]float64, n)
		for i := range start {
			start[i] = rng.NormFloat64()
		}
		defl.project(start)
		if floats.Norm(start, 2) < 1e-8 {
			res.MultiplicityChecked = true // y spans the whole space
			return nil
		}
		// Deciding whether μ is wanted needs less accuracy than the result:
		// a Ritz value's error is about the square of its residual.
		inner, err := Lanczos(defl, 1, res.Which, &EigSettings{Tol: math.Max(set.Tol, checkTol), MaxIter: set.MaxIter, Start: start, NoMultiplicityCheck: true})
		res.Iterations += inner.iterations()
		if err != nil {
			if errors.Is(err, interrupt.ErrInterrupted) {
				return fmt.Errorf("hessian: Lanczos: checking for multiple eigenvalues: %w", err)
			}
			return nil
		}
		mu, kth := inner.Values[0], res.Values[k-1]
		if (res.Which == Smallest && mu >= kth-tol) || (res.Which == Largest && mu <= kth+tol) {
			res.MultiplicityChecked = true
			return nil
		}
		if set.Tol < checkTol { // a wanted one: converge it fully, from where the check got
			inner, err = Lanczos(defl, 1, res.Which, &EigSettings{Tol: set.Tol, MaxIter: set.MaxIter, Start: mat.Col(nil, 0, inner.Vectors), NoMultiplicityCheck: true})
			res.Iterations += inner.iterations()
			if err != nil {
				if errors.Is(err, interrupt.ErrInterrupted) {
					return fmt.Errorf("hessian: Lanczos: checking for multiple eigenvalues: %w", err)
				}
				return nil
			}
		}
		// Rayleigh–Ritz on W = [Y u]: the k wanted eigenpairs of WᵀAW.
		w := mat.NewDense(n, k+1, nil)
		w.Slice(0, n, 0, k).(*mat.Dense).Copy(y)
		u := mat.Col(nil, 0, inner.Vectors)
		defl.project(u)
		floats.Scale(1/floats.Norm(u, 2), u)
		w.SetCol(k, u)
		aw := mat.NewDense(n, k+1, nil)
		col, acol := make([]float64, n), make([]float64, n)
		for j := 0; j <= k; j++ {
			mat.Col(col, j, w)
			op.Apply(acol, col)
			aw.SetCol(j, acol)
		}
		res.Iterations += k + 1
		var g mat.Dense
		g.Mul(w.T(), aw)
		small := Symmetrize(&g)
		sp, err := Eigen(small)
		if err != nil {
			return nil
		}
		vecs := mat.NewDense(k+1, k, nil)
		for c := range k {
			i := wantedIndex(c, k+1, res.Which)
			res.Values[c] = sp.Values[i]
			vecs.SetCol(c, sp.Vector(i))
		}
		res.Vectors.Mul(w, vecs)
		for c := range k {
			mat.Col(col, c, res.Vectors)
			op.Apply(acol, col)
			floats.AddScaled(acol, -res.Values[c], col)
			res.Residuals[c] = floats.Norm(acol, 2)
		}
	}
	return nil
}

// checkTol is the relative residual to which the multiplicity check
// converges the extreme eigenvalue of the deflated operator before deciding.
const checkTol = 1e-6

// deflated is op restricted to the orthogonal complement of y's columns,
// (I − YYᵀ) A (I − YYᵀ), applied to vectors already orthogonal to Y.
type deflated struct {
	op Operator
	y  *mat.Dense
	c  []float64
}

func (d deflated) Dim() int { return d.op.Dim() }

func (d deflated) Apply(dst, v []float64) {
	d.op.Apply(dst, v)
	d.project(dst)
}

// project sets x ← (I − YYᵀ)x, twice for stability.
func (d deflated) project(x []float64) {
	n, k := d.y.Dims()
	for range 2 {
		cv := mat.NewVecDense(k, d.c)
		cv.MulVec(d.y.T(), mat.NewVecDense(n, x))
		var yc mat.VecDense
		yc.MulVec(d.y, cv)
		for i := range x {
			x[i] -= yc.AtVec(i)
		}
	}
}

func (e *Eigenpairs) iterations() int {
	if e == nil {
		return 0
	}
	return e.Iterations
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
	n, capacity int
	basis       [][]float64 // blocks of up to basisBlockRows basis vectors, each a row-major matrix
	rows        int         // basis vectors stored
	alpha, beta []float64
	w           []float64 // the last unnormalised residual vector
	c           []float64 // projection coefficients c = V x
	cp          []float64 // per-part coefficients when the projections run in parallel
	passes      int       // Gram–Schmidt passes over the basis so far (for tests)
	maxParts    int       // if > 0, the number of goroutines for the projections regardless of size (for tests)
}

// basisBlockRows is the number of basis vectors in one contiguous block.
// Blocks are allocated as the basis grows, so memory follows the steps
// taken rather than MaxIter, and each block is one row-major matrix for the
// BLAS-2 projections.
const basisBlockRows = 32

// The projections against the basis are split by columns over
// GOMAXPROCS goroutines only when each part has at least parMinCols
// columns and the basis at least parMinWork elements: below that the
// goroutine start-up costs more than it saves (BenchmarkReorthogonalize),
// and small problems stay on one goroutine without allocating. (The split
// is written here because gonum's Dgemv runs on one goroutine.)
const (
	parMinCols = 8192
	parMinWork = 1 << 20
)

func newKrylov(op Operator, capacity int) *krylov {
	n := op.Dim()
	return &krylov{
		op: op, n: n, capacity: capacity,
		alpha: make([]float64, 0, capacity),
		beta:  make([]float64, 0, capacity),
		w:     make([]float64, n),
		c:     make([]float64, capacity),
	}
}

func (kr *krylov) m() int { return kr.rows }

func (kr *krylov) lastBeta() float64 { return floats.Norm(kr.w, 2) }

// row returns basis vector j.
func (kr *krylov) row(j int) []float64 {
	i := j % basisBlockRows
	return kr.basis[j/basisBlockRows][i*kr.n : (i+1)*kr.n]
}

// block returns block b of the basis as a rows×cols row-major matrix,
// restricted to the columns [lo, hi).
func (kr *krylov) block(b, lo, hi int) blas64.General {
	rows := min(basisBlockRows, kr.rows-b*basisBlockRows)
	return blas64.General{Rows: rows, Cols: hi - lo, Stride: kr.n, Data: kr.basis[b][lo : (rows-1)*kr.n+hi]}
}

// appendRow copies q into the basis as its next vector.
func (kr *krylov) appendRow(q []float64) {
	b, i := kr.rows/basisBlockRows, kr.rows%basisBlockRows
	if b == len(kr.basis) {
		rows := min(basisBlockRows, max(1, kr.capacity-kr.rows))
		kr.basis = append(kr.basis, make([]float64, rows*kr.n))
	} else if len(kr.basis[b]) < (i+1)*kr.n { // beyond the capacity: a full block
		kr.basis[b] = append(make([]float64, 0, basisBlockRows*kr.n), kr.basis[b]...)[:basisBlockRows*kr.n]
	}
	kr.rows++
	if len(kr.c) < kr.rows {
		kr.c = append(kr.c, make([]float64, kr.rows-len(kr.c))...)
	}
	copy(kr.row(kr.rows-1), q)
}

// step appends the unit vector q = v_m to the basis, computes the
// three-term recurrence w = A v_m − β_{m−1} v_{m−1} − α_m v_m,
// orthogonalises w against the whole basis and returns ‖w‖.
func (kr *krylov) step(q []float64) float64 {
	m := kr.rows
	kr.appendRow(q)
	v := kr.row(m)
	kr.op.Apply(kr.w, v)
	if m > 0 {
		floats.AddScaled(kr.w, -kr.beta[m-1], kr.row(m-1))
	}
	a := floats.Dot(kr.w, v)
	floats.AddScaled(kr.w, -a, v)
	kr.alpha = append(kr.alpha, a)
	return kr.reorthogonalize(kr.w)
}

// reorthogonalize removes from x its components along the basis V by
// classical Gram–Schmidt, x ← x − Vᵀ(V x), and repeats the pass once if it
// shrank ‖x‖ by more than a factor 1/√2 (the criterion of Daniel, Gragg,
// Kaufman and Stewart, 1976: a pass that cancels that much may leave
// rounding errors along V, a second one removes them, and two are enough
// for a vector not numerically in span V). It returns ‖x‖.
func (kr *krylov) reorthogonalize(x []float64) float64 {
	norm := floats.Norm(x, 2)
	for range 2 {
		after := kr.project(x)
		if after > norm/math.Sqrt2 {
			return after
		}
		norm = after
	}
	return norm
}

// project sets x ← x − Vᵀ(V x) with two matrix-vector products per basis
// block and returns ‖x‖. For large bases the columns are split over
// goroutines: each computes its part of V x, the parts are summed, and
// each updates its columns of x.
func (kr *krylov) project(x []float64) float64 {
	kr.passes++
	m := kr.rows
	c := kr.c[:m]
	parts := kr.parts()
	if parts == 1 {
		kr.projectCoefficients(c, x, 0, kr.n)
		return kr.subtractProjection(x, c, 0, kr.n)
	}
	if len(kr.cp) < parts*m {
		kr.cp = make([]float64, parts*max(m, kr.capacity))
	}
	cp := kr.cp[:parts*m]
	bounds := func(i int) (lo, hi int) { return split(kr.n, parts, i), split(kr.n, parts, i+1) }
	parallel(parts, func(i int) {
		lo, hi := bounds(i)
		kr.projectCoefficients(cp[i*m:(i+1)*m], x, lo, hi)
	})
	copy(c, cp[:m])
	for i := 1; i < parts; i++ {
		floats.Add(c, cp[i*m:(i+1)*m])
	}
	norms := cp[:parts] // the partial coefficients are spent
	parallel(parts, func(i int) {
		lo, hi := bounds(i)
		norms[i] = kr.subtractProjection(x, c, lo, hi)
	})
	return floats.Norm(norms, 2)
}

// projectCoefficients sets c = V[:, lo:hi] x[lo:hi].
func (kr *krylov) projectCoefficients(c, x []float64, lo, hi int) {
	for b := range kr.basis {
		if b*basisBlockRows >= kr.rows {
			break
		}
		v := kr.block(b, lo, hi)
		blas64.Gemv(blas.NoTrans, 1, v, blas64.Vector{N: hi - lo, Inc: 1, Data: x[lo:hi]},
			0, blas64.Vector{N: v.Rows, Inc: 1, Data: c[b*basisBlockRows:]})
	}
}

// subtractProjection sets x[lo:hi] −= V[:, lo:hi]ᵀ c and returns ‖x[lo:hi]‖.
func (kr *krylov) subtractProjection(x, c []float64, lo, hi int) float64 {
	for b := range kr.basis {
		if b*basisBlockRows >= kr.rows {
			break
		}
		v := kr.block(b, lo, hi)
		blas64.Gemv(blas.Trans, -1, v, blas64.Vector{N: v.Rows, Inc: 1, Data: c[b*basisBlockRows:]},
			1, blas64.Vector{N: hi - lo, Inc: 1, Data: x[lo:hi]})
	}
	return floats.Norm(x[lo:hi], 2)
}

// parts returns the number of goroutines for the projections.
func (kr *krylov) parts() int {
	if kr.maxParts > 0 {
		return min(kr.maxParts, kr.n)
	}
	p := min(runtime.GOMAXPROCS(0), kr.n/parMinCols)
	if p < 2 || kr.rows*kr.n < parMinWork {
		return 1
	}
	return p
}

// split returns the start of part i of [0, n) cut into parts pieces,
// rounded to a multiple of 8 elements (a 64-byte cache line).
func split(n, parts, i int) int {
	if i >= parts {
		return n
	}
	return (i * n / parts) &^ 7
}

// parallel runs f(0), …, f(parts−1) concurrently and waits for them.
func parallel(parts int, f func(i int)) {
	var wg sync.WaitGroup
	for i := 1; i < parts; i++ {
		wg.Go(func() { f(i) })
	}
	f(0)
	wg.Wait()
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
	q := make([]float64, kr.n)
	for {
		for i := range q {
			q[i] = rng.NormFloat64()
		}
		kr.project(q)
		if nq := kr.project(q); nq > 1e-8 {
			floats.Scale(1/nq, q)
			return q
		}
	}
}

// ritzVectors sets the columns of y (n×len(idx)) to the Ritz vectors
// V s_idx[c] with the eigenvectors z of T (row-major m×m), as one
// matrix product per basis block, and normalises them.
func (kr *krylov) ritzVectors(y *mat.Dense, z []float64, idx []int) {
	m, k := kr.rows, len(idx)
	s := make([]float64, m*k)
	for j := 0; j < m; j++ {
		for c, i := range idx {
			s[j*k+c] = z[j*m+i]
		}
	}
	yr := y.RawMatrix()
	for b := range kr.basis {
		if b*basisBlockRows >= m {
			break
		}
		v := kr.block(b, 0, kr.n)
		sb := blas64.General{Rows: v.Rows, Cols: k, Stride: k, Data: s[b*basisBlockRows*k:]}
		blas64.Gemm(blas.Trans, blas.NoTrans, 1, v, sb, 1, yr)
	}
	for c := 0; c < k; c++ {
		col := y.ColView(c).(*mat.VecDense)
		col.ScaleVec(1/mat.Norm(col, 2), col)
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
