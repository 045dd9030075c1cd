package nn

import (
	"fmt"

	"gonum.org/v1/gonum/mat"

	"github.com/gocurve/gocurve/lib/interrupt"
)

// Curvature is the Hessian ∇²J(θ) or the Gauss-Newton matrix G(θ) of an
// Objective at fixed parameters θ, applied matrix-free. It satisfies
// hessian.Operator (Dim, Apply), so package hessian's Lanczos, power
// iteration and trace estimators run on it. The forward and backward pass at
// θ are computed once; each Apply then costs two batched matrix products
// per layer for the first layer and about four for the others. A Curvature
// is not safe for concurrent use.
type Curvature struct {
	obj    *Objective
	params []float64
	ggn    bool
}

// Hessian returns the Hessian of net's loss on data at params as an
// operator: Apply(dst, v) sets dst = ∇²J(θ)·v exactly (Objective.HessVec). The
// data and params are copied.
func Hessian(net MLP, params []float64, data Data) *Curvature {
	return NewObjective(net, data).HessianAt(params)
}

// GGN returns the generalized Gauss-Newton matrix of net's loss on data at
// params as an operator: Apply(dst, v) sets dst = G(θ)·v (Objective.GGNVec).
// G is positive semidefinite. The data and params are copied.
func GGN(net MLP, params []float64, data Data) *Curvature {
	return NewObjective(net, data).GGNAt(params)
}

// HessianAt returns the Hessian at params as an operator that shares o's
// workspaces: do not use o and the operator from different goroutines.
func (o *Objective) HessianAt(params []float64) *Curvature {
	o.checkLen(params, "HessianAt")
	return &Curvature{obj: o, params: append([]float64(nil), params...)}
}

// GGNAt returns the Gauss-Newton matrix at params as an operator that shares
// o's workspaces.
func (o *Objective) GGNAt(params []float64) *Curvature {
	o.checkLen(params, "GGNAt")
	return &Curvature{obj: o, params: append([]float64(nil), params...), ggn: true}
}

// Dim returns the number of parameters.
func (c *Curvature) Dim() int { return len(c.params) }

// Apply sets dst = A·v, with A the Hessian or the Gauss-Newton matrix. It
// panics if len(dst) or len(v) differs from Dim(); dst must not alias v.
func (c *Curvature) Apply(dst, v []float64) {
	if len(dst) != len(c.params) || len(v) != len(c.params) {
		panic(fmt.Sprintf("nn: Curvature.Apply: len(dst) = %d, len(v) = %d, want %d", len(dst), len(v), len(c.params)))
	}
	if c.ggn {
		c.obj.GGNVec(dst, c.params, v)
	} else {
		c.obj.HessVec(dst, c.params, v)
	}
}

// Dense returns the operator as a dense symmetric matrix assembled from
// Dim() products with unit vectors (see Objective.Hess), or an error
// wrapping interrupt.ErrInterrupted if interrupted.
func (c *Curvature) Dense(dst *mat.SymDense) (*mat.SymDense, error) {
	if c.ggn {
		return c.obj.GGN(dst, c.params)
	}
	return c.obj.assemble(dst, c.params, c.obj.HessVec, "Curvature.Dense", true)
}

func interruptErr() error { return interrupt.Err() }
