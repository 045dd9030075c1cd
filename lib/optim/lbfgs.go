package optim

import "math"

// LBFGS is the limited-memory BFGS method (Nocedal 1980; Liu & Nocedal
// 1989) with a fixed step: θ ← θ − α·P∇J, where P approximates the inverse
// Hessian from the last m pairs s_i = θ_{i+1} − θ_i, y_i = ∇J_{i+1} − ∇J_i
// by the two-loop recursion
//
//	q ← g;  for i newest → oldest: a_i = ρ_i s_iᵀq, q ← q − a_i y_i    (ρ_i = 1/y_iᵀs_i)
//	r ← γq; for i oldest → newest: b = ρ_i y_iᵀr, r ← r + (a_i − b) s_i
//
// with γ = sᵀy/yᵀy of the newest pair (the inverse curvature along the last
// step) and, at the first step, γ = min(1, 1/‖g‖). A pair with yᵀs = 0 is
// ignored. On a quadratic with A positive definite, P·g approaches A⁻¹g as
// pairs accumulate, so α = 1 takes nearly Newton steps from gradients alone.
// There is no line search: with yᵀs < 0 (negative curvature) P is not
// positive definite, so use it on convex problems or with a small α. This is
// optax.chain(optax.scale_by_lbfgs(m), optax.scale(−α)). Zero Memory means
// 10; zero LR means 1.
type LBFGS struct {
	LR     float64 // α; 0 means 1
	Memory int     // m, pairs kept; 0 means 10

	s, y        [][]float64 // oldest first
	rho         []float64
	prev, prevG []float64
	a           []float64
	t           int
}

// Step applies one L-BFGS update.
func (o *LBFGS) Step(theta, grad []float64) {
	checkLen("LBFGS", theta, grad)
	n := len(theta)
	m := o.Memory
	if m <= 0 {
		m = 10
	}
	if o.t > 0 {
		if len(o.prev) != n {
			panic("optim: LBFGS.Step: the parameter length changed")
		}
		s, y := make([]float64, n), make([]float64, n)
		ys := 0.0
		for i := range theta {
			s[i], y[i] = theta[i]-o.prev[i], grad[i]-o.prevG[i]
			ys += y[i] * s[i]
		}
		rho := 0.0
		if ys != 0 {
			rho = 1 / ys
		}
		if len(o.s) == m {
			o.s, o.y, o.rho = o.s[1:], o.y[1:], o.rho[1:]
		}
		o.s, o.y, o.rho = append(o.s, s), append(o.y, y), append(o.rho, rho)
	}
	q := append([]float64(nil), grad...)
	k := len(o.s)
	o.a = append(o.a[:0], make([]float64, k)...)
	for i := k - 1; i >= 0; i-- {
		o.a[i] = o.rho[i] * dot(o.s[i], q)
		axpy(q, -o.a[i], o.y[i])
	}
	gamma := math.Min(1, 1/norm(grad))
	if k > 0 {
		s, y := o.s[k-1], o.y[k-1]
		if yy := dot(y, y); yy > 0 {
			gamma = dot(s, y) / yy
		} else {
			gamma = 1
		}
	}
	for i := range q {
		q[i] *= gamma
	}
	for i := 0; i < k; i++ {
		b := o.rho[i] * dot(o.y[i], q)
		axpy(q, o.a[i]-b, o.s[i])
	}
	o.prev = append(o.prev[:0], theta...)
	o.prevG = append(o.prevG[:0], grad...)
	o.t++
	lr := orDefault(o.LR, 1)
	for i := range theta {
		theta[i] -= lr * q[i]
	}
}

// Reset forgets the pairs and the step count.
func (o *LBFGS) Reset() {
	o.s, o.y, o.rho, o.prev, o.prevG, o.t = nil, nil, nil, o.prev[:0], o.prevG[:0], 0
}

// LearningRate returns α.
func (o *LBFGS) LearningRate() float64 { return orDefault(o.LR, 1) }

// SetLearningRate sets α.
func (o *LBFGS) SetLearningRate(a float64) { o.LR = a }

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func axpy(dst []float64, a float64, x []float64) {
	for i := range dst {
		dst[i] += a * x[i]
	}
}
