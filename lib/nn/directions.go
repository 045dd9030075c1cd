package nn

import (
	"math/rand/v2"

	"gonum.org/v1/gonum/floats"
)

// FilterNormalize rescales a direction d in parameter space, in place, the
// way Li, Xu, Taylor, Studer & Goldstein (2018) draw loss landscapes: each
// filter — the incoming weights of one unit, a row of W_l — of d gets the
// norm of the same filter of θ,
//
//	d_{l,i} ← d_{l,i} · ‖θ_{l,i}‖ / ‖d_{l,i}‖,
//
// and the biases of d are set to 0. A plot of J(θ + a·d₁ + b·d₂) then
// moves every unit by the same fraction of its own weights, so the
// pictures of two networks (or of the same one before and after a
// rescaling that leaves the function unchanged, as ReLU allows) compare.
// A zero filter of d stays zero. It panics if a length differs from
// NumParams().
func (m MLP) FilterNormalize(d, params []float64) {
	m.checkParams(params, "FilterNormalize")
	m.checkParams(d, "FilterNormalize")
	for l := 1; l < len(m.Sizes); l++ {
		wd, wp := m.Weights(d, l), m.Weights(params, l)
		rows, _ := wd.Dims()
		for i := range rows {
			row, prow := wd.RawRowView(i), wp.RawRowView(i)
			if nd := floats.Norm(row, 2); nd > 0 {
				floats.Scale(floats.Norm(prow, 2)/nd, row)
			}
		}
		clear(m.Bias(d, l))
	}
}

// RandomDirection returns a Gaussian direction with FilterNormalize applied
// for params: the random directions of Li et al.'s loss-landscape plots.
func (m MLP) RandomDirection(rng *rand.Rand, params []float64) []float64 {
	d := make([]float64, m.NumParams())
	for i := range d {
		d[i] = rng.NormFloat64()
	}
	m.FilterNormalize(d, params)
	return d
}
