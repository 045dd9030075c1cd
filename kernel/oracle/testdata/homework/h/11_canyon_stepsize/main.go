// Homework 11: gradient descent in a narrow quadratic canyon
// f(x) = 1/2 x^T A x with A = diag(mu, L). Explore step sizes around 2/L
// and the effect of the condition number kappa = L/mu.
package main

import (
	"fmt"
	"math"
	"os"
	"strings"
	"text/tabwriter"
)

type Quad struct {
	Mu, L float64
}

func (q Quad) F(p [2]float64) float64 {
	return 0.5 * (q.Mu*p[0]*p[0] + q.L*p[1]*p[1])
}

func (q Quad) Grad(p [2]float64) [2]float64 {
	return [2]float64{q.Mu * p[0], q.L * p[1]}
}

func (q Quad) Kappa() float64 { return q.L / q.Mu }

type Trace struct {
	Points []([2]float64)
	Values []float64
}

func (q Quad) Run(eta float64, steps int) Trace {
	p := [2]float64{1, 1}
	tr := Trace{}
	for k := 0; k <= steps; k++ {
		tr.Points = append(tr.Points, p)
		tr.Values = append(tr.Values, q.F(p))
		g := q.Grad(p)
		p[0] -= eta * g[0]
		p[1] -= eta * g[1]
	}
	return tr
}

// describe labels the behaviour of the steep coordinate.
func describe(tr Trace) string {
	last := tr.Values[len(tr.Values)-1]
	first := tr.Values[0]
	switch {
	case math.IsInf(last, 0) || last > 1.01*first:
		return "diverges"
	case last > 0.5*first:
		return "stalls"
	}
	flips := 0
	for i := 1; i < len(tr.Points); i++ {
		if tr.Points[i][1]*tr.Points[i-1][1] < 0 {
			flips++
		}
	}
	if flips > len(tr.Points)/2 {
		return "converges, oscillating"
	}
	return "converges, monotone"
}

func main() {
	canyon := Quad{Mu: 1, L: 50}
	L := canyon.L
	fmt.Printf("canyon: mu=%.0f L=%.0f kappa=%.0f  2/L=%.4f\n", canyon.Mu, L, canyon.Kappa(), 2/L)

	tw := tabwriter.NewWriter(os.Stdout, 4, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "eta*L\teta\tf after 60 steps\tbehaviour")
	for _, m := range []float64{0.1, 0.5, 1.0, 1.5, 1.9, 1.99, 2.0, 2.05} {
		eta := m / L
		tr := canyon.Run(eta, 60)
		fmt.Fprintf(tw, "%.2f\t%.5f\t%.4e\t%s\n", m, eta, tr.Values[60], describe(tr))
	}
	tw.Flush()

	fmt.Println("\nfirst steps with eta = 1.9/L (y flips sign each step):")
	tr := canyon.Run(1.9/L, 6)
	for k, p := range tr.Points {
		fmt.Printf("  k=%d  x=%+.4f  y=%+.4f  f=%.4f\n", k, p[0], p[1], tr.Values[k])
	}

	fmt.Println("\niterations to reach f < 1e-6 with eta = 1/L:")
	fmt.Printf("%8s %8s %12s %12s\n", "kappa", "iters", "rate 1-1/k", "predicted")
	for _, kappa := range []float64{2, 10, 50, 200, 1000} {
		q := Quad{Mu: 1, L: kappa}
		p := [2]float64{1, 1}
		iters := 0
		for q.F(p) >= 1e-6 && iters < 100000 {
			g := q.Grad(p)
			p[0] -= g[0] / q.L
			p[1] -= g[1] / q.L
			iters++
		}
		rate := 1 - 1/kappa
		// f_k ~ 0.5 mu rate^(2k) for the slow coordinate
		pred := math.Ceil(math.Log(1e-6/(0.5*q.Mu)) / (2 * math.Log(rate)))
		fmt.Printf("%8.0f %8d %12.5f %12.0f\n", kappa, iters, rate, pred)
	}

	fmt.Println("\nbest fixed step 2/(mu+L) vs 1/L, kappa=50:")
	for _, eta := range []float64{1 / L, 2 / (canyon.Mu + L)} {
		tr := canyon.Run(eta, 100)
		bar := strings.Repeat("#", int(-math.Log10(tr.Values[100])))
		fmt.Printf("  eta=%.5f  f_100=%.3e  %s\n", eta, tr.Values[100], bar)
	}
}
