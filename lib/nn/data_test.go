package nn_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"

	"github.com/gocurve/gocurve/lib/hessian"
	"github.com/gocurve/gocurve/lib/nn"
)

func TestBlobs(t *testing.T) {
	centers := [][]float64{{-3, 0}, {3, 1}, {0, 5}}
	d := nn.Blobs(rand.New(rand.NewPCG(1, 1)), 400, centers, 0.5)
	if r, c := d.X.Dims(); r != 1200 || c != 2 {
		t.Fatalf("X is %d×%d", r, c)
	}
	labels := nn.Labels(d.T)
	for k, mu := range centers {
		var xs, ys []float64
		for i, l := range labels {
			if l == k {
				xs, ys = append(xs, d.X.At(i, 0)), append(ys, d.X.At(i, 1))
			}
		}
		if len(xs) != 400 {
			t.Errorf("class %d has %d examples", k, len(xs))
		}
		// Sample mean within 5 standard errors (0.5/√400 = 0.025).
		if math.Abs(stat.Mean(xs, nil)-mu[0]) > 0.125 || math.Abs(stat.Mean(ys, nil)-mu[1]) > 0.125 {
			t.Errorf("class %d mean (%.3f, %.3f), want %v", k, stat.Mean(xs, nil), stat.Mean(ys, nil), mu)
		}
		if sd := stat.StdDev(xs, nil); math.Abs(sd-0.5) > 0.05 {
			t.Errorf("class %d std %.3f, want 0.5", k, sd)
		}
	}
	if slices.IsSorted(labels) {
		t.Error("examples are grouped by class, want random order")
	}
}

func TestXORAndMoons(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 2))
	x := nn.XOR(rng, 200, 0)
	for i, l := range nn.Labels(x.T) {
		a, b := x.X.At(i, 0), x.X.At(i, 1)
		if math.Abs(a) != 1 || math.Abs(b) != 1 || (a*b < 0) != (l == 1) {
			t.Fatalf("XOR example %d: (%v, %v) labelled %d", i, a, b, l)
		}
	}
	m := nn.Moons(rng, 200, 0)
	counts := [2]int{}
	for i, l := range nn.Labels(m.T) {
		counts[l]++
		px, py := m.X.At(i, 0), m.X.At(i, 1)
		if l == 1 {
			px, py = 1-px, 0.5-py
		}
		if r := math.Hypot(px, py); math.Abs(r-1) > 1e-12 || py < -1e-12 {
			t.Fatalf("moons example %d (class %d) is off its half circle", i, l)
		}
	}
	if counts != [2]int{100, 100} {
		t.Errorf("moons class counts %v", counts)
	}
}

// COURSE 24: uncentred inputs inflate λmax of the MSE Hessian; standardizing removes it.
func TestRegressionAndStandardization(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	w := []float64{1, -1, 2, 0.5, 0}
	const offset = 10.0
	data := nn.Regression(rng, 4000, w, offset, 0)
	for i := range 5 {
		if got, want := data.T.At(i, 0), floats.Dot(w, data.X.RawRowView(i)); math.Abs(got-want) > 1e-12*math.Abs(want) {
			t.Fatalf("noise-free target %v, want wᵀx = %v", got, want)
		}
	}
	train, val := nn.Split(rng, data, 0.25)
	if train.Len() != 3000 || val.Len() != 1000 {
		t.Fatalf("split %d/%d, want 3000/1000", train.Len(), val.Len())
	}
	s := nn.FitStandardizer(train.X)
	z := s.Transform(train.X)
	for j := range len(w) {
		mean, std := stat.PopMeanStdDev(mat.Col(nil, j, z), nil)
		if math.Abs(mean) > 1e-12 || math.Abs(std-1) > 1e-12 {
			t.Errorf("standardized column %d: mean %.3g, std %.15g", j, mean, std)
		}
		if math.Abs(s.Mean[j]-offset) > 0.1 {
			t.Errorf("fitted mean %v, want ≈ %v", s.Mean[j], offset)
		}
	}
	// Validation inputs get the training map, not their own.
	zv := s.Apply(val).X
	if got, want := zv.At(3, 2), (val.X.At(3, 2)-s.Mean[2])/s.Scale[2]; got != want {
		t.Errorf("validation transform %v, want %v", got, want)
	}

	lmax := func(d nn.Data) float64 {
		net := nn.MLP{Sizes: []int{len(w), 1}, Activations: []nn.Activation{nn.Linear}, Loss: nn.MSE}
		h, err := nn.Hessian(net, make([]float64, net.NumParams()), d).Dense(nil)
		if err != nil {
			t.Fatal(err)
		}
		var es mat.EigenSym
		es.Factorize(h, false)
		v := es.Values(nil)
		return v[len(v)-1]
	}
	// Population Hessian E[x̃x̃ᵀ] with x = offset·1 + z: on span{(1,…,1, 0), e_b} it is
	// [[1 + d·o², √d·o], [√d·o, 1]], so λmax = 1 + (d·o² + √(d²o⁴ + 4d·o²))/2.
	d := float64(len(w))
	want := 1 + (d*offset*offset+math.Sqrt(d*d*math.Pow(offset, 4)+4*d*offset*offset))/2
	raw, std := lmax(train), lmax(s.Apply(train))
	if math.Abs(raw-want) > 0.05*want {
		t.Errorf("λmax with uncentred inputs %.4g, population value %.4g", raw, want)
	}
	if std > 1.5 || raw/std < 100 {
		t.Errorf("λmax %.4g uncentred, %.4g standardized: want inflation removed", raw, std)
	}
}

func TestMinibatches(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	for _, c := range []struct{ n, size, batches, last int }{
		{10, 3, 4, 1}, {12, 4, 3, 4}, {5, 10, 1, 5}, {7, 1, 7, 1},
	} {
		b := nn.Minibatches(rng, c.n, c.size)
		if len(b) != c.batches || len(b[len(b)-1]) != c.last {
			t.Errorf("n=%d size=%d: %d batches, last of %d; want %d, %d", c.n, c.size, len(b), len(b[len(b)-1]), c.batches, c.last)
		}
		all := slices.Concat(b...)
		slices.Sort(all)
		for i, v := range all {
			if v != i {
				t.Fatalf("n=%d size=%d: batches are not a partition of 0…n−1: %v", c.n, c.size, b)
			}
		}
	}
}

func TestZeroOneError(t *testing.T) {
	out := mat.NewDense(4, 3, []float64{
		0.1, 0.7, 0.2, // 1
		2, 1, 0, // 0
		0, 0, 5, // 2
		3, 3, 1, // 0 (first max)
	})
	tg := nn.OneHot([]int{1, 2, 2, 1}, 3)
	if got := nn.ZeroOneError(out, tg); got != 0.5 {
		t.Errorf("ZeroOneError = %v, want 0.5", got)
	}
	if got := nn.Accuracy(out, tg); got != 0.5 {
		t.Errorf("Accuracy = %v, want 0.5", got)
	}
	if got := nn.Labels(tg); !slices.Equal(got, []int{1, 2, 2, 1}) {
		t.Errorf("Labels(OneHot) = %v", got)
	}
}

// COURSE 32: E‖g_B − g‖² = (tr Σ / S)(N − S)/(N − 1), with Σ the covariance
// of the per-example gradients computed here one example at a time.
func TestGradientVariance(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 6))
	net := nn.MLP{Sizes: []int{2, 5, 2}, Activations: []nn.Activation{nn.Tanh, nn.Linear}, Loss: nn.SoftmaxCrossEntropy}
	data := nn.Moons(rng, 80, 0.2)
	p := net.InitGlorot(rng)
	n := data.Len()
	full := hessian.GradientOf(nil, nn.NewObjective(net, data), p)
	trace := 0.0
	for i := range n {
		g := hessian.GradientOf(nil, nn.NewObjective(net, data.Subset([]int{i})), p)
		floats.Sub(g, full)
		trace += floats.Dot(g, g) / float64(n)
	}
	for _, s := range []int{1, 4, 16, 80} {
		got, err := nn.GradientVariance(rng, net, p, data, s, 3000)
		if err != nil {
			t.Fatal(err)
		}
		want := trace / float64(s) * float64(n-s) / float64(n-1)
		if math.Abs(got-want) > 0.08*want+1e-20 {
			t.Errorf("S=%d: variance %.4g, want %.4g", s, got, want)
		}
	}
}
