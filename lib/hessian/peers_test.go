package hessian_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/floats"

	"github.com/gocurve/gocurve/internal/pyref"
	"github.com/gocurve/gocurve/lib/hessian"
)

const diagScript = `
import json, sys
import numpy as np
inp = json.load(sys.stdin)
a = np.array(inp["a"]["data"]).reshape(inp["a"]["n"], inp["a"]["n"])
z = np.array(inp["z"])
s = z * (z @ a)          # row l: z_l ⊙ A z_l (A symmetric)
json.dump({"exact": np.diag(a).tolist(), "mean": s.mean(axis=0).tolist(),
           "se": (s.std(axis=0, ddof=1) / np.sqrt(len(s))).tolist()}, sys.stdout)
`

// HutchinsonDiag gives numpy's estimate on the same probes, and the exact
// diagonal lies within 5 standard errors of it.
func TestHutchinsonDiagAgainstNumpy(t *testing.T) {
	const n, m = 40, 200
	q := hessian.NewQuadratic(realisticSpectrum(n, []float64{9, 5}, -1, 1), hessian.RandomRotation(n, nil))
	var probes [][]float64
	rec := hessian.FuncOperator(n, func(dst, v []float64) {
		probes = append(probes, append([]float64(nil), v...))
		q.HessVec(dst, nil, v)
	})
	est, err := hessian.HutchinsonDiag(rec, &hessian.TraceSettings{Probes: m})
	if err != nil {
		t.Fatal(err)
	}
	var out struct{ Exact, Mean, SE []float64 }
	pyref.Run(t, diagScript, map[string]any{"a": symData(q.A), "z": probes}, &out)
	for i := range n {
		if math.Abs(est.Mean[i]-out.Mean[i]) > 1e-12*math.Max(1, math.Abs(out.Mean[i])) || math.Abs(est.StdErr[i]-out.SE[i]) > 1e-10*out.SE[i] {
			t.Errorf("entry %d: %v ± %v, numpy %v ± %v", i, est.Mean[i], est.StdErr[i], out.Mean[i], out.SE[i])
		}
		if d := math.Abs(est.Mean[i] - out.Exact[i]); d > 5*est.StdErr[i] {
			t.Errorf("entry %d: estimate %v is %.1f standard errors from the exact %v", i, est.Mean[i], d/est.StdErr[i], out.Exact[i])
		}
	}
}

const solveScript = `
import json, sys
import numpy as np
inp = json.load(sys.stdin)
a = np.array(inp["a"]["data"]).reshape(inp["a"]["n"], inp["a"]["n"])
json.dump({"x": np.linalg.solve(a, np.array(inp["b"])).tolist()}, sys.stdout)
`

// CG solves H x = b to numpy's solution, from products alone, and refuses
// an indefinite H.
func TestCGAgainstNumpy(t *testing.T) {
	const n = 80
	vals := make([]float64, n)
	for i := range vals {
		vals[i] = math.Pow(1e4, float64(i)/float64(n-1)) // κ = 1e4
	}
	q := hessian.NewQuadratic(vals, hessian.RandomRotation(n, rand.New(rand.NewPCG(3, 4))))
	b := make([]float64, n)
	for i := range b {
		b[i] = math.Sin(float64(i + 1))
	}
	res, err := hessian.CG(q.Operator(), b, &hessian.CGSettings{Tol: 1e-12})
	if err != nil {
		t.Fatal(err)
	}
	var out struct{ X []float64 }
	pyref.Run(t, solveScript, map[string]any{"a": symData(q.A), "b": b}, &out)
	diff := make([]float64, n)
	floats.SubTo(diff, res.X, out.X)
	if e := floats.Norm(diff, 2) / floats.Norm(out.X, 2); e > 1e-8 || !res.Converged || res.Iterations >= 10*n {
		t.Errorf("CG: relative error %.3g against numpy, %v", e, res)
	}
	saddle := hessian.NewQuadratic([]float64{-1, 2, 3}, nil)
	res, err = hessian.CG(saddle.Operator(), []float64{1, 1, 1}, nil)
	if !errors.Is(err, hessian.ErrNegativeCurvature) || !res.NegativeCurvature {
		t.Errorf("indefinite: %v, %v", res, err)
	}
}

// A Newton step from products only: x = H⁻¹g by CG.
func ExampleCG() {
	q := hessian.NewQuadratic([]float64{1, 100}, nil)
	q.B = []float64{-1, -100} // minimum at (1, 1)
	theta := []float64{0, 0}
	g := hessian.GradientOf(nil, q, theta)
	step, _ := hessian.CG(hessian.HessianOperator(q, theta, nil), g, nil)
	fmt.Printf("θ − H⁻¹g = [%.6f %.6f] after %d products\n", theta[0]-step.X[0], theta[1]-step.X[1], step.Iterations)
	// Output:
	// θ − H⁻¹g = [1.000000 1.000000] after 2 products
}

// The Hessian's diagonal, the curvature per coordinate, from 1000 products.
func ExampleHutchinsonDiag() {
	q := hessian.NewQuadratic([]float64{1, 4, 9}, hessian.RandomRotation(3, nil))
	d, _ := hessian.HutchinsonDiag(q.Operator(), &hessian.TraceSettings{Probes: 1000})
	for i, v := range d.Mean {
		fmt.Printf("a_%d%d = %.3f, estimate %.2f ± %.2f\n", i, i, q.A.At(i, i), v, d.StdErr[i])
	}
	// Output:
	// a_00 = 6.894, estimate 6.99 ± 0.11
	// a_11 = 4.409, estimate 4.54 ± 0.10
	// a_22 = 2.697, estimate 2.64 ± 0.05
}
