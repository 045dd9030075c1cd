package hessian_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gocurve/gocurve/lib/hessian"
	"gonum.org/v1/gonum/mat"
)

func TestMatPowMatchesRepeatedProduct(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	for _, n := range []int{2, 5, 12} {
		w := mat.NewDense(n, n, nil)
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				w.Set(i, j, rng.NormFloat64()/math.Sqrt(float64(n)))
			}
		}
		for _, k := range []int{0, 1, 3, 10} {
			got, err := hessian.MatPow(nil, w, k)
			if err != nil {
				t.Fatal(err)
			}
			var want mat.Dense
			want.Pow(w, k)
			if e := relErr(got, &want); e > 1e-10 {
				t.Errorf("n=%d k=%d: V diag(λ)^k V⁻¹ differs from W^k by %.3g", n, k, e)
			}
		}
	}
	// A Jordan block is not diagonalisable.
	if _, err := hessian.MatPow(nil, mat.NewDense(2, 2, []float64{1, 1, 0, 1}), 3); err == nil {
		t.Error("MatPow of a Jordan block returned no error")
	}
}

func TestSpectralRadiusVanishExplode(t *testing.T) {
	rot := func(theta, r float64) *mat.Dense { // r times a rotation: complex eigenvalues r·e^{±iθ}
		c, s := math.Cos(theta), math.Sin(theta)
		return mat.NewDense(2, 2, []float64{r * c, -r * s, r * s, r * c})
	}
	for _, tc := range []struct {
		r    float64
		grow bool
	}{{0.9, false}, {1.1, true}} {
		w := rot(0.3, tc.r)
		rho, err := hessian.SpectralRadius(w)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(rho-tc.r) > 1e-14 {
			t.Errorf("ρ = %v, want %v", rho, tc.r)
		}
		p, err := hessian.MatPow(nil, w, 50)
		if err != nil {
			t.Fatal(err)
		}
		norm := mat.Norm(p, 2) / math.Sqrt2 // Frobenius norm of ρ^50 times a rotation
		if want := math.Pow(tc.r, 50); math.Abs(norm-want) > 1e-10*want {
			t.Errorf("‖W^50‖ = %v, want ρ^50 = %v", norm, want)
		}
		if (norm > 1) != tc.grow {
			t.Errorf("ρ = %v: ‖W^50‖ = %v", tc.r, norm)
		}
	}
	a := mat.NewSymDense(2, []float64{2, 1, 1, 2}) // λ = 1, 3
	half, err := hessian.SymPow(nil, a, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	var sq mat.Dense
	sq.Mul(half, half)
	if e := relErr(&sq, a); e > 1e-14 {
		t.Errorf("(A^½)² − A = %.3g", e)
	}
	if _, err := hessian.SymPow(nil, mat.NewSymDense(1, []float64{-1}), 0.5); err == nil {
		t.Error("SymPow(−1, ½) returned no error")
	}
}
