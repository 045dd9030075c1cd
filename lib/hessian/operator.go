package hessian

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// Operator is a symmetric linear operator known only through its action on
// vectors, such as a Hessian-vector product.
type Operator interface {
	Dim() int               // n
	Apply(dst, v []float64) // dst = A·v; len(dst) == len(v) == Dim(); dst and v do not alias
}

// Dense wraps a symmetric matrix as an Operator: Apply computes dst = A·v
// with a dense matrix-vector product. The matrix is referenced, not copied.
func Dense(a mat.Symmetric) Operator {
	return denseOp{a: a}
}

type denseOp struct{ a mat.Symmetric }

func (d denseOp) Dim() int { return d.a.SymmetricDim() }

func (d denseOp) Apply(dst, v []float64) {
	n := d.a.SymmetricDim()
	if len(dst) != n || len(v) != n {
		panic(fmt.Sprintf("hessian: Dense.Apply: len(dst)=%d, len(v)=%d, want %d", len(dst), len(v), n))
	}
	out := mat.NewVecDense(n, dst)
	out.MulVec(d.a, mat.NewVecDense(n, v))
}

// FuncOperator wraps apply, which must set dst = A·v for a symmetric A of
// dimension n, as an Operator. FuncOperator checks lengths before calling
// apply and panics on a mismatch.
func FuncOperator(n int, apply func(dst, v []float64)) Operator {
	if n < 0 {
		panic("hessian: FuncOperator: negative dimension")
	}
	if apply == nil {
		panic("hessian: FuncOperator: nil apply")
	}
	return funcOp{n: n, apply: apply}
}

type funcOp struct {
	n     int
	apply func(dst, v []float64)
}

func (f funcOp) Dim() int { return f.n }

func (f funcOp) Apply(dst, v []float64) {
	if len(dst) != f.n || len(v) != f.n {
		panic(fmt.Sprintf("hessian: FuncOperator.Apply: len(dst)=%d, len(v)=%d, want %d", len(dst), len(v), f.n))
	}
	f.apply(dst, v)
}
