package optim_test

import (
	"math"
	"slices"
	"testing"

	"github.com/gocurve/gocurve/lib/optim"
)

// leastSquares is ½ mean (w·xᵢ − yᵢ)² over a fixed synthetic data set.
type leastSquares struct {
	x [][]float64
	y []float64
}

func newLeastSquares(n int) *leastSquares {
	rng := newRand(6)
	ls := &leastSquares{}
	w := []float64{1, -2, 0.5}
	for range n {
		x := []float64{rng.NormFloat64(), rng.NormFloat64(), rng.NormFloat64()}
		ls.x = append(ls.x, x)
		ls.y = append(ls.y, w[0]*x[0]+w[1]*x[1]+w[2]*x[2]+0.1*rng.NormFloat64())
	}
	return ls
}

func (ls *leastSquares) batch(grad, theta []float64, idx []int) float64 {
	clear(grad)
	loss := 0.0
	for _, i := range idx {
		r := theta[0]*ls.x[i][0] + theta[1]*ls.x[i][1] + theta[2]*ls.x[i][2] - ls.y[i]
		loss += 0.5 * r * r
		for j := range grad {
			grad[j] += r * ls.x[i][j]
		}
	}
	m := float64(len(idx))
	for j := range grad {
		grad[j] /= m
	}
	return loss / m
}

func (ls *leastSquares) all() []int {
	idx := make([]int, len(ls.y))
	for i := range idx {
		idx[i] = i
	}
	return idx
}

func (ls *leastSquares) Func(theta []float64) float64 {
	return ls.batch(make([]float64, 3), theta, ls.all())
}

func (ls *leastSquares) Grad(grad, theta []float64) { ls.batch(grad, theta, ls.all()) }

// Every epoch visits every example exactly once, batches have the requested
// size (the last one smaller), and the same seed gives the same run.
func TestRunStochasticEpochs(t *testing.T) {
	ls := newLeastSquares(100)
	var seen [][]int
	bg := func(grad, theta []float64, idx []int) float64 {
		seen = append(seen, slices.Clone(idx))
		return ls.batch(grad, theta, idx)
	}
	s := &optim.StochasticSettings{BatchSize: 32, Epochs: 3, Seed: 1}
	tr, err := optim.RunStochastic(&optim.GD{LR: 0.1}, bg, 100, []float64{0, 0, 0}, s)
	if err != nil {
		t.Fatal(err)
	}
	// 3 epochs × 4 batches, plus the final full-data evaluation.
	if len(seen) != 13 || tr.Len() != 13 {
		t.Fatalf("%d batch evaluations and %d records, want 13 and 13", len(seen), tr.Len())
	}
	for e := range 3 {
		var all []int
		for b := range 4 {
			idx := seen[4*e+b]
			if want := []int{32, 32, 32, 4}[b]; len(idx) != want {
				t.Errorf("epoch %d batch %d has %d examples, want %d", e, b, len(idx), want)
			}
			all = append(all, idx...)
			if tr.Steps[4*e+b].Epoch != e {
				t.Errorf("step %d records epoch %d, want %d", 4*e+b, tr.Steps[4*e+b].Epoch, e)
			}
		}
		slices.Sort(all)
		for i, v := range all {
			if v != i {
				t.Fatalf("epoch %d does not visit every example once", e)
			}
		}
	}
	if slices.Equal(seen[0], seen[4]) {
		t.Error("epochs 1 and 2 used the same order: no shuffling")
	}
	if math.Abs(tr.Steps[12].Loss-ls.Func(tr.Theta)) > 1e-15 {
		t.Errorf("final entry loss %g, full-data loss %g", tr.Steps[12].Loss, ls.Func(tr.Theta))
	}
	first := seen
	seen = nil
	again, _ := optim.RunStochastic(&optim.GD{LR: 0.1}, bg, 100, []float64{0, 0, 0}, s)
	if !slices.EqualFunc(first, seen, slices.Equal[[]int]) || !slices.Equal(again.Theta, tr.Theta) {
		t.Error("same seed, different run")
	}
}

// Full-batch, unshuffled RunStochastic with GD is Run with GD on the
// full-data objective, step for step.
func TestRunStochasticFullBatchIsRun(t *testing.T) {
	ls := newLeastSquares(50)
	x0 := []float64{0.5, 0.5, 0.5}
	st, err := optim.RunStochastic(&optim.Momentum{LR: 0.1, Mu: 0.5}, ls.batch, 50, x0, &optim.StochasticSettings{Epochs: 20, NoShuffle: true})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := optim.Run(&optim.Momentum{LR: 0.1, Mu: 0.5}, ls, x0, &optim.Settings{MaxSteps: 20})
	if err != nil {
		t.Fatal(err)
	}
	if st.Len() != tr.Len() {
		t.Fatalf("%d and %d steps", st.Len(), tr.Len())
	}
	for k := range tr.Steps {
		if !slices.Equal(st.Steps[k].Theta, tr.Steps[k].Theta) || st.Steps[k].Loss != tr.Steps[k].Loss {
			t.Fatalf("step %d: %v (J %g) vs %v (J %g)", k, st.Steps[k].Theta, st.Steps[k].Loss, tr.Steps[k].Theta, tr.Steps[k].Loss)
		}
	}
}

// Early stopping stops after Patience epochs without improvement and
// restores the θ of the best epoch.
func TestEarlyStopping(t *testing.T) {
	ls := newLeastSquares(40)
	metrics := []float64{5, 4, 3, 3.5, 3.6, 3.7, 1, 1}
	var thetas [][]float64
	validate := func(theta []float64) float64 {
		thetas = append(thetas, slices.Clone(theta))
		return metrics[len(thetas)-1]
	}
	tr, err := optim.RunStochastic(&optim.GD{LR: 0.05}, ls.batch, 40, []float64{0, 0, 0}, &optim.StochasticSettings{
		BatchSize: 10, Epochs: 8, Validate: validate, Early: &optim.EarlyStopping{Patience: 2},
	})
	if err != nil {
		t.Fatal(err)
	}
	if tr.Stop != optim.EarlyStopped || len(tr.Validation) != 6 {
		t.Fatalf("stop %v after %d epochs, want early stopping after 6", tr.Stop, len(tr.Validation))
	}
	if !slices.Equal(tr.Theta, thetas[2]) {
		t.Errorf("restored θ %v, want the θ of epoch 3 %v", tr.Theta, thetas[2])
	}
	if slices.Equal(thetas[2], thetas[5]) {
		t.Error("θ did not change after the best epoch; the test proves nothing")
	}
	var e optim.EarlyStopping
	if e.Observe([]float64{1}, 2) || !e.Observe([]float64{2}, 2) {
		t.Error("zero Patience: want stop at the first observation without improvement")
	}
	if th, m, at := e.Best(); th[0] != 1 || m != 2 || at != 0 {
		t.Errorf("Best = %v, %g, %d", th, m, at)
	}
}
