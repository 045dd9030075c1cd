// Homework 20: Gaussian smoothing of a non-smooth loss, computed with
// numerical quadrature (quad.Fixed with Legendre and Hermite rules) and
// with Monte Carlo sampling. The smoothed hinge has a closed form which
// we use to check everything.
package main

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/integrate/quad"
	"gonum.org/v1/gonum/stat/distuv"
)

const sigma = 0.5

func hinge(m float64) float64 { return math.Max(0, 1-m) }

// exact: E[max(0, 1 - m - sigma Z)] = sigma*(a*Phi(a) + phi(a)), a=(1-m)/sigma
func smoothedExact(m float64) float64 {
	a := (1 - m) / sigma
	return sigma * (a*distuv.UnitNormal.CDF(a) + distuv.UnitNormal.Prob(a))
}

func smoothedGradExact(m float64) float64 {
	return -distuv.UnitNormal.CDF((1 - m) / sigma)
}

type Estimator interface {
	Estimate(loss func(float64) float64, m float64) float64
}

type LegendreEst struct {
	N     int
	Bound float64
}

func (e LegendreEst) Estimate(loss func(float64) float64, m float64) float64 {
	integrand := func(z float64) float64 {
		return loss(m+sigma*z) * distuv.UnitNormal.Prob(z)
	}
	return quad.Fixed(integrand, -e.Bound, e.Bound, e.N, quad.Legendre{}, 0)
}

type HermiteEst struct{ N int }

func (e HermiteEst) Estimate(loss func(float64) float64, m float64) float64 {
	// E[g(Z)] = 1/sqrt(pi) * int exp(-t^2) g(sqrt(2) t) dt
	g := func(t float64) float64 { return loss(m + sigma*math.Sqrt2*t) }
	return quad.Fixed(g, math.Inf(-1), math.Inf(1), e.N, quad.Hermite{}, 0) / math.Sqrt(math.Pi)
}

type MonteCarlo struct {
	N    int
	Seed uint64
}

func (e MonteCarlo) Estimate(loss func(float64) float64, m float64) float64 {
	dist := distuv.Normal{Mu: m, Sigma: sigma, Src: rand.NewPCG(e.Seed, 2)}
	s := 0.0
	for i := 0; i < e.N; i++ {
		s += loss(dist.Rand())
	}
	return s / float64(e.N)
}

func main() {
	ms := []float64{-0.5, 0.5, 1.0, 1.5}
	ests := []struct {
		name string
		e    Estimator
	}{
		{"Legendre n=10 [-8,8]", LegendreEst{10, 8}},
		{"Legendre n=100 [-8,8]", LegendreEst{100, 8}},
		{"Hermite n=10", HermiteEst{10}},
		{"Hermite n=60", HermiteEst{60}},
		{"MonteCarlo n=1000", MonteCarlo{1000, 1}},
		{"MonteCarlo n=50000", MonteCarlo{50000, 1}},
	}
	fmt.Printf("%-24s", "margin m:")
	for _, m := range ms {
		fmt.Printf("%12.2f", m)
	}
	fmt.Printf("\n%-24s", "hinge (unsmoothed)")
	for _, m := range ms {
		fmt.Printf("%12.6f", hinge(m))
	}
	fmt.Printf("\n%-24s", "exact smoothed")
	for _, m := range ms {
		fmt.Printf("%12.6f", smoothedExact(m))
	}
	fmt.Println()
	for _, e := range ests {
		fmt.Printf("%-24s", e.name)
		for _, m := range ms {
			fmt.Printf("%12.6f", e.e.Estimate(hinge, m))
		}
		fmt.Println()
	}

	fmt.Println("\nerror of Legendre rule on [-8,8] at m=1 (kink at the centre):")
	for _, n := range []int{4, 8, 16, 32, 64, 128} {
		v := LegendreEst{n, 8}.Estimate(hinge, 1)
		fmt.Printf("  n=%4d  value=%.8f  abs err=%.2e\n", n, v, math.Abs(v-smoothedExact(1)))
	}

	fmt.Println("\ngradient of the smoothed loss (the hinge itself has a kink at m=1):")
	smoothed := func(m float64) float64 { return LegendreEst{400, 8}.Estimate(hinge, m) }
	for _, m := range []float64{0.9, 1.0, 1.1} {
		g := fd.Derivative(smoothed, m, &fd.Settings{Formula: fd.Central, Step: 0.05})
		// Stein's lemma: d/dm E[l(m + s Z)] = E[l(m + s Z) Z] / s
		stein := quad.Fixed(func(z float64) float64 {
			return hinge(m+sigma*z) * z * distuv.UnitNormal.Prob(z)
		}, -8, 8, 400, quad.Legendre{}, 0) / sigma
		fmt.Printf("  m=%.1f  fd grad=%.4f  stein=%.4f  exact=%.4f\n", m, g, stein, smoothedGradExact(m))
	}
}
