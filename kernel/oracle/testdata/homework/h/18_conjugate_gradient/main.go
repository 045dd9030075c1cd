// Homework 18: conjugate gradient for SPD systems A x = b, compared with
// steepest descent and a Cholesky solve. Includes Jacobi preconditioning.
package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

type Solver interface {
	Solve(A mat.Symmetric, b *mat.VecDense, tol float64) (*mat.VecDense, []float64)
	Name() string
}

type SteepestDescent struct{ MaxIter int }
type CG struct{ MaxIter int }
type JacobiPCG struct{ CG }

func (SteepestDescent) Name() string { return "steepest descent" }
func (CG) Name() string              { return "CG" }
func (JacobiPCG) Name() string       { return "Jacobi-PCG" }

func (s SteepestDescent) Solve(A mat.Symmetric, b *mat.VecDense, tol float64) (*mat.VecDense, []float64) {
	n := b.Len()
	x := mat.NewVecDense(n, nil)
	r := mat.VecDenseCopyOf(b)
	hist := []float64{mat.Norm(r, 2)}
	var Ar mat.VecDense
	for k := 0; k < s.MaxIter && hist[len(hist)-1] > tol; k++ {
		Ar.MulVec(A, r)
		alpha := mat.Dot(r, r) / mat.Dot(r, &Ar)
		x.AddScaledVec(x, alpha, r)
		r.AddScaledVec(r, -alpha, &Ar)
		hist = append(hist, mat.Norm(r, 2))
	}
	return x, hist
}

func (c CG) Solve(A mat.Symmetric, b *mat.VecDense, tol float64) (*mat.VecDense, []float64) {
	return pcg(A, b, tol, c.MaxIter, nil)
}

func (c JacobiPCG) Solve(A mat.Symmetric, b *mat.VecDense, tol float64) (*mat.VecDense, []float64) {
	n := b.Len()
	inv := make([]float64, n)
	for i := range inv {
		inv[i] = 1 / A.At(i, i)
	}
	return pcg(A, b, tol, c.MaxIter, func(dst, r *mat.VecDense) {
		for i := 0; i < n; i++ {
			dst.SetVec(i, inv[i]*r.AtVec(i))
		}
	})
}

func pcg(A mat.Symmetric, b *mat.VecDense, tol float64, maxIt int, precond func(dst, r *mat.VecDense)) (*mat.VecDense, []float64) {
	n := b.Len()
	x := mat.NewVecDense(n, nil)
	r := mat.VecDenseCopyOf(b)
	z := mat.NewVecDense(n, nil)
	apply := func() {
		if precond == nil {
			z.CopyVec(r)
		} else {
			precond(z, r)
		}
	}
	apply()
	p := mat.VecDenseCopyOf(z)
	rz := mat.Dot(r, z)
	hist := []float64{mat.Norm(r, 2)}
	var Ap mat.VecDense
	for k := 0; k < maxIt && hist[len(hist)-1] > tol; k++ {
		Ap.MulVec(A, p)
		alpha := rz / mat.Dot(p, &Ap)
		x.AddScaledVec(x, alpha, p)
		r.AddScaledVec(r, -alpha, &Ap)
		apply()
		rzNew := mat.Dot(r, z)
		p.AddScaledVec(z, rzNew/rz, p)
		rz = rzNew
		hist = append(hist, mat.Norm(r, 2))
	}
	return x, hist
}

// testMatrix: tridiagonal Laplacian with a varying diagonal scale.
func testMatrix(n int, spread float64) *mat.SymDense {
	A := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		s := 1 + spread*float64(i)/float64(n-1)
		A.SetSym(i, i, 2*s+0.05)
		if i+1 < n {
			A.SetSym(i, i+1, -1)
		}
	}
	return A
}

func main() {
	const n = 30
	b := mat.NewVecDense(n, nil)
	for i := 0; i < n; i++ {
		b.SetVec(i, math.Sin(float64(i+1)))
	}
	solvers := []Solver{SteepestDescent{5000}, CG{500}, JacobiPCG{CG{500}}}
	for _, spread := range []float64{0, 50} {
		A := testMatrix(n, spread)
		var chol mat.Cholesky
		if !chol.Factorize(A) {
			fmt.Println("matrix not SPD")
			continue
		}
		var ref mat.VecDense
		if err := chol.SolveVecTo(&ref, b); err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("n=%d spread=%.0f cond(A)=%.1f\n", n, spread, mat.Cond(A, 2))
		for _, s := range solvers {
			x, hist := s.Solve(A, b, 1e-10)
			var d mat.VecDense
			d.SubVec(x, &ref)
			fmt.Printf("  %-17s iters=%5d  |x - x_chol| < 1e-8: %v\n", s.Name(), len(hist)-1, mat.Norm(&d, 2) < 1e-8)
		}
		_, hist := CG{500}.Solve(A, b, 1e-10)
		fmt.Print("  CG residuals every 5 iters:")
		for k := 0; k < len(hist); k += 5 {
			if hist[k] < 1e-12 {
				fmt.Print(" ~0")
				continue
			}
			fmt.Printf(" %.1e", hist[k])
		}
		fmt.Println()
	}
	// CG finishes in at most n steps in exact arithmetic; with k distinct
	// eigenvalues it needs k steps.
	D := mat.NewDiagDense(12, []float64{1, 1, 1, 4, 4, 4, 9, 9, 9, 16, 16, 16})
	A := mat.NewSymDense(12, nil)
	for i := 0; i < 12; i++ {
		A.SetSym(i, i, D.At(i, i))
	}
	rhs := mat.NewVecDense(12, nil)
	for i := 0; i < 12; i++ {
		rhs.SetVec(i, 1+float64(i%5))
	}
	_, hist := CG{100}.Solve(A, rhs, 1e-10)
	fmt.Printf("diag matrix with 4 distinct eigenvalues: CG took %d iterations\n", len(hist)-1)
}
