package main

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

type LU struct {
	n    int
	lu   []float64 // packed L (unit diag) and U, row-major
	perm []int
	sign float64
}

var errZeroPivot = errors.New("lu: zero pivot")

func (f *LU) at(i, j int) float64     { return f.lu[i*f.n+j] }
func (f *LU) set(i, j int, v float64) { f.lu[i*f.n+j] = v }

func Factorize(a *mat.Dense) (*LU, error) {
	n, c := a.Dims()
	if n != c {
		return nil, fmt.Errorf("lu: matrix is %dx%d, not square", n, c)
	}
	f := &LU{n: n, lu: make([]float64, n*n), perm: make([]int, n), sign: 1}
	for i := 0; i < n; i++ {
		f.perm[i] = i
		for j := 0; j < n; j++ {
			f.set(i, j, a.At(i, j))
		}
	}
	for k := 0; k < n; k++ {
		p := k
		for i := k + 1; i < n; i++ {
			if math.Abs(f.at(i, k)) > math.Abs(f.at(p, k)) {
				p = i
			}
		}
		if f.at(p, k) == 0 {
			return f, errZeroPivot
		}
		if p != k {
			f.swapRows(p, k)
			f.perm[p], f.perm[k] = f.perm[k], f.perm[p]
			f.sign = -f.sign
		}
		for i := k + 1; i < n; i++ {
			m := f.at(i, k) / f.at(k, k)
			f.set(i, k, m)
			for j := k + 1; j < n; j++ {
				f.set(i, j, f.at(i, j)-m*f.at(k, j))
			}
		}
	}
	return f, nil
}

func (f *LU) swapRows(a, b int) {
	for j := 0; j < f.n; j++ {
		ia, ib := a*f.n+j, b*f.n+j
		f.lu[ia], f.lu[ib] = f.lu[ib], f.lu[ia]
	}
}

func (f LU) Det() float64 {
	d := f.sign
	for i := 0; i < f.n; i++ {
		d *= f.lu[i*f.n+i]
	}
	return d
}

func (f *LU) Solve(b []float64) []float64 {
	n := f.n
	y := make([]float64, n)
	for i := 0; i < n; i++ {
		s := b[f.perm[i]]
		for j := 0; j < i; j++ {
			s -= f.at(i, j) * y[j]
		}
		y[i] = s
	}
	x := make([]float64, n)
	for i := n - 1; i >= 0; i-- {
		s := y[i]
		for j := i + 1; j < n; j++ {
			s -= f.at(i, j) * x[j]
		}
		x[i] = s / f.at(i, i)
	}
	return x
}

func (f *LU) Inverse() *mat.Dense {
	inv := mat.NewDense(f.n, f.n, nil)
	e := make([]float64, f.n)
	for j := 0; j < f.n; j++ {
		for i := range e {
			e[i] = 0
		}
		e[j] = 1
		inv.SetCol(j, f.Solve(e))
	}
	return inv
}

func (f *LU) Factors() (L, U *mat.Dense) {
	L = mat.NewDense(f.n, f.n, nil)
	U = mat.NewDense(f.n, f.n, nil)
	for i := 0; i < f.n; i++ {
		for j := 0; j < f.n; j++ {
			switch {
			case i > j:
				L.Set(i, j, f.at(i, j))
			case i == j:
				L.Set(i, j, 1)
				U.Set(i, j, f.at(i, j))
			default:
				U.Set(i, j, f.at(i, j))
			}
		}
	}
	return L, U
}

func main() {
	A := mat.NewDense(4, 4, []float64{
		2, -1, 0, 3,
		4, 1, -2, 1,
		-2, 5, 3, 0,
		6, 0, 1, -1,
	})
	f, err := Factorize(A)
	if err != nil {
		fmt.Println("factorization failed:", err)
		return
	}
	L, U := f.Factors()
	fmt.Printf("perm = %v, sign = %+.0f\n", f.perm, f.sign)
	fmt.Printf("L =\n%.4f\n\n", mat.Formatted(L))
	fmt.Printf("U =\n%.4f\n\n", mat.Formatted(U))

	var PA, LUp mat.Dense
	PA.CloneFrom(A)
	for i, p := range f.perm {
		PA.SetRow(i, mat.Row(nil, p, A))
	}
	LUp.Mul(L, U)
	var diff mat.Dense
	diff.Sub(&PA, &LUp)
	fmt.Printf("||PA - LU||_F < 1e-12: %v\n", mat.Norm(&diff, 2) < 1e-12)

	var glu mat.LU
	glu.Factorize(A)
	fmt.Printf("det (mine)  = %.6f\n", f.Det())
	fmt.Printf("det (gonum) = %.6f\n\n", glu.Det())

	rhs := [][]float64{{1, 0, 0, 0}, {4, 4, 6, 6}, {-1, 2, 0.5, 3}}
	for _, b := range rhs {
		x := f.Solve(b)
		var ref mat.VecDense
		if err := glu.SolveVecTo(&ref, false, mat.NewVecDense(4, b)); err != nil {
			fmt.Println("gonum solve:", err)
			continue
		}
		maxd := 0.0
		for i := range x {
			maxd = math.Max(maxd, math.Abs(x[i]-ref.AtVec(i)))
		}
		fmt.Printf("b=%v\n  x=%8.4f  agrees with gonum: %v\n", b, x, maxd < 1e-12)
	}

	inv := f.Inverse()
	var check mat.Dense
	check.Mul(A, inv)
	fmt.Printf("\nA * A^-1 (rounded) =\n%.3f\n", mat.Formatted(roundSmall(&check)))

	sing := mat.NewDense(3, 3, []float64{1, 2, 3, 2, 4, 6, 1, 0, 1})
	if _, err := Factorize(sing); errors.Is(err, errZeroPivot) {
		fmt.Println("\nsingular matrix:", err)
	}
	if _, err := Factorize(mat.NewDense(2, 3, nil)); err != nil {
		fmt.Println("rectangular matrix:", err)
	}
}

func roundSmall(m *mat.Dense) *mat.Dense {
	r, c := m.Dims()
	out := mat.NewDense(r, c, nil)
	out.Apply(func(i, j int, v float64) float64 {
		if math.Abs(v) < 1e-10 {
			return 0
		}
		return v
	}, m)
	return out
}
