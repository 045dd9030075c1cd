package hessian_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gocurve/gocurve/internal/pyref"
	"github.com/gocurve/gocurve/lib/hessian"
	"github.com/gocurve/gocurve/lib/interrupt"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// Hutchinson with fresh probes lands within 3 standard errors of the exact
// trace in at least 99 % of 200 repeats (a normal tail gives 99.7 %).
func TestHutchinsonCoverage(t *testing.T) {
	const n, repeats = 200, 200
	vals := realisticSpectrum(n, []float64{40, 25, 10}, -0.5, 2)
	q := hessian.NewQuadratic(vals, hessian.RandomRotation(n, rand.New(rand.NewPCG(4, 4))))
	exact := floats.Sum(vals)
	rng := rand.New(rand.NewPCG(12, 34))
	inside := 0
	for r := 0; r < repeats; r++ {
		est, err := hessian.Hutchinson(q.Operator(), &hessian.TraceSettings{Probes: 50, Rand: rng})
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(est.Mean-exact) <= 3*est.StdErr {
			inside++
		}
	}
	if inside < 198 {
		t.Errorf("exact trace within 3 s.e. in %d of %d repeats, want ≥ 99 %%", inside, repeats)
	}
	// Var[zᵀAz] = 2(‖A‖_F² − Σ a_ii²) for Rademacher z: the reported error
	// should match it.
	var off float64
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i != j {
				off += q.A.At(i, j) * q.A.At(i, j)
			}
		}
	}
	est, _ := hessian.Hutchinson(q.Operator(), &hessian.TraceSettings{Probes: 400})
	if want := math.Sqrt(2 * off / 400); math.Abs(est.StdErr-want) > 0.2*want {
		t.Errorf("standard error %v, theory %v", est.StdErr, want)
	}
}

// Hutch++ is unbiased and, on a spectrum with a few large outliers, far
// more accurate than Hutchinson for the same number of products.
func TestHutchPP(t *testing.T) {
	const n = 300
	vals := realisticSpectrum(n, []float64{500, 300, 200, 150, 100, 80, 60, 50}, 0, 1)
	q := hessian.NewQuadratic(vals, hessian.RandomRotation(n, rand.New(rand.NewPCG(5, 5))))
	exact := floats.Sum(vals)
	rng := rand.New(rand.NewPCG(1, 1))
	var errH, errPP float64
	inside := 0
	const repeats = 50
	for r := 0; r < repeats; r++ {
		h, err := hessian.Hutchinson(q.Operator(), &hessian.TraceSettings{Probes: 60, Rand: rng})
		if err != nil {
			t.Fatal(err)
		}
		pp, err := hessian.HutchPP(q.Operator(), &hessian.TraceSettings{Probes: 60, Rand: rng})
		if err != nil {
			t.Fatal(err)
		}
		errH += (h.Mean - exact) * (h.Mean - exact)
		errPP += (pp.Mean - exact) * (pp.Mean - exact)
		if math.Abs(pp.Mean-exact) <= 3*pp.StdErr {
			inside++
		}
	}
	if errPP > errH/4 {
		t.Errorf("RMS error Hutch++ %.3g, Hutchinson %.3g: want Hutch++ at least 2× better", math.Sqrt(errPP/repeats), math.Sqrt(errH/repeats))
	}
	if inside < repeats*9/10 {
		t.Errorf("Hutch++ within 3 s.e. in %d of %d repeats", inside, repeats)
	}
}

const probeScript = `
import json, sys
import numpy as np
inp = json.load(sys.stdin)
a = np.array(inp["a"]["data"]).reshape(inp["a"]["n"], inp["a"]["n"])
z = np.array(inp["z"])
s = np.einsum("ij,jk,ik->i", z, a, z)
json.dump({"mean": s.mean(), "se": s.std(ddof=1) / np.sqrt(len(s))}, sys.stdout)
`

// The same probes give the same estimate and standard error as numpy.
func TestHutchinsonAgainstNumpy(t *testing.T) {
	const n, m = 60, 30
	q := hessian.NewQuadratic(realisticSpectrum(n, []float64{9}, -1, 1), hessian.RandomRotation(n, nil))
	var probes [][]float64
	rec := hessian.FuncOperator(n, func(dst, v []float64) {
		probes = append(probes, append([]float64(nil), v...))
		q.HessVec(dst, nil, v)
	})
	est, err := hessian.Hutchinson(rec, &hessian.TraceSettings{Probes: m})
	if err != nil {
		t.Fatal(err)
	}
	for _, z := range probes {
		for _, v := range z {
			if v != 1 && v != -1 {
				t.Fatalf("probe entry %v is not ±1", v)
			}
		}
	}
	var out struct{ Mean, SE float64 }
	pyref.Run(t, probeScript, map[string]any{"a": symData(q.A), "z": probes}, &out)
	if math.Abs(est.Mean-out.Mean) > 1e-12*math.Abs(out.Mean) || math.Abs(est.StdErr-out.SE) > 1e-12*out.SE {
		t.Errorf("Hutchinson %v ± %v, numpy %v ± %v", est.Mean, est.StdErr, out.Mean, out.SE)
	}
}

func TestSLQ(t *testing.T) {
	const n = 400
	vals := realisticSpectrum(n, []float64{30, 20, 12}, -0.5, 2)
	q := hessian.NewQuadratic(vals, hessian.RandomRotation(n, rand.New(rand.NewPCG(6, 6))))
	calls := 0
	d, err := hessian.SLQ(q.Operator(), &hessian.SLQSettings{Probes: 20, Steps: 60, Progress: func(p, total int) { calls++ }})
	if err != nil {
		t.Fatal(err)
	}
	if calls != 20 || len(d.Nodes) != 20 {
		t.Errorf("%d progress calls, %d probes", calls, len(d.Nodes))
	}
	for l, w := range d.Weights {
		if s := floats.Sum(w); math.Abs(s-1) > 1e-12 {
			t.Errorf("probe %d: weights sum to 1 %+.3g", l, s-1)
		}
		for _, x := range w {
			if x < 0 {
				t.Fatalf("probe %d: negative weight %v", l, x)
			}
		}
	}
	// Moments p = 1, 2: tr(A)/n and tr(A²)/n within 4 standard errors.
	for p := 1; p <= 2; p++ {
		var exact float64
		for _, v := range vals {
			exact += math.Pow(v, float64(p)) / n
		}
		got, se := d.Moment(p)
		if math.Abs(got-exact) > 4*se {
			t.Errorf("moment %d: %v ± %v, exact %v", p, got, se, exact)
		}
	}
	// Extreme nodes converge to the extreme eigenvalues.
	lo, hi := d.Range()
	if math.Abs(hi-30) > 1e-6 || math.Abs(lo-vals[0]) > 1e-2 {
		t.Errorf("Range = [%v, %v], want ≈ [%v, 30]", lo, hi, vals[0])
	}
	// The smoothed density integrates to 1.
	grid := d.Grid(4000)
	phi := d.Smooth(grid, 0.05)
	integral := floats.Sum(phi) * (grid[1] - grid[0])
	if math.Abs(integral-1) > 1e-3 {
		t.Errorf("smoothed density integrates to %v", integral)
	}
	// It is close in L1 to the exact spectrum smoothed the same way.
	var l1 float64
	for g, x := range grid {
		var exact float64
		for _, l := range vals {
			u := (x - l) / 0.05
			exact += math.Exp(-0.5*u*u) / (0.05 * math.Sqrt(2*math.Pi) * n)
		}
		l1 += math.Abs(phi[g]-exact) * (grid[1] - grid[0])
	}
	t.Logf("L1 distance to the exact smoothed density: %.3g", l1)
	if l1 > 0.1 {
		t.Errorf("L1 distance to the exact smoothed density %.3g > 0.1", l1)
	}
}

// Every probe of SLQ with an exactly representable spectrum (few distinct
// eigenvalues) stops early at breakdown and is exact.
func TestSLQFewDistinct(t *testing.T) {
	d := []float64{1, 1, 1, 3, 3, 7}
	op := hessian.FuncOperator(len(d), func(dst, v []float64) {
		for i := range v {
			dst[i] = d[i] * v[i]
		}
	})
	sd, err := hessian.SLQ(op, &hessian.SLQSettings{Probes: 5})
	if err != nil {
		t.Fatal(err)
	}
	for l, nodes := range sd.Nodes {
		if len(nodes) > 3 {
			t.Errorf("probe %d has %d nodes for 3 distinct eigenvalues", l, len(nodes))
		}
	}
	for p := 1; p <= 4; p++ { // exact per probe: zᵀA^pz/n with |z_i| = 1 is Σλ^p/n
		var exact float64
		for _, v := range d {
			exact += math.Pow(v, float64(p)) / float64(len(d))
		}
		got, _ := sd.Moment(p)
		if math.Abs(got-exact) > 1e-12*exact {
			t.Errorf("moment %d = %v, want %v", p, got, exact)
		}
	}
}

func TestTraceInterrupt(t *testing.T) {
	t.Cleanup(interrupt.Clear)
	interrupt.Request()
	op := hessian.Dense(mat.NewSymDense(3, []float64{1, 0, 0, 0, 1, 0, 0, 0, 1}))
	if _, err := hessian.Hutchinson(op, nil); !errors.Is(err, interrupt.ErrInterrupted) {
		t.Errorf("Hutchinson: %v", err)
	}
	if _, err := hessian.SLQ(op, nil); !errors.Is(err, interrupt.ErrInterrupted) {
		t.Errorf("SLQ: %v", err)
	}
	if _, err := hessian.HutchPP(op, nil); !errors.Is(err, interrupt.ErrInterrupted) {
		t.Errorf("HutchPP: %v", err)
	}
}
