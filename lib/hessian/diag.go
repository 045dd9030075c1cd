package hessian

import (
	"fmt"
	"math"

	"github.com/gocurve/gocurve/lib/interrupt"
)

// DiagEstimate is a stochastic estimate of diag(A), entry by entry.
type DiagEstimate struct {
	Mean   []float64 // the estimate of a_ii
	StdErr []float64 // the standard error of each entry, s_i/√m
	Probes int       // matrix-vector products used
}

// String gives the first entries with their standard errors.
func (d DiagEstimate) String() string {
	n := min(len(d.Mean), 6)
	s := "diag ≈ ["
	for i := range n {
		if i > 0 {
			s += " "
		}
		s += fmt.Sprintf("%.4g±%.2g", d.Mean[i], d.StdErr[i])
	}
	if len(d.Mean) > n {
		s += fmt.Sprintf(" …] (%d entries", len(d.Mean))
	} else {
		s += "] ("
	}
	return s + fmt.Sprintf("%d products)", d.Probes)
}

// HutchinsonDiag estimates the diagonal of A from products with random
// Rademacher vectors z (Bekas, Kokiopoulou & Saad 2007; PyHessian's and
// BackPACK's Hessian diagonal): since E[z_i z_j] = δ_ij,
//
//	a_ii ≈ (1/m) Σ_{l=1}^m (z_l ⊙ A z_l)_i,  standard error s_i/√m,
//
// with Var[z_i (Az)_i] = Σ_{j≠i} a_ij², so entries of a nearly diagonal A
// converge fast. For a network's Hessian it is the curvature per weight, to
// compare with the second-moment estimate s of RMSprop or Adam (which
// estimates diag(E[ggᵀ]), not diag(H)). It returns an error wrapping
// interrupt.ErrInterrupted if interrupted.
func HutchinsonDiag(op Operator, s *TraceSettings) (DiagEstimate, error) {
	set := traceDefaults(s)
	rng := rngOr(set.Rand)
	n := op.Dim()
	z := make([]float64, n)
	az := make([]float64, n)
	sum := make([]float64, n)
	sumSq := make([]float64, n)
	for l := 0; l < set.Probes; l++ {
		if err := interrupt.Err(); err != nil {
			return DiagEstimate{}, fmt.Errorf("hessian: HutchinsonDiag after %d probes: %w", l, err)
		}
		rademacher(z, rng)
		op.Apply(az, z)
		for i := range z {
			v := z[i] * az[i]
			sum[i] += v
			sumSq[i] += v * v
		}
		if set.Progress != nil {
			set.Progress(l+1, set.Probes)
		}
	}
	m := float64(set.Probes)
	d := DiagEstimate{Mean: sum, StdErr: make([]float64, n), Probes: set.Probes}
	for i := range sum {
		d.Mean[i] = sum[i] / m
		if set.Probes > 1 {
			variance := math.Max(0, (sumSq[i]-m*d.Mean[i]*d.Mean[i])/(m-1))
			d.StdErr[i] = math.Sqrt(variance / m)
		}
	}
	return d, nil
}
