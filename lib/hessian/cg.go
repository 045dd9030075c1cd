package hessian

import (
	"errors"
	"fmt"
	"math"

	"github.com/gocurve/gocurve/lib/interrupt"
	"gonum.org/v1/gonum/floats"
)

// CGSettings configures CG. The zero value (and nil) stops at a relative
// residual of 1e-10 or after 10n products, from x₀ = 0.
type CGSettings struct {
	Tol     float64   // stop when ‖b − Ax‖ ≤ Tol·‖b‖; default 1e-10
	MaxIter int       // products; default 10n
	X0      []float64 // start; nil means 0
}

// CGResult is the outcome of CG.
type CGResult struct {
	X          []float64 // the approximate solution of Ax = b
	Residual   float64   // ‖b − Ax‖ / ‖b‖, recomputed with one more product
	Iterations int       // products with A in the iteration
	Converged  bool
	// NegativeCurvature is set when some search direction p had pᵀAp ≤ 0:
	// A is not positive definite, and CG stopped there (with X the iterate
	// before that direction). A Newton step on a saddle then needs damping
	// or the saddle-free |H| (optim.SaddleFreeNewton).
	NegativeCurvature bool
}

// String summarises the solve.
func (r CGResult) String() string {
	s := fmt.Sprintf("CG: relative residual %.2g after %d products", r.Residual, r.Iterations)
	if r.NegativeCurvature {
		s += ", stopped at negative curvature (A not positive definite)"
	} else if !r.Converged {
		s += ", NOT converged"
	}
	return s
}

// ErrNegativeCurvature is wrapped by CG's error when A has pᵀAp ≤ 0 for a
// search direction: CG solves only positive definite systems.
var ErrNegativeCurvature = errors.New("hessian: CG: A is not positive definite")

// CG solves Ax = b for a symmetric positive definite operator A by
// conjugate gradients (Hestenes & Stiefel 1952), using products with A
// only: the matrix-free Newton step H⁻¹g of Hessian-free optimization
// (Martens 2010). With r = b − Ax and p = r,
//
//	α = rᵀr / pᵀAp,  x ← x + αp,  r ← r − αAp,  p ← r + (r'ᵀr'/rᵀr) p,
//
// which minimises ½xᵀAx − bᵀx over growing Krylov spaces; after k steps the
// A-norm error has shrunk by at least 2((√κ−1)/(√κ+1))ᵏ. It stops when
// ‖r‖ ≤ Tol·‖b‖ or after MaxIter products; the error wraps
// ErrNotConverged, or ErrNegativeCurvature when pᵀAp ≤ 0 (then the result
// still holds the last iterate), or interrupt.ErrInterrupted.
func CG(op Operator, b []float64, s *CGSettings) (CGResult, error) {
	n := op.Dim()
	checkLen("CG", b, n)
	var set CGSettings
	if s != nil {
		set = *s
	}
	if set.Tol <= 0 {
		set.Tol = 1e-10
	}
	if set.MaxIter <= 0 {
		set.MaxIter = 10 * n
	}
	x := make([]float64, n)
	r := append([]float64(nil), b...)
	ap := make([]float64, n)
	if set.X0 != nil {
		checkLen("CG", set.X0, n)
		copy(x, set.X0)
		op.Apply(ap, x)
		floats.Sub(r, ap)
	}
	bn := floats.Norm(b, 2)
	if bn == 0 {
		bn = 1
	}
	res := CGResult{X: x}
	p := append([]float64(nil), r...)
	rr := floats.Dot(r, r)
	var err error
	for res.Iterations < set.MaxIter && math.Sqrt(rr) > set.Tol*bn {
		if e := interrupt.Err(); e != nil {
			err = fmt.Errorf("hessian: CG after %d products: %w", res.Iterations, e)
			break
		}
		op.Apply(ap, p)
		res.Iterations++
		pap := floats.Dot(p, ap)
		if !(pap > 0) {
			res.NegativeCurvature = true
			err = fmt.Errorf("hessian: CG: pᵀAp = %.3g after %d products: %w", pap, res.Iterations, ErrNegativeCurvature)
			break
		}
		alpha := rr / pap
		floats.AddScaled(x, alpha, p)
		floats.AddScaled(r, -alpha, ap)
		rr2 := floats.Dot(r, r)
		floats.AddScaledTo(p, r, rr2/rr, p)
		rr = rr2
	}
	op.Apply(ap, x)
	floats.SubTo(ap, b, ap)
	res.Residual = floats.Norm(ap, 2) / bn
	res.Converged = err == nil && res.Residual <= 10*set.Tol
	if err == nil && !res.Converged {
		err = fmt.Errorf("hessian: CG: relative residual %.3g after %d products: %w", res.Residual, res.Iterations, ErrNotConverged)
	}
	return res, err
}
