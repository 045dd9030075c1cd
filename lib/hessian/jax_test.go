package hessian_test

import (
	"math"
	"testing"

	"github.com/gocurve/gocurve/internal/pyref"
	"github.com/gocurve/gocurve/lib/hessian"
	"gonum.org/v1/gonum/mat"
)

// jaxTestFunc is J(x) = Σ_i e^{0.3x_i} sin(x_{i+1}) + log Σ_i e^{x_i} + 0.1(Σ_i x_i²)²,
// written identically in jaxHessianScript.
func jaxTestFunc(x []float64) float64 {
	var s, lse, r float64
	for i := 0; i+1 < len(x); i++ {
		s += math.Exp(0.3*x[i]) * math.Sin(x[i+1])
	}
	for _, v := range x {
		lse += math.Exp(v)
		r += v * v
	}
	return s + math.Log(lse) + 0.1*r*r
}

const jaxHessianScript = `
import json, sys
import jax, jax.numpy as jnp
def f(x):
    return jnp.sum(jnp.exp(0.3 * x[:-1]) * jnp.sin(x[1:])) + jnp.log(jnp.sum(jnp.exp(x))) + 0.1 * jnp.sum(x * x) ** 2
pts = json.load(sys.stdin)
out = []
for p in pts:
    x = jnp.array(p, dtype=jnp.float64)
    out.append({"grad": jax.grad(f)(x).tolist(), "hess": jax.hessian(f)(x).flatten().tolist()})
json.dump(out, sys.stdout)
`

// Finite-difference gradients and Hessians against JAX's automatic ones.
func TestDerivativesAgainstJAX(t *testing.T) {
	points := [][]float64{
		{0.1, -0.4, 0.7, 1.2, -1, 0.3},
		{2, 1.5, -0.5, 0, 0.25, -2},
	}
	var out []struct {
		Grad []float64 `json:"grad"`
		Hess []float64 `json:"hess"`
	}
	pyref.Run(t, jaxHessianScript, points, &out)
	for i, x := range points {
		n := len(x)
		g := hessian.Gradient(nil, jaxTestFunc, x, nil)
		if e := relErrVec(g, out[i].Grad); e > 1e-9 {
			t.Errorf("point %d: gradient differs from JAX by %.3g (relative)", i, e)
		}
		want := mat.NewDense(n, n, out[i].Hess)
		h := hessian.Hessian(nil, jaxTestFunc, x, nil)
		if e := relErr(h, want); e > 1e-6 {
			t.Errorf("point %d: Hessian differs from JAX by %.3g (relative)", i, e)
		}
		// Hessian-vector products by differencing JAX's exact gradient
		// would need a callback; difference our fd gradient instead and
		// compare with H·v from JAX.
		v := make([]float64, n)
		for j := range v {
			v[j] = math.Cos(float64(j))
		}
		obj := hessian.Func(jaxTestFunc)
		hv := hessian.HessVec(nil, obj.Grad, x, v, &hessian.DiffSettings{Step: 1e-4})
		wantHV := mat.NewVecDense(n, nil)
		wantHV.MulVec(want, mat.NewVecDense(n, v))
		if e := relErrVec(hv, wantHV.RawVector().Data); e > 1e-5 {
			t.Errorf("point %d: fd-of-fd HVP differs from JAX by %.3g (relative)", i, e)
		}
	}
}
