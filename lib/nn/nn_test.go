package nn_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"

	"github.com/gocurve/gocurve/lib/hessian"
	"github.com/gocurve/gocurve/lib/interrupt"
	"github.com/gocurve/gocurve/lib/nn"
)

// The nn types satisfy package hessian's interfaces structurally.
var (
	_ hessian.Operator  = (*nn.Curvature)(nil)
	_ hessian.Objective = (*nn.Objective)(nil)
	_ hessian.Hessianer = (*nn.Objective)(nil)
	_ hessian.HessVecer = (*nn.Objective)(nil)
)

func TestLayout(t *testing.T) {
	net := nn.MLP{Sizes: []int{3, 4, 2}, Activations: []nn.Activation{nn.Tanh, nn.Linear}}
	if got, want := net.NumParams(), 3*4+4+4*2+2; got != want {
		t.Fatalf("NumParams = %d, want %d", got, want)
	}
	p := make([]float64, net.NumParams())
	for i := range p {
		p[i] = float64(i)
	}
	cases := []struct {
		l        int
		w00, w10 float64 // W_l[0][0], W_l[1][0]
		b0       float64
	}{
		{1, 0, 3, 12},
		{2, 16, 20, 24},
	}
	for _, c := range cases {
		w, b := net.Weights(p, c.l), net.Bias(p, c.l)
		if w.At(0, 0) != c.w00 || w.At(1, 0) != c.w10 || b[0] != c.b0 {
			t.Errorf("layer %d: W[0][0]=%v W[1][0]=%v b[0]=%v, want %v %v %v", c.l, w.At(0, 0), w.At(1, 0), b[0], c.w00, c.w10, c.b0)
		}
	}
	net.Weights(p, 2).Set(1, 3, -1)
	if p[16+1*4+3] != -1 {
		t.Error("Weights does not share memory with params")
	}
}

// Linear regression: J = (1/2N)‖XWᵀ + 1bᵀ − T‖²; per output row i the
// Hessian block of (W_i, b_i) is (1/N) X̃ᵀX̃ with X̃ = [X 1], zero across outputs.
func TestLinearRegressionClosedForm(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const d, k, n = 3, 2, 50
	net := nn.MLP{Sizes: []int{d, k}, Activations: []nn.Activation{nn.Linear}, Loss: nn.MSE}
	x := nn.Regression(rng, n, []float64{1, -2, 0.5}, 4, 0.1).X
	tg := mat.NewDense(n, k, nil)
	for i := range n {
		tg.Set(i, 0, rng.NormFloat64())
		tg.Set(i, 1, rng.NormFloat64())
	}
	p := net.InitGlorot(rng)
	o := nn.NewObjective(net, nn.Data{X: x, T: tg})

	xt := mat.NewDense(n, d+1, nil)
	for i := range n {
		for j := range d {
			xt.Set(i, j, x.At(i, j))
		}
		xt.Set(i, d, 1)
	}
	var gram mat.Dense
	gram.Mul(xt.T(), xt)
	gram.Scale(1/float64(n), &gram)
	want := mat.NewSymDense(net.NumParams(), nil)
	idx := func(i, j int) int { // (W_i, b_i) coordinate j of x̃
		if j == d {
			return k*d + i
		}
		return i*d + j
	}
	for i := range k {
		for a := range d + 1 {
			for b := range d + 1 {
				want.SetSym(idx(i, a), idx(i, b), gram.At(a, b))
			}
		}
	}
	h, err := o.HessianAt(p).Dense(nil)
	if err != nil {
		t.Fatal(err)
	}
	if e := relErr(denseData(h), denseData(want)); e > 1e-14 {
		t.Errorf("Hessian vs XᵀX/N: rel error %.3g", e)
	}
	g, _ := o.GGN(nil, p)
	if e := relErr(denseData(g), denseData(want)); e > 1e-14 {
		t.Errorf("GGN of a linear model vs XᵀX/N: rel error %.3g", e)
	}

	// Gradient: ∂J/∂W = (Y − T)ᵀX/N, ∂J/∂b = colsum(Y − T)/N.
	var r, gw mat.Dense
	r.Mul(x, net.Weights(p, 1).T())
	for i := range n {
		floats.Add(r.RawRowView(i), net.Bias(p, 1))
	}
	r.Sub(&r, tg)
	gw.Mul(r.T(), x)
	gw.Scale(1/float64(n), &gw)
	wantG := append([]float64(nil), gw.RawMatrix().Data...)
	for i := range k {
		wantG = append(wantG, floats.Sum(mat.Col(nil, i, &r))/float64(n))
	}
	if e := relErr(hessian.GradientOf(nil, o, p), wantG); e > 1e-14 {
		t.Errorf("gradient vs (Y−T)ᵀX̃/N: rel error %.3g", e)
	}
}

// Logistic regression as a 2-class softmax: H = (1/N) Σ_n (diag p_n − p_n p_nᵀ) ⊗ x̃_n x̃_nᵀ.
func TestLogisticRegressionClosedForm(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const d, k = 2, 2
	data := nn.Blobs(rng, 20, [][]float64{{-1, 0}, {1, 0.5}}, 0.8)
	net := nn.MLP{Sizes: []int{d, k}, Activations: []nn.Activation{nn.Linear}, Loss: nn.SoftmaxCrossEntropy}
	p := net.InitGlorot(rng)
	n := data.Len()
	w, b := net.Weights(p, 1), net.Bias(p, 1)
	want := mat.NewSymDense(net.NumParams(), nil)
	idx := func(i, j int) int {
		if j == d {
			return k*d + i
		}
		return i*d + j
	}
	wantLoss := 0.0
	for s := range n {
		xt := []float64{data.X.At(s, 0), data.X.At(s, 1), 1}
		z := []float64{
			w.At(0, 0)*xt[0] + w.At(0, 1)*xt[1] + b[0],
			w.At(1, 0)*xt[0] + w.At(1, 1)*xt[1] + b[1],
		}
		e0, e1 := math.Exp(z[0]), math.Exp(z[1])
		pr := []float64{e0 / (e0 + e1), e1 / (e0 + e1)}
		for c := range k {
			wantLoss -= data.T.At(s, c) * math.Log(pr[c]) / float64(n)
		}
		for i := range k {
			for c := range k {
				a := -pr[i] * pr[c]
				if i == c {
					a += pr[i]
				}
				for j := range d + 1 {
					for l := range d + 1 {
						if idx(i, j) <= idx(c, l) {
							want.SetSym(idx(i, j), idx(c, l), want.At(idx(i, j), idx(c, l))+a*xt[j]*xt[l]/float64(n))
						}
					}
				}
			}
		}
	}
	o := nn.NewObjective(net, data)
	if got := o.Func(p); math.Abs(got-wantLoss) > 1e-14*wantLoss {
		t.Errorf("loss = %v, want %v", got, wantLoss)
	}
	h, err := o.HessianAt(p).Dense(nil)
	if err != nil {
		t.Fatal(err)
	}
	if e := relErr(denseData(h), denseData(want)); e > 1e-14 {
		t.Errorf("Hessian vs closed form: rel error %.3g", e)
	}
}

// Independent of Python: gonum's central differences agree with the exact derivatives.
func TestFiniteDifferences(t *testing.T) {
	for i, c := range jaxCases {
		t.Run(c.name, func(t *testing.T) {
			data, p, v := randomProblem(c, 7, uint64(100+i))
			o := nn.NewObjective(c.net, data)
			g := hessian.GradientOf(nil, o, p)
			fdg := fd.Gradient(nil, o.Func, p, &fd.Settings{Formula: fd.Central})
			if e := relErr(g, fdg); e > 1e-6 {
				t.Errorf("gradient vs central difference: rel error %.3g", e)
			}
			const h = 1e-5
			pp, pm := append([]float64(nil), p...), append([]float64(nil), p...)
			floats.AddScaled(pp, h, v)
			floats.AddScaled(pm, -h, v)
			gp := hessian.GradientOf(nil, o, pp)
			gm := hessian.GradientOf(nil, o, pm)
			floats.Sub(gp, gm)
			floats.Scale(1/(2*h), gp)
			if e := relErr(hessian.HessVecOf(nil, o, p, v, nil), gp); e > 1e-6 {
				t.Errorf("HVP vs central difference of the gradient: rel error %.3g", e)
			}
		})
	}
}

func TestHessianSymmetry(t *testing.T) {
	for _, c := range jaxCases {
		t.Run(c.name, func(t *testing.T) {
			data, p, _ := randomProblem(c, 8, 7)
			o := nn.NewObjective(c.net, data)
			n := o.Dim()
			cols := mat.NewDense(n, n, nil)
			e := make([]float64, n)
			for j := range n {
				e[j] = 1
				o.HessVec(cols.RawRowView(j), p, e)
				e[j] = 0
			}
			var asym mat.Dense
			asym.Sub(cols, cols.T())
			if r := mat.Norm(&asym, math.Inf(1)) / mat.Norm(cols, math.Inf(1)); r > 1e-14 {
				t.Errorf("‖H − Hᵀ‖∞/‖H‖∞ = %.3g", r)
			}
		})
	}
}

func TestGGNPositiveSemidefinite(t *testing.T) {
	for _, c := range jaxCases {
		t.Run(c.name, func(t *testing.T) {
			data, p, _ := randomProblem(c, 6, 9)
			g, err := nn.GGN(c.net, p, data).Dense(nil)
			if err != nil {
				t.Fatal(err)
			}
			var es mat.EigenSym
			if !es.Factorize(g, false) {
				t.Fatal("EigenSym failed")
			}
			vals := es.Values(nil)
			if lo, hi := vals[0], vals[len(vals)-1]; lo < -1e-13*hi {
				t.Errorf("GGN eigenvalues in [%g, %g]: not PSD", lo, hi)
			}
		})
	}
}

// Lanczos on the matrix-free Hessian finds the top eigenvalues of the dense one.
func TestCurvatureWithLanczos(t *testing.T) {
	c := jaxCases[4]
	data, p, _ := randomProblem(c, 30, 11)
	op := nn.Hessian(c.net, p, data)
	h, err := op.Dense(nil)
	if err != nil {
		t.Fatal(err)
	}
	var es mat.EigenSym
	es.Factorize(h, false)
	vals := es.Values(nil)
	const k = 3
	res, err := hessian.Lanczos(op, k, hessian.Largest, &hessian.EigSettings{Tol: 1e-12})
	if err != nil {
		t.Fatal(err)
	}
	for i := range k {
		want := vals[len(vals)-1-i]
		if d := math.Abs(res.Values[i] - want); d > 1e-10*math.Abs(vals[len(vals)-1]) {
			t.Errorf("λ_%d: Lanczos %.15g, dense %.15g", i+1, res.Values[i], want)
		}
	}
}

func TestPermutationInvariance(t *testing.T) {
	nets := []nn.MLP{
		{Sizes: []int{3, 6, 5, 2}, Activations: []nn.Activation{nn.Tanh, nn.ReLU, nn.Linear}, Loss: nn.MSE},
		{Sizes: []int{4, 7, 4, 3}, Activations: []nn.Activation{nn.Logistic, nn.Tanh, nn.Linear}, Loss: nn.SoftmaxCrossEntropy},
	}
	for i, net := range nets {
		data, p, _ := randomProblem(netCase{net: net}, 20, uint64(i))
		rng := rand.New(rand.NewPCG(uint64(i), 9))
		o := nn.NewObjective(net, data)
		loss := o.Func(p)
		grad := hessian.GradientOf(nil, o, p)
		q := append([]float64(nil), p...)
		for l := 1; l < net.Layers(); l++ {
			perm := rng.Perm(net.Sizes[l])
			q = net.PermuteHidden(q, q, l, perm)
			// The gradient is equivariant: permuting θ permutes ∇J the same way.
			grad = net.PermuteHidden(nil, grad, l, perm)
		}
		if floats.Equal(p, q) {
			t.Fatal("permutation left the parameters unchanged")
		}
		if got := o.Func(q); math.Abs(got-loss) > 1e-14*loss {
			t.Errorf("net %d: loss %.17g after permutation, %.17g before", i, got, loss)
		}
		if e := relErr(hessian.GradientOf(nil, o, q), grad); e > 1e-14 {
			t.Errorf("net %d: gradient not equivariant: rel error %.3g", i, e)
		}
	}
}

func TestRescaleUnit(t *testing.T) {
	net := nn.MLP{Sizes: []int{3, 5, 4, 2}, Activations: []nn.Activation{nn.ReLU, nn.ReLU, nn.Linear}, Loss: nn.MSE}
	data, p, _ := randomProblem(netCase{net: net}, 15, 5)
	q := net.RescaleUnit(nil, p, 1, 2, 3.7)
	q = net.RescaleUnit(q, q, 2, 0, 0.01)
	if floats.Equal(p, q) {
		t.Fatal("rescaling left the parameters unchanged")
	}
	o := nn.NewObjective(net, data)
	if a, b := o.Func(p), o.Func(q); math.Abs(a-b) > 1e-14*a {
		t.Errorf("loss %.17g after rescaling, %.17g before", b, a)
	}
	defer func() {
		if recover() == nil {
			t.Error("RescaleUnit on a tanh layer did not panic")
		}
	}()
	tanhNet := nn.MLP{Sizes: []int{2, 3, 1}, Activations: []nn.Activation{nn.Tanh, nn.Linear}}
	tanhNet.RescaleUnit(nil, tanhNet.InitConstant(1), 1, 0, 2)
}

func TestHiddenPermutations(t *testing.T) {
	cases := []struct {
		sizes []int
		want  string
	}{
		{[]int{2, 1}, "1"},
		{[]int{2, 3, 1}, "6"},
		{[]int{2, 4, 4, 4, 1}, "13824"}, // 4!³
		{[]int{5, 3, 4, 2}, "144"},      // 3!·4!
	}
	for _, c := range cases {
		net := nn.MLP{Sizes: c.sizes, Activations: make([]nn.Activation, len(c.sizes)-1)}
		if got := net.HiddenPermutations().String(); got != c.want {
			t.Errorf("%v: %s, want %s", c.sizes, got, c.want)
		}
	}
}

// With constant initialization the hidden units stay identical under
// gradient descent: equal rows of W_1, equal b_1, equal columns of W_2.
func TestConstantInitKeepsUnitsIdentical(t *testing.T) {
	net := nn.MLP{Sizes: []int{3, 4, 2}, Activations: []nn.Activation{nn.Tanh, nn.Linear}, Loss: nn.SoftmaxCrossEntropy}
	data := nn.Blobs(rand.New(rand.NewPCG(1, 1)), 10, [][]float64{{0, 0, 1}, {1, 1, 0}}, 0.5)
	o := nn.NewObjective(net, data)
	for _, c := range []float64{0, 0.3} {
		p := net.InitConstant(c)
		g := make([]float64, len(p))
		for range 20 {
			o.Grad(g, p)
			floats.AddScaled(p, -0.5, g)
		}
		w1, b1, w2 := net.Weights(p, 1), net.Bias(p, 1), net.Weights(p, 2)
		for u := 1; u < 4; u++ {
			if !floats.Equal(w1.RawRowView(u), w1.RawRowView(0)) || b1[u] != b1[0] ||
				!floats.Equal(mat.Col(nil, u, w2), mat.Col(nil, 0, w2)) {
				t.Errorf("c = %v: unit %d differs from unit 0 after training", c, u)
			}
		}
		if c == 0 && floats.Norm(w1.RawMatrix().Data, math.Inf(1)) != 0 {
			t.Error("zero init: W_1 moved although W_2 = 0 blocks its gradient at the first step")
		}
	}
	p := net.InitGlorot(rand.New(rand.NewPCG(2, 2)))
	if floats.Equal(net.Weights(p, 1).RawRowView(0), net.Weights(p, 1).RawRowView(1)) {
		t.Error("Glorot init gave two identical units")
	}
}

func TestInitScales(t *testing.T) {
	net := nn.MLP{Sizes: []int{400, 300, 10}, Activations: []nn.Activation{nn.ReLU, nn.Linear}}
	rng := rand.New(rand.NewPCG(5, 5))
	for _, c := range []struct {
		name string
		p    []float64
		vars [2]float64 // Var W_1, Var W_2
	}{
		{"glorot", net.InitGlorot(rng), [2]float64{2.0 / 700, 2.0 / 310}}, // r²/3 = 2/(in+out)
		{"he", net.InitHe(rng), [2]float64{2.0 / 400, 2.0 / 300}},
	} {
		for l := 1; l <= 2; l++ {
			w := net.Weights(c.p, l).RawMatrix().Data
			v := floats.Dot(w, w) / float64(len(w))
			if math.Abs(v-c.vars[l-1]) > 0.1*c.vars[l-1] {
				t.Errorf("%s layer %d: weight variance %.4g, want %.4g", c.name, l, v, c.vars[l-1])
			}
			if floats.Norm(net.Bias(c.p, l), 1) != 0 {
				t.Errorf("%s layer %d: nonzero bias", c.name, l)
			}
		}
	}
}

func TestSoftmaxCrossEntropyStable(t *testing.T) {
	// One example, identity linear layer: logits = x. ℓ = log(1 + e^{z_0 − z_1}) for target 1.
	net := nn.MLP{Sizes: []int{2, 2}, Activations: []nn.Activation{nn.Linear}, Loss: nn.SoftmaxCrossEntropy}
	p := []float64{1, 0, 0, 1, 0, 0}
	for _, z := range [][2]float64{{1000, 999}, {-1000, -1001}, {800, -800}} {
		data := nn.Data{X: mat.NewDense(1, 2, z[:]), T: mat.NewDense(1, 2, []float64{0, 1})}
		want := (z[0] - z[1]) + math.Log1p(math.Exp(z[1]-z[0]))
		got := nn.NewObjective(net, data).Func(p)
		if math.IsInf(got, 0) || math.IsNaN(got) || math.Abs(got-want) > 1e-15*want {
			t.Errorf("logits %v: loss %v, want %v", z, got, want)
		}
	}
}

func TestInterrupt(t *testing.T) {
	defer interrupt.Clear()
	c := jaxCases[0]
	data, p, _ := randomProblem(c, 5, 1)
	o := nn.NewObjective(c.net, data)
	interrupt.Request()
	if _, err := o.HessianAt(p).Dense(nil); !errors.Is(err, interrupt.ErrInterrupted) {
		t.Errorf("Hessian: err = %v, want ErrInterrupted", err)
	}
	if _, err := nn.GradientVariance(rand.New(rand.NewPCG(1, 1)), c.net, p, data, 2, 10); !errors.Is(err, interrupt.ErrInterrupted) {
		t.Errorf("GradientVariance: err = %v, want ErrInterrupted", err)
	}
}

// After warm-up the derivative calls allocate nothing on a net small enough
// that gonum's matrix product runs serially.
func TestNoAllocations(t *testing.T) {
	c := jaxCases[4]
	data, p, v := randomProblem(c, 20, 3)
	o := nn.NewObjective(c.net, data)
	g, hv := make([]float64, len(p)), make([]float64, len(p))
	q := append([]float64(nil), p...)
	o.HessVec(hv, p, v)
	calls := map[string]func(){
		"Func":    func() { q[0] += 1e-3; o.Func(q) },
		"Grad":    func() { q[0] += 1e-3; o.Grad(g, q) },
		"HessVec": func() { q[0] += 1e-3; o.HessVec(hv, q, v) },
		"GGNVec":  func() { o.GGNVec(hv, q, v) },
	}
	for name, f := range calls {
		if a := testing.AllocsPerRun(20, f); a != 0 {
			t.Errorf("%s: %v allocations per call", name, a)
		}
	}
}

func TestDeadUnitsAndActivations(t *testing.T) {
	net := nn.MLP{Sizes: []int{2, 5, 2}, Activations: []nn.Activation{nn.ReLU, nn.Linear}, Loss: nn.SoftmaxCrossEntropy}
	rng := rand.New(rand.NewPCG(8, 8))
	data := nn.Moons(rng, 50, 0.1) // inputs within about [−1.5, 2.5]
	p := net.InitHe(rng)
	b := net.Bias(p, 1)
	b[1], b[3] = -100, 100 // unit 1 never fires; unit 3 always does
	o := nn.NewObjective(net, data)
	dead := o.DeadUnits(p, 1)
	if !slices.Contains(dead, 1) || slices.Contains(dead, 3) {
		t.Errorf("DeadUnits = %v, want 1 in it and 3 not", dead)
	}
	h := o.Activations(p, 1)
	for u := range 5 {
		fires := floats.Max(mat.Col(nil, u, h)) > 0
		if fires == slices.Contains(dead, u) {
			t.Errorf("unit %d: fires = %v, reported dead = %v", u, fires, !fires)
		}
	}
	g := hessian.GradientOf(nil, o, p)
	if w := net.Weights(g, 1); w.At(1, 0) != 0 || w.At(1, 1) != 0 || net.Bias(g, 1)[1] != 0 {
		t.Error("a dead unit's incoming weights get a nonzero gradient")
	}
}

func TestPredictSoftmaxAndOperators(t *testing.T) {
	c := jaxCases[4] // tanh, cross-entropy
	data, p, v := randomProblem(c, 12, 21)
	o := nn.NewObjective(c.net, data)

	y := c.net.Predict(nil, p, data.X)
	if !mat.Equal(y, o.Outputs(p)) {
		t.Error("Predict and Objective.Outputs differ")
	}
	// One example by hand: y = W_3 tanh(W_2 tanh(W_1 x + b_1) + b_2) + b_3.
	h := mat.NewVecDense(3, mat.Row(nil, 4, data.X))
	for l, act := range c.net.Activations {
		var a mat.VecDense
		a.MulVec(c.net.Weights(p, l+1), h)
		a.AddVec(&a, mat.NewVecDense(len(c.net.Bias(p, l+1)), c.net.Bias(p, l+1)))
		if act == nn.Tanh {
			for i := range a.Len() {
				a.SetVec(i, math.Tanh(a.AtVec(i)))
			}
		}
		h = &a
	}
	if e := relErr(mat.Row(nil, 4, y), h.RawVector().Data); e > 1e-15 {
		t.Errorf("Predict row 4: rel error %.3g against a hand-written forward pass", e)
	}

	// Softmax rows are probabilities, and the loss is the mean of −Σ t log p.
	prob := nn.Softmax(nil, y)
	want := 0.0
	for i := range 12 {
		if s := floats.Sum(prob.RawRowView(i)); math.Abs(s-1) > 1e-15 {
			t.Errorf("softmax row %d sums to %v", i, s)
		}
		for k := range 3 {
			if tk := data.T.At(i, k); tk != 0 {
				want -= tk * math.Log(prob.At(i, k)) / 12
			}
		}
	}
	loss, g := o.LossGradient(nil, p)
	if math.Abs(loss-want) > 1e-14*want {
		t.Errorf("loss %v, want −mean Σ t log softmax = %v", loss, want)
	}
	if !floats.Equal(g, hessian.GradientOf(nil, o, p)) {
		t.Error("LossGradient and Gradient differ")
	}

	// The operators apply exactly the Objective's products.
	for _, op := range []struct {
		name string
		c    *nn.Curvature
		want []float64
	}{
		{"Hessian", nn.Hessian(c.net, p, data), hessian.HessVecOf(nil, o, p, v, nil)},
		{"GGN", nn.GGN(c.net, p, data), ggnVec(o, p, v)},
		{"HessianAt", o.HessianAt(p), hessian.HessVecOf(nil, o, p, v, nil)},
		{"GGNAt", o.GGNAt(p), ggnVec(o, p, v)},
	} {
		if op.c.Dim() != len(p) {
			t.Errorf("%s: Dim = %d, want %d", op.name, op.c.Dim(), len(p))
		}
		dst := make([]float64, len(p))
		op.c.Apply(dst, v)
		if !floats.Equal(dst, op.want) {
			t.Errorf("%s: Apply differs from the Objective's product", op.name)
		}
	}
}

func TestPanics(t *testing.T) {
	net := nn.MLP{Sizes: []int{2, 3, 2}, Activations: []nn.Activation{nn.Tanh, nn.Linear}}
	p := net.InitConstant(0.1)
	data := nn.XOR(rand.New(rand.NewPCG(1, 1)), 4, 0)
	o := nn.NewObjective(net, data)
	for name, f := range map[string]func(){
		"few activations":   func() { nn.MLP{Sizes: []int{2, 3, 2}, Activations: []nn.Activation{nn.Tanh}}.NumParams() },
		"params length":     func() { o.Func(p[1:]) },
		"dst length":        func() { o.Grad(make([]float64, 3), p) },
		"layer range":       func() { net.Weights(p, 3) },
		"not hidden":        func() { net.PermuteHidden(nil, p, 2, []int{0, 1}) },
		"not a permutation": func() { net.PermuteHidden(nil, p, 1, []int{0, 0, 1}) },
		"inputs width":      func() { nn.NewObjective(nn.MLP{Sizes: []int{3, 2}, Activations: []nn.Activation{nn.Linear}}, data) },
		"apply length":      func() { o.HessianAt(p).Apply(make([]float64, 2), p) },
	} {
		func() {
			defer func() {
				r := recover()
				if s, ok := r.(string); !ok || len(s) < 4 || s[:4] != "nn: " {
					t.Errorf("%s: recovered %v, want a panic with an \"nn: \" message", name, r)
				}
			}()
			f()
		}()
	}
}

// ggnVec returns G(θ)·v in a new slice.
func ggnVec(o *nn.Objective, p, v []float64) []float64 {
	d := make([]float64, o.Dim())
	o.GGNVec(d, p, v)
	return d
}
