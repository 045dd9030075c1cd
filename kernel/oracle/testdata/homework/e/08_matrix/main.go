package main

import (
	"errors"
	"fmt"
	"strings"
)

type Matrix [][]float64

var ErrDimension = errors.New("dimension mismatch")

func NewMatrix(rows, cols int) Matrix {
	m := make(Matrix, rows)
	for i := range m {
		m[i] = make([]float64, cols)
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
		return nil, fmt.Errorf("mul %dx%d by %dx%d: %w", m.Rows(), m.Cols(), o.Rows(), o.Cols(), ErrDimension)
	}
	res := NewMatrix(m.Rows(), o.Cols())
	for i := range res {
		for j := range res[i] {
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
		sb.WriteString(" ]\n")
	}
	return sb.String()
}

// Power uses repeated squaring.
func (m Matrix) Power(n int) Matrix {
	result := Identity(m.Rows())
	base := m
	for n > 0 {
		if n%2 == 1 {
			result, _ = result.Mul(base)
		}
		base, _ = base.Mul(base)
		n /= 2
	}
	return result
}

func main() {
	a := Matrix{
		{1, 2, 3},
		{4, 5, 6},
	}
	b := Matrix{
		{7, 8},
		{9, 10},
		{11, 12},
	}
	fmt.Print("A =\n", a)
	fmt.Print("B =\n", b)

	c, err := a.Mul(b)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print("A*B =\n", c)
	fmt.Print("A^T =\n", a.Transpose())

	if _, err := a.Mul(a); err != nil {
		fmt.Println("error:", err, "| is ErrDimension:", errors.Is(err, ErrDimension))
	}

	fib := Matrix{{1, 1}, {1, 0}}
	for _, n := range []int{1, 5, 10, 30} {
		p := fib.Power(n)
		fmt.Printf("fib(%d) = %.0f\n", n, p[0][1])
	}

	// a jagged 2D slice: Pascal's triangle
	tri := make([][]int, 7)
	for i := range tri {
		tri[i] = make([]int, i+1)
		tri[i][0], tri[i][i] = 1, 1
		for j := 1; j < i; j++ {
			tri[i][j] = tri[i-1][j-1] + tri[i-1][j]
		}
	}
	for i, row := range tri {
		fmt.Printf("%*s%v\n", 7-i, "", row)
	}

	// a fixed-size array grid
	var grid [3][4]int
	for i := range 3 {
		for j := range 4 {
			grid[i][j] = i * j
		}
	}
	g2 := grid // arrays copy
	g2[2][3] = 100
	fmt.Println(grid, g2[2])
}
