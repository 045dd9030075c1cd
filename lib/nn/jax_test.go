package nn_test

import (
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/gocurve/gocurve/internal/pyref"
	"github.com/gocurve/gocurve/lib/hessian"
	"github.com/gocurve/gocurve/lib/nn"
)

// refCase is one network, data set and direction sent to testdata/mlp_ref.py.
type refCase struct {
	Sizes  []int     `json:"sizes"`
	Acts   []string  `json:"acts"`
	Loss   string    `json:"loss"`
	Params []float64 `json:"params"`
	X      []float64 `json:"x"`
	T      []float64 `json:"t"`
	V      []float64 `json:"v"`
	Dense  bool      `json:"dense"`
}

type refResult struct {
	Loss    float64   `json:"loss"`
	Grad    []float64 `json:"grad"`
	HVP     []float64 `json:"hvp"`
	GGNV    []float64 `json:"ggnv"`
	EFV     []float64 `json:"efv"`
	Hessian []float64 `json:"hessian"`
	GGN     []float64 `json:"ggn"`
}

type netCase struct {
	name  string
	net   nn.MLP
	soft  bool // probability targets instead of one-hot (cross-entropy)
	scale float64
	wide  bool // large enough for the AVX2 product kernel; checked without dense matrices
}

var jaxCases = []netCase{
	{name: "tanh-mse", net: nn.MLP{Sizes: []int{3, 5, 4, 2}, Activations: []nn.Activation{nn.Tanh, nn.Tanh, nn.Linear}, Loss: nn.MSE}},
	{name: "logistic-mse", net: nn.MLP{Sizes: []int{3, 6, 2}, Activations: []nn.Activation{nn.Logistic, nn.Logistic}, Loss: nn.MSE}},
	{name: "relu-mse", net: nn.MLP{Sizes: []int{4, 6, 5, 3}, Activations: []nn.Activation{nn.ReLU, nn.ReLU, nn.Linear}, Loss: nn.MSE}},
	{name: "linear-mse", net: nn.MLP{Sizes: []int{3, 4, 2}, Activations: []nn.Activation{nn.Linear, nn.Linear}, Loss: nn.MSE}},
	{name: "tanh-ce", net: nn.MLP{Sizes: []int{3, 5, 4, 3}, Activations: []nn.Activation{nn.Tanh, nn.Tanh, nn.Linear}, Loss: nn.SoftmaxCrossEntropy}},
	{name: "logistic-ce", net: nn.MLP{Sizes: []int{2, 6, 3}, Activations: []nn.Activation{nn.Logistic, nn.Linear}, Loss: nn.SoftmaxCrossEntropy}},
	{name: "relu-ce-soft", net: nn.MLP{Sizes: []int{4, 7, 3}, Activations: []nn.Activation{nn.ReLU, nn.Linear}, Loss: nn.SoftmaxCrossEntropy}, soft: true},
	{name: "mixed-ce", net: nn.MLP{Sizes: []int{3, 4, 5, 4, 3}, Activations: []nn.Activation{nn.Tanh, nn.ReLU, nn.Logistic, nn.Tanh}, Loss: nn.SoftmaxCrossEntropy}},
	{name: "tanh-ce-large-logits", net: nn.MLP{Sizes: []int{3, 5, 4}, Activations: []nn.Activation{nn.Tanh, nn.Linear}, Loss: nn.SoftmaxCrossEntropy}, scale: 30},
}

var wideCases = []netCase{
	{name: "wide-tanh-ce", net: nn.MLP{Sizes: []int{70, 97, 33, 10}, Activations: []nn.Activation{nn.Tanh, nn.Logistic, nn.Linear}, Loss: nn.SoftmaxCrossEntropy}, wide: true, scale: 0.15},
	{name: "wide-relu-mse", net: nn.MLP{Sizes: []int{50, 130, 3}, Activations: []nn.Activation{nn.ReLU, nn.Linear}, Loss: nn.MSE}, wide: true, scale: 0.15},
}

// randomProblem returns data, parameters and a direction for c, all from a seeded generator.
func randomProblem(c netCase, n int, seed uint64) (nn.Data, []float64, []float64) {
	rng := rand.New(rand.NewPCG(seed, 1))
	d0, dL := c.net.Sizes[0], c.net.Sizes[len(c.net.Sizes)-1]
	x := mat.NewDense(n, d0, nil)
	t := mat.NewDense(n, dL, nil)
	for i := range n {
		for j := range d0 {
			x.Set(i, j, rng.NormFloat64())
		}
		switch {
		case c.net.Loss == nn.MSE:
			for k := range dL {
				t.Set(i, k, rng.NormFloat64())
			}
		case c.soft:
			s := 0.0
			for k := range dL {
				w := rng.Float64()
				t.Set(i, k, w)
				s += w
			}
			for k := range dL {
				t.Set(i, k, t.At(i, k)/s)
			}
		default:
			t.Set(i, rng.IntN(dL), 1)
		}
	}
	scale := c.scale
	if scale == 0 {
		scale = 0.7
	}
	p := make([]float64, c.net.NumParams())
	v := make([]float64, len(p))
	for i := range p {
		p[i] = scale * rng.NormFloat64()
		v[i] = rng.NormFloat64()
	}
	return nn.Data{X: x, T: t}, p, v
}

// relErr returns max_i |got_i − want_i| / max_i |want_i|.
func relErr(got, want []float64) float64 {
	if len(got) != len(want) {
		return math.Inf(1)
	}
	d, m := 0.0, 0.0
	for i := range got {
		d = max(d, math.Abs(got[i]-want[i]))
		m = max(m, math.Abs(want[i]))
	}
	if m == 0 {
		return d
	}
	return d / m
}

func TestAgainstJAX(t *testing.T) {
	script, err := os.ReadFile("testdata/mlp_ref.py")
	if err != nil {
		t.Fatal(err)
	}
	cases := append(append([]netCase(nil), jaxCases...), wideCases...)
	size := func(c netCase) int {
		if c.wide {
			return 301
		}
		return 9
	}
	var in []refCase
	for i, c := range cases {
		data, p, v := randomProblem(c, size(c), uint64(i+1))
		acts := make([]string, len(c.net.Activations))
		for j, a := range c.net.Activations {
			acts[j] = a.String()
		}
		loss := "mse"
		if c.net.Loss == nn.SoftmaxCrossEntropy {
			loss = "ce"
		}
		in = append(in, refCase{Sizes: c.net.Sizes, Acts: acts, Loss: loss, Params: p,
			X: data.X.RawMatrix().Data, T: data.T.RawMatrix().Data, V: v, Dense: !c.wide})
	}
	var out []refResult
	pyref.Run(t, string(script), in, &out)
	if len(out) != len(in) {
		t.Fatalf("reference returned %d results for %d cases", len(out), len(in))
	}
	const tol = 1e-12
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data, p, v := randomProblem(c, size(c), uint64(i+1))
			o := nn.NewObjective(c.net, data)
			want := out[i]
			if e := relErr([]float64{o.Func(p)}, []float64{want.Loss}); e > tol {
				t.Errorf("loss: %v, JAX %v (rel %.2g)", o.Func(p), want.Loss, e)
			}
			if e := relErr(hessian.GradientOf(nil, o, p), want.Grad); e > tol {
				t.Errorf("gradient rel error %.3g > %g", e, tol)
			}
			if e := relErr(hessian.HessVecOf(nil, o, p, v, nil), want.HVP); e > tol {
				t.Errorf("HVP rel error %.3g > %g", e, tol)
			}
			if e := relErr(ggnVec(o, p, v), want.GGNV); e > tol {
				t.Errorf("GGN product rel error %.3g > %g (vs JᵀH_out J v)", e, tol)
			}
			efv := make([]float64, o.Dim())
			o.EmpiricalFisherVec(efv, p, v)
			if e := relErr(efv, want.EFV); e > tol {
				t.Errorf("empirical Fisher product rel error %.3g > %g (vs Gᵀ(Gv)/N of per-example gradients)", e, tol)
			}
			if c.wide {
				return
			}
			h, err := o.HessianAt(p).Dense(nil)
			if err != nil {
				t.Fatal(err)
			}
			if e := relErr(denseData(h), want.Hessian); e > tol {
				t.Errorf("dense Hessian rel error %.3g > %g (vs jax.hessian)", e, tol)
			}
			g, err := o.GGN(nil, p)
			if err != nil {
				t.Fatal(err)
			}
			if e := relErr(denseData(g), want.GGN); e > tol {
				t.Errorf("dense GGN rel error %.3g > %g", e, tol)
			}
		})
	}
}

// denseData returns the entries of a symmetric matrix, row-major.
func denseData(s *mat.SymDense) []float64 {
	n := s.SymmetricDim()
	d := make([]float64, 0, n*n)
	for i := range n {
		for j := range n {
			d = append(d, s.At(i, j))
		}
	}
	return d
}

const filterNormScript = `
import json, sys
import numpy as np
inp = json.load(sys.stdin)
sizes, theta, d = inp["sizes"], np.array(inp["params"]), np.array(inp["d"])
out, off = d.copy(), 0
for l in range(1, len(sizes)):
    r, c = sizes[l], sizes[l - 1]
    w = slice(off, off + r * c)
    W, D = theta[w].reshape(r, c), d[w].reshape(r, c)
    # Li et al. (2018), loss-landscape code: d ← d / ‖d‖ · ‖θ‖ per filter, biases 0
    out[w] = (D / np.linalg.norm(D, axis=1, keepdims=True) * np.linalg.norm(W, axis=1, keepdims=True)).ravel()
    out[off + r * c: off + r * c + r] = 0
    off += r * c + r
json.dump({"d": out.tolist()}, sys.stdout)
`

// FilterNormalize matches a numpy transcription of Li et al.'s
// normalisation, and a random direction moves each unit by its own scale.
func TestFilterNormalizeAgainstNumpy(t *testing.T) {
	net := nn.MLP{Sizes: []int{3, 6, 4, 2}, Activations: []nn.Activation{nn.Tanh, nn.ReLU, nn.Linear}, Loss: nn.MSE}
	rng := rand.New(rand.NewPCG(8, 9))
	p := net.InitGlorot(rng)
	d := make([]float64, net.NumParams())
	for i := range d {
		d[i] = rng.NormFloat64()
	}
	var out struct{ D []float64 }
	pyref.Run(t, filterNormScript, map[string]any{"sizes": net.Sizes, "params": p, "d": d}, &out)
	net.FilterNormalize(d, p)
	if e := relErr(d, out.D); e > 1e-14 {
		t.Errorf("FilterNormalize differs from numpy: rel %.3g", e)
	}
}
