package nn

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// Activation is an elementwise nonlinearity σ applied after a layer's affine map.
type Activation int

const (
	Linear   Activation = iota // σ(a) = a
	Tanh                       // σ(a) = tanh a;            σ' = 1 − σ²,  σ″ = −2σ(1 − σ²)
	Logistic                   // σ(a) = 1/(1 + e^{−a});    σ' = σ(1 − σ), σ″ = σ(1 − σ)(1 − 2σ)
	ReLU                       // σ(a) = max(a, 0);         σ' = [a > 0], σ″ = 0
)

// String returns the activation's name.
func (a Activation) String() string {
	switch a {
	case Linear:
		return "linear"
	case Tanh:
		return "tanh"
	case Logistic:
		return "logistic"
	case ReLU:
		return "relu"
	}
	return fmt.Sprintf("Activation(%d)", int(a))
}

// Loss selects the training loss, a mean over the N examples.
type Loss int

const (
	// MSE is J = (1/N) Σ_n ½‖y_n − t_n‖², half the mean squared error per example.
	MSE Loss = iota
	// SoftmaxCrossEntropy is J = (1/N) Σ_n (−Σ_k t_nk log p_nk) with
	// p_n = softmax(y_n); targets are one-hot or probability rows.
	SoftmaxCrossEntropy
)

// String returns the loss's name.
func (l Loss) String() string {
	switch l {
	case MSE:
		return "mse"
	case SoftmaxCrossEntropy:
		return "softmax-cross-entropy"
	}
	return fmt.Sprintf("Loss(%d)", int(l))
}

// MLP describes a multilayer perceptron: layer widths, one activation per
// layer, and the training loss. It holds no parameters; those live in a flat
// []float64 laid out as the package documentation describes.
type MLP struct {
	Sizes       []int        // d_0 (inputs), d_1, …, d_L (outputs); at least two entries
	Activations []Activation // σ_1, …, σ_L: len(Sizes)−1 entries
	Loss        Loss
}

// Layers returns L, the number of affine layers.
func (m MLP) Layers() int {
	m.check()
	return len(m.Sizes) - 1
}

// NumParams returns len(θ) = Σ_l d_l (d_{l−1} + 1).
func (m MLP) NumParams() int {
	m.check()
	n := 0
	for l := 1; l < len(m.Sizes); l++ {
		n += m.Sizes[l] * (m.Sizes[l-1] + 1)
	}
	return n
}

// Offset returns the index in θ of W_l's first entry; b_l starts at
// Offset(l) + d_l·d_{l−1}. It panics unless 1 ≤ l ≤ L.
func (m MLP) Offset(l int) int {
	m.checkLayer(l)
	off := 0
	for k := 1; k < l; k++ {
		off += m.Sizes[k] * (m.Sizes[k-1] + 1)
	}
	return off
}

// Weights returns W_l (d_l×d_{l−1}) as a matrix that shares memory with
// params: writing to it changes params. It panics unless 1 ≤ l ≤ L and
// len(params) == NumParams().
func (m MLP) Weights(params []float64, l int) *mat.Dense {
	m.checkParams(params, "Weights")
	off := m.Offset(l)
	r, c := m.Sizes[l], m.Sizes[l-1]
	return mat.NewDense(r, c, params[off:off+r*c:off+r*c])
}

// Bias returns b_l (d_l entries) as a slice that shares memory with params.
// It panics unless 1 ≤ l ≤ L and len(params) == NumParams().
func (m MLP) Bias(params []float64, l int) []float64 {
	m.checkParams(params, "Bias")
	off := m.Offset(l) + m.Sizes[l]*m.Sizes[l-1]
	return params[off : off+m.Sizes[l] : off+m.Sizes[l]]
}

// Predict returns the network outputs Y (N×d_L, row n is y_n = h_L(x_n)) for
// inputs x (N×d_0). For SoftmaxCrossEntropy the outputs are the class scores
// (logits); Softmax turns them into probabilities. If dst is nil a new matrix
// is allocated, else dst must be N×d_L. Predict allocates its workspace; for
// repeated evaluation on fixed data use an Objective.
func (m MLP) Predict(dst *mat.Dense, params []float64, x *mat.Dense) *mat.Dense {
	m.checkParams(params, "Predict")
	r, c := x.Dims()
	if c != m.Sizes[0] {
		panic(fmt.Sprintf("nn: Predict: x has %d columns, want d_0 = %d", c, m.Sizes[0]))
	}
	out := m.Sizes[len(m.Sizes)-1]
	if dst == nil {
		dst = mat.NewDense(r, out, nil)
	} else if dr, dc := dst.Dims(); dr != r || dc != out {
		panic(fmt.Sprintf("nn: Predict: dst is %d×%d, want %d×%d", dr, dc, r, out))
	}
	o := NewObjective(m, Data{X: x, T: mat.NewDense(r, out, nil)})
	o.forward(params)
	dst.Copy(o.outputs())
	return dst
}

// InitGlorot returns parameters with W_l entries drawn uniformly from
// [−r, r], r = √(6/(d_{l−1}+d_l)) (Glorot & Bengio 2010), and b_l = 0.
// Different draws break the symmetry between hidden units.
func (m MLP) InitGlorot(rng *rand.Rand) []float64 {
	return m.initWith(func(in, out int) float64 {
		r := math.Sqrt(6 / float64(in+out))
		return (2*rng.Float64() - 1) * r
	})
}

// InitHe returns parameters with W_l entries drawn from N(0, 2/d_{l−1})
// (He et al. 2015, suited to ReLU layers) and b_l = 0.
func (m MLP) InitHe(rng *rand.Rand) []float64 {
	return m.initWith(func(in, out int) float64 {
		return rng.NormFloat64() * math.Sqrt(2/float64(in))
	})
}

// InitConstant returns parameters with every weight equal to c and every
// bias 0. All units of a hidden layer then compute the same function and
// receive the same gradient, so gradient descent never separates them
// (c = 0 is zero initialization).
func (m MLP) InitConstant(c float64) []float64 {
	return m.initWith(func(int, int) float64 { return c })
}

func (m MLP) initWith(draw func(in, out int) float64) []float64 {
	params := make([]float64, m.NumParams())
	for l := 1; l < len(m.Sizes); l++ {
		off := m.Offset(l)
		in, out := m.Sizes[l-1], m.Sizes[l]
		for i := range in * out {
			params[off+i] = draw(in, out)
		}
	}
	return params
}

func (m MLP) check() {
	if len(m.Sizes) < 2 {
		panic(fmt.Sprintf("nn: MLP needs at least 2 sizes, has %d", len(m.Sizes)))
	}
	if len(m.Activations) != len(m.Sizes)-1 {
		panic(fmt.Sprintf("nn: MLP has %d activations for %d layers", len(m.Activations), len(m.Sizes)-1))
	}
	for l, d := range m.Sizes {
		if d < 1 {
			panic(fmt.Sprintf("nn: MLP size d_%d = %d, want ≥ 1", l, d))
		}
	}
	for l, a := range m.Activations {
		if a < Linear || a > ReLU {
			panic(fmt.Sprintf("nn: MLP layer %d has unknown %v", l+1, a))
		}
	}
	if m.Loss != MSE && m.Loss != SoftmaxCrossEntropy {
		panic(fmt.Sprintf("nn: MLP has unknown %v", m.Loss))
	}
}

func (m MLP) checkLayer(l int) {
	m.check()
	if l < 1 || l >= len(m.Sizes) {
		panic(fmt.Sprintf("nn: layer %d out of range [1, %d]", l, len(m.Sizes)-1))
	}
}

func (m MLP) checkParams(params []float64, fn string) {
	if n := m.NumParams(); len(params) != n {
		panic(fmt.Sprintf("nn: %s: len(params) = %d, want %d", fn, len(params), n))
	}
}

// Softmax returns the row-wise softmax of z, p_nk = exp(z_nk − max_k z_nk) /
// Σ_j exp(z_nj − max_k z_nk). If dst is nil a new matrix is allocated, else
// dst must have z's shape; dst may be z.
func Softmax(dst, z *mat.Dense) *mat.Dense {
	r, c := z.Dims()
	if dst == nil {
		dst = mat.NewDense(r, c, nil)
	} else if dr, dc := dst.Dims(); dr != r || dc != c {
		panic(fmt.Sprintf("nn: Softmax: dst is %d×%d, want %d×%d", dr, dc, r, c))
	}
	for i := range r {
		softmaxRow(dst.RawRowView(i), z.RawRowView(i))
	}
	return dst
}

// softmaxRow sets p = softmax(z) and returns m = max z and log Σ exp(z − m),
// so that log Σ exp z = m + the second result without overflow.
func softmaxRow(p, z []float64) (zmax, logSum float64) {
	zmax = math.Inf(-1)
	for _, v := range z {
		zmax = max(zmax, v)
	}
	s := 0.0
	for k, v := range z {
		e := math.Exp(v - zmax)
		p[k] = e
		s += e
	}
	for k := range p {
		p[k] /= s
	}
	return zmax, math.Log(s)
}
