package hessian

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/gocurve/gocurve/lib/interrupt"
	"gonum.org/v1/gonum/mat"
)

// DefaultSeed seeds the random generator when Settings carry none, so that
// results are reproducible.
const DefaultSeed = 1

func rngOr(r *rand.Rand) *rand.Rand {
	if r != nil {
		return r
	}
	return rand.New(rand.NewPCG(DefaultSeed, 0))
}

// ConvexitySettings configures CheckConvexity; the zero value (and nil)
// samples 200 points with the default seed.
type ConvexitySettings struct {
	Samples  int                   // random points in the box besides its centre; default 200
	Rand     *rand.Rand            // default: seeded with DefaultSeed
	EigTol   float64               // λmin ≥ −EigTol·max(1, max|λ|) counts as PSD; default DefaultEigTol
	Diff     *DiffSettings         // finite differences for HessianOf
	Progress func(done, total int) // called after each point, if not nil
}

// ConvexityReport is the outcome of CheckConvexity.
type ConvexityReport struct {
	Convex     bool      // no sampled Hessian had a negative eigenvalue
	MinEig     float64   // the smallest eigenvalue over all points
	WorstPoint []float64 // where MinEig occurred
	Points     int       // points examined
}

// String gives the verdict with the smallest eigenvalue and where it occurred.
func (r ConvexityReport) String() string {
	if r.Convex {
		return fmt.Sprintf("convex on the samples: smallest Hessian eigenvalue %.4g over %d points", r.MinEig, r.Points)
	}
	return fmt.Sprintf("not convex: Hessian eigenvalue %.4g < 0 at %v", r.MinEig, r.WorstPoint)
}

// CheckConvexity tests whether obj is convex on the box lo ≤ x ≤ hi: a
// twice-differentiable J is convex on a convex set iff ∇²J(x) is positive
// semidefinite at every x in it. It examines the centre and Samples
// uniform random points, reporting the smallest Hessian eigenvalue and where
// it occurs. A negative λmin proves non-convexity; passing is evidence only.
// It returns an error wrapping interrupt.ErrInterrupted if interrupted.
func CheckConvexity(obj Objective, lo, hi []float64, s *ConvexitySettings) (ConvexityReport, error) {
	n := len(lo)
	if len(hi) != n {
		panic(fmt.Sprintf("hessian: CheckConvexity: len(lo)=%d, len(hi)=%d", n, len(hi)))
	}
	var set ConvexitySettings
	if s != nil {
		set = *s
	}
	if set.Samples <= 0 {
		set.Samples = 200
	}
	if set.EigTol <= 0 {
		set.EigTol = DefaultEigTol
	}
	rng := rngOr(set.Rand)
	rep := ConvexityReport{Convex: true, MinEig: math.Inf(1)}
	x := make([]float64, n)
	h := mat.NewSymDense(n, nil)
	total := set.Samples + 1
	for p := 0; p < total; p++ {
		if err := interrupt.Err(); err != nil {
			return rep, fmt.Errorf("hessian: CheckConvexity after %d points: %w", p, err)
		}
		for i := range x {
			u := 0.5
			if p > 0 {
				u = rng.Float64()
			}
			x[i] = lo[i] + u*(hi[i]-lo[i])
		}
		HessianOf(h, obj, x, set.Diff)
		vals, err := Eigenvalues(h)
		if err != nil {
			return rep, fmt.Errorf("hessian: CheckConvexity at %v: %w", x, err)
		}
		scale := math.Max(1, math.Max(math.Abs(vals[0]), math.Abs(vals[n-1])))
		if vals[0] < rep.MinEig {
			rep.MinEig = vals[0]
			rep.WorstPoint = append(rep.WorstPoint[:0], x...)
		}
		if vals[0] < -set.EigTol*scale {
			rep.Convex = false
		}
		rep.Points++
		if set.Progress != nil {
			set.Progress(p+1, total)
		}
	}
	return rep, nil
}
