package main

import (
	"errors"
	"fmt"
	"strings"
)

type Matrix [][]int

var ErrShape = errors.New("shape mismatch")

type ShapeError struct {
	Op     string
	R1, C1 int
	R2, C2 int
}

func (e ShapeError) Error() string {
	return fmt.Sprintf("%s: %dx%d vs %dx%d", e.Op, e.R1, e.C1, e.R2, e.C2)
}

func (e ShapeError) Unwrap() error { return ErrShape }

func New(r, c int) Matrix {
	m := make(Matrix, r)
	for i := range m {
		m[i] = make([]int, c)
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

func (m Matrix) Mul(o Matrix) (Matrix, error) {
	if m.Cols() != o.Rows() {
		return nil, ShapeError{"mul", m.Rows(), m.Cols(), o.Rows(), o.Cols()}
	}
	res := New(m.Rows(), o.Cols())
	for i := range res {
		for k := 0; k < m.Cols(); k++ {
			a := m[i][k]
			if a == 0 {
				continue
			}
			for j := range res[i] {
				res[i][j] += a * o[k][j]
			}
		}
	}
	return res, nil
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

func (m Matrix) RotateClockwise() Matrix {
	t := m.Transpose()
	for _, row := range t {
		for l, r := 0, len(row)-1; l < r; l, r = l+1, r-1 {
			row[l], row[r] = row[r], row[l]
		}
	}
	return t
}

func (m Matrix) Spiral() []int {
	var out []int
	top, bottom, left, right := 0, m.Rows()-1, 0, m.Cols()-1
	for top <= bottom && left <= right {
		for j := left; j <= right; j++ {
			out = append(out, m[top][j])
		}
		top++
		for i := top; i <= bottom; i++ {
			out = append(out, m[i][right])
		}
		right--
		if top <= bottom {
			for j := right; j >= left; j-- {
				out = append(out, m[bottom][j])
			}
			bottom--
		}
		if left <= right {
			for i := bottom; i >= top; i-- {
				out = append(out, m[i][left])
			}
			left++
		}
	}
	return out
}

func (m Matrix) Pow(p int) Matrix {
	result := Identity(m.Rows())
	base := m
	for p > 0 {
		if p&1 == 1 {
			result, _ = result.Mul(base)
		}
		base, _ = base.Mul(base)
		p >>= 1
	}
	return result
}

func (m Matrix) String() string {
	var sb strings.Builder
	for _, row := range m {
		for _, v := range row {
			fmt.Fprintf(&sb, "%4d", v)
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}

func seq(r, c int) Matrix {
	m := New(r, c)
	n := 1
	for i := range m {
		for j := range m[i] {
			m[i][j] = n
			n++
		}
	}
	return m
}

func main() {
	a := seq(2, 3)
	b := seq(3, 2)
	fmt.Print("A=\n", a, "B=\n", b)
	p, err := a.Mul(b)
	fmt.Print("A*B=\n", p)
	fmt.Println("err:", err)

	_, err = a.Mul(a)
	var se ShapeError
	if errors.As(err, &se) {
		fmt.Printf("shape error %+v; is ErrShape=%t\n", se, errors.Is(err, ErrShape))
	}
	fmt.Println("error text:", err)

	sq := seq(4, 4)
	fmt.Print("rotated:\n", sq.RotateClockwise())
	fmt.Println("transpose raw:", [][]int(sq.Transpose()))
	fmt.Println("spiral 4x4:", sq.Spiral())
	fmt.Println("spiral 3x5:", seq(3, 5).Spiral())
	fmt.Println("spiral 5x1:", seq(5, 1).Spiral())

	four := sq
	for range 4 {
		four = four.RotateClockwise()
	}
	same := fmt.Sprint(four) == fmt.Sprint(sq)
	fmt.Println("4 rotations == original:", same)

	fib := Matrix{{1, 1}, {1, 0}}
	for _, n := range []int{1, 2, 10, 30, 60} {
		fmt.Printf("fib(%d) = %d\n", n, fib.Pow(n)[0][1])
	}
	fmt.Printf("%v|%d\n", Identity(3), Identity(2))
}
