package main

import (
	"errors"
	"fmt"

	"gonum.org/v1/gonum/mat"
)

var ErrEmpty = errors.New("empty input")

type DimError struct {
	Op         string
	Want, Have int
}

func (e *DimError) Error() string {
	return fmt.Sprintf("%s: dimension mismatch: want %d, have %d", e.Op, e.Want, e.Have)
}

func Dot(a, b []float64) (float64, error) {
	if len(a) == 0 {
		return 0, ErrEmpty
	}
	if len(a) != len(b) {
		return 0, &DimError{Op: "dot", Want: len(a), Have: len(b)}
	}
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s, nil
}

// GDStep returns x - lr*grad, checking shapes first.
func GDStep(x, grad []float64, lr float64) ([]float64, error) {
	if len(x) != len(grad) {
		return nil, fmt.Errorf("gd step: %w", &DimError{Op: "axpy", Want: len(x), Have: len(grad)})
	}
	if lr <= 0 {
		return nil, fmt.Errorf("gd step: learning rate must be positive, got %g", lr)
	}
	out := make([]float64, len(x))
	for i := range x {
		out[i] = x[i] - lr*grad[i]
	}
	return out, nil
}

type LinearModel struct {
	W []float64
	B float64
}

func (m LinearModel) Predict(batch [][]float64) ([]float64, error) {
	if len(batch) == 0 {
		return nil, fmt.Errorf("predict: %w", ErrEmpty)
	}
	out := make([]float64, len(batch))
	for i, row := range batch {
		v, err := Dot(m.W, row)
		if err != nil {
			return nil, fmt.Errorf("predict row %d: %w", i, err)
		}
		out[i] = v + m.B
	}
	return out, nil
}

// safeMul converts gonum's shape panic into an error.
func safeMul(a, b mat.Matrix) (m *mat.Dense, err error) {
	defer func() {
		if r := recover(); r != nil {
			if r == mat.ErrShape {
				ar, ac := a.Dims()
				br, bc := b.Dims()
				err = fmt.Errorf("mul %dx%d by %dx%d: %v", ar, ac, br, bc, r)
				return
			}
			panic(r)
		}
	}()
	var c mat.Dense
	c.Mul(a, b)
	return &c, nil
}

func describe(err error) string {
	var de *DimError
	switch {
	case err == nil:
		return "ok"
	case errors.As(err, &de):
		return fmt.Sprintf("DimError(op=%s want=%d have=%d) <- %v", de.Op, de.Want, de.Have, err)
	case errors.Is(err, ErrEmpty):
		return "empty: " + err.Error()
	}
	return "other: " + err.Error()
}

func main() {
	x := []float64{1, 2, 3}
	if s, err := Dot(x, []float64{4, 5, 6}); err == nil {
		fmt.Printf("dot = %.2f\n", s)
	}
	_, err := Dot(x, []float64{1, 2})
	fmt.Println(describe(err))
	_, err = Dot(nil, nil)
	fmt.Println(describe(err))

	next, err := GDStep(x, []float64{0.5, -0.5, 1}, 0.1)
	fmt.Printf("%s -> %.3f\n", describe(err), next)
	_, err = GDStep(x, []float64{1}, 0.1)
	fmt.Println(describe(err))
	_, err = GDStep(x, x, -1)
	fmt.Println(describe(err))

	m := LinearModel{W: []float64{0.5, -1}, B: 2}
	preds, err := m.Predict([][]float64{{1, 1}, {2, 0}})
	fmt.Printf("%s -> %.3f\n", describe(err), preds)
	_, err = m.Predict([][]float64{{1, 1}, {2, 0, 9}})
	fmt.Println(describe(err))
	_, err = m.Predict(nil)
	fmt.Println(describe(err))

	A := mat.NewDense(2, 3, []float64{1, 2, 3, 4, 5, 6})
	B := mat.NewDense(3, 2, []float64{1, 0, 0, 1, 1, 1})
	if C, err := safeMul(A, B); err == nil {
		fmt.Printf("A*B =\n%.1f\n", mat.Formatted(C))
	}
	_, err = safeMul(A, A)
	fmt.Println(describe(err))
}
