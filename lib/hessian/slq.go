package hessian

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/gocurve/gocurve/lib/interrupt"
	"gonum.org/v1/gonum/floats"
)

// SLQSettings configures SLQ. The zero value (and nil) uses 10 probes of 80
// Lanczos steps each and the default seed.
type SLQSettings struct {
	Probes   int                     // independent random start vectors; default 10
	Steps    int                     // Lanczos steps per probe; default 80 (capped at n)
	Rand     *rand.Rand              // default: seeded with DefaultSeed
	Progress func(probe, probes int) // called after each probe, if not nil
}

// SpectralDensity is the stochastic Lanczos quadrature estimate of the
// spectral density φ(t) = (1/n) Σ_i δ(t − λ_i): for each probe l a
// Gauss quadrature rule (nodes θ_{l,i}, weights w_{l,i}, Σ_i w_{l,i} = 1),
// so that for a smooth f
//
//	(1/n) tr f(A) ≈ (1/L) Σ_l Σ_i w_{l,i} f(θ_{l,i}).
type SpectralDensity struct {
	Nodes   [][]float64 // per probe, the Ritz values θ_{l,i}, ascending
	Weights [][]float64 // per probe, τ_{l,i}² = (first component of the i-th eigenvector of T)²
	Dim     int         // n
}

// SLQ estimates the spectral density of op by stochastic Lanczos
// quadrature (Ghorbani, Krishnan & Xiao 2019; Ubaru, Chen & Saad 2017):
// for each probe, a Rademacher vector v = z/‖z‖ starts m Lanczos steps with
// full reorthogonalisation; the eigenvalues θ_i of T_m are the nodes and the
// squared first components τ_i² of its eigenvectors the weights. The rule
// is exact for polynomials of degree ≤ 2m−1: vᵀ p(A) v = Σ τ_i² p(θ_i). If
// the recurrence breaks down, the probe stops early with an exact rule. It
// returns an error wrapping interrupt.ErrInterrupted if interrupted.
func SLQ(op Operator, s *SLQSettings) (*SpectralDensity, error) {
	var set SLQSettings
	if s != nil {
		set = *s
	}
	if set.Probes <= 0 {
		set.Probes = 10
	}
	if set.Steps <= 0 {
		set.Steps = 80
	}
	n := op.Dim()
	steps := min(set.Steps, n)
	rng := rngOr(set.Rand)
	d := &SpectralDensity{Dim: n}
	z := make([]float64, n)
	for l := 0; l < set.Probes; l++ {
		rademacher(z, rng)
		q := make([]float64, n)
		floats.ScaleTo(q, 1/math.Sqrt(float64(n)), z)
		kr := newKrylov(op, steps)
		for {
			if err := interrupt.Err(); err != nil {
				return nil, fmt.Errorf("hessian: SLQ probe %d step %d: %w", l, kr.m(), err)
			}
			b := kr.step(q)
			if kr.m() == steps || b <= 1e-12*kr.normT() {
				break
			}
			kr.beta = append(kr.beta, b)
			q = make([]float64, n)
			floats.ScaleTo(q, 1/b, kr.w)
		}
		m := kr.m()
		theta, vec := tridiagEigen(kr.alpha, kr.beta[:m-1], true)
		w := make([]float64, m)
		for i := range w {
			w[i] = vec[i] * vec[i] // row 0: first components
		}
		d.Nodes = append(d.Nodes, theta)
		d.Weights = append(d.Weights, w)
		if set.Progress != nil {
			set.Progress(l+1, set.Probes)
		}
	}
	return d, nil
}

// Moment returns the estimate of the p-th spectral moment (1/n) tr(A^p) =
// (1/n) Σ_i λ_i^p and its standard error across probes. With Rademacher
// probes each probe's Σ_i w_i θ_i^p is exactly zᵀA^pz/n for p ≤ 2m−1, an
// unbiased estimate.
func (d *SpectralDensity) Moment(p int) (mean, stderr float64) {
	est := make([]float64, len(d.Nodes))
	for l, nodes := range d.Nodes {
		for i, t := range nodes {
			est[l] += d.Weights[l][i] * math.Pow(t, float64(p))
		}
	}
	return meanStdErr(est)
}

// Range returns the smallest and largest node over all probes: estimates
// of λmin and λmax (the extreme nodes converge first).
func (d *SpectralDensity) Range() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, nodes := range d.Nodes {
		lo = math.Min(lo, nodes[0])
		hi = math.Max(hi, nodes[len(nodes)-1])
	}
	return lo, hi
}

// Grid returns points equally spaced over Range widened by 5 % on each side,
// a grid to pass to Smooth.
func (d *SpectralDensity) Grid(points int) []float64 {
	if points < 2 {
		panic("hessian: SpectralDensity.Grid: need at least 2 points")
	}
	lo, hi := d.Range()
	pad := 0.05 * math.Max(hi-lo, 1e-12)
	return floats.Span(make([]float64, points), lo-pad, hi+pad)
}

// Smooth returns the density smoothed with a Gaussian of standard deviation
// sigma at each grid point t,
//
//	φ_σ(t) = (1/L) Σ_l Σ_i w_{l,i} exp(−(t−θ_{l,i})²/(2σ²)) / (σ√(2π)),
//
// which integrates to 1. sigma ≤ 0 means (hi−lo)/100 of Range.
func (d *SpectralDensity) Smooth(grid []float64, sigma float64) []float64 {
	if sigma <= 0 {
		lo, hi := d.Range()
		sigma = math.Max(hi-lo, 1e-12) / 100
	}
	out := make([]float64, len(grid))
	c := 1 / (sigma * math.Sqrt(2*math.Pi) * float64(len(d.Nodes)))
	for l, nodes := range d.Nodes {
		for i, t := range nodes {
			w := d.Weights[l][i] * c
			for g, x := range grid {
				u := (x - t) / sigma
				out[g] += w * math.Exp(-0.5*u*u)
			}
		}
	}
	return out
}
