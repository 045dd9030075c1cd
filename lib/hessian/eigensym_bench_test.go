package hessian_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"syscall"
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
// It reports the medians over 5 rounds, of wall time and of CPU time (the
// process's, all threads: the work done, which a loaded machine disturbs
// less than the wall time); run it with -benchtime 1x.
func BenchmarkEigenSymVectors(b *testing.B) {
	py := os.Getenv(pyref.EnvVar)
	for _, n := range []int{500, 1000} {
		a := randomSym(n, rand.New(rand.NewPCG(uint64(n), 0)))
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			var dc, qr, np, dcCPU, npCPU []float64
			for b.Loop() {
				for range 5 {
					t0, c0 := time.Now(), cpuTime()
					var es hessian.EigenSym
					if !es.Factorize(a, true) {
						b.Fatal("no convergence")
					}
					dc = append(dc, time.Since(t0).Seconds())
					dcCPU = append(dcCPU, (cpuTime() - c0).Seconds())
					t0 = time.Now()
					var gs mat.EigenSym
					if !gs.Factorize(a, true) {
						b.Fatal("no convergence")
					}
					qr = append(qr, time.Since(t0).Seconds())
					if py == "" {
						continue
					}
					cmd := exec.Command(py, "testdata/eigh_bench.py", strconv.Itoa(n), "1", "1", "cpu")
					cmd.Env = append(os.Environ(), "OPENBLAS_NUM_THREADS=1")
					out, err := cmd.Output()
					if err != nil {
						b.Fatalf("numpy timing: %v", err)
					}
					f := strings.Fields(string(out))
					if len(f) != 2 {
						b.Fatalf("numpy timing output %q: want wall and CPU seconds", out)
					}
					s, err1 := strconv.ParseFloat(f[0], 64)
					c, err2 := strconv.ParseFloat(f[1], 64)
					if err := errors.Join(err1, err2); err != nil {
						b.Fatalf("numpy timing output %q: %v", out, err)
					}
					np = append(np, s)
					npCPU = append(npCPU, c)
				}
			}
			b.ReportMetric(median(dc), "dc-s")
			b.ReportMetric(median(qr), "qr-s")
			if len(np) > 0 {
				b.ReportMetric(median(np), "lapack1-s")
				b.ReportMetric(median(dc)/median(np), "dc/lapack1")
				b.ReportMetric(median(dcCPU)/median(npCPU), "dc/lapack1-cpu")
			}
		})
	}
}

// cpuTime is the CPU time the process has used, all threads.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func median(x []float64) float64 {
	s := slices.Clone(x)
	slices.Sort(s)
	return s[len(s)/2]
}
