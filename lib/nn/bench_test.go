package nn_test

import (
	"encoding/binary"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/gocurve/gocurve/internal/pyref"
	"github.com/gocurve/gocurve/lib/hessian"
	"github.com/gocurve/gocurve/lib/nn"
)

// benchProblem is the benchmark: a 784-128-10 tanh MLP with softmax
// cross-entropy on N = 1000 examples of ten Gaussian classes in 784 dimensions.
func benchProblem() (nn.MLP, nn.Data, []float64) {
	rng := rand.New(rand.NewPCG(2026, 11))
	net := nn.MLP{Sizes: []int{784, 128, 10}, Activations: []nn.Activation{nn.Tanh, nn.Linear}, Loss: nn.SoftmaxCrossEntropy}
	centers := make([][]float64, 10)
	for k := range centers {
		centers[k] = make([]float64, 784)
		for j := range centers[k] {
			centers[k][j] = 0.3 * rng.NormFloat64()
		}
	}
	return net, nn.Blobs(rng, 100, centers, 1), net.InitGlorot(rng)
}

// cpuSeconds returns the user and system CPU time of the process so far:
// on a shared machine it measures the work, where wall time also measures
// the neighbours.
func cpuSeconds(b *testing.B) float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// loopWithCPU runs f in b.Loop and reports the CPU time per call.
func loopWithCPU(b *testing.B, f func()) {
	start := cpuSeconds(b)
	for b.Loop() {
		f()
	}
	b.ReportMetric((cpuSeconds(b)-start)/float64(b.N)*1e3, "cpu-ms/op")
}

func BenchmarkMLP784(b *testing.B) {
	net, data, p := benchProblem()
	o := nn.NewObjective(net, data)
	v := net.InitGlorot(rand.New(rand.NewPCG(1, 1)))
	dst := make([]float64, len(p))
	q := append([]float64(nil), p...)
	o.HessVec(dst, q, v)
	// fresh: θ changes before every call, so the forward (and backward) pass is redone.
	b.Run("Loss/fresh", func(b *testing.B) {
		loopWithCPU(b, func() { q[0] += 1e-9; o.Func(q) })
	})
	b.Run("Gradient/fresh", func(b *testing.B) {
		loopWithCPU(b, func() { q[0] += 1e-9; o.Grad(dst, q) })
	})
	b.Run("HVP/fresh", func(b *testing.B) {
		loopWithCPU(b, func() { q[0] += 1e-9; o.HessVec(dst, q, v) })
	})
	// cached: same θ, new v, as inside Lanczos.
	b.Run("HVP/cached", func(b *testing.B) {
		loopWithCPU(b, func() { o.HessVec(dst, q, v) })
	})
	b.Run("GGNVP/cached", func(b *testing.B) {
		loopWithCPU(b, func() { o.GGNVec(dst, q, v) })
	})
}

// BenchmarkTop10Lanczos computes the 10 largest Hessian eigenvalues of the
// 784-128-10 problem (n = 101,770) to residual tolerance 1e-10·|λ₁|, with
// Lanczos's default search for missed copies of multiple eigenvalues.
func BenchmarkTop10Lanczos(b *testing.B) {
	net, data, p := benchProblem()
	for b.Loop() {
		op := nn.Hessian(net, p, data)
		res, err := hessian.Lanczos(op, 10, hessian.Largest, &hessian.EigSettings{Tol: 1e-10})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(res.Iterations), "matvecs")
	}
}

// BenchmarkLanczosVsEigsh times hessian.Lanczos on nn.Hessian against
// scipy.sparse.linalg.eigsh on a LinearOperator whose matvec is a jax.jit
// HVP (testdata/bench_eigsh.py), in the same run, for the top 10 eigenvalues
// of the 784-128-10 problem. Run with GOCURVE_PYTHON set and -benchtime 1x.
// Metrics: go-s and eigsh-s (wall time, JAX compile excluded and reported
// as jax-compile-s), their ratio, go-cpu-s and eigsh-cpu-s (CPU time of all
// threads, the fairer figure on a loaded machine), go-hvp-s (the part of go-s
// spent in nn's HVPs; the rest is Lanczos itself), matrix-vector products of each, the mean
// time of one jitted JAX HVP, and the largest difference between the two
// sets of eigenvalues relative to λ₁, in units of 1e-15.
func BenchmarkLanczosVsEigsh(b *testing.B) {
	net, data, p := benchProblem()
	dir := b.TempDir()
	write := func(name string, v []float64) string {
		path := filepath.Join(dir, name)
		buf := make([]byte, 8*len(v))
		for i, x := range v {
			binary.LittleEndian.PutUint64(buf[8*i:], math.Float64bits(x))
		}
		if err := os.WriteFile(path, buf, 0o600); err != nil {
			b.Fatal(err)
		}
		return path
	}
	script, err := os.ReadFile("testdata/bench_eigsh.py")
	if err != nil {
		b.Fatal(err)
	}
	in := map[string]any{
		"sizes": net.Sizes, "acts": []string{"tanh", "linear"}, "loss": "ce", "n": data.Len(),
		"params": write("params", p), "x": write("x", data.X.RawMatrix().Data), "t": write("t", data.T.RawMatrix().Data),
		"k": 10, "tol": 1e-10,
	}
	for b.Loop() {
		start, cpu := time.Now(), cpuSeconds(b)
		op := &timedOp{op: nn.Hessian(net, p, data)}
		// eigsh makes no search for missed copies of multiple eigenvalues, so
		// neither does Lanczos here; BenchmarkTop10Lanczos includes it.
		res, err := hessian.Lanczos(op, 10, hessian.Largest, &hessian.EigSettings{Tol: 1e-10, NoMultiplicityCheck: true})
		goSec, goCPU := time.Since(start).Seconds(), cpuSeconds(b)-cpu
		if err != nil {
			b.Fatal(err)
		}
		var out struct {
			Values         []float64 `json:"values"`
			CompileSeconds float64   `json:"compile_seconds"`
			EigshSeconds   float64   `json:"eigsh_seconds"`
			Matvecs        int       `json:"matvecs"`
			HVPSeconds     float64   `json:"hvp_seconds"`
			EigshCPU       float64   `json:"eigsh_cpu_seconds"`
		}
		pyref.Run(b, string(script), in, &out)
		b.ReportMetric(goSec, "go-s")
		b.ReportMetric(goCPU, "go-cpu-s")
		b.ReportMetric(op.elapsed.Seconds(), "go-hvp-s")
		b.ReportMetric(out.EigshCPU, "eigsh-cpu-s")
		b.ReportMetric(float64(res.Iterations), "go-matvecs")
		b.ReportMetric(out.EigshSeconds, "eigsh-s")
		b.ReportMetric(float64(out.Matvecs), "eigsh-matvecs")
		b.ReportMetric(out.CompileSeconds, "jax-compile-s")
		b.ReportMetric(out.HVPSeconds*1e3, "jax-hvp-ms")
		b.ReportMetric(out.EigshSeconds/goSec, "eigsh/go")
		b.ReportMetric(relErr(res.Values, out.Values)/1e-15, "max-rel-diff/1e-15")
		b.Logf("Go Lanczos: %v", res.Values)
		b.Logf("eigsh:      %v", out.Values)
	}
}

// timedOp measures the wall time spent in an operator's products.
type timedOp struct {
	op      hessian.Operator
	elapsed time.Duration
}

func (t *timedOp) Dim() int { return t.op.Dim() }

func (t *timedOp) Apply(dst, v []float64) {
	start := time.Now()
	t.op.Apply(dst, v)
	t.elapsed += time.Since(start)
}
