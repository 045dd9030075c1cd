package main

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

var ErrSingular = errors.New("matrix is singular to working precision")

type System struct {
	Name string
	A    [][]float64
	B    []float64
}

type ElimLog struct {
	Swaps  int
	Pivots []float64
}

func (l ElimLog) String() string {
	ps := ""
	for i, p := range l.Pivots {
		if i > 0 {
			ps += ", "
		}
		ps += fmt.Sprintf("%.4g", p)
	}
	return fmt.Sprintf("swaps=%d pivots=[%s]", l.Swaps, ps)
}

func cloneMatrix(a [][]float64) [][]float64 {
	c := make([][]float64, len(a))
	for i := range a {
		c[i] = append([]float64(nil), a[i]...)
	}
	return c
}

// gaussSolve does Gaussian elimination; pivot selects partial pivoting.
func gaussSolve(A [][]float64, b []float64, pivot bool) ([]float64, ElimLog, error) {
	n := len(A)
	a := cloneMatrix(A)
	x := append([]float64(nil), b...)
	var log ElimLog
	for k := 0; k < n; k++ {
		p := k
		if pivot {
			for i := k + 1; i < n; i++ {
				if math.Abs(a[i][k]) > math.Abs(a[p][k]) {
					p = i
				}
			}
		}
		if math.Abs(a[p][k]) < 1e-14 {
			return nil, log, fmt.Errorf("column %d: %w", k, ErrSingular)
		}
		if p != k {
			a[p], a[k] = a[k], a[p]
			x[p], x[k] = x[k], x[p]
			log.Swaps++
		}
		log.Pivots = append(log.Pivots, a[k][k])
		for i := k + 1; i < n; i++ {
			m := a[i][k] / a[k][k]
			a[i][k] = 0
			for j := k + 1; j < n; j++ {
				a[i][j] -= m * a[k][j]
			}
			x[i] -= m * x[k]
		}
	}
	for i := n - 1; i >= 0; i-- {
		s := x[i]
		for j := i + 1; j < n; j++ {
			s -= a[i][j] * x[j]
		}
		x[i] = s / a[i][i]
	}
	return x, log, nil
}

func toDense(a [][]float64) *mat.Dense {
	n, m := len(a), len(a[0])
	d := mat.NewDense(n, m, nil)
	for i := range a {
		d.SetRow(i, a[i])
	}
	return d
}

func residual(A [][]float64, x, b []float64) float64 {
	r := 0.0
	for i := range A {
		s := -b[i]
		for j := range x {
			s += A[i][j] * x[j]
		}
		r = math.Max(r, math.Abs(s))
	}
	return r
}

func main() {
	systems := []System{
		{"3x3 textbook", [][]float64{{2, 1, -1}, {-3, -1, 2}, {-2, 1, 2}}, []float64{8, -11, -3}},
		{"4x4 dense", [][]float64{{4, -2, 1, 3}, {3, 6, -4, 2}, {2, 1, 8, -5}, {1, 3, -2, 7}}, []float64{20, 11, 9, 25}},
		{"tiny pivot", [][]float64{{1e-13, 1}, {1, 1}}, []float64{1, 2}},
		{"singular", [][]float64{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}, []float64{1, 1, 1}},
	}
	for _, s := range systems {
		fmt.Printf("== %s ==\n", s.Name)
		fmt.Printf("A =\n%v\n", mat.Formatted(toDense(s.A), mat.Prefix(""), mat.Squeeze()))
		for _, piv := range []bool{false, true} {
			x, lg, err := gaussSolve(s.A, s.B, piv)
			label := "no pivoting  "
			if piv {
				label = "with pivoting"
			}
			if errors.Is(err, ErrSingular) {
				fmt.Printf("  %s: %v\n", label, err)
				continue
			}
			fmt.Printf("  %s: x=%.6f  resid %s  %v\n", label, x, small(residual(s.A, x, s.B)), lg)
		}
		var ref mat.VecDense
		err := ref.SolveVec(toDense(s.A), mat.NewVecDense(len(s.B), s.B))
		var cerr mat.Condition
		switch {
		case errors.As(err, &cerr):
			fmt.Printf("  mat.SolveVec: ill-conditioned, cond > 1e15: %v\n", float64(cerr) > 1e15)
		case err != nil:
			fmt.Printf("  mat.SolveVec error: %v\n", err)
		default:
			fmt.Printf("  mat.SolveVec:  x=%.6f\n", ref.RawVector().Data)
		}
		fmt.Println()
	}
}

func small(v float64) string {
	if v < 1e-12 {
		return "< 1e-12"
	}
	return fmt.Sprintf("= %.1e", v)
}
