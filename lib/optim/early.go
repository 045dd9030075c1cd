package optim

import "math"

// EarlyStopping watches a validation metric (lower is better) once per
// epoch and says when to stop: after Patience consecutive observations that
// do not improve on the best by more than MinDelta. It keeps a copy of the
// best θ so the run can restore it. Zero Patience stops at the first
// observation without improvement. The zero value is ready to use; Reset
// makes it reusable.
type EarlyStopping struct {
	Patience int
	MinDelta float64

	best      float64
	bestTheta []float64
	bestAt    int
	seen      int
	wait      int
}

// Observe records the metric of θ and reports whether to stop. θ is
// copied if it is the best so far.
func (e *EarlyStopping) Observe(theta []float64, metric float64) (stop bool) {
	e.seen++
	if e.seen == 1 || metric < e.best-e.MinDelta {
		e.best, e.bestAt, e.wait = metric, e.seen-1, 0
		e.bestTheta = append(e.bestTheta[:0], theta...)
		return false
	}
	e.wait++
	return e.wait > e.Patience
}

// Best returns a copy of the best θ observed, its metric, and the index of
// that observation (0-based); nil, +Inf and −1 before any observation.
func (e *EarlyStopping) Best() (theta []float64, metric float64, at int) {
	if e.seen == 0 {
		return nil, math.Inf(1), -1
	}
	return append([]float64(nil), e.bestTheta...), e.best, e.bestAt
}

// Reset forgets all observations.
func (e *EarlyStopping) Reset() {
	e.best, e.bestTheta, e.bestAt, e.seen, e.wait = 0, e.bestTheta[:0], 0, 0, 0
}
