package nn

import (
	"fmt"
	"math"

	"github.com/gocurve/gocurve/internal/gemm"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// Objective is the training loss J(θ) of an MLP on a fixed data set, with its
// exact first and second derivatives. It copies the data and keeps
// workspaces, so calls after the first allocate nothing of their own, and it
// caches the forward and backward pass at the last parameters it was given.
// An Objective is not safe for concurrent use.
type Objective struct {
	net   MLP
	n     int   // examples
	sizes []int // d_0 … d_L
	off   []int // off[l]: offset of W_l in θ (index 0 unused)
	theta []float64
	fwdOK bool // h, d1, d2, loss valid for theta
	bwdOK bool // g, delta valid for theta
	grdOK bool // grad valid for theta
	loss  float64
	grad  []float64

	t    blas64.General // targets N×d_L
	tsum []float64      // Σ_k t_nk (cross-entropy)
	p    blas64.General // softmax probabilities N×d_L (cross-entropy)

	h, ht  []blas64.General // h[l] N×d_l (h[0] = X); ht[l] = h[l]ᵀ, l < L
	d1, d2 []blas64.General // σ'(a_l), σ″(a_l)
	g      []blas64.General // ∂J/∂h_l
	dl, dt []blas64.General // δ_l = ∂J/∂a_l and its transpose

	ra, rh, rht []blas64.General // R{a_l}, R{h_l}, R{h_l}ᵀ
	rg, rd, rdt []blas64.General // R{∂J/∂h_l}, R{δ_l}, R{δ_l}ᵀ
	wt          []blas64.General // W_lᵀ at θ, l ≥ 2
	vtBuf       []float64        // room for the largest V_lᵀ
}

// NewObjective returns the loss of net on data. It panics if data.X is not
// N×d_0 or data.T is not N×d_L, or if N = 0.
func NewObjective(net MLP, data Data) *Objective {
	net.check()
	L := len(net.Sizes) - 1
	n := data.Len()
	if n == 0 || data.T == nil {
		panic("nn: NewObjective: empty data")
	}
	if _, c := data.X.Dims(); c != net.Sizes[0] {
		panic(fmt.Sprintf("nn: NewObjective: X has %d columns, want d_0 = %d", c, net.Sizes[0]))
	}
	if r, c := data.T.Dims(); r != n || c != net.Sizes[L] {
		panic(fmt.Sprintf("nn: NewObjective: T is %d×%d, want %d×%d", r, c, n, net.Sizes[L]))
	}
	o := &Objective{
		net:   MLP{Sizes: append([]int(nil), net.Sizes...), Activations: append([]Activation(nil), net.Activations...), Loss: net.Loss},
		n:     n,
		sizes: append([]int(nil), net.Sizes...),
		off:   make([]int, L+1),
		theta: make([]float64, net.NumParams()),
		grad:  make([]float64, net.NumParams()),
	}
	for l := 1; l <= L; l++ {
		o.off[l] = net.Offset(l)
	}
	gen := func(r, c int) blas64.General {
		return blas64.General{Rows: r, Cols: c, Stride: c, Data: make([]float64, r*c)}
	}
	layers := func(transposed bool, from, to int) []blas64.General {
		s := make([]blas64.General, L+1)
		for l := from; l <= to; l++ {
			if transposed {
				s[l] = gen(o.sizes[l], n)
			} else {
				s[l] = gen(n, o.sizes[l])
			}
		}
		return s
	}
	o.h, o.ht = layers(false, 1, L), layers(true, 0, L-1)
	o.h[0] = gen(n, o.sizes[0])
	for i := range n {
		copy(o.h[0].Data[i*o.sizes[0]:(i+1)*o.sizes[0]], data.X.RawRowView(i))
	}
	transpose(o.ht[0], o.h[0])
	o.t = gen(n, o.sizes[L])
	for i := range n {
		copy(o.t.Data[i*o.sizes[L]:(i+1)*o.sizes[L]], data.T.RawRowView(i))
	}
	if net.Loss == SoftmaxCrossEntropy {
		o.p = gen(n, o.sizes[L])
		o.tsum = make([]float64, n)
		for i := range n {
			for _, v := range o.t.Data[i*o.sizes[L] : (i+1)*o.sizes[L]] {
				o.tsum[i] += v
			}
		}
	}
	o.d1, o.d2, o.g = layers(false, 1, L), layers(false, 1, L), layers(false, 1, L)
	o.dl, o.dt = layers(false, 1, L), layers(true, 1, L)
	o.ra, o.rh, o.rht = layers(false, 1, L), layers(false, 1, L), layers(true, 1, L-1)
	o.rg, o.rd, o.rdt = layers(false, 1, L), layers(false, 1, L), layers(true, 1, L)
	o.wt = make([]blas64.General, L+1)
	for l := 2; l <= L; l++ {
		o.wt[l] = gen(o.sizes[l-1], o.sizes[l])
		o.vtBuf = make([]float64, max(len(o.vtBuf), o.sizes[l-1]*o.sizes[l]))
	}
	return o
}

// Net returns the network the objective evaluates.
func (o *Objective) Net() MLP { return o.net }

// Dim returns the number of parameters, len(θ).
func (o *Objective) Dim() int { return len(o.theta) }

// Func, Grad, HessVec and Hess make an Objective a hessian.Objective with
// exact derivatives (hessian.Hessianer, hessian.HessVecer), so that
// hessian.ClassifyAt, HessianOf, HessianOperator and optim.Run use them.

// Func returns J(θ). The method value o.Func is a func([]float64) float64,
// usable with finite-difference tools. It panics if len(params) != Dim().
func (o *Objective) Func(params []float64) float64 {
	o.checkLen(params, "Func")
	o.forward(params)
	return o.loss
}

// Grad sets dst = ∇J(θ), computed exactly by backpropagation: with
// g_L = ∂J/∂y, δ_l = σ'(a_l) ⊙ g_l and g_{l−1} = W_lᵀ δ_l per example,
//
//	∂J/∂W_l = Σ_n δ_{l,n} h_{l−1,n}ᵀ,   ∂J/∂b_l = Σ_n δ_{l,n}
//
// (the 1/N of the mean is inside g_L). It panics if a length differs from
// Dim(); hessian.GradientOf(nil, o, θ) allocates the result.
func (o *Objective) Grad(dst, params []float64) {
	o.checkLen(params, "Grad")
	o.checkLen(dst, "Grad")
	o.gradient(params)
	copy(dst, o.grad)
}

// LossGradient returns J(θ) and sets dst = ∇J(θ) in one pass, as Func and
// Grad. It returns dst, allocated if nil.
func (o *Objective) LossGradient(dst, params []float64) (float64, []float64) {
	o.checkLen(params, "LossGradient")
	dst = o.dst(dst, "LossGradient")
	o.gradient(params)
	copy(dst, o.grad)
	return o.loss, dst
}

// HessVec sets dst = ∇²J(θ)·v, the exact Hessian-vector product, by
// Pearlmutter's R-operator R{·} = ∂/∂r (·)(θ + r v)|_{r=0}. With V_l, c_l the
// blocks of v:
//
//	R{a_l} = V_l h_{l−1} + W_l R{h_{l−1}} + c_l,   R{h_l} = σ'(a_l) ⊙ R{a_l}
//	R{δ_l} = σ'(a_l) ⊙ R{g_l} + σ″(a_l) ⊙ R{a_l} ⊙ g_l,   g_l = ∂J/∂h_l
//	R{g_{l−1}} = V_lᵀ δ_l + W_lᵀ R{δ_l}
//	(Hv)_{W_l} = Σ_n R{δ_l} h_{l−1}ᵀ + δ_l R{h_{l−1}}ᵀ,   (Hv)_{b_l} = Σ_n R{δ_l}
//
// starting from R{g_L} = R{y}/N for MSE and R{g_L} = p ⊙ (R{y} − pᵀR{y})/N
// for softmax cross-entropy (times Σ_k t_k when targets do not sum to 1).
// dst must not alias v or params. It panics if a length differs from Dim();
// hessian.HessVecOf(nil, o, θ, v, nil) allocates the result.
func (o *Objective) HessVec(dst, params, v []float64) {
	o.checkLen(params, "HessVec")
	o.checkLen(v, "HessVec")
	o.checkLen(dst, "HessVec")
	o.backward(params)
	o.rForward(v)
	o.rBackward(dst, v, false)
}

// GGNVec sets dst = G(θ)·v for the generalized Gauss-Newton matrix
// G = (1/N)Σ_n J_nᵀ H_n J_n, where J_n = ∂y_n/∂θ is the Jacobian of the
// network output and H_n = ∂²ℓ/∂y_n² the Hessian of the per-example loss in
// the output (I for MSE, diag(p) − ppᵀ for softmax cross-entropy). G is the
// Hessian without the terms in σ” and δ, and is positive semidefinite. For
// these two losses (each the negative log-likelihood of an exponential
// family in the outputs) G is also the Fisher information matrix of the
// model's predictive distribution, so GGNVec is the Fisher-vector product.
// It panics if a length differs from Dim(); dst must not alias v or params.
func (o *Objective) GGNVec(dst, params, v []float64) {
	o.checkLen(params, "GGNVec")
	o.checkLen(v, "GGNVec")
	o.checkLen(dst, "GGNVec")
	o.backward(params) // the output Hessian needs p, and R{·} needs σ'
	o.rForward(v)
	o.rBackward(dst, v, true)
}

// EmpiricalFisherVec sets dst = F̂(θ)·v for the empirical Fisher matrix
//
//	F̂ = (1/N) Σ_n ∇ℓ_n ∇ℓ_nᵀ,  so  F̂v = (1/N) Σ_n (∇ℓ_nᵀv) ∇ℓ_n,
//
// the mean outer product of the per-example gradients (ℓ_n the loss of
// example n, J = (1/N)Σ_n ℓ_n). It is what Adam's and RMSprop's second
// moments estimate the diagonal of, and, unlike GGNVec (the true Fisher),
// it uses the targets; near a minimum with a good fit the two differ, which
// is why natural-gradient methods use the true one. The products ∇ℓ_nᵀv
// come from one forward R-pass (J_n v), the sum from one backward pass with
// each example's output gradient scaled by its product. It panics if a
// length differs from Dim(); dst must not alias v or params.
func (o *Objective) EmpiricalFisherVec(dst, params, v []float64) {
	o.checkLen(params, "EmpiricalFisherVec")
	o.checkLen(v, "EmpiricalFisherVec")
	o.checkLen(dst, "EmpiricalFisherVec")
	o.backward(params)
	o.rForward(v)
	L := len(o.sizes) - 1
	ry, g, rg, d := o.rh[L], o.g[L], o.rg[L], o.sizes[L]
	nf := float64(o.n)
	for i := range o.n {
		gi := g.Data[i*d : (i+1)*d]
		c := nf * floats.Dot(gi, ry.Data[i*d:(i+1)*d]) // ∇ℓ_nᵀ v = (∂ℓ_n/∂y_n)ᵀ J_n v
		out := rg.Data[i*d : (i+1)*d]
		for k := range d {
			out[k] = c * gi[k]
		}
	}
	o.backprop(dst, v, true)
}

// Hess sets dst = ∇²J(θ), assembled column by column from Dim() exact
// Hessian-vector products H e_j and symmetrized as (H + Hᵀ)/2 (the products
// agree to rounding). dst must be Dim()×Dim() (or empty: it is sized);
// hessian.HessianOf(nil, o, θ, nil) allocates the result. It checks for an
// interrupt before each column and then panics with an error wrapping
// interrupt.ErrInterrupted; HessianAt(θ).Dense returns that error instead.
func (o *Objective) Hess(dst *mat.SymDense, params []float64) {
	if _, err := o.assemble(dst, params, o.HessVec, "Hess", true); err != nil {
		panic(err)
	}
}

// GGN sets dst to the dense generalized Gauss-Newton matrix, assembled from
// Dim() products GGNVec(e_j) as Hess does, and returns it (allocated if dst
// is nil), or an error wrapping interrupt.ErrInterrupted if interrupted.
func (o *Objective) GGN(dst *mat.SymDense, params []float64) (*mat.SymDense, error) {
	return o.assemble(dst, params, o.GGNVec, "GGN", true)
}

// Outputs returns the network outputs Y (N×d_L) on the objective's inputs as
// a new matrix.
func (o *Objective) Outputs(params []float64) *mat.Dense {
	o.checkLen(params, "Outputs")
	o.forward(params)
	return mat.DenseCopyOf(o.outputs())
}

// Activations returns h_l (N×d_l), the outputs of layer l on every example,
// as a new matrix: histograms of hidden activations show saturated tanh and
// logistic units. It panics unless 1 ≤ l ≤ L.
func (o *Objective) Activations(params []float64, l int) *mat.Dense {
	o.checkLen(params, "Activations")
	o.net.checkLayer(l)
	o.forward(params)
	h := o.h[l]
	return mat.DenseCopyOf(mat.NewDense(h.Rows, h.Cols, h.Data))
}

// DeadUnits returns the units i of layer l whose activation derivative
// σ'(a_li) is zero on every example: ReLU units that never fire (or units
// saturated to the last bit). Their incoming weights get zero gradient, so
// gradient descent cannot revive them. It panics unless 1 ≤ l ≤ L.
func (o *Objective) DeadUnits(params []float64, l int) []int {
	o.checkLen(params, "DeadUnits")
	o.net.checkLayer(l)
	o.forward(params)
	d1, width := o.d1[l], o.sizes[l]
	var dead []int
	for i := range width {
		alive := false
		for n := 0; n < o.n && !alive; n++ {
			alive = d1.Data[n*width+i] != 0
		}
		if !alive {
			dead = append(dead, i)
		}
	}
	return dead
}

func (o *Objective) outputs() *mat.Dense {
	y := o.h[len(o.sizes)-1]
	return mat.NewDense(y.Rows, y.Cols, y.Data)
}

func (o *Objective) checkLen(x []float64, fn string) {
	if len(x) != len(o.theta) {
		panic(fmt.Sprintf("nn: %s: length %d, want %d parameters", fn, len(x), len(o.theta)))
	}
}

func (o *Objective) dst(dst []float64, fn string) []float64 {
	if dst == nil {
		return make([]float64, len(o.theta))
	}
	if len(dst) != len(o.theta) {
		panic(fmt.Sprintf("nn: %s: len(dst) = %d, want %d", fn, len(dst), len(o.theta)))
	}
	return dst
}

// weights returns W_l of θ as a blas64 matrix sharing memory.
func (o *Objective) weights(theta []float64, l int) blas64.General {
	r, c := o.sizes[l], o.sizes[l-1]
	return blas64.General{Rows: r, Cols: c, Stride: c, Data: theta[o.off[l] : o.off[l]+r*c]}
}

func (o *Objective) bias(theta []float64, l int) []float64 {
	s := o.off[l] + o.sizes[l]*o.sizes[l-1]
	return theta[s : s+o.sizes[l]]
}

// forward computes h_l, σ'(a_l), σ”(a_l) and the loss at params, unless cached.
func (o *Objective) forward(params []float64) {
	if o.fwdOK && equal(params, o.theta) {
		return
	}
	copy(o.theta, params)
	o.fwdOK, o.bwdOK, o.grdOK = false, false, false
	L := len(o.sizes) - 1
	for l := 2; l <= L; l++ {
		transpose(o.wt[l], o.weights(o.theta, l))
	}
	for l := 1; l <= L; l++ {
		a := o.h[l]
		// a_l = h_{l−1} W_lᵀ + 1 b_lᵀ (rows are examples).
		gemm.NT(o.h[l-1], o.weights(o.theta, l), a, 0)
		addRows(a, o.bias(o.theta, l))
		activate(o.net.Activations[l-1], a, o.d1[l], o.d2[l])
		if l < L {
			transpose(o.ht[l], a)
		}
	}
	o.loss = o.outputLoss()
	o.fwdOK = true
}

// outputLoss returns J and sets g_L = ∂J/∂y.
func (o *Objective) outputLoss() float64 {
	L := len(o.sizes) - 1
	y, g, d := o.h[L], o.g[L], o.sizes[L]
	inv := 1 / float64(o.n)
	sum := 0.0
	switch o.net.Loss {
	case MSE:
		for i, yi := range y.Data {
			r := yi - o.t.Data[i]
			sum += r * r
			g.Data[i] = r * inv
		}
		return 0.5 * sum * inv
	default: // SoftmaxCrossEntropy
		for i := range o.n {
			z := y.Data[i*d : (i+1)*d]
			p := o.p.Data[i*d : (i+1)*d]
			t := o.t.Data[i*d : (i+1)*d]
			// ℓ_n = Σ_k t_k (lse(z) − z_k) = Σ_k t_k ((m − z_k) + log Σ exp(z − m)):
			// m − z_k is exact for the winning class, so no cancellation against lse.
			zmax, logSum := softmaxRow(p, z)
			s := o.tsum[i]
			gi := g.Data[i*d : (i+1)*d]
			for k := range d {
				if t[k] != 0 {
					sum += t[k] * ((zmax - z[k]) + logSum)
				}
				gi[k] = (s*p[k] - t[k]) * inv
			}
		}
		return sum * inv
	}
}

// backward computes δ_l = ∂J/∂a_l and g_l = ∂J/∂h_l at params, unless cached.
func (o *Objective) backward(params []float64) {
	o.forward(params)
	if o.bwdOK {
		return
	}
	for l := len(o.sizes) - 1; l >= 1; l-- {
		mulElem(o.dl[l], o.g[l], o.d1[l])
		transpose(o.dt[l], o.dl[l])
		if l > 1 {
			o.mulWeights(o.g[l-1], o.dl[l], o.weights(o.theta, l), o.wt[l], 0) // g_{l−1} = δ_l W_l
		}
	}
	o.bwdOK = true
}

// gradient computes ∇J at params, unless cached. HVP needs δ_l but not ∇J,
// so the products for ∂J/∂W_l are only made here.
func (o *Objective) gradient(params []float64) {
	o.backward(params)
	if o.grdOK {
		return
	}
	for l := 1; l < len(o.sizes); l++ {
		// ∂J/∂W_l = δ_lᵀ h_{l−1}, computed as (δ_lᵀ)(h_{l−1}ᵀ)ᵀ, the A·Bᵀ form of gemm.NT.
		gemm.NT(o.dt[l], o.ht[l-1], o.weights(o.grad, l), 0)
		rowSums(o.bias(o.grad, l), o.dt[l])
	}
	o.grdOK = true
}

// mulWeights sets dst = d·w + beta·dst (beta 0 or 1) for an N×d_l matrix d
// and a weight matrix w (d_l×d_{l−1}). With wt = wᵀ given (or computed into
// o.vtBuf when wt is empty) it runs as d·(wᵀ)ᵀ in gemm.NT; for d_l < 32 rows
// of axpys, dst_n += Σ_k d_nk w_k, are faster and need neither wt nor
// goroutines (gonum's Dgemm would start some).
func (o *Objective) mulWeights(dst, d, w, wt blas64.General, beta float64) {
	if w.Rows < 32 {
		for n := range d.Rows {
			out := dst.Data[n*dst.Stride : n*dst.Stride+dst.Cols]
			if beta == 0 {
				clear(out)
			}
			for k, x := range d.Data[n*d.Stride : n*d.Stride+d.Cols] {
				floats.AddScaled(out, x, w.Data[k*w.Stride:k*w.Stride+w.Cols])
			}
		}
		return
	}
	if wt.Data == nil {
		wt = blas64.General{Rows: w.Cols, Cols: w.Rows, Stride: w.Rows, Data: o.vtBuf[:w.Rows*w.Cols]}
		transpose(wt, w)
	}
	gemm.NT(d, wt, dst, beta)
}

// rForward computes R{a_l}, R{h_l} for direction v at the cached parameters.
func (o *Objective) rForward(v []float64) {
	L := len(o.sizes) - 1
	for l := 1; l <= L; l++ {
		ra := o.ra[l]
		gemm.NT(o.h[l-1], o.weights(v, l), ra, 0)
		if l > 1 {
			gemm.NT(o.rh[l-1], o.weights(o.theta, l), ra, 1)
		}
		addRows(ra, o.bias(v, l))
		mulElem(o.rh[l], ra, o.d1[l])
		if l < L {
			transpose(o.rht[l], o.rh[l])
		}
	}
}

// rBackward sets dst to the Hessian (or, if ggn, Gauss-Newton) product
// after rForward. With ggn it backpropagates rg[L], whatever it holds, to
// the parameters: the product Σ_n J_nᵀ rg_{L,n}.
func (o *Objective) rBackward(dst, v []float64, ggn bool) {
	o.outputR()
	o.backprop(dst, v, ggn)
}

// backprop is rBackward after the output's R{g_L} is in place.
func (o *Objective) backprop(dst, v []float64, ggn bool) {
	L := len(o.sizes) - 1
	for l := L; l >= 1; l-- {
		rd := o.rd[l]
		mulElem(rd, o.rg[l], o.d1[l])
		if !ggn && o.net.Activations[l-1] != Linear && o.net.Activations[l-1] != ReLU {
			for i, x := range o.d2[l].Data {
				rd.Data[i] += x * o.ra[l].Data[i] * o.g[l].Data[i]
			}
		}
		transpose(o.rdt[l], rd)
		w := o.weights(dst, l)
		gemm.NT(o.rdt[l], o.ht[l-1], w, 0)
		if !ggn && l > 1 {
			gemm.NT(o.dt[l], o.rht[l-1], w, 1)
		}
		rowSums(o.bias(dst, l), o.rdt[l])
		if l > 1 {
			o.mulWeights(o.rg[l-1], rd, o.weights(o.theta, l), o.wt[l], 0)
			if !ggn {
				o.mulWeights(o.rg[l-1], o.dl[l], o.weights(v, l), blas64.General{}, 1)
			}
		}
	}
}

// outputR sets R{g_L} = H_out R{y}, the output Hessian of the loss applied to R{y}.
func (o *Objective) outputR() {
	L := len(o.sizes) - 1
	ry, rg, d := o.rh[L], o.rg[L], o.sizes[L]
	inv := 1 / float64(o.n)
	switch o.net.Loss {
	case MSE:
		for i, x := range ry.Data {
			rg.Data[i] = x * inv
		}
	default:
		for i := range o.n {
			p := o.p.Data[i*d : (i+1)*d]
			r := ry.Data[i*d : (i+1)*d]
			out := rg.Data[i*d : (i+1)*d]
			dot := 0.0
			for k := range d {
				dot += p[k] * r[k]
			}
			s := o.tsum[i] * inv
			for k := range d {
				out[k] = s * p[k] * (r[k] - dot)
			}
		}
	}
}

func (o *Objective) assemble(dst *mat.SymDense, params []float64, product func(dst, params, v []float64), fn string, interruptible bool) (*mat.SymDense, error) {
	o.checkLen(params, fn)
	n := len(o.theta)
	switch {
	case dst == nil:
		dst = mat.NewSymDense(n, nil)
	case dst.IsEmpty():
		dst.ReuseAsSym(n)
	case dst.SymmetricDim() != n:
		panic(fmt.Sprintf("nn: %s: dst is %d×%d, want %d×%d", fn, dst.SymmetricDim(), dst.SymmetricDim(), n, n))
	}
	cols := mat.NewDense(n, n, nil) // row j holds H e_j
	e := make([]float64, n)
	for j := range n {
		if err := interruptErr(); interruptible && err != nil {
			return dst, fmt.Errorf("nn: %s: column %d of %d: %w", fn, j, n, err)
		}
		e[j] = 1
		product(cols.RawRowView(j), params, e)
		e[j] = 0
	}
	for i := range n {
		for j := i; j < n; j++ {
			dst.SetSym(i, j, 0.5*(cols.At(i, j)+cols.At(j, i)))
		}
	}
	return dst, nil
}

// activate overwrites a with σ(a) and sets d1 = σ'(a), d2 = σ”(a).
func activate(act Activation, a, d1, d2 blas64.General) {
	switch act {
	case Linear:
		for i := range a.Data {
			d1.Data[i], d2.Data[i] = 1, 0
		}
	case Tanh:
		for i, x := range a.Data {
			t := math.Tanh(x)
			a.Data[i] = t
			d1.Data[i] = 1 - t*t
			d2.Data[i] = -2 * t * (1 - t*t)
		}
	case Logistic:
		for i, x := range a.Data {
			s := logistic(x)
			a.Data[i] = s
			d1.Data[i] = s * (1 - s)
			d2.Data[i] = s * (1 - s) * (1 - 2*s)
		}
	case ReLU:
		for i, x := range a.Data {
			if x > 0 {
				d1.Data[i] = 1
			} else {
				a.Data[i], d1.Data[i] = 0, 0
			}
			d2.Data[i] = 0
		}
	}
}

// logistic is 1/(1+e^{−x}), written to avoid overflow of e^{−x} for large negative x.
func logistic(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}

func equal(a, b []float64) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// addRows adds b to every row of a.
func addRows(a blas64.General, b []float64) {
	for i := range a.Rows {
		row := a.Data[i*a.Stride : i*a.Stride+a.Cols]
		for j, x := range b {
			row[j] += x
		}
	}
}

// mulElem sets dst = a ⊙ b (all contiguous, same shape).
func mulElem(dst, a, b blas64.General) {
	for i, x := range a.Data {
		dst.Data[i] = x * b.Data[i]
	}
}

// rowSums sets dst_i = Σ_j a_ij.
func rowSums(dst []float64, a blas64.General) {
	for i := range a.Rows {
		s := 0.0
		for _, x := range a.Data[i*a.Stride : i*a.Stride+a.Cols] {
			s += x
		}
		dst[i] = s
	}
}

// transpose sets dst = srcᵀ, in cache-sized tiles. Hand-written: gonum has no
// out-of-place transpose between raw blas64 matrices.
func transpose(dst, src blas64.General) {
	const tile = 32
	for i0 := 0; i0 < src.Rows; i0 += tile {
		i1 := min(i0+tile, src.Rows)
		for j0 := 0; j0 < src.Cols; j0 += tile {
			j1 := min(j0+tile, src.Cols)
			for i := i0; i < i1; i++ {
				row := src.Data[i*src.Stride:]
				for j := j0; j < j1; j++ {
					dst.Data[j*dst.Stride+i] = row[j]
				}
			}
		}
	}
}
