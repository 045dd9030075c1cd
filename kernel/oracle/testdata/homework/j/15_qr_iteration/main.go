package main

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"gonum.org/v1/gonum/mat"
)

type Number interface {
	~float32 | ~float64
}

func dot[T Number](a, b []T) T {
	var s T
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func axpy[T Number](alpha T, x, y []T) {
	for i := range x {
		y[i] += alpha * x[i]
	}
}

// Matrix is a small square matrix stored as columns.
type Matrix struct {
	n    int
	cols [][]float64
}

func NewMatrix(rows [][]float64) *Matrix {
	n := len(rows)
	m := &Matrix{n: n, cols: make([][]float64, n)}
	for j := 0; j < n; j++ {
		m.cols[j] = make([]float64, n)
		for i := 0; i < n; i++ {
			m.cols[j][i] = rows[i][j]
		}
	}
	return m
}

func (m *Matrix) At(i, j int) float64 { return m.cols[j][i] }

func (m *Matrix) Diag() []float64 {
	d := make([]float64, m.n)
	for i := range d {
		d[i] = m.At(i, i)
	}
	return d
}

// OffNorm is the Frobenius norm of the strictly lower triangle.
func (m *Matrix) OffNorm() float64 {
	s := 0.0
	for j := 0; j < m.n; j++ {
		for i := j + 1; i < m.n; i++ {
			s += m.At(i, j) * m.At(i, j)
		}
	}
	return math.Sqrt(s)
}

// QR uses modified Gram-Schmidt.
func (m *Matrix) QR() (Q, R *Matrix) {
	n := m.n
	Q = &Matrix{n: n, cols: make([][]float64, n)}
	R = &Matrix{n: n, cols: make([][]float64, n)}
	for j := 0; j < n; j++ {
		Q.cols[j] = append([]float64(nil), m.cols[j]...)
		R.cols[j] = make([]float64, n)
	}
	for j := 0; j < n; j++ {
		norm := math.Sqrt(dot(Q.cols[j], Q.cols[j]))
		R.cols[j][j] = norm
		for i := range Q.cols[j] {
			Q.cols[j][i] /= norm
		}
		for k := j + 1; k < n; k++ {
			r := dot(Q.cols[j], Q.cols[k])
			R.cols[k][j] = r
			axpy(-r, Q.cols[j], Q.cols[k])
		}
	}
	return Q, R
}

// Mul returns a*b.
func Mul(a, b *Matrix) *Matrix {
	n := a.n
	c := &Matrix{n: n, cols: make([][]float64, n)}
	for j := 0; j < n; j++ {
		c.cols[j] = make([]float64, n)
		for k := 0; k < n; k++ {
			axpy(b.cols[j][k], a.cols[k], c.cols[j])
		}
	}
	return c
}

func (m *Matrix) Shift(s float64) {
	for i := 0; i < m.n; i++ {
		m.cols[i][i] -= s
	}
}

func qrIterate(A *Matrix, shifted bool, tol float64, maxIt int, show func(int, *Matrix)) (*Matrix, int) {
	cur := A
	for k := 1; k <= maxIt; k++ {
		mu := 0.0
		if shifted {
			mu = cur.At(cur.n-1, cur.n-1)
		}
		cur.Shift(mu)
		Q, R := cur.QR()
		cur = Mul(R, Q)
		cur.Shift(-mu)
		if show != nil {
			show(k, cur)
		}
		if cur.OffNorm() < tol {
			return cur, k
		}
	}
	return cur, maxIt
}

var rows = [][]float64{
	{5, 2, 0, 1},
	{2, 4, 1, 0},
	{0, 1, 3, 1},
	{1, 0, 1, 2},
}

func main() {
	fmt.Println("Unshifted QR iteration, diagonal every 10 steps:")
	_, it := qrIterate(NewMatrix(rows), false, 1e-10, 500, func(k int, m *Matrix) {
		if k%10 == 0 && k <= 50 {
			fmt.Printf("  k=%3d  diag=%.6f  off=%.2e\n", k, m.Diag(), m.OffNorm())
		}
	})
	fmt.Printf("  converged after %d iterations\n\n", it)

	final, its := qrIterate(NewMatrix(rows), true, 1e-10, 500, nil)
	mine := final.Diag()
	sort.Float64s(mine)
	fmt.Printf("Shifted QR: %d iterations\n", its)

	flat := make([]float64, 0, 16)
	for _, r := range rows {
		flat = append(flat, r...)
	}
	var es mat.EigenSym
	if ok := es.Factorize(mat.NewSymDense(4, flat), false); !ok {
		fmt.Println("EigenSym did not converge")
		return
	}
	ref := es.Values(nil)

	fmt.Println(strings.Repeat("-", 44))
	fmt.Printf("%-4s %-18s %-18s\n", "i", "QR iteration", "mat.EigenSym")
	for i := range mine {
		fmt.Printf("%-4d %-18.10f %-18.10f\n", i, mine[i], ref[i])
	}
	fmt.Println(strings.Repeat("-", 44))
	trace := 0.0
	for i := range rows {
		trace += rows[i][i]
	}
	sum := 0.0
	for _, v := range mine {
		sum += v
	}
	fmt.Printf("trace(A)=%.6f  sum of eigenvalues=%.6f\n", trace, sum)

	q, r := NewMatrix(rows).QR()
	qtq := 0.0
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			want := 0.0
			if i == j {
				want = 1
			}
			qtq = math.Max(qtq, math.Abs(dot(q.cols[i], q.cols[j])-want))
		}
	}
	fmt.Printf("one QR step: max|Q^TQ - I| < 1e-14: %v, R[0][0]=%.6f\n", qtq < 1e-14, r.At(0, 0))
}
