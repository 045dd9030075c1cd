package hessian

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// GHG returns gᵀHg computed directly.
func GHG(h mat.Symmetric, g []float64) float64 { return Curvature(h, g) }

// GHG returns gᵀHg = Σ_i λ_i (gᵀq_i)² computed in the eigenbasis: the
// curvature met by a gradient step is a weighted sum of eigenvalues, with
// weights the squared components of g along each eigenvector.
func (s *Spectrum) GHG(g []float64) float64 {
	c := s.Components(g)
	var sum float64
	for i, l := range s.Values {
		sum += l * c[i] * c[i]
	}
	return sum
}

// MaxStableStep returns 2/λmax, the largest learning rate for which gradient
// descent on the quadratic model does not diverge, or +Inf if λmax ≤ 0.
func (s *Spectrum) MaxStableStep() float64 { return maxStable(s.Max()) }

func maxStable(lmax float64) float64 {
	if lmax <= 0 {
		return math.Inf(1)
	}
	return 2 / lmax
}

// MaxStableStep returns 2/λmax(h) (+Inf if λmax ≤ 0); see Spectrum.MaxStableStep.
func MaxStableStep(h mat.Symmetric) float64 {
	v, err := Eigenvalues(h)
	if err != nil {
		panic(err)
	}
	return maxStable(v[len(v)-1])
}

// PredictedChange returns the change of the second-order model after one
// gradient step θ ← θ − αg,
//
//	ΔJ(α) = −α gᵀg + ½ α² gᵀHg.
func PredictedChange(h mat.Symmetric, g []float64, alpha float64) float64 {
	return -alpha*floats.Dot(g, g) + 0.5*alpha*alpha*GHG(h, g)
}

// BestStep returns α* = gᵀg / gᵀHg, the step that minimises ΔJ(α) along
// −g, or +Inf when gᵀHg ≤ 0 (the model decreases without bound along −g).
func BestStep(h mat.Symmetric, g []float64) float64 {
	ghg := GHG(h, g)
	if ghg <= 0 {
		return math.Inf(1)
	}
	return floats.Dot(g, g) / ghg
}

// Decreases reports whether the step α decreases the model, ΔJ(α) < 0,
// i.e. ½ α gᵀHg < gᵀg (for α > 0).
func Decreases(h mat.Symmetric, g []float64, alpha float64) bool {
	return PredictedChange(h, g, alpha) < 0
}

// StepReport collects the one-step analysis of StepAnalysis.
type StepReport struct {
	Alpha     float64 // the step examined
	GG        float64 // gᵀg
	GHG       float64 // gᵀHg
	Predicted float64 // ΔJ(α) = −α gᵀg + ½α² gᵀHg
	Best      float64 // gᵀg / gᵀHg (+Inf if gᵀHg ≤ 0)
	MaxStable float64 // 2/λmax (+Inf if λmax ≤ 0)
	Decreases bool    // Predicted < 0
}

// String summarises the analysis in one line.
func (r StepReport) String() string {
	verdict := "increases"
	if r.Decreases {
		verdict = "decreases"
	}
	return fmt.Sprintf("α=%.4g %s the model by %.4g (gᵀg=%.4g, gᵀHg=%.4g, best α=%.4g, stable α<%.4g)",
		r.Alpha, verdict, math.Abs(r.Predicted), r.GG, r.GHG, r.Best, r.MaxStable)
}

// StepAnalysis returns the one-step analysis of a gradient step of size
// alpha from a point with gradient g and Hessian h.
func StepAnalysis(h mat.Symmetric, g []float64, alpha float64) StepReport {
	gg, ghg := floats.Dot(g, g), GHG(h, g)
	best := math.Inf(1)
	if ghg > 0 {
		best = gg / ghg
	}
	pred := -alpha*gg + 0.5*alpha*alpha*ghg
	return StepReport{Alpha: alpha, GG: gg, GHG: ghg, Predicted: pred, Best: best,
		MaxStable: MaxStableStep(h), Decreases: pred < 0}
}
