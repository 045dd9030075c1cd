package symeig_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gocurve/gocurve/internal/symeig"
	"github.com/gocurve/gocurve/lib/hessian"
	"gonum.org/v1/gonum/mat"
)

var eps = math.Nextafter(1, 2) - 1

// spectra are matrices whose difficulty lies in their eigenvalues: random,
// clustered, repeated, graded, and the tridiagonal cases that deflate.
func spectra(n int, rnd *rand.Rand) map[string]*mat.SymDense {
	out := map[string]*mat.SymDense{}
	g := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			g.SetSym(i, j, rnd.NormFloat64())
		}
	}
	out["gaussian"] = g
	with := func(vals func(i int) float64) *mat.SymDense {
		l := make([]float64, n)
		for i := range l {
			l[i] = vals(i)
		}
		return hessian.NewQuadratic(l, hessian.RandomRotation(n, rnd)).A
	}
	out["clustered"] = with(func(i int) float64 { return 1 + 1e-9*float64(i%7) + float64(i/(n/3+1)) })
	out["repeated"] = with(func(i int) float64 { return float64(i % 3) })
	out["graded"] = with(func(i int) float64 { return math.Pow(10, -12*float64(i)/float64(n)) })
	w := mat.NewSymDense(n, nil) // Wilkinson W⁺: pairs of nearly equal eigenvalues
	for i := 0; i < n; i++ {
		w.SetSym(i, i, math.Abs(float64(i)-float64(n-1)/2))
		if i+1 < n {
			w.SetSym(i, i+1, 1)
		}
	}
	out["wilkinson"] = w
	dg := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		dg.SetSym(i, i, float64(n-i))
	}
	out["diagonal"] = dg
	out["zero"] = mat.NewSymDense(n, nil)
	return out
}

func TestDenseAgainstQR(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 2, 5, 33, 64, 200} {
		for name, a := range spectra(n, rnd) {
			t.Run(fmt.Sprintf("%s/n=%d", name, n), func(t *testing.T) {
				w, z := decompose(t, a)
				var es mat.EigenSym
				if !es.Factorize(a, false) {
					t.Fatal("gonum EigenSym failed")
				}
				want := es.Values(nil)
				anorm := mat.Norm(a, 1)
				for i := range w {
					if math.Abs(w[i]-want[i]) > 50*float64(n)*eps*math.Max(anorm, 1e-300) {
						t.Errorf("λ_%d = %.17g, QR gives %.17g", i, w[i], want[i])
					}
				}
				checkPairs(t, a, w, z)
			})
		}
	}
}

func decompose(t *testing.T, a *mat.SymDense) ([]float64, *mat.Dense) {
	t.Helper()
	n := a.SymmetricDim()
	buf := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j <= i; j++ {
			buf[i*n+j] = a.At(i, j)
		}
	}
	w := make([]float64, n)
	z := make([]float64, n*n)
	if !symeig.Dense(n, buf, n, w, z, n) {
		t.Fatal("Dense did not converge")
	}
	return w, mat.NewDense(n, n, z)
}

// checkPairs checks ‖AZ − ZΛ‖ ≤ c·n·ε‖A‖ and ‖ZᵀZ − I‖ ≤ c·n·ε, as LAPACK's
// own tests do, and that the values ascend.
func checkPairs(t *testing.T, a mat.Symmetric, w []float64, z *mat.Dense) {
	t.Helper()
	n := len(w)
	for i := 1; i < n; i++ {
		if w[i] < w[i-1] {
			t.Fatalf("values not ascending at %d: %g < %g", i, w[i], w[i-1])
		}
	}
	var az, zl mat.Dense
	az.Mul(a, z)
	zl.Scale(1, z)
	for j := 0; j < n; j++ {
		col := zl.ColView(j).(*mat.VecDense)
		col.ScaleVec(w[j], col)
	}
	az.Sub(&az, &zl)
	anorm := math.Max(mat.Norm(a, 1), 1e-300)
	if r := mat.Norm(&az, 1) / (anorm * float64(n) * eps); r > 20 {
		t.Errorf("residual ‖AZ − ZΛ‖/(n ε ‖A‖) = %.1f", r)
	}
	var ztz mat.Dense
	ztz.Mul(z.T(), z)
	for i := 0; i < n; i++ {
		ztz.Set(i, i, ztz.At(i, i)-1)
	}
	if o := mat.Norm(&ztz, 1) / (float64(n) * eps); o > 20 {
		t.Errorf("orthogonality ‖ZᵀZ − I‖/(n ε) = %.1f", o)
	}
}
