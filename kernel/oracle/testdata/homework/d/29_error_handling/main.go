package main

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

var ErrEmpty = errors.New("empty input")

// ShapeError is returned when operand shapes do not fit together.
type ShapeError struct {
	Op         string
	Want, Have [2]int
}

func (e ShapeError) Error() string {
	return fmt.Sprintf("%s: shape mismatch, want %dx%d, have %dx%d", e.Op, e.Want[0], e.Want[1], e.Have[0], e.Have[1])
}

// NotFiniteError reports a NaN or Inf gradient entry.
type NotFiniteError struct {
	Index int
	Value float64
}

func (e *NotFiniteError) Error() string {
	return fmt.Sprintf("gradient entry %d is not finite (%v)", e.Index, e.Value)
}

type Dense struct {
	W *mat.Dense
	B []float64
}

// Forward computes W x + b with shape checks instead of panics.
func (l Dense) Forward(x []float64) ([]float64, error) {
	if len(x) == 0 {
		return nil, fmt.Errorf("dense forward: %w", ErrEmpty)
	}
	r, c := l.W.Dims()
	if c != len(x) {
		return nil, fmt.Errorf("layer forward: %w", ShapeError{"W*x", [2]int{r, c}, [2]int{r, len(x)}})
	}
	var out mat.VecDense
	out.MulVec(l.W, mat.NewVecDense(len(x), x))
	res := out.RawVector().Data
	for i := range res {
		res[i] += l.B[i]
	}
	return res, nil
}

func checkGrad(g []float64) error {
	for i, v := range g {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return &NotFiniteError{i, v}
		}
	}
	return nil
}

// safeMul converts gonum's panics into errors.
func safeMul(a, b mat.Matrix) (m *mat.Dense, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("safeMul recovered: %v", r)
		}
	}()
	m = new(mat.Dense)
	m.Mul(a, b)
	return m, nil
}

func main() {
	layer := Dense{W: mat.NewDense(2, 3, []float64{1, 0, -1, 0.5, 2, 0}), B: []float64{0.1, -0.1}}
	inputs := [][]float64{{1, 2, 3}, {1, 2}, {}}
	for _, x := range inputs {
		y, err := layer.Forward(x)
		var se ShapeError
		switch {
		case err == nil:
			fmt.Printf("forward(%v) = %.3f\n", x, y)
		case errors.As(err, &se):
			fmt.Printf("shape problem in %q: %v (want cols %d)\n", se.Op, err, se.Want[1])
		case errors.Is(err, ErrEmpty):
			fmt.Printf("empty input detected: %v\n", err)
		default:
			fmt.Println("unexpected:", err)
		}
	}

	grads := [][]float64{{0.1, -0.2}, {0.3, math.Inf(1)}, {math.NaN(), 1}}
	var all []error
	for step, g := range grads {
		if err := checkGrad(g); err != nil {
			all = append(all, fmt.Errorf("step %d: %w", step, err))
		}
	}
	joined := errors.Join(all...)
	fmt.Printf("joined errors:\n%v\n", joined)
	var nf *NotFiniteError
	if errors.As(joined, &nf) {
		fmt.Printf("first non-finite at index %d\n", nf.Index)
	}

	_, err := safeMul(mat.NewDense(2, 3, nil), mat.NewDense(2, 3, nil))
	fmt.Println("mul error:", err)

	// solving a singular normal-equation system
	sing := mat.NewDense(2, 2, []float64{1, 2, 2, 4})
	var x mat.VecDense
	err = x.SolveVec(sing, mat.NewVecDense(2, []float64{1, 2}))
	var cond mat.Condition
	if errors.As(err, &cond) {
		fmt.Printf("ill-conditioned system, condition number reported: %.3e\n", float64(cond))
	} else {
		fmt.Println("solve error:", err)
	}
	near := mat.NewDense(2, 2, []float64{1, 2, 2, 4.000001})
	err = x.SolveVec(near, mat.NewVecDense(2, []float64{1, 2}))
	fmt.Printf("nearly singular: err=%v x=%.4f\n", err, x.RawVector().Data)
}
