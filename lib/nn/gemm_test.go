package nn

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
)

// gemmNT agrees with gonum's Dgemm on shapes that exercise the kernel, its
// row and column edges, the k tail and several k panels.
func TestGemmNT(t *testing.T) {
	if !hasAVX2FMA {
		t.Log("no AVX2/FMA: gemmNT is gonum's Dgemm; checking that path")
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
		{64, 48, 32}, {67, 50, 33}, {130, 31, 600}, {1000, 128, 784}, {5, 7, 9000}, {200, 4, 515},
	} {
		for _, beta := range []float64{0, 1} {
			a, b := gen(s.m, s.k, s.k+3), gen(s.n, s.k, s.k+1)
			c := gen(s.m, s.n, s.n+2)
			want := blas64.General{Rows: s.m, Cols: s.n, Stride: c.Stride, Data: append([]float64(nil), c.Data...)}
			blas64.Gemm(blas.NoTrans, blas.Trans, 1, a, b, beta, want)
			gemmNT(a, b, c, beta)
			worst := 0.0
			for i := range s.m {
				for j := range s.n {
					// Dot products of k standard normals: error ≲ k·ε·√k scale.
					d := math.Abs(c.Data[i*c.Stride+j]-want.Data[i*c.Stride+j]) / math.Sqrt(float64(s.k))
					worst = max(worst, d)
				}
			}
			if worst > 1e-13 {
				t.Errorf("%d×%d×%d beta=%v: max scaled difference %.3g", s.m, s.n, s.k, beta, worst)
			}
			for i := range s.m { // padding between rows untouched
				for j := s.n; j < c.Stride; j++ {
					if c.Data[i*c.Stride+j] != want.Data[i*c.Stride+j] {
						t.Fatalf("%d×%d×%d: wrote outside the matrix", s.m, s.n, s.k)
					}
				}
			}
		}
	}
}

// BenchmarkGemmNT compares gonum's Dgemm and gemmNT on the first-layer
// product of the 784-128-10 benchmark: (1000×784)·(128×784)ᵀ, 200 MFLOP.
func BenchmarkGemmNT(b *testing.B) {
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
	b.Run("gemmNT", func(b *testing.B) {
		for b.Loop() {
			gemmNT(x, w, c, 0)
		}
		b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOPS")
	})
}
