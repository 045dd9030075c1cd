package hessian_test

import (
	"math"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/gocurve/gocurve/internal/pyref"
	"github.com/gocurve/gocurve/lib/hessian"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

func randomSym(n int, rng *rand.Rand) *mat.SymDense {
	a := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			a.SetSym(i, j, rng.NormFloat64())
		}
	}
	return a
}

func TestEigenReconstruct(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{1, 2, 7, 30} {
		a := randomSym(n, rng)
		s, err := hessian.Eigen(a)
		if err != nil {
			t.Fatal(err)
		}
		if !sort.Float64sAreSorted(s.Values) {
			t.Errorf("n=%d: values not ascending", n)
		}
		if e := relErr(s.Reconstruct(nil), a); e > 1e-13 {
			t.Errorf("n=%d: ‖QΛQᵀ − A‖ relative %.3g", n, e)
		}
		var qtq mat.Dense
		qtq.Mul(s.Vectors.T(), s.Vectors)
		if e := relErr(&qtq, eye(n)); e > 1e-13 {
			t.Errorf("n=%d: QᵀQ − I = %.3g", n, e)
		}
		// Curvature along an eigenvector is its eigenvalue.
		for i := 0; i < n; i++ {
			if got := hessian.RayleighQuotient(a, s.Vector(i)); math.Abs(got-s.Values[i]) > 1e-12*math.Max(1, math.Abs(s.Max())) {
				t.Errorf("n=%d: Rayleigh quotient along q_%d = %v, want %v", n, i, got, s.Values[i])
			}
		}
	}
}

func eye(n int) *mat.Dense {
	d := mat.NewDense(n, n, nil)
	for i := 0; i < n; i++ {
		d.Set(i, i, 1)
	}
	return d
}

func TestCondAndDefiniteness(t *testing.T) {
	inf := math.Inf(1)
	cases := []struct {
		vals     []float64
		cond     float64
		condAbs  float64
		definite hessian.Definiteness
	}{
		{[]float64{1, 100}, 100, 100, hessian.PositiveDefinite},
		{[]float64{0, 3}, inf, inf, hessian.PositiveSemidefinite},
		{[]float64{-4, -2}, inf, 2, hessian.NegativeDefinite},
		{[]float64{-4, 0}, inf, inf, hessian.NegativeSemidefinite},
		{[]float64{-1, 2}, inf, 2, hessian.Indefinite},
		{[]float64{0, 0}, inf, inf, hessian.Zero},
		{[]float64{1e-12, 5}, 5e12, 5e12, hessian.PositiveSemidefinite},
	}
	for _, tc := range cases {
		h := mat.NewSymDense(2, []float64{tc.vals[0], 0, 0, tc.vals[1]})
		if got := hessian.CondOf(h); got != tc.cond && math.Abs(got-tc.cond) > 1e-9*tc.cond {
			t.Errorf("%v: CondOf = %v, want %v", tc.vals, got, tc.cond)
		}
		if got := hessian.CondAbs(tc.vals); got != tc.condAbs && math.Abs(got-tc.condAbs) > 1e-9*tc.condAbs {
			t.Errorf("%v: CondAbs = %v, want %v", tc.vals, got, tc.condAbs)
		}
		if got := hessian.DefinitenessOfMatrix(h, 0); got != tc.definite {
			t.Errorf("%v: definiteness %v, want %v", tc.vals, got, tc.definite)
		}
	}
}

// The level set ½xᵀHx = c reaches distance r_i along q_i.
func TestAxes(t *testing.T) {
	h := mat.NewSymDense(2, []float64{5, 3, 3, 5}) // λ = 2, 8
	s, err := hessian.Eigen(h)
	if err != nil {
		t.Fatal(err)
	}
	const c = 1.5
	r := s.Axes(c)
	if !(r[0] > r[1]) {
		t.Errorf("axes %v: the larger eigenvalue should have the shorter axis", r)
	}
	for i, ri := range r {
		x := s.Vector(i)
		floats.Scale(ri, x)
		if got := 0.5 * hessian.Curvature(h, x); math.Abs(got-c) > 1e-13 {
			t.Errorf("½xᵀHx at r_%d q_%d = %v, want %v", i, i, got, c)
		}
	}
	saddle, _ := hessian.Eigen(mat.NewSymDense(2, []float64{-1, 0, 0, 1}))
	if r := saddle.Axes(1); !math.IsInf(r[0], 1) {
		t.Errorf("negative curvature axis = %v, want +Inf", r[0])
	}
}

func TestCurvatureSignAlongLines(t *testing.T) {
	h := mat.NewSymDense(2, []float64{2, 0, 0, -1}) // saddle
	for _, tc := range []struct {
		v    []float64
		want float64
	}{{[]float64{1, 0}, 2}, {[]float64{0, 1}, -1}, {[]float64{1, 1}, 1}, {[]float64{1, 2}, -2}} {
		if got := hessian.Curvature(h, tc.v); got != tc.want {
			t.Errorf("vᵀHv along %v = %v, want %v", tc.v, got, tc.want)
		}
	}
}

const eighScript = `
import json, sys
import numpy as np
inp = json.load(sys.stdin)
out = []
for m in inp["mats"]:
    a = np.array(m["data"]).reshape(m["n"], m["n"])
    w, v = np.linalg.eigh(a)
    out.append({"values": w.tolist(), "vectors": v.flatten().tolist()})
json.dump(out, sys.stdout)
`

type pyMat struct {
	N    int       `json:"n"`
	Data []float64 `json:"data"`
}

func symData(a mat.Symmetric) pyMat {
	n := a.SymmetricDim()
	d := make([]float64, 0, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			d = append(d, a.At(i, j))
		}
	}
	return pyMat{N: n, Data: d}
}

// Spectrum against numpy.linalg.eigh on random symmetric matrices.
func TestEigenAgainstNumpy(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	sizes := []int{50, 120, 200}
	mats := make([]*mat.SymDense, len(sizes))
	in := struct {
		Mats []pyMat `json:"mats"`
	}{}
	for i, n := range sizes {
		mats[i] = randomSym(n, rng)
		in.Mats = append(in.Mats, symData(mats[i]))
	}
	var out []struct {
		Values  []float64 `json:"values"`
		Vectors []float64 `json:"vectors"`
	}
	pyref.Run(t, eighScript, in, &out)
	for i, n := range sizes {
		s, err := hessian.Eigen(mats[i])
		if err != nil {
			t.Fatal(err)
		}
		scale := math.Max(math.Abs(s.Min()), math.Abs(s.Max()))
		if e := relErrVec(s.Values, out[i].Values) * floats.Max(absAll(out[i].Values)) / scale; e > 1e-13 {
			t.Errorf("n=%d: eigenvalues differ from numpy by %.3g·|λ|max", n, e)
		}
		// Eigenvectors agree up to sign: |q_iᵀ q_i^numpy| = 1 (the spectra
		// of random matrices have well separated eigenvalues).
		ref := mat.NewDense(n, n, out[i].Vectors)
		var worst float64
		for j := 0; j < n; j++ {
			d := math.Abs(mat.Dot(s.Vectors.ColView(j), ref.ColView(j)))
			worst = math.Max(worst, math.Abs(1-d))
		}
		if worst > 1e-8 {
			t.Errorf("n=%d: eigenvectors differ from numpy: max |1 − |q·q_ref|| = %.3g", n, worst)
		}
	}
}

func absAll(v []float64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = math.Abs(x)
	}
	return out
}
