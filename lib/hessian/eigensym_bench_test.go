package hessian_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gocurve/gocurve/internal/pyref"
	"github.com/gocurve/gocurve/lib/hessian"
	"gonum.org/v1/gonum/mat"
)

// BenchmarkEigenSymVectors times the full eigendecomposition three ways in
// alternation, round by round, on the matrices of testdata/eigh_bench.py:
// hessian.EigenSym (divide and conquer), gonum's mat.EigenSym (QR
// iteration) and, with GOCURVE_PYTHON set, numpy.linalg.eigh with
// OPENBLAS_NUM_THREADS=1 (LAPACK dsyevd, one thread, one call per round).
// It reports the medians over 5 rounds; run it with -benchtime 1x.
func BenchmarkEigenSymVectors(b *testing.B) {
	py := os.Getenv(pyref.EnvVar)
	for _, n := range []int{500, 1000} {
		a := randomSym(n, rand.New(rand.NewPCG(uint64(n), 0)))
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			var dc, qr, np []float64
			for b.Loop() {
				for range 5 {
					t0 := time.Now()
					var es hessian.EigenSym
					if !es.Factorize(a, true) {
						b.Fatal("no convergence")
					}
					dc = append(dc, time.Since(t0).Seconds())
					t0 = time.Now()
					var gs mat.EigenSym
					if !gs.Factorize(a, true) {
						b.Fatal("no convergence")
					}
					qr = append(qr, time.Since(t0).Seconds())
					if py == "" {
						continue
					}
					cmd := exec.Command(py, "testdata/eigh_bench.py", strconv.Itoa(n), "1", "1")
					cmd.Env = append(os.Environ(), "OPENBLAS_NUM_THREADS=1")
					out, err := cmd.Output()
					if err != nil {
						b.Fatalf("numpy timing: %v", err)
					}
					s, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
					if err != nil {
						b.Fatalf("numpy timing output %q: %v", out, err)
					}
					np = append(np, s)
				}
			}
			b.ReportMetric(median(dc), "dc-s")
			b.ReportMetric(median(qr), "qr-s")
			if len(np) > 0 {
				b.ReportMetric(median(np), "lapack1-s")
				b.ReportMetric(median(dc)/median(np), "dc/lapack1")
			}
		})
	}
}

func median(x []float64) float64 {
	s := slices.Clone(x)
	slices.Sort(s)
	return s[len(s)/2]
}
