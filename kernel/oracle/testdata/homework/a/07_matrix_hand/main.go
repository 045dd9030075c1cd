package main

import (
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
func (m Matrix) Cols() int { return len(m[0]) }

func (m Matrix) Mul(o Matrix) Matrix {
	if m.Cols() != o.Rows() {
		panic(fmt.Sprintf("dimension mismatch %dx%d * %dx%d", m.Rows(), m.Cols(), o.Rows(), o.Cols()))
	}
	out := NewMatrix(m.Rows(), o.Cols())
	for i := range out {
		for j := range out[i] {
			for k := 0; k < m.Cols(); k++ {
				out[i][j] += m[i][k] * o[k][j]
			}
		}
	}
	return out
}

func (m Matrix) T() Matrix {
	out := NewMatrix(m.Cols(), m.Rows())
	for i := range m {
		for j := range m[i] {
			out[j][i] = m[i][j]
		}
	}
	return out
}

// Det by cofactor expansion (fine for small matrices)
func (m Matrix) Det() float64 {
	n := m.Rows()
	if n == 1 {
		return m[0][0]
	}
	if n == 2 {
		return m[0][0]*m[1][1] - m[0][1]*m[1][0]
	}
	d, sign := 0.0, 1.0
	for j := 0; j < n; j++ {
		minor := NewMatrix(n-1, n-1)
		for i := 1; i < n; i++ {
			c := 0
			for k := 0; k < n; k++ {
				if k == j {
					continue
				}
				minor[i-1][c] = m[i][k]
				c++
			}
		}
		d += sign * m[0][j] * minor.Det()
		sign = -sign
	}
	return d
}

func (m Matrix) String() string {
	var sb strings.Builder
	for _, row := range m {
		sb.WriteString("[")
		for j, v := range row {
			if j > 0 {
				sb.WriteByte(' ')
			}
			fmt.Fprintf(&sb, "%7.2f", v)
		}
		sb.WriteString(" ]\n")
	}
	return sb.String()
}

func main() {
	A := Matrix{{1, 2, 3}, {4, 5, 6}}
	B := Matrix{{7, 8}, {9, 10}, {11, 12}}
	fmt.Print("A =\n", A, "B =\n", B)
	C := A.Mul(B)
	fmt.Print("A*B =\n", C)
	fmt.Print("A^T =\n", A.T())
	G := A.T().Mul(A) // Gram matrix, symmetric
	fmt.Print("A^T A =\n", G)
	fmt.Printf("det(A^T A) = %.3g (rank deficient)\n", G.Det())
	M := Matrix{{2, -1, 0}, {-1, 2, -1}, {0, -1, 2}}
	fmt.Printf("det(tridiag) = %.1f\n", M.Det())
	fmt.Print("M*I == M ?\n", M.Mul(Identity(3)))

	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
		}
	}()
	_ = A.Mul(A) // 2x3 * 2x3 -> panic
}
