// Homework 6: A small dense matrix type with value semantics.
package main

import (
	"errors"
	"fmt"
	"strings"
)

var ErrShape = errors.New("shape mismatch")

type Matrix struct {
	rows, cols int
	data       []float64
}

func New(rows, cols int, vals ...float64) Matrix {
	m := Matrix{rows: rows, cols: cols, data: make([]float64, rows*cols)}
	copy(m.data, vals)
	return m
}

func Identity(n int) Matrix {
	m := New(n, n)
	for i := 0; i < n; i++ {
		m.Set(i, i, 1)
	}
	return m
}

func (m Matrix) At(i, j int) float64     { return m.data[i*m.cols+j] }
func (m Matrix) Set(i, j int, v float64) { m.data[i*m.cols+j] = v }

func (m Matrix) Mul(o Matrix) (Matrix, error) {
	if m.cols != o.rows {
		return Matrix{}, fmt.Errorf("mul %dx%d by %dx%d: %w", m.rows, m.cols, o.rows, o.cols, ErrShape)
	}
	out := New(m.rows, o.cols)
	for i := 0; i < m.rows; i++ {
		for j := 0; j < o.cols; j++ {
			var s float64
			for k := 0; k < m.cols; k++ {
				s += m.At(i, k) * o.At(k, j)
			}
			out.Set(i, j, s)
		}
	}
	return out, nil
}

func (m Matrix) Add(o Matrix) (Matrix, error) {
	if m.rows != o.rows || m.cols != o.cols {
		return Matrix{}, fmt.Errorf("add: %w", ErrShape)
	}
	out := New(m.rows, m.cols)
	for i := range m.data {
		out.data[i] = m.data[i] + o.data[i]
	}
	return out, nil
}

func (m Matrix) Transpose() Matrix {
	t := New(m.cols, m.rows)
	for i := 0; i < m.rows; i++ {
		for j := 0; j < m.cols; j++ {
			t.Set(j, i, m.At(i, j))
		}
	}
	return t
}

// Det computes the determinant by cofactor expansion (fine for small n).
func (m Matrix) Det() float64 {
	if m.rows == 1 {
		return m.data[0]
	}
	var det float64
	sign := 1.0
	for c := 0; c < m.cols; c++ {
		minor := New(m.rows-1, m.cols-1)
		for i := 1; i < m.rows; i++ {
			cc := 0
			for j := 0; j < m.cols; j++ {
				if j == c {
					continue
				}
				minor.Set(i-1, cc, m.At(i, j))
				cc++
			}
		}
		det += sign * m.At(0, c) * minor.Det()
		sign = -sign
	}
	return det
}

func (m Matrix) String() string {
	var sb strings.Builder
	for i := 0; i < m.rows; i++ {
		sb.WriteString("|")
		for j := 0; j < m.cols; j++ {
			fmt.Fprintf(&sb, "%8.3f", m.At(i, j))
		}
		sb.WriteString(" |\n")
	}
	return sb.String()
}

func main() {
	a := New(2, 3, 1, 2, 3, 4, 5, 6)
	b := New(3, 2, 7, 8, 9, 10, 11, 12)
	fmt.Print("A =\n", a, "B =\n", b)
	c, err := a.Mul(b)
	if err != nil {
		fmt.Println("error:", err)
	}
	fmt.Print("A*B =\n", c)
	if _, err := a.Mul(a); errors.Is(err, ErrShape) {
		fmt.Println("expected error:", err)
	}
	fmt.Print("A^T =\n", a.Transpose())
	sq := New(3, 3, 2, -3, 1, 2, 0, -1, 1, 4, 5)
	fmt.Printf("det(sq) = %.2f\n", sq.Det())
	i3 := Identity(3)
	p, _ := sq.Mul(i3)
	s, _ := p.Add(i3)
	fmt.Print("sq*I + I =\n", s)
	fmt.Printf("det(I3) = %v, type %T\n", i3.Det(), i3)
}
