package hessian_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gocurve/gocurve/internal/pyref"
	"github.com/gocurve/gocurve/lib/hessian"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// lowRankPlusDiag returns the n-dimensional operator A = D + U diag(s) Uᵀ
// with a bulk D on [−0.5, 2] and r outliers 20·0.9^j (the 10th and 11th
// are 7.7 and 7.0, so the top 10 are not trivially separated), applied in O(n·r): a stand-in
// for a network Hessian with a few large eigenvalues.
func lowRankPlusDiag(n, r int, seed uint64) hessian.Operator {
	rng := rand.New(rand.NewPCG(seed, 1))
	d := make([]float64, n)
	for i := range d {
		d[i] = -0.5 + 2.5*rng.Float64()
	}
	u := make([][]float64, r)
	s := make([]float64, r)
	for j := range u {
		u[j] = make([]float64, n)
		for i := range u[j] {
			u[j][i] = rng.NormFloat64()
		}
		floats.Scale(1/floats.Norm(u[j], 2), u[j])
		s[j] = 20 * math.Pow(0.9, float64(j))
	}
	return hessian.FuncOperator(n, func(dst, v []float64) {
		for i := range v {
			dst[i] = d[i] * v[i]
		}
		for j := range u {
			floats.AddScaled(dst, s[j]*floats.Dot(u[j], v), u[j])
		}
	})
}

func BenchmarkLanczosTop10(b *testing.B) {
	op := lowRankPlusDiag(10000, 20, 1)
	var steps int
	var worst float64
	for b.Loop() {
		res, err := hessian.Lanczos(op, 10, hessian.Largest, nil)
		if err != nil {
			b.Fatal(err)
		}
		steps = res.Iterations
		worst = floats.Max(res.Residuals)
	}
	b.ReportMetric(float64(steps), "steps")
	b.ReportMetric(worst*1e9, "max-residual-e-9")
}

func BenchmarkPowerIterationTop1(b *testing.B) {
	op := lowRankPlusDiag(10000, 20, 1)
	var steps int
	for b.Loop() {
		res, err := hessian.PowerIteration(op, nil)
		if err != nil {
			b.Fatal(err)
		}
		steps = res.Iterations
	}
	b.ReportMetric(float64(steps), "steps")
}

func BenchmarkHutchinson100(b *testing.B) {
	op := lowRankPlusDiag(10000, 20, 1)
	for b.Loop() {
		if _, err := hessian.Hutchinson(op, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSLQ10x80(b *testing.B) {
	op := lowRankPlusDiag(10000, 20, 1)
	for b.Loop() {
		if _, err := hessian.SLQ(op, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// Dense symmetric eigendecomposition (gonum mat.EigenSym, Dsyev) on the
// same kind of matrix as testdata/eigh_bench.py. With GOCURVE_PYTHON set it
// also times numpy's eigh/eigvalsh in the same run (best of 3, outside the
// timer) and reports numpy-s and the ratio gonum/numpy.
func BenchmarkEigenSym(b *testing.B) {
	py := os.Getenv(pyref.EnvVar)
	for _, n := range []int{500, 1000, 2000} {
		a := randomSym(n, rand.New(rand.NewPCG(uint64(n), 0)))
		for _, vectors := range []bool{false, true} {
			b.Run(fmt.Sprintf("n=%d/vectors=%v", n, vectors), func(b *testing.B) {
				var es mat.EigenSym
				start := time.Now()
				for b.Loop() {
					if !es.Factorize(a, vectors) {
						b.Fatal("no convergence")
					}
				}
				perOp := time.Since(start).Seconds() / float64(b.N)
				if py == "" {
					return
				}
				v := "0"
				if vectors {
					v = "1"
				}
				out, err := exec.Command(py, "testdata/eigh_bench.py", fmt.Sprint(n), v, "3").Output()
				if err != nil {
					b.Fatalf("numpy timing: %v", err)
				}
				npSec, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
				if err != nil {
					b.Fatalf("numpy timing output %q: %v", out, err)
				}
				b.ReportMetric(npSec, "numpy-s")
				b.ReportMetric(perOp/npSec, "gonum/numpy")
			})
		}
	}
}

func BenchmarkHessianFD(b *testing.B) {
	for _, n := range []int{10, 50} {
		q := hessian.NewQuadratic(realisticSpectrum(n, nil, 0.1, 2), hessian.RandomRotation(n, nil))
		x := make([]float64, n)
		b.Run(fmt.Sprintf("n=%d/func", n), func(b *testing.B) {
			h := mat.NewSymDense(n, nil)
			for b.Loop() {
				hessian.Hessian(h, q.Func, x, nil)
			}
		})
		b.Run(fmt.Sprintf("n=%d/grad", n), func(b *testing.B) {
			h := mat.NewSymDense(n, nil)
			obj := hessian.Funcs{F: q.Func, G: q.Grad}
			for b.Loop() {
				hessian.HessianOf(h, obj, x, nil)
			}
		})
	}
}
