package objective

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"

	"github.com/gocurve/gocurve/lib/hessian"
)

// Spectrum returns the quadratic ½θᵀAθ (b = 0, c = 0) with A = QΛQᵀ,
// Λ = diag(lambdas), as a hessian.Quadratic. Q must be n×n orthogonal; nil
// means the identity (axis-aligned eigenvectors). The condition number of A
// is max|λ|/min|λ|. It is hessian.NewQuadratic for any mat.Matrix Q.
func Spectrum(lambdas []float64, q mat.Matrix) *hessian.Quadratic {
	if q == nil {
		return hessian.NewQuadratic(lambdas, nil)
	}
	n := len(lambdas)
	if r, c := q.Dims(); r != n || c != n {
		panic(fmt.Sprintf("objective: Spectrum: Q is %d×%d, want %d×%d", r, c, n, n))
	}
	return hessian.NewQuadratic(lambdas, mat.DenseCopyOf(q))
}

// Conditioned returns a quadratic ½θᵀAθ in n dimensions whose eigenvalues
// are spaced geometrically from 1 to κ, λ_i = κ^{i/(n−1)}, and whose
// eigenvectors are hessian.RandomRotation(n, rng) (rng nil: the default
// seed).
func Conditioned(n int, kappa float64, rng *rand.Rand) *hessian.Quadratic {
	if n < 1 || !(kappa >= 1) {
		panic("objective: Conditioned: need n ≥ 1 and κ ≥ 1")
	}
	l := make([]float64, n)
	for i := range l {
		if n == 1 {
			l[i] = 1
			continue
		}
		l[i] = math.Pow(kappa, float64(i)/float64(n-1))
	}
	return hessian.NewQuadratic(l, hessian.RandomRotation(n, rng))
}

// Ravine is the narrow canyon ½(Flat·u² + Steep·v²), where (u, v) are the
// coordinates along the unit vectors (cos φ, sin φ) and (−sin φ, cos φ) for
// φ = angle. With Steep ≫ Flat, gradient descent oscillates across the
// canyon and crawls along it. Its minimum is the origin.
func Ravine(flat, steep, angle float64) *hessian.Quadratic {
	return hessian.NewQuadratic([]float64{flat, steep}, Rotation(angle))
}

// Rotation returns the 2×2 rotation by φ: [[cos φ, −sin φ], [sin φ, cos φ]].
func Rotation(phi float64) *mat.Dense {
	s, c := math.Sincos(phi)
	return mat.NewDense(2, 2, []float64{c, -s, s, c})
}
