// Homework 3, problem 1: compare bisection, Newton and secant on a set of test functions.
package main

import (
	"errors"
	"fmt"
	"math"
	"os"
	"sort"
	"text/tabwriter"
)

const (
	tol     = 1e-10
	maxIter = 100
)

var ErrNoConvergence = errors.New("method did not converge")
var ErrBadBracket = errors.New("endpoints do not bracket a root")

type Func func(float64) float64

type Problem struct {
	F, DF  Func
	A, B   float64
	Guess  float64
	Answer float64
}

type Result struct {
	Root  float64
	Iters int
}

func (r Result) String() string {
	return fmt.Sprintf("x=%.10f (%d it)", r.Root, r.Iters)
}

type Solver interface {
	Name() string
	Solve(p Problem) (Result, error)
}

type Bisection struct{}
type Newton struct{ MaxStep float64 }
type Secant struct{}

func (Bisection) Name() string { return "bisection" }
func (Newton) Name() string    { return "newton" }
func (Secant) Name() string    { return "secant" }

func (Bisection) Solve(p Problem) (Result, error) {
	a, b := p.A, p.B
	fa, fb := p.F(a), p.F(b)
	if fa*fb > 0 {
		return Result{}, ErrBadBracket
	}
	for i := 1; i <= maxIter; i++ {
		m := a + (b-a)/2
		fm := p.F(m)
		if fm == 0 || (b-a)/2 < tol {
			return Result{m, i}, nil
		}
		if sameSign(fa, fm) {
			a, fa = m, fm
		} else {
			b = m
		}
	}
	return Result{a, maxIter}, ErrNoConvergence
}

func (n Newton) Solve(p Problem) (Result, error) {
	x := p.Guess
	for i := 1; i <= maxIter; i++ {
		d := p.DF(x)
		if d == 0 {
			return Result{x, i}, fmt.Errorf("zero derivative at x=%.4f: %w", x, ErrNoConvergence)
		}
		step := p.F(x) / d
		if n.MaxStep > 0 && math.Abs(step) > n.MaxStep {
			step = math.Copysign(n.MaxStep, step)
		}
		x -= step
		if math.Abs(step) < tol {
			return Result{x, i}, nil
		}
	}
	return Result{x, maxIter}, ErrNoConvergence
}

func (Secant) Solve(p Problem) (Result, error) {
	x0, x1 := p.A, p.B
	f0, f1 := p.F(x0), p.F(x1)
	for i := 1; i <= maxIter; i++ {
		if f1 == f0 {
			return Result{x1, i}, ErrNoConvergence
		}
		x2 := x1 - f1*(x1-x0)/(f1-f0)
		if math.Abs(x2-x1) < tol {
			return Result{x2, i}, nil
		}
		x0, f0 = x1, f1
		x1, f1 = x2, p.F(x2)
	}
	return Result{x1, maxIter}, ErrNoConvergence
}

func errLabel(e float64) string {
	if e < 1e-13 {
		return "< 1e-13"
	}
	return fmt.Sprintf("%.1e", e)
}

func sameSign(a, b float64) bool { return (a < 0) == (b < 0) }

var problems = map[string]Problem{
	"cubic": {
		F:  func(x float64) float64 { return x*x*x - 2*x - 5 },
		DF: func(x float64) float64 { return 3*x*x - 2 },
		A:  2, B: 3, Guess: 2, Answer: 2.0945514815423265,
	},
	"cos-x": {
		F:  func(x float64) float64 { return math.Cos(x) - x },
		DF: func(x float64) float64 { return -math.Sin(x) - 1 },
		A:  0, B: 1, Guess: 0.5, Answer: 0.7390851332151607,
	},
	"exp-3": {
		F:  func(x float64) float64 { return math.Exp(x) - 3 },
		DF: math.Exp,
		A:  0, B: 2, Guess: 1, Answer: math.Log(3),
	},
	"sqrt2": {
		F:  func(x float64) float64 { return x*x - 2 },
		DF: func(x float64) float64 { return 2 * x },
		A:  1, B: 2, Guess: 1, Answer: math.Sqrt2,
	},
	"flat": {
		F:  func(x float64) float64 { return x*x + 1 },
		DF: func(x float64) float64 { return 2 * x },
		A:  -1, B: 1, Guess: 0, Answer: math.NaN(),
	},
}

func main() {
	solvers := []Solver{Bisection{}, Newton{MaxStep: 5}, Secant{}}

	names := make([]string, 0, len(problems))
	for k := range problems {
		names = append(names, k)
	}
	sort.Strings(names)

	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "problem\tmethod\tresult\t|error|\t")
	failures := 0
	for _, name := range names {
		p := problems[name]
		for _, s := range solvers {
			res, err := s.Solve(p)
			switch {
			case errors.Is(err, ErrBadBracket):
				fmt.Fprintf(w, "%s\t%s\tbad bracket\t-\t\n", name, s.Name())
				failures++
			case errors.Is(err, ErrNoConvergence):
				fmt.Fprintf(w, "%s\t%s\tfailed: %v\t-\t\n", name, s.Name(), err)
				failures++
			default:
				fmt.Fprintf(w, "%s\t%s\t%v\t%s\t\n", name, s.Name(), res, errLabel(math.Abs(res.Root-p.Answer)))
			}
		}
	}
	w.Flush()
	fmt.Printf("\n%d of %d runs failed (expected for 'flat', which has no real root)\n",
		failures, len(names)*len(solvers))
	fmt.Printf("solver types: %T %T %T\n", solvers[0], solvers[1], solvers[2])
}
