package nn

import (
	"fmt"
	"math/rand/v2"

	"gonum.org/v1/gonum/floats"
)

// GradientVariance estimates the variance of the minibatch gradient,
// E‖g_B − g‖², where g = ∇J(θ) on all of data and g_B is the gradient on a
// batch B of size examples drawn uniformly without replacement. It returns
// the mean of ‖g_B − g‖² over trials batches. For per-example gradients with
// covariance Σ,
//
//	E‖g_B − g‖² = (tr Σ / size) · (N − size)/(N − 1),
//
// proportional to 1/size while size ≪ N (and 0 for the full batch); its
// square root is the gradient's standard error. It checks for an interrupt
// once per trial and then returns an error wrapping interrupt.ErrInterrupted.
// It panics unless 1 ≤ size ≤ N and trials ≥ 1.
func GradientVariance(rng *rand.Rand, net MLP, params []float64, data Data, size, trials int) (float64, error) {
	n := data.Len()
	if size < 1 || size > n || trials < 1 {
		panic(fmt.Sprintf("nn: GradientVariance: size = %d, trials = %d for N = %d", size, trials, n))
	}
	full := make([]float64, len(params))
	NewObjective(net, data).Grad(full, params)
	gb := make([]float64, len(full))
	idx := make([]int, size)
	sum := 0.0
	for trial := range trials {
		if err := interruptErr(); err != nil {
			return sum / float64(max(trial, 1)), fmt.Errorf("nn: GradientVariance: trial %d of %d: %w", trial, trials, err)
		}
		for i, p := range rng.Perm(n)[:size] {
			idx[i] = p
		}
		NewObjective(net, data.Subset(idx)).Grad(gb, params)
		floats.Sub(gb, full)
		d := floats.Norm(gb, 2)
		sum += d * d
	}
	return sum / float64(trials), nil
}
