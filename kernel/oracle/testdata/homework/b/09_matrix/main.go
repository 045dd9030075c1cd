// Matrix type with methods: multiply, transpose, determinant, identity.
package main

import (
	"errors"
	"fmt"
	"strings"
)

type Matrix [][]float64

func New(rows, cols int) Matrix {
	m := make(Matrix, rows)
	for i := range m {
		m[i] = make([]float64, cols)
	}
	return m
}

func Identity(n int) Matrix {
	m := New(n, n)
	for i := range n {
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

func (m Matrix) Transpose() Matrix {
	t := New(m.Cols(), m.Rows())
	for i, row := range m {
		for j, v := range row {
			t[j][i] = v
		}
	}
	return t
}

var ErrDims = errors.New("dimension mismatch")

func (m Matrix) Mul(o Matrix) (Matrix, error) {
	if m.Cols() != o.Rows() {
		return nil, fmt.Errorf("%dx%d * %dx%d: %w", m.Rows(), m.Cols(), o.Rows(), o.Cols(), ErrDims)
	}
	r := New(m.Rows(), o.Cols())
	for i := range r {
		for j := range r[i] {
			var s float64
			for k := range o {
				s += m[i][k] * o[k][j]
			}
			r[i][j] = s
		}
	}
	return r, nil
}

// minor returns m without row r and column c.
func (m Matrix) minor(r, c int) Matrix {
	out := make(Matrix, 0, len(m)-1)
	for i, row := range m {
		if i == r {
			continue
		}
		nr := make([]float64, 0, len(row)-1)
		nr = append(nr, row[:c]...)
		nr = append(nr, row[c+1:]...)
		out = append(out, nr)
	}
	return out
}

// Det computes the determinant by cofactor expansion along the first row.
func (m Matrix) Det() (float64, error) {
	if m.Rows() != m.Cols() {
		return 0, ErrDims
	}
	switch n := m.Rows(); n {
	case 0:
		return 1, nil
	case 1:
		return m[0][0], nil
	case 2:
		return m[0][0]*m[1][1] - m[0][1]*m[1][0], nil
	}
	det, sign := 0.0, 1.0
	for c := range m[0] {
		sub, _ := m.minor(0, c).Det()
		det += sign * m[0][c] * sub
		sign = -sign
	}
	return det, nil
}

func (m Matrix) String() string {
	var b strings.Builder
	for _, row := range m {
		b.WriteString("  [")
		for j, v := range row {
			if j > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "%6.1f", v)
		}
		b.WriteString("]\n")
	}
	return b.String()
}

func main() {
	a := Matrix{{1, 2, 3}, {4, 5, 6}}
	b := Matrix{{7, 8}, {9, 10}, {11, 12}}
	fmt.Print("A:\n", a, "A^T:\n", a.Transpose())
	p, err := a.Mul(b)
	fmt.Print("A*B:\n", p, "err: ", err, "\n")
	_, err = a.Mul(a)
	fmt.Println("A*A err:", err, "| is ErrDims:", errors.Is(err, ErrDims))

	sq := Matrix{{2, -3, 1}, {2, 0, -1}, {1, 4, 5}}
	d, _ := sq.Det()
	fmt.Printf("det(S) = %.1f\n", d)
	id, _ := sq.Mul(Identity(3))
	fmt.Print("S*I:\n", id)
	four := Matrix{{1, 0, 2, -1}, {3, 0, 0, 5}, {2, 1, 4, -3}, {1, 0, 5, 0}}
	d4, _ := four.Det()
	fmt.Printf("det(4x4) = %.1f\n", d4)
	_, err = a.Det()
	fmt.Println("det(A) err:", err)
}
