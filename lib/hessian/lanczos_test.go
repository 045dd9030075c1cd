package hessian_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/gocurve/gocurve/internal/pyref"
	"github.com/gocurve/gocurve/lib/hessian"
	"github.com/gocurve/gocurve/lib/interrupt"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// realisticSpectrum returns n eigenvalues shaped like a trained network's
// Hessian: a few large outliers and a semicircle bulk on [lo, hi] (the
// quantiles of the semicircle law, so the bulk's edges are sparse as for
// random matrices).
func realisticSpectrum(n int, outliers []float64, lo, hi float64) []float64 {
	m := n - len(outliers)
	vals := append([]float64(nil), outliers...)
	cdf := func(x float64) float64 { // semicircle on [−1, 1]
		return 0.5 + (x*math.Sqrt(1-x*x)+math.Asin(x))/math.Pi
	}
	for i := 0; i < m; i++ {
		p := (float64(i) + 0.5) / float64(m)
		a, b := -1.0, 1.0
		for range 100 {
			mid := (a + b) / 2
			if cdf(mid) < p {
				a = mid
			} else {
				b = mid
			}
		}
		vals = append(vals, lo+(hi-lo)*((a+b)/2+1)/2)
	}
	sort.Float64s(vals)
	return vals
}

const eigvalsScript = `
import json, sys
import numpy as np
m = json.load(sys.stdin)
a = np.array(m["data"]).reshape(m["n"], m["n"])
json.dump(np.linalg.eigvalsh(a).tolist(), sys.stdout)
`

// Lanczos top-10 and bottom-10 against numpy's dense eigvalsh on n = 500.
func TestLanczosAgainstNumpy(t *testing.T) {
	const n, k = 500, 10
	vals := realisticSpectrum(n, []float64{120, 75, 48, 30, 21, 14}, -0.4, 3)
	q := hessian.NewQuadratic(vals, hessian.RandomRotation(n, rand.New(rand.NewPCG(10, 10))))
	var ref []float64
	pyref.Run(t, eigvalsScript, symData(q.A), &ref)
	lambda1 := math.Max(math.Abs(ref[0]), math.Abs(ref[n-1]))

	for _, which := range []hessian.Which{hessian.Largest, hessian.Smallest} {
		res, err := hessian.Lanczos(q.Operator(), k, which, nil)
		if err != nil {
			t.Fatalf("which=%v: %v", which, err)
		}
		t.Logf("which=%v: %d Lanczos steps", which, res.Iterations)
		for i := 0; i < k; i++ {
			want := ref[i]
			if which == hessian.Largest {
				want = ref[n-1-i]
			}
			if d := math.Abs(res.Values[i] - want); d > 1e-10*lambda1 {
				t.Errorf("which=%v λ_%d = %.15g, numpy %.15g: |Δ| = %.3g > 1e-10·|λ₁|", which, i, res.Values[i], want, d)
			}
			if res.Residuals[i] > 1e-8 {
				t.Errorf("which=%v λ_%d: residual %.3g > 1e-8", which, i, res.Residuals[i])
			}
		}
		var vtv mat.Dense
		vtv.Mul(res.Vectors.T(), res.Vectors)
		if e := relErr(&vtv, eye(k)); e > 1e-10 {
			t.Errorf("which=%v: Ritz vectors not orthonormal: %.3g", which, e)
		}
	}
}

func TestLanczosSmallCases(t *testing.T) {
	// Diagonal with repeated eigenvalues: the Krylov space of any start is at
	// most 3-dimensional, so Lanczos must restart after breakdown.
	d := []float64{5, 5, 5, 2, 2, -1, -1, -1, -1, 0.5}
	op := hessian.FuncOperator(len(d), func(dst, v []float64) {
		for i := range v {
			dst[i] = d[i] * v[i]
		}
	})
	res, err := hessian.Lanczos(op, 3, hessian.Largest, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !floats.EqualApprox(res.Values, []float64{5, 5, 5}, 1e-12) {
		t.Errorf("top 3 of a repeated spectrum: %v (a multiple eigenvalue may appear once only)", res.Values)
	}
	res, err = hessian.Lanczos(op, 2, hessian.Smallest, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Values[0] != -1 && math.Abs(res.Values[0]+1) > 1e-12 {
		t.Errorf("smallest: %v", res.Values)
	}
	// k = n gives the whole spectrum.
	res, err = hessian.Lanczos(op, len(d), hessian.Smallest, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := append([]float64(nil), d...)
	sort.Float64s(want)
	if !floats.EqualApprox(res.Values, want, 1e-12) {
		t.Errorf("all eigenvalues: %v, want %v", res.Values, want)
	}
}

func TestLanczosNotConverged(t *testing.T) {
	vals := realisticSpectrum(200, []float64{10}, 0, 1)
	q := hessian.NewQuadratic(vals, hessian.RandomRotation(200, nil))
	res, err := hessian.Lanczos(q.Operator(), 5, hessian.Smallest, &hessian.EigSettings{MaxIter: 8})
	if !errors.Is(err, hessian.ErrNotConverged) || res == nil || res.Converged {
		t.Errorf("8 steps for the bottom of a dense bulk: err = %v, converged = %v", err, res != nil && res.Converged)
	}
}

func TestLanczosInterrupt(t *testing.T) {
	t.Cleanup(interrupt.Clear)
	q := hessian.NewQuadratic(realisticSpectrum(100, nil, 0, 1), hessian.RandomRotation(100, nil))
	calls := 0
	op := hessian.FuncOperator(100, func(dst, v []float64) {
		calls++
		if calls == 5 {
			interrupt.Request()
		}
		q.HessVec(dst, nil, v)
	})
	_, err := hessian.Lanczos(op, 3, hessian.Largest, nil)
	if !errors.Is(err, interrupt.ErrInterrupted) {
		t.Fatalf("err = %v, want ErrInterrupted", err)
	}
	if calls != 5 {
		t.Errorf("%d products after the interrupt at 5", calls)
	}
}

// Power iteration finds the largest |λ| too, but needs many more products
// when λ₂/λ₁ is close to 1.
func TestPowerIterationVersusLanczos(t *testing.T) {
	const n = 300
	vals := realisticSpectrum(n, []float64{10, 9.5}, 0, 2)
	q := hessian.NewQuadratic(vals, hessian.RandomRotation(n, rand.New(rand.NewPCG(2, 2))))
	pw, err := hessian.PowerIteration(q.Operator(), &hessian.EigSettings{Tol: 1e-8})
	if err != nil {
		t.Fatal(err)
	}
	lz, err := hessian.Lanczos(q.Operator(), 1, hessian.Largest, &hessian.EigSettings{Tol: 1e-8})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(pw.Values[0]-10) > 1e-8*10 || math.Abs(lz.Values[0]-10) > 1e-8*10 {
		t.Errorf("λmax: power %v, Lanczos %v, want 10", pw.Values[0], lz.Values[0])
	}
	if pw.Iterations < 5*lz.Iterations {
		t.Errorf("power iteration used %d products, Lanczos %d: expected the power method to be much slower at λ₂/λ₁ = 0.95", pw.Iterations, lz.Iterations)
	}
	t.Logf("products: power %d, Lanczos %d", pw.Iterations, lz.Iterations)
	// The largest |λ| may be negative: power iteration finds it, with its sign.
	neg := hessian.NewQuadratic([]float64{-7, 1, 2, 3}, hessian.RandomRotation(4, nil))
	pn, err := hessian.PowerIteration(neg.Operator(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(pn.Values[0]+7) > 1e-9 {
		t.Errorf("power iteration on λ = −7, 1, 2, 3: %v", pn.Values[0])
	}
}

func TestProgressCallbacks(t *testing.T) {
	q := hessian.NewQuadratic(realisticSpectrum(80, []float64{9, 7}, 0, 1), hessian.RandomRotation(80, nil))
	var lastIter, lastConv, calls int
	res, err := hessian.Lanczos(q.Operator(), 2, hessian.Largest, &hessian.EigSettings{
		Progress:            func(iter, converged int) { calls++; lastIter, lastConv = iter, converged },
		NoMultiplicityCheck: true, // its inner Lanczos reports no progress
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls == 0 || lastIter != res.Iterations || lastConv != 2 {
		t.Errorf("Lanczos progress: %d calls, last (%d, %d), want last (%d, 2)", calls, lastIter, lastConv, res.Iterations)
	}
	points := 0
	func() {
		defer func() {
			if recover() == nil {
				t.Error("CheckConvexity with a 1-D box for a quadratic of dimension 80 did not panic")
			}
		}()
		hessian.CheckConvexity(q, []float64{-1}, []float64{1}, nil)
	}()
	lo, hi := make([]float64, 80), make([]float64, 80)
	for i := range hi {
		hi[i] = 1
	}
	if _, err := hessian.CheckConvexity(q, lo, hi, &hessian.ConvexitySettings{Samples: 4, Progress: func(done, total int) { points = done }}); err != nil {
		t.Fatal(err)
	}
	if points != 5 {
		t.Errorf("CheckConvexity progress reached %d points, want 5 (centre + 4)", points)
	}
	t.Cleanup(interrupt.Clear)
	interrupt.Request()
	if _, err := hessian.CheckConvexity(q, lo, hi, nil); !errors.Is(err, interrupt.ErrInterrupted) {
		t.Errorf("CheckConvexity after an interrupt: %v", err)
	}
}

// A repeated eigenvalue inside a dense spectrum: one Krylov space sees it
// once, the restart after convergence finds its other copy.
func TestLanczosRepeatedEigenvalue(t *testing.T) {
	n := 60
	vals := make([]float64, n)
	vals[0], vals[1] = -5, -5
	for i := 2; i < n; i++ {
		vals[i] = -4.8 + 10*float64(i-2)/float64(n-3)
	}
	q := hessian.NewQuadratic(vals, hessian.RandomRotation(n, nil))
	res, err := hessian.Lanczos(q.Operator(), 3, hessian.Smallest, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{-5, -5, -4.8}
	if !floats.EqualApprox(res.Values, want, 1e-9) || !res.MultiplicityChecked {
		t.Errorf("3 smallest: %v (checked %v), want %v", res.Values, res.MultiplicityChecked, want)
	}
	for c, r := range res.Residuals {
		if r > 1e-8 {
			t.Errorf("residual %d: %.3g", c, r)
		}
	}
	// Without the check the result says that it may miss a copy.
	res, err = hessian.Lanczos(q.Operator(), 3, hessian.Smallest, &hessian.EigSettings{NoMultiplicityCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.MultiplicityChecked || !strings.Contains(res.String(), "multiple") {
		t.Errorf("unchecked result: %v", res)
	}
	// Largest, a triple eigenvalue on top.
	vals[n-1], vals[n-2], vals[n-3] = 9, 9, 9
	q = hessian.NewQuadratic(vals, hessian.RandomRotation(n, nil))
	res, err = hessian.Lanczos(q.Operator(), 4, hessian.Largest, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !floats.EqualApprox(res.Values[:3], []float64{9, 9, 9}, 1e-9) || res.Values[3] >= 9-1e-6 || !res.MultiplicityChecked {
		t.Errorf("4 largest: %v (checked %v)", res.Values, res.MultiplicityChecked)
	}
}
