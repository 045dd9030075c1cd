package main

import (
	"errors"
	"fmt"
	"math"
	"os"
	"text/tabwriter"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

var ErrNoConvergence = errors.New("no convergence")

type IterSolver interface {
	Name() string
	Sweep(A *mat.Dense, b, x []float64) // updates x in place
}

type Jacobi struct{ scratch []float64 }
type GaussSeidel struct{}
type SOR struct{ Omega float64 }

func (*Jacobi) Name() string     { return "Jacobi" }
func (GaussSeidel) Name() string { return "Gauss-Seidel" }
func (s SOR) Name() string       { return fmt.Sprintf("SOR(w=%.2f)", s.Omega) }

func (j *Jacobi) Sweep(A *mat.Dense, b, x []float64) {
	n := len(x)
	if len(j.scratch) != n {
		j.scratch = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		s := b[i]
		for k := 0; k < n; k++ {
			if k != i {
				s -= A.At(i, k) * x[k]
			}
		}
		j.scratch[i] = s / A.At(i, i)
	}
	copy(x, j.scratch)
}

func (GaussSeidel) Sweep(A *mat.Dense, b, x []float64) {
	SOR{Omega: 1}.Sweep(A, b, x)
}

func (s SOR) Sweep(A *mat.Dense, b, x []float64) {
	n := len(x)
	for i := 0; i < n; i++ {
		sum := b[i]
		for k := 0; k < n; k++ {
			if k != i {
				sum -= A.At(i, k) * x[k]
			}
		}
		gs := sum / A.At(i, i)
		x[i] = (1-s.Omega)*x[i] + s.Omega*gs
	}
}

func solve(s IterSolver, A *mat.Dense, b []float64, tol float64, maxIt int) ([]float64, int, error) {
	x := make([]float64, len(b))
	r := make([]float64, len(b))
	bn := floats.Norm(b, 2)
	for it := 1; it <= maxIt; it++ {
		s.Sweep(A, b, x)
		residualInto(r, A, x, b)
		if floats.Norm(r, 2)/bn < tol {
			return x, it, nil
		}
	}
	return x, maxIt, fmt.Errorf("%s after %d sweeps: %w", s.Name(), maxIt, ErrNoConvergence)
}

func residualInto(r []float64, A *mat.Dense, x, b []float64) {
	var ax mat.VecDense
	ax.MulVec(A, mat.NewVecDense(len(x), x))
	for i := range r {
		r[i] = b[i] - ax.AtVec(i)
	}
}

// poisson1D builds the tridiagonal matrix of -u” = f on n interior points.
func poisson1D(n int) *mat.Dense {
	A := mat.NewDense(n, n, nil)
	for i := 0; i < n; i++ {
		A.Set(i, i, 2)
		if i > 0 {
			A.Set(i, i-1, -1)
		}
		if i < n-1 {
			A.Set(i, i+1, -1)
		}
	}
	return A
}

func main() {
	A := mat.NewDense(4, 4, []float64{
		10, -1, 2, 0,
		-1, 11, -1, 3,
		2, -1, 10, -1,
		0, 3, -1, 8,
	})
	b := []float64{6, 25, -11, 15}

	var ref mat.VecDense
	if err := ref.SolveVec(A, mat.NewVecDense(4, b)); err != nil {
		fmt.Println("reference solve failed:", err)
		return
	}
	fmt.Printf("mat.SolveVec: %.6f\n\n", ref.RawVector().Data)

	solvers := []IterSolver{&Jacobi{}, GaussSeidel{}, SOR{1.1}, SOR{1.3}}
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "solver\tsweeps\tsolution\tmax diff\t")
	for _, s := range solvers {
		x, it, err := solve(s, A, b, 1e-10, 200)
		if err != nil {
			fmt.Fprintf(tw, "%s\t%d\t%v\t\t\n", s.Name(), it, err)
			continue
		}
		fmt.Fprintf(tw, "%s\t%d\t%.6f\t%.1e\t\n", s.Name(), it, x, floats.Distance(x, ref.RawVector().Data, math.Inf(1)))
	}
	tw.Flush()

	n := 20
	P := poisson1D(n)
	rhs := make([]float64, n)
	floats.AddConst(1.0/float64((n+1)*(n+1)), rhs)
	fmt.Printf("\n1-D Poisson, n=%d: sweeps to reach 1e-8 relative residual\n", n)
	wOpt := 2 / (1 + math.Sin(math.Pi/float64(n+1)))
	for _, w := range []float64{1.0, 1.5, 1.7, wOpt, 1.95} {
		_, it, err := solve(SOR{w}, P, rhs, 1e-8, 3000)
		status := "ok"
		if errors.Is(err, ErrNoConvergence) {
			status = "not converged"
		}
		fmt.Printf("  omega=%.4f  sweeps=%4d  %s\n", w, it, status)
	}
	_, it, err := solve(&Jacobi{}, P, rhs, 1e-8, 500)
	fmt.Printf("  Jacobi       sweeps=%4d  err=%v\n", it, err)

	bad := mat.NewDense(2, 2, []float64{1, 3, 2, 1})
	_, _, err = solve(GaussSeidel{}, bad, []float64{4, 3}, 1e-8, 50)
	fmt.Printf("\nnot diagonally dominant: %v\n", err)
}
