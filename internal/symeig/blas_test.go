package symeig

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"
)

func randomSlice(rnd *rand.Rand, n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = rnd.NormFloat64()
	}
	return v
}

// near reports the first element of got that differs from want by more
// than tol, or -1; elements equal in want and in the input (those the
// routine must not touch) must be equal in got.
func near(got, want, in []float64, tol float64) int {
	for i := range want {
		if want[i] == in[i] && got[i] != in[i] || math.Abs(got[i]-want[i]) > tol || math.IsNaN(got[i]) {
			return i
		}
	}
	return -1
}

// TestContiguousDsymv compares the Dsymv of contiguous with gonum's on
// strided and unit vectors, both triangles, and beta 0 (y ignored), 1 and
// another.
func TestContiguousDsymv(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	for _, ul := range []blas.Uplo{blas.Lower, blas.Upper} {
		for _, n := range []int{1, 2, 7, 64} {
			for _, inc := range [][2]int{{1, 1}, {5, 1}, {1, 3}, {9, 4}} {
				for _, beta := range []float64{0, 1, 0.5} {
					t.Run(fmt.Sprintf("%c/n=%d/inc=%v/beta=%g", ul, n, inc, beta), func(t *testing.T) {
						lda := n + 2
						a := randomSlice(rnd, lda*n)
						x := randomSlice(rnd, (n-1)*inc[0]+1)
						y := randomSlice(rnd, (n-1)*inc[1]+1)
						if beta == 0 {
							y[0] = math.NaN() // beta = 0 ignores y
						}
						want := append([]float64(nil), y...)
						gonum.Implementation{}.Dsymv(ul, n, 1.5, a, lda, x, inc[0], beta, want, inc[1])
						got := append([]float64(nil), y...)
						contiguous{gonum.Implementation{}}.Dsymv(ul, n, 1.5, a, lda, x, inc[0], beta, got, inc[1])
						if i := near(got, want, y, 1e-13*float64(n)); i >= 0 {
							t.Fatalf("y[%d] = %v, gonum gives %v", i, got[i], want[i])
						}
					})
				}
			}
		}
	}
}

// TestContiguousDsyr2k compares the blocked Dsyr2k of contiguous with
// gonum's: the triangle updated, the other one untouched.
func TestContiguousDsyr2k(t *testing.T) {
	rnd := rand.New(rand.NewPCG(5, 6))
	for _, ul := range []blas.Uplo{blas.Lower, blas.Upper} {
		for _, n := range []int{5, 128, 203} {
			for _, k := range []int{1, 32} {
				for _, beta := range []float64{0, 1, 0.5} {
					t.Run(fmt.Sprintf("%c/n=%d/k=%d/beta=%g", ul, n, k, beta), func(t *testing.T) {
						lda, ldb, ldc := k+1, k+3, n+2
						a := randomSlice(rnd, lda*n)
						b := randomSlice(rnd, ldb*n)
						c := randomSlice(rnd, ldc*n)
						if beta == 0 {
							c[0] = math.NaN() // beta = 0 ignores C
						}
						want := append([]float64(nil), c...)
						gonum.Implementation{}.Dsyr2k(ul, blas.NoTrans, n, k, -1, a, lda, b, ldb, beta, want, ldc)
						got := append([]float64(nil), c...)
						contiguous{gonum.Implementation{}}.Dsyr2k(ul, blas.NoTrans, n, k, -1, a, lda, b, ldb, beta, got, ldc)
						if i := near(got, want, c, 1e-13*float64(k)); i >= 0 {
							t.Fatalf("c[%d,%d] = %v, gonum gives %v", i/ldc, i%ldc, got[i], want[i])
						}
					})
				}
			}
		}
	}
}

// TestDotAxpy compares the one-pass kernel with the plain loop at every
// length around its blocks of 8 and its cut-over.
func TestDotAxpy(t *testing.T) {
	rnd := rand.New(rand.NewPCG(7, 8))
	for n := 0; n <= 41; n++ {
		a, x, y := randomSlice(rnd, n), randomSlice(rnd, n+3), randomSlice(rnd, n+2)
		want := append([]float64(nil), y...)
		wsum := dotAxpyGo(a, x, want, -0.7)
		got := append([]float64(nil), y...)
		gsum := dotAxpy(a, x, got, -0.7)
		if math.Abs(gsum-wsum) > 1e-13*float64(n+1) {
			t.Errorf("n=%d: sum %v, want %v", n, gsum, wsum)
		}
		if i := near(got, want, y, 1e-15); i >= 0 {
			t.Errorf("n=%d: y[%d] = %v, want %v", n, i, got[i], want[i])
		}
	}
}

// TestContiguousDgemm compares the Dgemm of contiguous with gonum's for
// every transposition, on products large enough for its kernel.
func TestContiguousDgemm(t *testing.T) {
	rnd := rand.New(rand.NewPCG(9, 10))
	ts := []blas.Transpose{blas.NoTrans, blas.Trans}
	for _, tA := range ts {
		for _, tB := range ts {
			for _, beta := range []float64{0, 1, 0.5} {
				t.Run(fmt.Sprintf("%c%c/beta=%g", tA, tB, beta), func(t *testing.T) {
					m, n, k := 70, 83, 65
					ar, ac, br, bc := m, k, k, n
					if tA == blas.Trans {
						ar, ac = k, m
					}
					if tB == blas.Trans {
						br, bc = n, k
					}
					lda, ldb, ldc := ac+1, bc+2, n+3
					a := randomSlice(rnd, lda*(ar-1)+ac)
					b := randomSlice(rnd, ldb*(br-1)+bc)
					c := randomSlice(rnd, ldc*(m-1)+n)
					if beta == 0 {
						c[0] = math.NaN() // beta = 0 ignores C
					}
					want := append([]float64(nil), c...)
					gonum.Implementation{}.Dgemm(tA, tB, m, n, k, -0.5, a, lda, b, ldb, beta, want, ldc)
					got := append([]float64(nil), c...)
					contiguous{gonum.Implementation{}}.Dgemm(tA, tB, m, n, k, -0.5, a, lda, b, ldb, beta, got, ldc)
					if i := near(got, want, c, 1e-13*float64(k)); i >= 0 {
						t.Fatalf("c[%d,%d] = %v, gonum gives %v", i/ldc, i%ldc, got[i], want[i])
					}
				})
			}
		}
	}
}
