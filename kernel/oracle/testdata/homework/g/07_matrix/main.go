// HW3: Matrix type with methods. No numpy so we do it ourselves.
package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

type Matrix struct {
	rows, cols int
	data       []float64
}

var ErrShape = errors.New("shape mismatch")

func main() {
	a := FromRows([][]float64{{1, 2, 3}, {4, 5, 6}})
	b := FromRows([][]float64{{7, 8}, {9, 10}, {11, 12}})
	fmt.Println("A =")
	fmt.Print(a)
	fmt.Println("B =")
	fmt.Print(b)

	c, err := a.Mul(b)
	check(err)
	fmt.Println("A*B =")
	fmt.Print(c)

	_, err = a.Mul(a)
	fmt.Println("A*A error:", err)

	fmt.Println("A^T =")
	fmt.Print(a.T())

	id := Identity(3)
	ai, _ := a.Mul(id)
	fmt.Println("A*I == A ?", ai.Equal(a))

	sum, err := a.Add(a.Scale(0.5))
	check(err)
	fmt.Println("A + 0.5A =")
	fmt.Print(sum)

	sq := FromRows([][]float64{{2, -1, 0}, {-1, 2, -1}, {0, -1, 2}})
	fmt.Printf("det(sq) = %.4f\n", sq.Det())
	fmt.Printf("det(I4) = %.1f\n", Identity(4).Det())
	sing := FromRows([][]float64{{1, 2}, {2, 4}})
	fmt.Printf("det(singular) = %g\n", sing.Det())

	// power by repeated squaring, fibonacci matrix
	fib := FromRows([][]float64{{1, 1}, {1, 0}})
	p := fib.Pow(10)
	fmt.Printf("fib^10 =\n%v", p)
	fmt.Println("fib(10) =", p.At(0, 1))

	fmt.Printf("rows=%d cols=%d\n", sq.rows, sq.cols)
	fmt.Println("row 1 of B:", b.Row(1))
}

func check(err error) {
	if err != nil {
		panic(err)
	}
}

func New(r, c int) *Matrix {
	return &Matrix{rows: r, cols: c, data: make([]float64, r*c)}
}

func FromRows(rows [][]float64) *Matrix {
	m := New(len(rows), len(rows[0]))
	for i, row := range rows {
		copy(m.data[i*m.cols:], row)
	}
	return m
}

func Identity(n int) *Matrix {
	m := New(n, n)
	for i := 0; i < n; i++ {
		m.Set(i, i, 1)
	}
	return m
}

func (m *Matrix) At(i, j int) float64     { return m.data[i*m.cols+j] }
func (m *Matrix) Set(i, j int, v float64) { m.data[i*m.cols+j] = v }
func (m *Matrix) Row(i int) []float64     { return m.data[i*m.cols : (i+1)*m.cols] }

func (m *Matrix) String() string {
	var sb strings.Builder
	for i := 0; i < m.rows; i++ {
		sb.WriteString("[")
		for j := 0; j < m.cols; j++ {
			if j > 0 {
				sb.WriteByte(' ')
			}
			fmt.Fprintf(&sb, "%7.2f", m.At(i, j))
		}
		sb.WriteString(" ]\n")
	}
	return sb.String()
}

func (m *Matrix) Mul(o *Matrix) (*Matrix, error) {
	if m.cols != o.rows {
		return nil, fmt.Errorf("mul %dx%d by %dx%d: %w", m.rows, m.cols, o.rows, o.cols, ErrShape)
	}
	res := New(m.rows, o.cols)
	for i := 0; i < m.rows; i++ {
		for j := 0; j < o.cols; j++ {
			var s float64
			for k := 0; k < m.cols; k++ {
				s += m.At(i, k) * o.At(k, j)
			}
			res.Set(i, j, s)
		}
	}
	return res, nil
}

func (m *Matrix) Add(o *Matrix) (*Matrix, error) {
	if m.rows != o.rows || m.cols != o.cols {
		return nil, ErrShape
	}
	res := New(m.rows, m.cols)
	for i := range m.data {
		res.data[i] = m.data[i] + o.data[i]
	}
	return res, nil
}

func (m *Matrix) Scale(k float64) *Matrix {
	res := &Matrix{m.rows, m.cols, slices.Clone(m.data)}
	for i := range res.data {
		res.data[i] *= k
	}
	return res
}

func (m *Matrix) T() *Matrix {
	res := New(m.cols, m.rows)
	for i := 0; i < m.rows; i++ {
		for j := 0; j < m.cols; j++ {
			res.Set(j, i, m.At(i, j))
		}
	}
	return res
}

func (m *Matrix) Equal(o *Matrix) bool {
	return m.rows == o.rows && m.cols == o.cols && slices.Equal(m.data, o.data)
}

// Det by cofactor expansion (slow but fine for small matrices)
func (m *Matrix) Det() float64 {
	if m.rows == 1 {
		return m.data[0]
	}
	if m.rows == 2 {
		return m.At(0, 0)*m.At(1, 1) - m.At(0, 1)*m.At(1, 0)
	}
	det := 0.0
	sign := 1.0
	for c := 0; c < m.cols; c++ {
		det += sign * m.At(0, c) * m.minor(0, c).Det()
		sign = -sign
	}
	return det
}

func (m *Matrix) minor(r, c int) *Matrix {
	res := &Matrix{rows: m.rows - 1, cols: m.cols - 1}
	for i := 0; i < m.rows; i++ {
		for j := 0; j < m.cols; j++ {
			if i != r && j != c {
				res.data = append(res.data, m.At(i, j))
			}
		}
	}
	return res
}

func (m *Matrix) Pow(n int) *Matrix {
	result := Identity(m.rows)
	base := m
	for n > 0 {
		if n&1 == 1 {
			result, _ = result.Mul(base)
		}
		base, _ = base.Mul(base)
		n >>= 1
	}
	return result
}
