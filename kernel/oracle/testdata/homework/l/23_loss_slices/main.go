// Homework 23: 1-D slices of a loss landscape.
// Logistic regression on a fixed dataset: find the optimum with Newton,
// then look at L(theta* + t d) along a random direction, the top Hessian
// eigenvector and the bottom one, and along the path from init to optimum.
package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"gonum.org/v1/gonum/mat"
)

var X = mat.NewDense(12, 3, []float64{
	1, 0.5, 1.2, 1, 1.5, 0.3, 1, 2.0, 1.8, 1, -0.3, 1.6, 1, 0.2, -0.4, 1, 1.1, -0.9,
	1, -1.0, -0.5, 1, -0.5, -1.5, 1, -2.0, 0.3, 1, 0.1, -1.1, 1, -0.7, 0.4, 1, 0.6, 0.9,
})
var Y = []float64{1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 1, 0}

const lambda = 0.01

func init() {
	// stretch the second feature so the landscape is anisotropic
	n, _ := X.Dims()
	for i := 0; i < n; i++ {
		X.Set(i, 1, 4*X.At(i, 1))
	}
}

func loss(th []float64) float64 {
	n, _ := X.Dims()
	s := 0.0
	for i := 0; i < n; i++ {
		z := mat.Dot(X.RowView(i), mat.NewVecDense(3, th))
		// log(1+e^z) - y z, computed stably
		s += math.Max(z, 0) + math.Log1p(math.Exp(-math.Abs(z))) - Y[i]*z
	}
	r := 0.0
	for _, v := range th {
		r += v * v
	}
	return s/float64(n) + 0.5*lambda*r
}

func gradHess(th []float64) (*mat.VecDense, *mat.SymDense) {
	n, d := X.Dims()
	g := mat.NewVecDense(d, nil)
	H := mat.NewSymDense(d, nil)
	for i := 0; i < n; i++ {
		xi := X.RowView(i)
		p := 1 / (1 + math.Exp(-mat.Dot(xi, mat.NewVecDense(d, th))))
		g.AddScaledVec(g, (p-Y[i])/float64(n), xi)
		H.SymRankOne(H, p*(1-p)/float64(n), xi)
	}
	for j := 0; j < d; j++ {
		g.SetVec(j, g.AtVec(j)+lambda*th[j])
		H.SetSym(j, j, H.At(j, j)+lambda)
	}
	return g, H
}

func bar(v, lo, hi float64, width int) string {
	k := int(math.Round((v - lo) / (hi - lo) * float64(width)))
	k = max(0, min(width, k))
	return strings.Repeat("#", k)
}

func slice(name string, th []float64, d []float64, ts []float64) {
	vals := make([]float64, len(ts))
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, t := range ts {
		p := make([]float64, len(th))
		for j := range p {
			p[j] = th[j] + t*d[j]
		}
		vals[i] = loss(p)
		lo, hi = math.Min(lo, vals[i]), math.Max(hi, vals[i])
	}
	fmt.Printf("%s\n", name)
	for i, t := range ts {
		fmt.Printf("  t=%5.2f  L=%9.6f  |%s\n", t, vals[i], bar(vals[i], lo, hi, 40))
	}
}

func main() {
	th := make([]float64, 3)
	for it := 0; it < 20; it++ {
		g, H := gradHess(th)
		var step mat.VecDense
		if err := step.SolveVec(H, g); err != nil {
			panic(err)
		}
		for j := range th {
			th[j] -= step.AtVec(j)
		}
	}
	g, H := gradHess(th)
	fmt.Printf("theta* = [%.6f %.6f %.6f], L* = %.6f, |g| = %.1e\n", th[0], th[1], th[2], loss(th), mat.Norm(g, 2))
	var es mat.EigenSym
	es.Factorize(H, true)
	ev := es.Values(nil)
	var V mat.Dense
	es.VectorsTo(&V)
	fmt.Printf("Hessian eigenvalues: %.6f %.6f %.6f\n\n", ev[0], ev[1], ev[2])

	// Fix sign of eigenvectors for reproducible output.
	col := func(k int) []float64 {
		v := mat.Col(nil, k, &V)
		if v[0] < 0 || (v[0] == 0 && v[1] < 0) {
			for i := range v {
				v[i] = -v[i]
			}
		}
		return v
	}
	rng := rand.New(rand.NewPCG(1, 2))
	rnd := make([]float64, 3)
	nrm := 0.0
	for i := range rnd {
		rnd[i] = rng.NormFloat64()
		nrm += rnd[i] * rnd[i]
	}
	for i := range rnd {
		rnd[i] /= math.Sqrt(nrm)
	}
	ts := []float64{-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2}
	slice("top eigenvector direction (sharpest):", th, col(2), ts)
	slice("bottom eigenvector direction (flattest):", th, col(0), ts)
	slice(fmt.Sprintf("random unit direction [%.3f %.3f %.3f]:", rnd[0], rnd[1], rnd[2]), th, rnd, ts)

	// Linear interpolation from the init (0) to theta*: alpha in [0, 1.5]
	d := append([]float64(nil), th...)
	zero := make([]float64, 3)
	slice("interpolation theta(a) = a * theta*:", zero, d, []float64{0, 0.25, 0.5, 0.75, 1, 1.25, 1.5})

	fmt.Println("\nquadratic prediction along top eigenvector at t=1: L* + l_max/2 =",
		fmt.Sprintf("%.6f", loss(th)+ev[2]/2))
}
