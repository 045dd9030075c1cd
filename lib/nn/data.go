package nn

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

// Data is a supervised data set: one example per row.
type Data struct {
	X *mat.Dense // N×d_0 inputs
	T *mat.Dense // N×d_L targets: values for MSE, one-hot or probability rows for SoftmaxCrossEntropy
}

// Len returns N, the number of examples.
func (d Data) Len() int {
	if d.X == nil {
		return 0
	}
	r, _ := d.X.Dims()
	return r
}

// Blobs returns a classification set with perClass examples per class: class
// k's inputs are drawn from N(centers[k], std² I). Targets are one-hot rows
// and the examples come in random order. It panics if centers is empty or
// ragged.
func Blobs(rng *rand.Rand, perClass int, centers [][]float64, std float64) Data {
	if len(centers) == 0 {
		panic("nn: Blobs: no centers")
	}
	d := len(centers[0])
	k := len(centers)
	x := mat.NewDense(perClass*k, d, nil)
	labels := make([]int, perClass*k)
	for c, mu := range centers {
		if len(mu) != d {
			panic(fmt.Sprintf("nn: Blobs: center %d has %d coordinates, want %d", c, len(mu), d))
		}
		for i := range perClass {
			row := x.RawRowView(c*perClass + i)
			for j := range d {
				row[j] = mu[j] + std*rng.NormFloat64()
			}
			labels[c*perClass+i] = c
		}
	}
	return shuffled(rng, Data{X: x, T: OneHot(labels, k)})
}

// XOR returns n two-dimensional examples around the corners (±1, ±1) with
// Gaussian noise of standard deviation noise; the class is 1 when the two
// coordinates' corners differ in sign and 0 otherwise (one-hot targets, two
// columns). No linear model separates the classes.
func XOR(rng *rand.Rand, n int, noise float64) Data {
	x := mat.NewDense(n, 2, nil)
	labels := make([]int, n)
	for i := range n {
		a, b := float64(2*rng.IntN(2)-1), float64(2*rng.IntN(2)-1)
		x.Set(i, 0, a+noise*rng.NormFloat64())
		x.Set(i, 1, b+noise*rng.NormFloat64())
		if a != b {
			labels[i] = 1
		}
	}
	return Data{X: x, T: OneHot(labels, 2)}
}

// Moons returns n two-dimensional examples on two interleaved half circles,
// (cos s, sin s) for class 0 and (1 − cos s, ½ − sin s) for class 1 with s
// uniform in [0, π], plus Gaussian noise of standard deviation noise
// (one-hot targets, two columns, random order).
func Moons(rng *rand.Rand, n int, noise float64) Data {
	x := mat.NewDense(n, 2, nil)
	labels := make([]int, n)
	for i := range n {
		s := math.Pi * rng.Float64()
		px, py := math.Cos(s), math.Sin(s)
		if i%2 == 1 {
			px, py = 1-px, 0.5-py
			labels[i] = 1
		}
		x.Set(i, 0, px+noise*rng.NormFloat64())
		x.Set(i, 1, py+noise*rng.NormFloat64())
	}
	return shuffled(rng, Data{X: x, T: OneHot(labels, 2)})
}

// Regression returns n examples of a noisy linear model t = wᵀx + ε with
// inputs x_j = offset + z_j, z ~ N(0, I), and ε ~ N(0, noise²). With
// uncentred inputs (offset o ≠ 0) the Hessian of the MSE of a linear model,
// E[x̃x̃ᵀ] with x̃ = (x, 1), has
//
//	λmax = 1 + (d o² + √(d² o⁴ + 4 d o²))/2 ≈ d o² + 2
//
// instead of 1 for centred inputs (d = len(w)); standardizing the inputs
// removes the inflation.
func Regression(rng *rand.Rand, n int, w []float64, offset, noise float64) Data {
	d := len(w)
	x := mat.NewDense(n, d, nil)
	t := mat.NewDense(n, 1, nil)
	for i := range n {
		row := x.RawRowView(i)
		s := 0.0
		for j := range d {
			row[j] = offset + rng.NormFloat64()
			s += w[j] * row[j]
		}
		t.Set(i, 0, s+noise*rng.NormFloat64())
	}
	return Data{X: x, T: t}
}

// Standardizer is the affine map x_j ↦ (x_j − Mean_j)/Scale_j fitted on
// training inputs, kept so that validation and test inputs get the same map.
type Standardizer struct {
	Mean  []float64
	Scale []float64
}

// FitStandardizer returns the standardizer of x's columns: Mean_j is the
// column mean and Scale_j the population standard deviation
// √((1/N)Σ_n (x_nj − Mean_j)²), or 1 for a constant column.
func FitStandardizer(x *mat.Dense) Standardizer {
	r, c := x.Dims()
	s := Standardizer{Mean: make([]float64, c), Scale: make([]float64, c)}
	col := make([]float64, r)
	for j := range c {
		mat.Col(col, j, x)
		mean, std := stat.PopMeanStdDev(col, nil)
		s.Mean[j], s.Scale[j] = mean, std
		if std == 0 {
			s.Scale[j] = 1
		}
	}
	return s
}

// Transform returns a new matrix with entries (x_nj − Mean_j)/Scale_j. It
// panics if x's column count differs from len(Mean).
func (s Standardizer) Transform(x *mat.Dense) *mat.Dense {
	r, c := x.Dims()
	if c != len(s.Mean) || c != len(s.Scale) {
		panic(fmt.Sprintf("nn: Standardizer.Transform: x has %d columns, standardizer %d", c, len(s.Mean)))
	}
	out := mat.NewDense(r, c, nil)
	for i := range r {
		src, dst := x.RawRowView(i), out.RawRowView(i)
		for j := range c {
			dst[j] = (src[j] - s.Mean[j]) / s.Scale[j]
		}
	}
	return out
}

// Apply returns d with standardized inputs and the same targets (shared).
func (s Standardizer) Apply(d Data) Data {
	return Data{X: s.Transform(d.X), T: d.T}
}

// Subset returns the examples idx, in that order, as a new data set.
func (d Data) Subset(idx []int) Data {
	if len(idx) == 0 {
		panic("nn: Subset: no indices")
	}
	_, c := d.X.Dims()
	_, k := d.T.Dims()
	x := mat.NewDense(len(idx), c, nil)
	t := mat.NewDense(len(idx), k, nil)
	for i, r := range idx {
		x.SetRow(i, d.X.RawRowView(r))
		t.SetRow(i, d.T.RawRowView(r))
	}
	return Data{X: x, T: t}
}

// Split shuffles the examples and returns the first ⌊(1−valFraction)·N⌋ as a
// training set and the rest as a validation set. It panics unless
// 0 < valFraction < 1 and both parts are non-empty.
func Split(rng *rand.Rand, d Data, valFraction float64) (train, val Data) {
	n := d.Len()
	nt := int((1 - valFraction) * float64(n))
	if !(valFraction > 0 && valFraction < 1) || nt == 0 || nt == n {
		panic(fmt.Sprintf("nn: Split: fraction %v of %d examples leaves an empty part", valFraction, n))
	}
	perm := rng.Perm(n)
	return d.Subset(perm[:nt]), d.Subset(perm[nt:])
}

// Minibatches returns one epoch of minibatches: a random permutation of
// 0…n−1 cut into consecutive batches of size examples (the last one smaller
// when size does not divide n). Use Data.Subset to build each batch.
func Minibatches(rng *rand.Rand, n, size int) [][]int {
	if n < 1 || size < 1 {
		panic(fmt.Sprintf("nn: Minibatches: n = %d, size = %d, want both ≥ 1", n, size))
	}
	perm := rng.Perm(n)
	var batches [][]int
	for i := 0; i < n; i += size {
		batches = append(batches, perm[i:min(i+size, n):min(i+size, n)])
	}
	return batches
}

// OneHot returns the N×classes matrix with a 1 in column labels[n] of row n.
// It panics if a label is outside [0, classes).
func OneHot(labels []int, classes int) *mat.Dense {
	if len(labels) == 0 {
		panic("nn: OneHot: no labels")
	}
	t := mat.NewDense(len(labels), classes, nil)
	for i, c := range labels {
		if c < 0 || c >= classes {
			panic(fmt.Sprintf("nn: OneHot: label %d out of range [0, %d)", c, classes))
		}
		t.Set(i, c, 1)
	}
	return t
}

// Labels returns argmax_k y_nk for each row n (the first maximum on ties):
// predicted classes from outputs, or labels from one-hot targets.
func Labels(y *mat.Dense) []int {
	r, _ := y.Dims()
	out := make([]int, r)
	for i := range r {
		row := y.RawRowView(i)
		best := 0
		for k, v := range row {
			if v > row[best] {
				best = k
			}
		}
		out[i] = best
	}
	return out
}

// ZeroOneError returns the fraction of rows whose predicted class
// argmax_k outputs_nk differs from argmax_k targets_nk: the 0–1 loss that
// cross-entropy stands in for. It panics if the shapes differ.
func ZeroOneError(outputs, targets *mat.Dense) float64 {
	r, c := outputs.Dims()
	if tr, tc := targets.Dims(); tr != r || tc != c {
		panic(fmt.Sprintf("nn: ZeroOneError: outputs %d×%d, targets %d×%d", r, c, tr, tc))
	}
	pred, want := Labels(outputs), Labels(targets)
	wrong := 0
	for i := range pred {
		if pred[i] != want[i] {
			wrong++
		}
	}
	return float64(wrong) / float64(r)
}

// Accuracy returns 1 − ZeroOneError(outputs, targets).
func Accuracy(outputs, targets *mat.Dense) float64 {
	return 1 - ZeroOneError(outputs, targets)
}

func shuffled(rng *rand.Rand, d Data) Data {
	return d.Subset(rng.Perm(d.Len()))
}
