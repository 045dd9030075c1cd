package optim

import "math"

// ReduceOnPlateau lowers the learning rate when the loss stops improving:
// after Patience observations without improvement it multiplies its scale
// by Factor (not below MinScale), then ignores Cooldown observations. An
// observation J improves on the best one so far when
//
//	J < (1 − RTol)·best − ATol.
//
// This is optax.contrib.reduce_on_plateau (with accumulation_size 1) and
// Keras's ReduceLROnPlateau. Use it by hand, α = α₀·Observe(J) once per
// epoch, or through Settings.Plateau, which Run consults at every step. Zero
// Factor means 0.1, zero Patience 10, and RTol = ATol = 0 means RTol = 1e-4.
// The zero value is ready to use; Reset starts over.
type ReduceOnPlateau struct {
	Factor   float64 // multiplies the scale at a plateau; 0 means 0.1
	Patience int     // observations without improvement before a cut; 0 means 10
	RTol     float64 // relative improvement needed
	ATol     float64 // absolute improvement needed
	Cooldown int     // observations ignored after a cut
	MinScale float64 // the scale never goes below this

	started  bool
	best     float64
	scale    float64
	plateau  int
	cooldown int
}

// Observe records a loss and returns the scale of the learning rate, 1 until
// the first plateau.
func (r *ReduceOnPlateau) Observe(loss float64) float64 {
	if !r.started {
		r.started, r.best, r.scale = true, math.Inf(1), 1
	}
	rtol := r.RTol
	if rtol == 0 && r.ATol == 0 {
		rtol = 1e-4
	}
	patience := r.Patience
	if patience <= 0 {
		patience = 10
	}
	factor := orDefault(r.Factor, 0.1)
	count := r.plateau + 1
	if loss < (1-rtol)*r.best-r.ATol {
		r.best, count = loss, 0
	}
	if r.cooldown > 0 {
		r.plateau = 0
		r.cooldown--
		return r.scale
	}
	r.plateau = count
	if count == patience {
		r.plateau = 0
		r.scale = math.Max(r.scale*factor, r.MinScale)
		r.cooldown = r.Cooldown
	}
	return r.scale
}

// Scale returns the current scale of the learning rate (1 before any
// observation).
func (r *ReduceOnPlateau) Scale() float64 {
	if !r.started {
		return 1
	}
	return r.scale
}

// Reset forgets every observation.
func (r *ReduceOnPlateau) Reset() { r.started, r.plateau, r.cooldown = false, 0, 0 }
