package main

import (
	"errors"
	"fmt"
	"strings"
)

type Matrix [][]float64

func NewMatrix(r, c int) Matrix {
	m := make(Matrix, r)
	for i := range m {
		m[i] = make([]float64, c)
	}
	return m
}

func Identity(n int) Matrix {
	m := NewMatrix(n, n)
	for i := 0; i < n; i++ {
		m[i][i] = 1
	}
	return m
}

func (m Matrix) Rows() int { return len(m) }
func (m Matrix) Cols() int {
	if len(m) == 0 {
		return 0
	}
	return len(m[0])
}

func (m Matrix) Mul(o Matrix) (Matrix, error) {
	if m.Cols() != o.Rows() {
		return nil, errors.New(fmt.Sprintf("dimension mismatch: %dx%d * %dx%d", m.Rows(), m.Cols(), o.Rows(), o.Cols()))
	}
	res := NewMatrix(m.Rows(), o.Cols())
	for i := 0; i < m.Rows(); i++ {
		for j := 0; j < o.Cols(); j++ {
			var sum float64
			for k := 0; k < m.Cols(); k++ {
				sum += m[i][k] * o[k][j]
			}
			res[i][j] = sum
		}
	}
	return res, nil
}

func (m Matrix) Transpose() Matrix {
	t := NewMatrix(m.Cols(), m.Rows())
	for i, row := range m {
		for j, v := range row {
			t[j][i] = v
		}
	}
	return t
}

func (m Matrix) String() string {
	var sb strings.Builder
	for _, row := range m {
		sb.WriteString("[")
		for j, v := range row {
			if j > 0 {
				sb.WriteString(" ")
			}
			fmt.Fprintf(&sb, "%7.2f", v)
		}
		sb.WriteString("]\n")
	}
	return sb.String()
}

func det(m Matrix) float64 {
	n := len(m)
	if n == 1 {
		return m[0][0]
	}
	if n == 2 {
		return m[0][0]*m[1][1] - m[0][1]*m[1][0]
	}
	total := 0.0
	sign := 1.0
	for c := 0; c < n; c++ {
		sub := Matrix{}
		for r := 1; r < n; r++ {
			row := []float64{}
			row = append(row, m[r][:c]...)
			row = append(row, m[r][c+1:]...)
			sub = append(sub, row)
		}
		total += sign * m[0][c] * det(sub)
		sign = -sign
	}
	return total
}

func main() {
	a := Matrix{{1, 2, 3}, {4, 5, 6}}
	b := Matrix{{7, 8}, {9, 10}, {11, 12}}
	c, err := a.Mul(b)
	fmt.Print("A*B=\n", c, "err=", err, "\n")
	_, err = a.Mul(a)
	fmt.Println("A*A err:", err)
	fmt.Print("A^T=\n", a.Transpose())
	i3 := Identity(3)
	same, _ := b.Transpose().Mul(i3)
	fmt.Print(same)
	fmt.Printf("det = %.3f\n", det(Matrix{{2, -3, 1}, {2, 0, -1}, {1, 4, 5}}))
	fmt.Printf("det(I3) = %v, det(c) = %g\n", det(i3), det(c))
	p := Identity(2)
	fib := Matrix{{1, 1}, {1, 0}}
	for k := 0; k < 10; k++ {
		p, _ = p.Mul(fib)
	}
	fmt.Printf("fib via matrix: %v %v\n", p[0][1], p)
}
