// Homework 27: empirical vs theoretical convergence rates on a strongly
// convex quadratic f(x) = 1/2 x^T A x - b^T x with spectrum in [mu, L].
// GD, heavy ball (Polyak) and Nesterov with textbook parameters.
package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"text/tabwriter"

	"gonum.org/v1/gonum/mat"
)

const dim = 20

type Problem struct {
	A     *mat.SymDense
	b     *mat.VecDense
	xStar *mat.VecDense
	mu, L float64
}

func newProblem(kappa float64, rng *rand.Rand) Problem {
	// random orthogonal Q from the QR factorization of a Gaussian matrix
	G := mat.NewDense(dim, dim, nil)
	for i := 0; i < dim; i++ {
		for j := 0; j < dim; j++ {
			G.Set(i, j, rng.NormFloat64())
		}
	}
	var qr mat.QR
	qr.Factorize(G)
	var Q mat.Dense
	qr.QTo(&Q)
	eig := make([]float64, dim)
	for i := range eig {
		// log-spaced eigenvalues from 1 to kappa
		eig[i] = math.Pow(kappa, float64(i)/float64(dim-1))
	}
	var tmp, full mat.Dense
	tmp.Mul(&Q, mat.NewDiagDense(dim, eig))
	full.Mul(&tmp, Q.T())
	A := mat.NewSymDense(dim, nil)
	for i := 0; i < dim; i++ {
		for j := i; j < dim; j++ {
			A.SetSym(i, j, 0.5*(full.At(i, j)+full.At(j, i)))
		}
	}
	b := mat.NewVecDense(dim, nil)
	for i := 0; i < dim; i++ {
		b.SetVec(i, rng.NormFloat64())
	}
	var xs mat.VecDense
	if err := xs.SolveVec(A, b); err != nil {
		panic(err)
	}
	return Problem{A, b, &xs, 1, kappa}
}

func (p Problem) grad(x *mat.VecDense) *mat.VecDense {
	var g mat.VecDense
	g.MulVec(p.A, x)
	g.SubVec(&g, p.b)
	return &g
}

func (p Problem) errNorm(x *mat.VecDense) float64 {
	var d mat.VecDense
	d.SubVec(x, p.xStar)
	return mat.Norm(&d, 2)
}

// Method runs k iterations and returns the error after each one.
type Method func(p Problem, iters int) []float64

func gd(p Problem, iters int) []float64 {
	x := mat.NewVecDense(dim, nil)
	h := 2 / (p.mu + p.L)
	errs := make([]float64, iters+1)
	errs[0] = p.errNorm(x)
	for k := 1; k <= iters; k++ {
		x.AddScaledVec(x, -h, p.grad(x))
		errs[k] = p.errNorm(x)
	}
	return errs
}

func heavyBall(p Problem, iters int) []float64 {
	sL, sm := math.Sqrt(p.L), math.Sqrt(p.mu)
	alpha := 4 / ((sL + sm) * (sL + sm))
	beta := math.Pow((sL-sm)/(sL+sm), 2)
	x := mat.NewVecDense(dim, nil)
	prev := mat.VecDenseCopyOf(x)
	errs := []float64{p.errNorm(x)}
	for k := 1; k <= iters; k++ {
		next := mat.NewVecDense(dim, nil)
		next.AddScaledVec(x, -alpha, p.grad(x))
		var mom mat.VecDense
		mom.SubVec(x, prev)
		next.AddScaledVec(next, beta, &mom)
		prev, x = x, next
		errs = append(errs, p.errNorm(x))
	}
	return errs
}

func nesterov(p Problem, iters int) []float64 {
	q := math.Sqrt(p.mu / p.L)
	beta := (1 - q) / (1 + q)
	x := mat.NewVecDense(dim, nil)
	y := mat.VecDenseCopyOf(x)
	errs := []float64{p.errNorm(x)}
	for k := 1; k <= iters; k++ {
		next := mat.NewVecDense(dim, nil)
		next.AddScaledVec(y, -1/p.L, p.grad(y))
		var d mat.VecDense
		d.SubVec(next, x)
		y.AddScaledVec(next, beta, &d)
		x = next
		errs = append(errs, p.errNorm(x))
	}
	return errs
}

// empiricalRate fits err_k ~ C r^k between iteration `from` and the last
// iteration whose error is still above the round-off floor.
func empiricalRate(errs []float64, from int) float64 {
	to := from
	for to+1 < len(errs) && errs[to+1] > floor {
		to++
	}
	return math.Pow(errs[to]/errs[from], 1/float64(to-from))
}

const floor = 1e-10

func fmtErr(v float64) string {
	if v < floor {
		return "<1e-10"
	}
	return fmt.Sprintf("%.2e", v)
}

func main() {
	rng := rand.New(rand.NewPCG(1, 2))
	methods := []struct {
		name   string
		run    Method
		theory func(k float64) float64
	}{
		{"GD h=2/(mu+L)", gd, func(k float64) float64 { return (k - 1) / (k + 1) }},
		{"heavy ball", heavyBall, func(k float64) float64 { return (math.Sqrt(k) - 1) / (math.Sqrt(k) + 1) }},
		{"Nesterov", nesterov, func(k float64) float64 { return 1 - 1/math.Sqrt(k) }},
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "kappa\tmethod\terr@25\terr@100\terr@200\trate emp.\trate theory\t")
	for _, kappa := range []float64{10, 100, 1000} {
		p := newProblem(kappa, rng)
		for _, m := range methods {
			errs := m.run(p, 200)
			fmt.Fprintf(tw, "%.0f\t%s\t%s\t%s\t%s\t%.4f\t%.4f\t\n", kappa, m.name,
				fmtErr(errs[25]), fmtErr(errs[100]), fmtErr(errs[200]), empiricalRate(errs, 10), m.theory(kappa))
		}
	}
	tw.Flush()
	fmt.Println("note: Nesterov's theoretical rate is for f - f*, on the error norm it is an upper bound")
}
