// Package symeig computes all eigenvalues and eigenvectors of a real
// symmetric matrix by Cuppen's divide and conquer, with the deflation of
// Dongarra and Sorensen and the eigenvector formula of Gu and Eisenstat, as
// LAPACK's dsyevd/dstedc/dlaed0–dlaed4 describe it. The reduction to
// tridiagonal form and the back-transformation are gonum's (Dsytrd, Dormqr).
//
// It replaces QR iteration (gonum's Dsyev) where eigenvectors are wanted
// and n is large: QR accumulates O(n²) plane rotations into an n×n matrix,
// about 6n³ flops of strided level-1 work, where divide and conquer spends
// its O(n³) in matrix products, and less than that when eigenvalues deflate.
//
// References:
//   - J. J. M. Cuppen, A divide and conquer method for the symmetric
//     tridiagonal eigenproblem, Numer. Math. 36 (1981) 177–195.
//   - J. J. Dongarra and D. C. Sorensen, A fully parallel algorithm for the
//     symmetric eigenvalue problem, SIAM J. Sci. Stat. Comput. 8 (1987).
//   - M. Gu and S. C. Eisenstat, A stable and efficient algorithm for the
//     rank-one modification of the symmetric eigenproblem, SIAM J. Matrix
//     Anal. Appl. 15 (1994) 1266–1276.
//   - R.-C. Li, Solving secular equations stably and efficiently, LAPACK
//     Working Note 89 (1993).
package symeig

import (
	"math"
	"slices"
	"sort"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/gonum"
)

// leaf is the largest subproblem solved by QR iteration rather than split
// further (LAPACK's SMLSIZ is 25).
const leaf = 32

var (
	impl = gonum.Implementation{}
	bl   = blas64.Implementation()
	eps  = math.Nextafter(1, 2) - 1
)

// Dense computes the eigenvalues w (ascending) and, in the columns of z,
// orthonormal eigenvectors of the n×n symmetric matrix whose lower triangle
// is stored row-major in a with stride lda; a is overwritten. z must hold
// n×n values with stride ldz. It reports false if an eigenvalue iteration
// did not converge.
func Dense(n int, a []float64, lda int, w, z []float64, ldz int) bool {
	if n == 0 {
		return true
	}
	e := make([]float64, max(n-1, 1))
	tau := make([]float64, max(n-1, 1))
	work := []float64{0}
	impl.Dsytrd(blas.Lower, n, a, lda, w, e, tau, work, -1)
	work = make([]float64, int(work[0]))
	impl.Dsytrd(blas.Lower, n, a, lda, w, e, tau, work, len(work))
	if !Tridiagonal(n, w, e[:max(n-1, 0)], z, ldz) {
		return false
	}
	if n > 1 {
		// z ← Q z, Q = H(0)⋯H(n−2) from the reflectors below the subdiagonal.
		work = []float64{0}
		impl.Dormqr(blas.Left, blas.NoTrans, n-1, n, n-1, a[lda:], lda, tau[:n-1], z[ldz:], ldz, work, -1)
		work = make([]float64, int(work[0]))
		impl.Dormqr(blas.Left, blas.NoTrans, n-1, n, n-1, a[lda:], lda, tau[:n-1], z[ldz:], ldz, work, len(work))
	}
	return true
}

// Tridiagonal computes the eigenvalues (into d, ascending) and the
// eigenvectors (into the columns of z, n×n, stride ldz) of the symmetric
// tridiagonal matrix with diagonal d and off-diagonal e; e is overwritten.
// It reports false if an eigenvalue iteration did not converge.
func Tridiagonal(n int, d, e, z []float64, ldz int) bool {
	if n == 0 {
		return true
	}
	// Scale to unit max norm so the secular equations neither overflow nor underflow.
	norm := 0.0
	for _, v := range d[:n] {
		norm = math.Max(norm, math.Abs(v))
	}
	for _, v := range e[:n-1] {
		norm = math.Max(norm, math.Abs(v))
	}
	for i := 0; i < n; i++ {
		clear(z[i*ldz : i*ldz+n])
	}
	if norm == 0 {
		for i := 0; i < n; i++ {
			z[i*ldz+i] = 1
		}
		return true
	}
	if math.IsNaN(norm) || math.IsInf(norm, 0) {
		return false
	}
	for i := range d[:n] {
		d[i] /= norm
	}
	for i := range e[:n-1] {
		e[i] /= norm
	}
	ok := divide(n, d, e, z, ldz)
	for i := range d[:n] {
		d[i] *= norm
	}
	return ok
}

// divide solves the subproblem of order n whose eigenvector block starts
// at z[0] with stride ldz (zero on entry).
func divide(n int, d, e, z []float64, ldz int) bool {
	if n <= leaf {
		for i := 0; i < n; i++ {
			z[i*ldz+i] = 1
		}
		return impl.Dsteqr(lapack.EVTridiag, n, d, e, z, ldz, make([]float64, max(1, 2*n-2)))
	}
	m := n / 2
	beta := e[m-1]
	// T = diag(T₁ − |β| e_m e_mᵀ, T₂ − |β| e₁e₁ᵀ) + |β| v vᵀ, v = (e_m, sign(β) e₁).
	d[m-1] -= math.Abs(beta)
	d[m] -= math.Abs(beta)
	if !divide(m, d[:m], e[:m-1], z, ldz) {
		return false
	}
	if !divide(n-m, d[m:], e[m:], z[m*ldz+m:], ldz) {
		return false
	}
	merge(n, m, beta, d, z, ldz)
	return true
}

// Column kinds in a merge: where a column of diag(Q₁, Q₂) can be nonzero.
const (
	top    = 1 << iota // rows 0..m−1 (from Q₁)
	bottom             // rows m..n−1 (from Q₂)
)

// merge finds the spectrum of diag(Q₁D₁Q₁ᵀ, Q₂D₂Q₂ᵀ) + |β| v vᵀ given the
// two halves' eigenpairs in d and z, and stores it there, sorted.
func merge(n, m int, beta float64, d, z []float64, ldz int) {
	// z-vector of the rank-one update in the eigenbasis: the last row of
	// Q₁ and the first row of Q₂ (times sign β), normalised; ρ = 2|β|.
	zv := make([]float64, n)
	copy(zv[:m], z[(m-1)*ldz:(m-1)*ldz+m])
	copy(zv[m:], z[m*ldz+m:m*ldz+n])
	s := 1 / math.Sqrt2
	for i := range zv {
		zv[i] *= s
	}
	if beta < 0 {
		for i := m; i < n; i++ {
			zv[i] = -zv[i]
		}
	}
	rho := 2 * math.Abs(beta)

	// Merge the two sorted halves: perm[p] is the column at sorted place p.
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	sort.SliceStable(perm, func(a, b int) bool { return d[perm[a]] < d[perm[b]] })
	dd := make([]float64, n)
	zz := make([]float64, n)
	kind := make([]int, n)
	w := make([]float64, n*n) // the columns of diag(Q₁, Q₂), permuted
	for p, c := range perm {
		dd[p], zz[p] = d[c], zv[c]
		if c < m {
			kind[p] = top
		} else {
			kind[p] = bottom
		}
	}
	for i := 0; i < n; i++ { // row by row: row-major storage
		wi, zi := w[i*n:(i+1)*n], z[i*ldz:i*ldz+n]
		for p, c := range perm {
			wi[p] = zi[c]
		}
	}

	// Deflation (dlaed2): a tiny z component leaves its d as an eigenvalue;
	// two close d's are rotated so that one of the z components vanishes.
	dmax, zmax := 0.0, 0.0
	for p := range dd {
		dmax = math.Max(dmax, math.Abs(dd[p]))
		zmax = math.Max(zmax, math.Abs(zz[p]))
	}
	tol := 8 * eps * math.Max(dmax, zmax)
	var kept, deflated []int
	prev := -1
	for p := 0; p < n; p++ {
		if rho*math.Abs(zz[p]) <= tol {
			deflated = append(deflated, p)
			continue
		}
		if prev < 0 {
			prev = p
			continue
		}
		sv, cv := zz[prev], zz[p]
		tau := math.Hypot(cv, sv)
		t := dd[p] - dd[prev]
		c, sn := cv/tau, -sv/tau
		if math.Abs(t*c*sn) <= tol {
			zz[p], zz[prev] = tau, 0
			bl.Drot(n, w[prev:], n, w[p:], n, c, sn)
			kind[p] |= kind[prev]
			kind[prev] |= kind[p]
			tp := dd[prev]*c*c + dd[p]*sn*sn
			dd[p] = dd[prev]*sn*sn + dd[p]*c*c
			dd[prev] = tp
			deflated = append(deflated, prev)
		} else {
			kept = append(kept, prev)
		}
		prev = p
	}
	if prev >= 0 {
		kept = append(kept, prev)
	}

	k := len(kept)
	vals := make([]float64, 0, n)
	out := make([]float64, n*n) // eigenvectors, unsorted, row-major n×n
	if k > 0 {
		dl := make([]float64, k)
		zl := make([]float64, k)
		for j, p := range kept {
			dl[j], zl[j] = dd[p], zz[p]
		}
		lam, u := secularVectors(dl, zl, rho)
		vals = append(vals, lam...)
		// out[:, 0:k] = W[:, kept]·U, once for the top rows and once for the
		// bottom rows, each over the columns that are nonzero there.
		product := func(r0, r1, part int) {
			var cols []int
			for j, p := range kept {
				if kind[p]&part != 0 {
					cols = append(cols, j)
				}
			}
			if len(cols) == 0 || r1 == r0 {
				return
			}
			rows := r1 - r0
			a := make([]float64, rows*len(cols))
			b := make([]float64, len(cols)*k)
			for i := 0; i < rows; i++ {
				ai, wi := a[i*len(cols):(i+1)*len(cols)], w[(r0+i)*n:(r0+i+1)*n]
				for t, j := range cols {
					ai[t] = wi[kept[j]]
				}
			}
			for t, j := range cols {
				copy(b[t*k:(t+1)*k], u[j*k:(j+1)*k])
			}
			bl.Dgemm(blas.NoTrans, blas.NoTrans, rows, k, len(cols), 1, a, len(cols), b, k, 0, out[r0*n:], n)
		}
		product(0, m, top)
		product(m, n, bottom)
	}
	for _, p := range deflated {
		vals = append(vals, dd[p])
	}
	for i := 0; i < n; i++ {
		oi, wi := out[i*n+k:(i+1)*n], w[i*n:(i+1)*n]
		for t, p := range deflated {
			oi[t] = wi[p]
		}
	}

	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case vals[a] < vals[b]:
			return -1
		case vals[a] > vals[b]:
			return 1
		}
		return 0
	})
	for c, src := range order {
		d[c] = vals[src]
	}
	for i := 0; i < n; i++ {
		zi, oi := z[i*ldz:i*ldz+n], out[i*n:(i+1)*n]
		for c, src := range order {
			zi[c] = oi[src]
		}
	}
}

// secularVectors returns the eigenvalues λ (ascending) of D + ρ z zᵀ, with
// d strictly increasing, ρ > 0 and no deflatable z_i, and its eigenvectors
// as the columns of the k×k row-major u. The vectors come from the
// Gu–Eisenstat ẑ, the z for which the computed λ are exact eigenvalues,
// so they are orthogonal to working precision however close the λ are.
func secularVectors(d, z []float64, rho float64) (lam, u []float64) {
	k := len(d)
	lam = make([]float64, k)
	delta := make([]float64, k*k) // delta[j*k+i] = d_i − λ_j, accurately
	for j := 0; j < k; j++ {
		lam[j] = secularRoot(j, d, z, rho, delta[j*k:(j+1)*k])
	}
	// ẑ_i² = ∏_j (λ_j − d_i) / (ρ ∏_{j≠i} (d_j − d_i)).
	zh := make([]float64, k)
	for i := 0; i < k; i++ {
		v := -delta[i*k+i] / rho
		for j := 0; j < k; j++ {
			if j != i {
				v *= -delta[j*k+i] / (d[j] - d[i])
			}
		}
		zh[i] = math.Copysign(math.Sqrt(math.Abs(v)), z[i])
	}
	u = make([]float64, k*k)
	for j := 0; j < k; j++ {
		nrm := 0.0
		for i := 0; i < k; i++ {
			x := zh[i] / delta[j*k+i]
			u[i*k+j] = x
			nrm += x * x
		}
		nrm = 1 / math.Sqrt(nrm)
		for i := 0; i < k; i++ {
			u[i*k+j] *= nrm
		}
	}
	return lam, u
}

// secularRoot returns the j-th root λ_j of the secular equation
//
//	f(λ) = 1/ρ + Σ_i z_i² / (d_i − λ) = 0,
//
// which lies in (d_j, d_{j+1}), or in (d_{k−1}, d_{k−1} + ρ‖z‖²] for the
// last, and stores d_i − λ_j in delta. λ is carried as an origin pole plus
// a shift τ, so every d_i − λ_j is computed to high relative accuracy, as
// the Gu–Eisenstat vectors need. Each step solves the two-pole rational
// model of f exactly (Li's "middle way"), safeguarded by bisection.
func secularRoot(j int, d, z []float64, rho float64, delta []float64) float64 {
	k := len(d)
	if k == 1 {
		delta[0] = -rho * z[0] * z[0]
		return d[0] + rho*z[0]*z[0]
	}
	zz := 0.0
	for _, v := range z {
		zz += v * v
	}
	// Origin o and bracket [lo, hi] for τ = λ − d_o; poles l < r bound the model.
	var o, l, r int
	var lo, hi float64
	if j == k-1 {
		o, l, r = k-1, k-2, k-1
		lo, hi = 0, rho*zz
	} else {
		l, r = j, j+1
		gap := d[r] - d[l]
		mid := gap / 2
		// f at the midpoint decides which pole is nearer the root.
		f := 1 / rho
		for i := range d {
			f += z[i] * z[i] / ((d[i] - d[l]) - mid)
		}
		if f >= 0 {
			o, lo, hi = l, 0, mid
		} else {
			o, lo, hi = r, -mid, 0
		}
	}
	do := d[o]
	tau := (lo + hi) / 2
	if j == k-1 {
		// Start where the last term alone would put the root.
		tau = math.Min(rho*z[k-1]*z[k-1], hi)
		if tau <= 0 {
			tau = hi / 2
		}
	}
	for iter := 0; iter < 100; iter++ {
		// δ_i = d_i − λ = (d_i − d_o) − τ; ψ sums i ≤ l, φ sums i ≥ r.
		var psi, dpsi, phi, dphi float64
		for i := 0; i < k; i++ {
			di := (d[i] - do) - tau
			delta[i] = di
			t := z[i] / di
			if i <= l {
				psi += z[i] * t
				dpsi += t * t
			} else {
				phi += z[i] * t
				dphi += t * t
			}
		}
		f := 1/rho + psi + phi
		if f == 0 {
			break
		}
		if f < 0 {
			lo = tau
		} else {
			hi = tau
		}
		// Error bound of f's evaluation (LAPACK's erretm, simplified).
		bound := eps * float64(k+8) * (1/rho + math.Abs(psi) + math.Abs(phi) + math.Abs(tau)*(dpsi+dphi))
		if math.Abs(f) <= bound || hi-lo <= 2*eps*math.Max(math.Abs(lo), math.Abs(hi)) {
			break
		}
		// Model: c + s/(a − η) + t/(b − η) = 0 with poles a = δ_l, b = δ_r,
		// matching ψ, ψ' and φ, φ' at η = 0; the new τ is τ + η.
		a, b := delta[l], delta[r]
		s := dpsi * a * a
		t := dphi * b * b
		c := 1/rho + psi - dpsi*a + phi - dphi*b
		eta, good := modelRoot(c, s, t, a, b, j == k-1)
		next := tau + eta
		if !good || !(next > lo && next < hi) {
			next = (lo + hi) / 2
		}
		if next == tau {
			break
		}
		tau = next
	}
	for i := 0; i < k; i++ {
		delta[i] = (d[i] - do) - tau
	}
	return do + tau
}

// modelRoot returns the root η of c + s/(a−η) + t/(b−η) = 0 in (a, b),
// or in (b, ∞) when last, where a < b and s, t ≥ 0.
func modelRoot(c, s, t, a, b float64, last bool) (float64, bool) {
	// c(a−η)(b−η) + s(b−η) + t(a−η) = 0  ⇔  Aη² − Bη + C = 0.
	A := c
	B := c*(a+b) + s + t
	C := c*a*b + s*b + t*a
	in := func(x float64) bool {
		if last {
			return x > b
		}
		return x > a && x < b
	}
	if A == 0 {
		if B == 0 {
			return 0, false
		}
		x := C / B
		return x, in(x)
	}
	disc := B*B - 4*A*C
	if disc < 0 {
		disc = 0
	}
	sq := math.Sqrt(disc)
	// The two roots, each in its cancellation-free form.
	var x1, x2 float64
	if B >= 0 {
		x1 = (B + sq) / (2 * A)
		x2 = 2 * C / (B + sq)
	} else {
		x1 = 2 * C / (B - sq)
		x2 = (B - sq) / (2 * A)
	}
	switch {
	case in(x2) && !math.IsNaN(x2):
		return x2, true
	case in(x1) && !math.IsNaN(x1):
		return x1, true
	}
	return 0, false
}
