package gemm

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
)

// NT and both kernels agree with gonum's Dgemm on shapes that exercise
// the kernel, its row and column edges, the k tail and several k panels.
func TestNT(t *testing.T) {
	impls := map[string]func(a, b, c blas64.General, beta float64){"NT": NT}
	rowsImpl := func(rows func(a, b, c blas64.General, lo, hi int)) func(a, b, c blas64.General, beta float64) {
		return func(a, b, c blas64.General, beta float64) {
			if beta == 0 {
				for i := range c.Rows {
					clear(c.Data[i*c.Stride : i*c.Stride+c.Cols])
				}
			}
			rows(a, b, c, 0, a.Rows)
		}
	}
	if hasAVX2FMA {
		impls["avx2"] = rowsImpl(gemmNTRows)
	} else {
		t.Log("no AVX2/FMA: checking NT's gonum path only")
	}
	if hasAVX512 {
		impls["avx512"] = rowsImpl(gemmNTRows512)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	gen := func(r, c, stride int) blas64.General {
		g := blas64.General{Rows: r, Cols: c, Stride: stride, Data: make([]float64, r*stride)}
		for i := range g.Data {
			g.Data[i] = rng.NormFloat64()
		}
		return g
	}
	for _, s := range []struct{ m, n, k int }{
		{64, 48, 32}, {67, 50, 33}, {130, 31, 600}, {1000, 128, 784}, {128, 784, 1000}, {10, 301, 2000}, {5, 7, 9000}, {200, 4, 515}, {9, 9, 7},
	} {
		for name, impl := range impls {
			for _, beta := range []float64{0, 1} {
				a, b := gen(s.m, s.k, s.k+3), gen(s.n, s.k, s.k+1)
				c := gen(s.m, s.n, s.n+2)
				want := blas64.General{Rows: s.m, Cols: s.n, Stride: c.Stride, Data: append([]float64(nil), c.Data...)}
				blas64.Gemm(blas.NoTrans, blas.Trans, 1, a, b, beta, want)
				impl(a, b, c, beta)
				worst := 0.0
				for i := range s.m {
					for j := range s.n {
						// Sums of k products of standard normals: rounding grows like √k.
						d := math.Abs(c.Data[i*c.Stride+j]-want.Data[i*c.Stride+j]) / math.Sqrt(float64(s.k))
						worst = max(worst, d)
					}
					for j := s.n; j < c.Stride; j++ {
						if c.Data[i*c.Stride+j] != want.Data[i*c.Stride+j] {
							t.Fatalf("%s %d×%d×%d: wrote outside the matrix", name, s.m, s.n, s.k)
						}
					}
				}
				if worst > 1e-13 {
					t.Errorf("%s %d×%d×%d beta=%v: max scaled difference %.3g", name, s.m, s.n, s.k, beta, worst)
				}
			}
		}
	}
}

// BenchmarkNT compares gonum's Dgemm and NT on the first-layer
// product of the 784-128-10 benchmark: (1000×784)·(128×784)ᵀ, 200 MFLOP.
func BenchmarkNT(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	gen := func(r, c int) blas64.General {
		g := blas64.General{Rows: r, Cols: c, Stride: c, Data: make([]float64, r*c)}
		for i := range g.Data {
			g.Data[i] = rng.NormFloat64()
		}
		return g
	}
	x, w, c := gen(1000, 784), gen(128, 784), gen(1000, 128)
	flops := 2.0 * 1000 * 128 * 784
	b.Run("gonum", func(b *testing.B) {
		for b.Loop() {
			blas64.Gemm(blas.NoTrans, blas.Trans, 1, x, w, 0, c)
		}
		b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOPS")
	})
	b.Run("avx2", func(b *testing.B) {
		if !hasAVX2FMA {
			b.Skip("no AVX2/FMA")
		}
		for b.Loop() {
			clear(c.Data)
			gemmNTRows(x, w, c, 0, 1000)
		}
		b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOPS")
	})
	b.Run("avx512", func(b *testing.B) {
		if !hasAVX512 {
			b.Skip("no AVX-512F")
		}
		for b.Loop() {
			clear(c.Data)
			gemmNTRows512(x, w, c, 0, 1000)
		}
		b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOPS")
	})
	b.Run("NT", func(b *testing.B) {
		for b.Loop() {
			NT(x, w, c, 0)
		}
		b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOPS")
	})
}
