package optim_test

import (
	"math"
	"syscall"
	"testing"
	"time"

	"github.com/gocurve/gocurve/lib/hessian"
	"github.com/gocurve/gocurve/lib/optim"
)

// BenchmarkStep measures the per-step overhead of each optimizer on a
// 100k-parameter problem (the gradient is fixed, so only the update is
// timed). Compare with testdata/bench_optax.py.
func BenchmarkStep(b *testing.B) {
	const n = 100_000
	grad := make([]float64, n)
	for i := range grad {
		grad[i] = math.Sin(float64(i))
	}
	for _, opt := range firstOrder() {
		b.Run(opt.name, func(b *testing.B) {
			theta := make([]float64, n)
			opt.o.Reset()
			opt.o.Step(theta, grad) // allocate state outside the timing
			b.ReportAllocs()
			b.SetBytes(8 * n)
			b.ResetTimer()
			cpu0 := cpuTime()
			for b.Loop() {
				opt.o.Step(theta, grad)
			}
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
		})
	}
	// Krylov saddle-free Newton with a diagonal Hessian-vector product
	// (one pass over n): K = 10 Lanczos steps plus reorthogonalization.
	b.Run("KrylovSaddleFree-K10", func(b *testing.B) {
		diag := make([]float64, n)
		for i := range diag {
			diag[i] = float64(i%100) - 10
		}
		hvp := func(dst, theta, v []float64) {
			for i := range dst {
				dst[i] = diag[i] * v[i]
			}
		}
		o := &optim.KrylovSaddleFree{HessVec: hvp, K: 10, Damping: 1}
		theta := make([]float64, n)
		o.Step(theta, grad)
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			o.Step(theta, grad)
		}
	})
}

// BenchmarkRunOverhead measures what Run adds per step around the
// optimizer (norms, recording, checks) on a trivial objective with 100k
// parameters, without recording θ.
func BenchmarkRunOverhead(b *testing.B) {
	const n = 100_000
	obj := hessian.Funcs{
		F: func(theta []float64) float64 { return 0 },
		G: func(grad, theta []float64) {},
	}
	x0 := make([]float64, n)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := optim.Run(&optim.GD{LR: 0.1}, obj, x0, &optim.Settings{MaxSteps: 100, NoTheta: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// cpuTime is the process's user + system CPU time, steadier than the wall
// clock on a shared machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
