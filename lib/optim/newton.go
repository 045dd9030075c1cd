package optim

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/gonum"
	"gonum.org/v1/gonum/mat"
)

// Newton is Newton's method, θ ← θ − α·H⁻¹∇J(θ) with H = ∇²J(θ), which jumps
// to the critical point of the local quadratic model — a minimum, a maximum
// or a saddle alike. It computes H = QΛQᵀ with mat.EigenSym and
// H⁻¹g = Q Λ⁻¹ Qᵀ g, treating 1/0 as 0 (the pseudo-inverse) so a singular
// Hessian does not blow up along its null space. If the eigendecomposition
// fails (H has NaN or Inf entries) Step sets θ to NaN, which a Run reports
// as divergence.
//
// Hess must set dst = ∇²J(θ); dst has dimension len(θ). Zero LR means 1
// (the full Newton step).
type Newton struct {
	Hess func(dst *mat.SymDense, theta []float64)
	LR   float64 // α; 0 means 1

	eig eigenSolver
}

// Step applies one Newton update.
func (o *Newton) Step(theta, grad []float64) {
	o.eig.step("Newton", o.Hess, theta, grad, orDefault(o.LR, 1), func(l float64) float64 { return l })
}

// Reset does nothing: Newton has no state between steps.
func (o *Newton) Reset() {}

// LearningRate returns the step scale α.
func (o *Newton) LearningRate() float64 { return orDefault(o.LR, 1) }

// SetLearningRate sets the step scale α.
func (o *Newton) SetLearningRate(a float64) { o.LR = a }

// DampedNewton is Newton's method with Levenberg damping,
//
//	θ ← θ − α·(H + τI)⁻¹∇J(θ),
//
// which shortens steps along directions of small curvature and, for
// τ > −λmin(H), makes the step a descent direction. Like Newton it solves
// through H = QΛQᵀ, with 1/(λ+τ) taken as 0 where λ+τ = 0. Zero LR means 1;
// zero Damping is plain Newton.
type DampedNewton struct {
	Hess    func(dst *mat.SymDense, theta []float64)
	Damping float64 // τ
	LR      float64 // α; 0 means 1

	eig eigenSolver
}

// Step applies one damped Newton update.
func (o *DampedNewton) Step(theta, grad []float64) {
	tau := o.Damping
	o.eig.step("DampedNewton", o.Hess, theta, grad, orDefault(o.LR, 1), func(l float64) float64 { return l + tau })
}

// Reset does nothing: DampedNewton has no state between steps.
func (o *DampedNewton) Reset() {}

// LearningRate returns the step scale α.
func (o *DampedNewton) LearningRate() float64 { return orDefault(o.LR, 1) }

// SetLearningRate sets the step scale α.
func (o *DampedNewton) SetLearningRate(a float64) { o.LR = a }

// SaddleFreeNewton is the saddle-free Newton method of Dauphin et al. (2014):
//
//	θ ← θ − α·(|H| + τI)⁻¹∇J(θ),  |H| = Q|Λ|Qᵀ for H = QΛQᵀ.
//
// Taking absolute eigenvalues keeps Newton's rescaling by curvature but
// turns negative-curvature directions into descent directions, so the
// method is repelled by saddles where Newton is attracted. 1/(|λ|+τ) is
// taken as 0 where |λ|+τ = 0. Zero LR means 1; Damping τ ≥ 0 bounds the step
// where |λ| is small.
type SaddleFreeNewton struct {
	Hess    func(dst *mat.SymDense, theta []float64)
	Damping float64 // τ
	LR      float64 // α; 0 means 1

	eig eigenSolver
}

// Step applies one saddle-free Newton update.
func (o *SaddleFreeNewton) Step(theta, grad []float64) {
	tau := o.Damping
	o.eig.step("SaddleFreeNewton", o.Hess, theta, grad, orDefault(o.LR, 1), func(l float64) float64 { return math.Abs(l) + tau })
}

// Reset does nothing: SaddleFreeNewton has no state between steps.
func (o *SaddleFreeNewton) Reset() {}

// LearningRate returns the step scale α.
func (o *SaddleFreeNewton) LearningRate() float64 { return orDefault(o.LR, 1) }

// SetLearningRate sets the step scale α.
func (o *SaddleFreeNewton) SetLearningRate(a float64) { o.LR = a }

// eigenSolver applies θ ← θ − α·Q diag(1/f(λ)) Qᵀ g with buffers kept
// between steps.
type eigenSolver struct {
	h    *mat.SymDense
	es   mat.EigenSym
	vecs mat.Dense
	vals []float64
	c, d []float64
}

func (e *eigenSolver) step(name string, hess func(*mat.SymDense, []float64), theta, grad []float64, lr float64, f func(float64) float64) {
	checkLen(name, theta, grad)
	if hess == nil {
		panic(fmt.Sprintf("optim: %s.Step: nil Hess", name))
	}
	n := len(theta)
	if e.h == nil || e.h.SymmetricDim() != n {
		e.h = mat.NewSymDense(n, nil)
		e.vals = make([]float64, n)
		e.c = make([]float64, n)
		e.d = make([]float64, n)
	}
	hess(e.h, theta)
	if !e.es.Factorize(e.h, true) {
		for i := range theta {
			theta[i] = math.NaN()
		}
		return
	}
	e.es.Values(e.vals)
	e.es.VectorsTo(&e.vecs)
	// c = diag(1/f(λ)) Qᵀ g, then θ −= α Q c.
	gv := mat.NewVecDense(n, grad)
	cv := mat.NewVecDense(n, e.c)
	cv.MulVec(e.vecs.T(), gv)
	for i, l := range e.vals {
		if d := f(l); d != 0 {
			e.c[i] /= d
		} else {
			e.c[i] = 0
		}
	}
	step := mat.NewVecDense(n, e.d)
	step.MulVec(&e.vecs, cv)
	floats.AddScaled(theta, -lr, e.d)
}

// KrylovSaddleFree is saddle-free Newton restricted to a Krylov subspace, for
// problems too large to form the Hessian (Dauphin et al. 2014, §6). Each
// Step runs K steps of Lanczos with full reorthogonalization on the
// Hessian-vector product v ↦ Hv, started from g = ∇J(θ), which gives an
// orthonormal basis V of span{g, Hg, …, H^{K−1}g} and the tridiagonal
// T = VᵀHV = SΘSᵀ. The step is saddle-free Newton in that subspace:
//
//	θ ← θ − α·V S (|Θ| + τI)⁻¹ Sᵀ Vᵀg,  Vᵀg = ‖g‖e₁.
//
// With K ≥ n (and exact arithmetic) it equals SaddleFreeNewton. Lanczos
// stops early when the subspace becomes invariant (β ≤ 1e-12·‖T‖). Each Step
// costs K Hessian-vector products and O(nK²) work, and allocates nothing
// after the first.
//
// HessVec must set dst = ∇²J(θ)·v. Zero K means min(n, 20); zero LR means 1.
type KrylovSaddleFree struct {
	HessVec func(dst, theta, v []float64)
	K       int     // Krylov dimension; 0 means min(n, 20)
	Damping float64 // τ
	LR      float64 // α; 0 means 1

	q           []float64 // (K+1)×n Lanczos vectors, row-major
	alpha, beta []float64
	d, e, z     []float64
	work, c, w  []float64
}

// Step applies one Krylov saddle-free Newton update.
func (o *KrylovSaddleFree) Step(theta, grad []float64) {
	checkLen("KrylovSaddleFree", theta, grad)
	if o.HessVec == nil {
		panic("optim: KrylovSaddleFree.Step: nil HessVec: set HessVec to the Hessian-vector product, e.g. HessVec: obj.HessVec")
	}
	n := len(theta)
	k := o.K
	if k <= 0 {
		k = min(n, 20)
	}
	k = min(k, n)
	if len(o.w) != n || len(o.alpha) != k {
		o.q = make([]float64, (k+1)*n)
		o.alpha, o.beta = make([]float64, k), make([]float64, k)
		o.d, o.e, o.z = make([]float64, k), make([]float64, k), make([]float64, k*k)
		o.work, o.c = make([]float64, max(1, 2*k-2)), make([]float64, k)
		o.w = make([]float64, n)
	}
	gnorm := norm(grad)
	if gnorm == 0 || math.IsNaN(gnorm) || math.IsInf(gnorm, 0) {
		if gnorm != 0 {
			for i := range theta {
				theta[i] = math.NaN()
			}
		}
		return
	}
	qrow := func(j int) []float64 { return o.q[j*n : (j+1)*n] }
	floats.ScaleTo(qrow(0), 1/gnorm, grad)
	m := 0
	tnorm := 0.0
	for j := 0; j < k; j++ {
		qj := qrow(j)
		o.HessVec(o.w, theta, qj)
		a := floats.Dot(qj, o.w)
		o.alpha[j] = a
		// Full reorthogonalization, twice (classical Gram-Schmidt needs it).
		for range 2 {
			for i := 0; i <= j; i++ {
				qi := qrow(i)
				floats.AddScaled(o.w, -floats.Dot(qi, o.w), qi)
			}
		}
		b := norm(o.w)
		o.beta[j] = b
		tnorm = math.Max(tnorm, math.Abs(a)+b)
		m = j + 1
		if b <= 1e-12*tnorm {
			break
		}
		floats.ScaleTo(qrow(j+1), 1/b, o.w)
	}
	copy(o.d, o.alpha[:m])
	copy(o.e, o.beta[:m-1])
	z := o.z[:m*m]
	if !(gonum.Implementation{}).Dsteqr(lapack.EVTridiag, m, o.d[:m], o.e[:max(m-1, 0)], z, m, o.work) {
		for i := range theta {
			theta[i] = math.NaN()
		}
		return
	}
	// c = S (|Θ|+τ)⁻¹ Sᵀ (‖g‖e₁), in the Lanczos basis.
	c := o.c[:m]
	clear(c)
	for i := 0; i < m; i++ {
		den := math.Abs(o.d[i]) + o.Damping
		if den == 0 {
			continue
		}
		coef := gnorm * z[0*m+i] / den
		for r := 0; r < m; r++ {
			c[r] += z[r*m+i] * coef
		}
	}
	lr := orDefault(o.LR, 1)
	for j := 0; j < m; j++ {
		floats.AddScaled(theta, -lr*c[j], qrow(j))
	}
}

// Reset does nothing: the Lanczos buffers carry no state between steps.
func (o *KrylovSaddleFree) Reset() {}

// LearningRate returns the step scale α.
func (o *KrylovSaddleFree) LearningRate() float64 { return orDefault(o.LR, 1) }

// SetLearningRate sets the step scale α.
func (o *KrylovSaddleFree) SetLearningRate(a float64) { o.LR = a }

// DenseHessVec turns a dense Hessian into a Hessian-vector product for
// KrylovSaddleFree: the result sets dst = ∇²J(θ)·v by forming the n×n
// Hessian with hess and multiplying. It is for testing and small problems;
// large ones supply a matrix-free product.
func DenseHessVec(n int, hess func(dst *mat.SymDense, theta []float64)) func(dst, theta, v []float64) {
	h := mat.NewSymDense(n, nil)
	return func(dst, theta, v []float64) {
		hess(h, theta)
		mat.NewVecDense(n, dst).MulVec(h, mat.NewVecDense(n, v))
	}
}
