package hessian_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gocurve/gocurve/internal/pyref"
	"github.com/gocurve/gocurve/lib/hessian"
	"gonum.org/v1/gonum/mat"
)

// withSpectrum returns Q diag(vals) Qᵀ for a Haar-random Q.
func withSpectrum(vals []float64, rng *rand.Rand) *mat.SymDense {
	n := len(vals)
	return hessian.NewQuadratic(vals, hessian.RandomRotation(n, rng)).A
}

// spectraCases are the eigenvalue patterns divide and conquer must get
// right: well separated, tight clusters (deflation by rotation), exactly
// repeated (invariant subspaces of dimension > 1) and graded.
func spectraCases(n int, rng *rand.Rand) []struct {
	name string
	a    *mat.SymDense
} {
	vals := func(f func(i int) float64) []float64 {
		v := make([]float64, n)
		for i := range v {
			v[i] = f(i)
		}
		return v
	}
	return []struct {
		name string
		a    *mat.SymDense
	}{
		{"random", randomSym(n, rng)},
		{"clustered", withSpectrum(vals(func(i int) float64 { return float64(i%4) + 1e-10*float64(i) }), rng)},
		{"repeated", withSpectrum(vals(func(i int) float64 { return float64(i % 3) }), rng)},
		{"graded", withSpectrum(vals(func(i int) float64 { return math.Pow(10, -10*float64(i)/float64(n)) }), rng)},
	}
}

// EigenSym with vectors against numpy.linalg.eigh (LAPACK dsyevd): the
// eigenvalues, and for every group of eigenvalues within 1e-6 of each other
// the projector onto its invariant subspace, which is unique even where the
// vectors are not.
func TestEigenSymAgainstNumpy(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	type tc struct {
		name string
		a    *mat.SymDense
	}
	var cases []tc
	for _, n := range []int{70, 150, 301} {
		for _, c := range spectraCases(n, rng) {
			cases = append(cases, tc{fmt.Sprintf("%s/n=%d", c.name, n), c.a})
		}
	}
	in := struct {
		Mats []pyMat `json:"mats"`
	}{}
	for _, c := range cases {
		in.Mats = append(in.Mats, symData(c.a))
	}
	var out []struct {
		Values  []float64 `json:"values"`
		Vectors []float64 `json:"vectors"`
	}
	pyref.Run(t, eighScript, in, &out)
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := c.a.SymmetricDim()
			var es hessian.EigenSym
			if !es.Factorize(c.a, true) {
				t.Fatal("EigenSym did not converge")
			}
			vals := es.Values(nil)
			var q mat.Dense
			es.VectorsTo(&q)
			ref := mat.NewDense(n, n, out[i].Vectors)
			scale := math.Max(math.Abs(out[i].Values[0]), math.Abs(out[i].Values[n-1]))
			for j := range vals {
				if d := math.Abs(vals[j] - out[i].Values[j]); d > 1e-13*scale {
					t.Fatalf("λ_%d = %.17g, numpy %.17g", j, vals[j], out[i].Values[j])
				}
			}
			for lo := 0; lo < n; {
				hi := lo + 1
				for hi < n && out[i].Values[hi]-out[i].Values[hi-1] <= 1e-6*scale {
					hi++
				}
				if d := projectorDistance(q.Slice(0, n, lo, hi), ref.Slice(0, n, lo, hi)); d > 1e-9 {
					t.Errorf("invariant subspace of λ_%d…λ_%d differs from numpy's by %.3g", lo, hi-1, d)
				}
				lo = hi
			}
			var qtq mat.Dense
			qtq.Mul(q.T(), &q)
			if e := relErr(&qtq, eye(n)); e > 1e-13 {
				t.Errorf("‖QᵀQ − I‖ = %.3g", e)
			}
		})
	}
}

// projectorDistance returns max |(UUᵀ − VVᵀ)_ij|.
func projectorDistance(u, v mat.Matrix) float64 {
	var pu, pv mat.Dense
	pu.Mul(u, u.T())
	pv.Mul(v, v.T())
	pu.Sub(&pu, &pv)
	return mat.Norm(&pu, math.Inf(1))
}

// The values-only path agrees with the values of the full decomposition.
func TestEigenSymValuesOnly(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	for _, c := range spectraCases(130, rng) {
		var full, only hessian.EigenSym
		if !full.Factorize(c.a, true) || !only.Factorize(c.a, false) {
			t.Fatalf("%s: did not converge", c.name)
		}
		if e := relErrVec(only.Values(nil), full.Values(nil)); e > 1e-13 {
			t.Errorf("%s: values-only differs from full by %.3g", c.name, e)
		}
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: VectorsTo after Factorize(a, false) did not panic", c.name)
				}
			}()
			only.VectorsTo(&mat.Dense{})
		}()
	}
}
