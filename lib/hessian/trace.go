package hessian

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/gocurve/gocurve/lib/interrupt"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"
)

// TraceSettings configures Hutchinson and HutchPP. The zero value (and nil)
// uses 100 probes (matrix-vector products) and the default seed.
type TraceSettings struct {
	Probes   int                   // number of matrix-vector products; default 100
	Rand     *rand.Rand            // default: seeded with DefaultSeed
	Progress func(done, total int) // called after each product, if not nil
}

// TraceEstimate is a stochastic estimate of tr(A).
type TraceEstimate struct {
	Mean    float64   // the estimate of tr(A)
	StdErr  float64   // its standard error, s/√m over the random samples
	Samples []float64 // the random samples zᵀAz whose mean (plus any exact part) is Mean
	Probes  int       // matrix-vector products used
}

// String gives the estimate with its standard error.
func (e TraceEstimate) String() string {
	return fmt.Sprintf("tr ≈ %.6g ± %.2g (%d products)", e.Mean, e.StdErr, e.Probes)
}

// rademacher fills z with independent ±1 entries.
func rademacher(z []float64, rng *rand.Rand) {
	for i := 0; i < len(z); i += 64 {
		bits := rng.Uint64()
		for j := i; j < min(i+64, len(z)); j++ {
			z[j] = float64(int(bits&1)*2 - 1)
			bits >>= 1
		}
	}
}

// Hutchinson estimates tr(A) from products with random Rademacher vectors z
// (entries ±1 with probability ½): E[zᵀAz] = tr(A), and
//
//	tr(A) ≈ (1/m) Σ_{l=1}^m z_lᵀ A z_l,  standard error s/√m,
//
// s the sample standard deviation; Var[zᵀAz] = 2(‖A‖_F² − Σ a_ii²). It
// returns an error wrapping interrupt.ErrInterrupted if interrupted.
func Hutchinson(op Operator, s *TraceSettings) (TraceEstimate, error) {
	set := traceDefaults(s)
	rng := rngOr(set.Rand)
	n := op.Dim()
	z := make([]float64, n)
	az := make([]float64, n)
	samples := make([]float64, 0, set.Probes)
	for l := 0; l < set.Probes; l++ {
		if err := interrupt.Err(); err != nil {
			return TraceEstimate{}, fmt.Errorf("hessian: Hutchinson after %d probes: %w", l, err)
		}
		rademacher(z, rng)
		op.Apply(az, z)
		samples = append(samples, floats.Dot(z, az))
		if set.Progress != nil {
			set.Progress(l+1, set.Probes)
		}
	}
	mean, se := meanStdErr(samples)
	return TraceEstimate{Mean: mean, StdErr: se, Samples: samples, Probes: set.Probes}, nil
}

// HutchPP estimates tr(A) with Hutch++ (Meyer, Musco, Musco & Woodruff
// 2021), which spends a third of the m products on finding the dominant
// subspace exactly: with S, G Rademacher n×(m/3) and Q an orthonormal basis
// of AS,
//
//	tr(A) ≈ tr(QᵀAQ) + (3/m) tr(Gᵀ(I−QQᵀ) A (I−QQᵀ)G).
//
// For matrices with a few large eigenvalues its error falls like 1/m
// instead of 1/√m. StdErr is that of the Hutchinson part; Probes must be
// at least 3. It returns an error wrapping interrupt.ErrInterrupted if
// interrupted.
func HutchPP(op Operator, s *TraceSettings) (TraceEstimate, error) {
	set := traceDefaults(s)
	if set.Probes < 3 {
		panic("hessian: HutchPP: need at least 3 probes")
	}
	rng := rngOr(set.Rand)
	n := op.Dim()
	third := set.Probes / 3
	done := 0
	tick := func() error {
		done++
		if set.Progress != nil {
			set.Progress(done, 3*third)
		}
		return interrupt.Err()
	}
	// Q: orthonormal basis of A S by modified Gram-Schmidt, twice (hand-written:
	// mat.QR would form the full n×n Q).
	q := make([][]float64, 0, third)
	for j := 0; j < third; j++ {
		z := make([]float64, n)
		rademacher(z, rng)
		az := make([]float64, n)
		op.Apply(az, z)
		if err := tick(); err != nil {
			return TraceEstimate{}, fmt.Errorf("hessian: HutchPP: %w", err)
		}
		nz := floats.Norm(az, 2)
		for pass := 0; pass < 2; pass++ {
			for _, v := range q {
				floats.AddScaled(az, -floats.Dot(v, az), v)
			}
		}
		if na := floats.Norm(az, 2); na > 1e-12*math.Max(nz, 1e-300) {
			floats.Scale(1/na, az)
			q = append(q, az)
		}
	}
	var exact float64
	aq := make([]float64, n)
	for _, v := range q {
		op.Apply(aq, v)
		exact += floats.Dot(v, aq)
		if err := tick(); err != nil {
			return TraceEstimate{}, fmt.Errorf("hessian: HutchPP: %w", err)
		}
	}
	for j := len(q); j < third; j++ { // keep the product count even if AS was rank deficient
		if err := tick(); err != nil {
			return TraceEstimate{}, fmt.Errorf("hessian: HutchPP: %w", err)
		}
	}
	g := make([]float64, n)
	ag := make([]float64, n)
	samples := make([]float64, 0, third)
	for j := 0; j < third; j++ {
		rademacher(g, rng)
		for _, v := range q {
			floats.AddScaled(g, -floats.Dot(v, g), v)
		}
		op.Apply(ag, g)
		samples = append(samples, floats.Dot(g, ag))
		if err := tick(); err != nil {
			return TraceEstimate{}, fmt.Errorf("hessian: HutchPP: %w", err)
		}
	}
	mean, se := meanStdErr(samples)
	return TraceEstimate{Mean: exact + mean, StdErr: se, Samples: samples, Probes: 3 * third}, nil
}

func traceDefaults(s *TraceSettings) TraceSettings {
	var set TraceSettings
	if s != nil {
		set = *s
	}
	if set.Probes <= 0 {
		set.Probes = 100
	}
	return set
}

// meanStdErr returns the mean and its standard error s/√m (0 for m < 2).
func meanStdErr(x []float64) (mean, se float64) {
	mean = stat.Mean(x, nil)
	if len(x) < 2 {
		return mean, 0
	}
	return mean, stat.StdDev(x, nil) / math.Sqrt(float64(len(x)))
}
