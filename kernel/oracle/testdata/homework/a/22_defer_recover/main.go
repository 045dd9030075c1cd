package main

import (
	"errors"
	"fmt"
	"math"
)

type SingularError struct{ Pivot int }

func (e SingularError) Error() string { return fmt.Sprintf("matrix singular at pivot %d", e.Pivot) }

// solve uses Gaussian elimination; it panics internally and converts the
// panic to an error with recover.
func solve(A [][]float64, b []float64) (x []float64, err error) {
	defer func() {
		if r := recover(); r != nil {
			switch v := r.(type) {
			case SingularError:
				err = v
			case error:
				err = fmt.Errorf("runtime problem: %w", v)
			default:
				err = fmt.Errorf("unknown panic: %v", v)
			}
			x = nil
		}
	}()
	n := len(b)
	M := make([][]float64, n)
	for i := range A {
		M[i] = append(append([]float64{}, A[i]...), b[i])
	}
	for k := 0; k < n; k++ {
		p := k
		for i := k + 1; i < n; i++ {
			if math.Abs(M[i][k]) > math.Abs(M[p][k]) {
				p = i
			}
		}
		if math.Abs(M[p][k]) < 1e-12 {
			panic(SingularError{k})
		}
		M[k], M[p] = M[p], M[k]
		for i := k + 1; i < n; i++ {
			f := M[i][k] / M[k][k]
			for j := k; j <= n; j++ {
				M[i][j] -= f * M[k][j]
			}
		}
	}
	x = make([]float64, n)
	for i := n - 1; i >= 0; i-- {
		s := M[i][n]
		for j := i + 1; j < n; j++ {
			s -= M[i][j] * x[j]
		}
		x[i] = s / M[i][i]
	}
	return x, nil
}

func deferOrder() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("  deferred", i)
	}
	fmt.Println("  body done")
}

func counter() (n int) {
	defer func() { n *= 10 }() // named result modified after return
	return 4
}

func main() {
	fmt.Println("defer is LIFO:")
	deferOrder()
	fmt.Println("counter() =", counter())

	systems := []struct {
		A [][]float64
		b []float64
	}{
		{[][]float64{{2, 1}, {1, 3}}, []float64{3, 5}},
		{[][]float64{{1, 2}, {2, 4}}, []float64{1, 2}},
		{[][]float64{{0, 1, 1}, {1, 0, 1}, {1, 1, 0}}, []float64{2, 2, 2}},
		{[][]float64{{1, 2}, {3, 4}}, []float64{1}}, // b too short -> index panic
	}
	for i, s := range systems {
		x, err := solve(s.A, s.b)
		var se SingularError
		switch {
		case err == nil:
			fmt.Printf("system %d: x = %.4f\n", i, x)
		case errors.As(err, &se):
			fmt.Printf("system %d: singular (pivot %d)\n", i, se.Pivot)
		default:
			fmt.Printf("system %d: error: %v\n", i, err)
		}
	}

	func() {
		defer func() { fmt.Println("recovered value:", recover()) }()
		var m map[string]int
		m["boom"] = 1
	}()
	fmt.Println("program continues normally")
}
