package main

import (
	"fmt"
	"math"
)

type Float interface {
	~float32 | ~float64
}

type Optimizer[T Float] interface {
	Step(params, grads []T)
}

type SGDMomentum[T Float] struct {
	LR, Mu T
	buf    []T
}

func (o *SGDMomentum[T]) Step(params, grads []T) {
	if o.buf == nil {
		o.buf = make([]T, len(params))
	}
	for i := range params {
		o.buf[i] = o.Mu*o.buf[i] + grads[i]
		params[i] -= o.LR * o.buf[i]
	}
}

type Adam[T Float] struct {
	LR, B1, B2, Eps T
	m, v            []T
	t               int
}

func (o *Adam[T]) Step(params, grads []T) {
	if o.m == nil {
		o.m, o.v = make([]T, len(params)), make([]T, len(params))
	}
	o.t++
	c1 := 1 - T(math.Pow(float64(o.B1), float64(o.t)))
	c2 := 1 - T(math.Pow(float64(o.B2), float64(o.t)))
	for i := range params {
		o.m[i] = o.B1*o.m[i] + (1-o.B1)*grads[i]
		o.v[i] = o.B2*o.v[i] + (1-o.B2)*grads[i]*grads[i]
		params[i] -= o.LR * (o.m[i] / c1) / (T(math.Sqrt(float64(o.v[i]/c2))) + o.Eps)
	}
}

// least squares on a fixed small system: minimize 1/2 |A x - b|^2
var Amat = [][]float64{{4, 1, 0}, {1, 3, 1}, {0, 1, 2}, {1, 0, 1}}
var bvec = []float64{1, 2, 3, 4}

func lossGrad[T Float](x []T) (T, []T) {
	g := make([]T, len(x))
	var loss T
	for i, row := range Amat {
		var r T
		for j, a := range row {
			r += T(a) * x[j]
		}
		r -= T(bvec[i])
		loss += r * r / 2
		for j, a := range row {
			g[j] += r * T(a)
		}
	}
	return loss, g
}

func train[T Float](opt Optimizer[T], steps int) ([]T, T) {
	x := make([]T, 3)
	for k := 0; k < steps; k++ {
		_, g := lossGrad(x)
		opt.Step(x, g)
	}
	l, _ := lossGrad(x)
	return x, l
}

func sum[T Float](xs []T) T {
	var s T
	for _, v := range xs {
		s += v
	}
	return s
}

func main() {
	x64, l64 := train[float64](&SGDMomentum[float64]{LR: 0.02, Mu: 0.9}, 500)
	x32, l32 := train[float32](&SGDMomentum[float32]{LR: 0.02, Mu: 0.9}, 500)
	fmt.Printf("momentum float64: x=%v loss=%v\n", x64, l64)
	fmt.Printf("momentum float32: x=%v loss=%v\n", x32, l32)

	a64, al64 := train[float64](&Adam[float64]{LR: 0.05, B1: 0.9, B2: 0.999, Eps: 1e-8}, 2000)
	a32, al32 := train[float32](&Adam[float32]{LR: 0.05, B1: 0.9, B2: 0.999, Eps: 1e-8}, 2000)
	fmt.Printf("adam float64: x=%.7f loss=%.7e\n", a64, al64)
	fmt.Printf("adam float32: x=%.7f loss=%.7e\n", a32, al32)

	diff := 0.0
	for i := range a64 {
		diff = math.Max(diff, math.Abs(a64[i]-float64(a32[i])))
	}
	fmt.Printf("max |x64 - x32| after Adam: %.3e\n", diff)

	// accumulating many small updates: float32 loses them
	var acc32 float32 = 1
	var acc64 float64 = 1
	for i := 0; i < 100000; i++ {
		acc32 += 1e-8
		acc64 += 1e-8
	}
	fmt.Printf("1 + 1e5 * 1e-8: float32=%v float64=%.10f\n", acc32, acc64)
	fmt.Printf("sums: %v %v\n", sum(x32), sum(x64))
	fmt.Printf("types: %T %T\n", x32, &Adam[float32]{})
}
