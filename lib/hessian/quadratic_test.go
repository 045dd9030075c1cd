package hessian_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gocurve/gocurve/lib/hessian"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

func newTestQuadratic(eigs []float64, seed uint64) *hessian.Quadratic {
	n := len(eigs)
	rng := rand.New(rand.NewPCG(seed, 9))
	q := hessian.NewQuadratic(eigs, hessian.RandomRotation(n, rng))
	q.B = make([]float64, n)
	for i := range q.B {
		q.B[i] = rng.NormFloat64()
	}
	q.C = 0.7
	return q
}

func TestQuadraticClosedForms(t *testing.T) {
	eigs := []float64{0.1, 0.5, 2, 9}
	q := newTestQuadratic(eigs, 1)
	n := len(eigs)

	got, err := hessian.Eigenvalues(q.A)
	if err != nil {
		t.Fatal(err)
	}
	if e := relErrVec(got, eigs); e > 1e-14 {
		t.Errorf("spectrum of NewQuadratic: %v, want %v", got, eigs)
	}

	x := []float64{0.3, -1, 2, 0.5}
	// Gradient Ax + b, by fd of Func and exactly.
	ax := mat.NewVecDense(n, nil)
	ax.MulVec(q.A, mat.NewVecDense(n, x))
	want := make([]float64, n)
	floats.AddTo(want, ax.RawVector().Data, q.B)
	if e := relErrVec(hessian.GradientOf(nil, q, x), want); e > 1e-14 {
		t.Errorf("Grad relative error %.3g", e)
	}
	if e := relErrVec(hessian.Gradient(nil, q.Func, x, nil), want); e > 1e-9 {
		t.Errorf("fd gradient relative error %.3g", e)
	}
	// Hessian A, by fd of Func.
	if e := relErr(hessian.Hessian(nil, q.Func, x, nil), q.A); e > 1e-6 {
		t.Errorf("fd Hessian relative error %.3g", e)
	}
	// Minimizer: gradient vanishes, and it is −A⁻¹b.
	xs, err := q.Minimizer()
	if err != nil {
		t.Fatal(err)
	}
	g := hessian.GradientOf(nil, q, xs)
	if nrm := floats.Norm(g, 2); nrm > 1e-12 {
		t.Errorf("‖∇J(θ*)‖ = %.3g", nrm)
	}
	if r := hessian.ClassifyAt(q, xs, nil); r.Kind != hessian.Minimum {
		t.Errorf("minimizer classified %v", r)
	}
	// Singular A has no unique minimizer.
	sing := hessian.NewQuadratic([]float64{0, 1, 2}, nil)
	sing.B = []float64{1, 1, 1}
	if _, err := sing.Minimizer(); !errors.Is(err, hessian.ErrSingular) {
		t.Errorf("singular Minimizer error = %v, want ErrSingular", err)
	}
}

func TestRandomRotationOrthogonal(t *testing.T) {
	q := hessian.RandomRotation(20, rand.New(rand.NewPCG(1, 2)))
	var qtq mat.Dense
	qtq.Mul(q.T(), q)
	if e := relErr(&qtq, eye(20)); e > 1e-14 {
		t.Errorf("QᵀQ − I = %.3g", e)
	}
	// Deterministic default seed.
	if !mat.Equal(hessian.RandomRotation(5, nil), hessian.RandomRotation(5, nil)) {
		t.Error("RandomRotation(n, nil) is not deterministic")
	}
}

// iterateGD runs θ ← θ − α(Aθ + b) k times.
func iterateGD(q *hessian.Quadratic, theta0 []float64, alpha float64, k int) []float64 {
	theta := append([]float64(nil), theta0...)
	g := make([]float64, len(theta))
	for i := 0; i < k; i++ {
		q.Grad(g, theta)
		floats.AddScaled(theta, -alpha, g)
	}
	return theta
}

func TestGDClosedFormMatchesIteration(t *testing.T) {
	cases := []struct {
		name  string
		eigs  []float64
		alpha float64
		k     int
	}{
		{"decay", []float64{0.1, 1, 3, 5}, 0.19, 60},
		{"oscillate", []float64{0.5, 1, 4, 9}, 0.2, 40},
		{"diverge", []float64{0.5, 2, 4, 10}, 0.21, 30},
		{"singular", []float64{0, 0.5, 2}, 0.3, 50},
		{"indefinite", []float64{-0.2, 1, 3}, 0.3, 25},
	}
	for _, tc := range cases {
		q := newTestQuadratic(tc.eigs, 7)
		theta0 := make([]float64, len(tc.eigs))
		for i := range theta0 {
			theta0[i] = float64(i) - 1.5
		}
		for _, k := range []int{0, 1, 2, tc.k} {
			closed, err := q.GDIterate(theta0, tc.alpha, k)
			if err != nil {
				t.Fatal(err)
			}
			iter := iterateGD(q, theta0, tc.alpha, k)
			scale := math.Max(1, floats.Norm(iter, math.Inf(1)))
			if d := floats.Distance(closed, iter, math.Inf(1)) / scale; d > 1e-12 {
				t.Errorf("%s k=%d: closed form differs from iteration by %.3g (relative)", tc.name, k, d)
			}
		}
	}
}

// Along each eigendirection the error e_i = q_iᵀ(θ − θ*) is multiplied by
// 1 − αλ_i per step: check the three regimes by iterating.
func TestRegimesReallyBehave(t *testing.T) {
	eigs := []float64{1, 4, 7.5, 10.5}
	alpha := 0.2 // αλ = 0.2 (decay), 0.8 (decay), 1.5 (oscillate), 2.1 (diverge)
	wantRegimes := []hessian.Regime{hessian.Decay, hessian.Decay, hessian.Oscillate, hessian.Diverge}
	q := newTestQuadratic(eigs, 11)
	s, err := hessian.Eigen(q.A)
	if err != nil {
		t.Fatal(err)
	}
	xs, err := q.Minimizer()
	if err != nil {
		t.Fatal(err)
	}
	regimes := hessian.Regimes(s.Values, alpha)
	factors := hessian.Factors(s.Values, alpha)
	theta := []float64{1, 1, 1, 1}
	errAt := func(th []float64) []float64 {
		d := make([]float64, len(th))
		floats.SubTo(d, th, xs)
		return s.Components(d)
	}
	prev := errAt(theta)
	for step := 0; step < 20; step++ {
		theta = iterateGD(q, theta, alpha, 1)
		cur := errAt(theta)
		for i := range cur {
			if math.Abs(prev[i]) < 1e-6 {
				continue // decayed to where rounding dominates the ratio
			}
			ratio := cur[i] / prev[i]
			if math.Abs(ratio-factors[i]) > 1e-8 {
				t.Fatalf("step %d direction %d: error ratio %v, want 1 − αλ = %v", step, i, ratio, factors[i])
			}
			switch regimes[i] {
			case hessian.Decay:
				if !(ratio > 0 && ratio < 1) {
					t.Errorf("decay direction %d: ratio %v", i, ratio)
				}
			case hessian.Oscillate:
				if !(ratio < 0 && ratio > -1) {
					t.Errorf("oscillate direction %d: ratio %v", i, ratio)
				}
			case hessian.Diverge:
				if !(math.Abs(cur[i]) > math.Abs(prev[i])) {
					t.Errorf("diverge direction %d: |e| %v → %v", i, prev[i], cur[i])
				}
			}
		}
		prev = cur
	}
	for i, r := range regimes {
		if r != wantRegimes[i] {
			t.Errorf("regime of αλ = %v: %v, want %v", alpha*s.Values[i], r, wantRegimes[i])
		}
	}
	bounds := []struct {
		al   float64
		want hessian.Regime
	}{{0, hessian.Stall}, {1, hessian.Decay}, {1.0000001, hessian.Oscillate}, {2, hessian.Oscillate}, {2.0000001, hessian.Diverge}, {-0.1, hessian.Diverge}}
	for _, b := range bounds {
		if got := hessian.RegimeOf(b.al, 1); got != b.want {
			t.Errorf("RegimeOf(αλ=%v) = %v, want %v", b.al, got, b.want)
		}
	}
}

// Measured asymptotic contraction of GD with the optimal step and of heavy
// ball with Polyak's parameters on a κ = 100 quadratic.
func TestRates(t *testing.T) {
	const lmin, lmax = 0.1, 10
	kappa := lmax / lmin
	q := newTestQuadratic([]float64{lmin, 0.7, 3, lmax}, 2)
	xs, _ := q.Minimizer()
	dist := func(th []float64) float64 { return floats.Distance(th, xs, 2) }
	theta0 := []float64{1, -2, 3, 0.5}

	alpha := hessian.OptimalStep(lmin, lmax)
	a, _ := q.GDIterate(theta0, alpha, 400)
	b, _ := q.GDIterate(theta0, alpha, 800)
	rate := math.Pow(dist(b)/dist(a), 1.0/400)
	if want := hessian.GDRate(kappa); math.Abs(rate-want) > 0.01*want {
		t.Errorf("GD measured rate %v, want (κ−1)/(κ+1) = %v", rate, want)
	}

	alpha, mu := hessian.HeavyBallParams(lmin, lmax)
	want := hessian.HeavyBallRate(kappa)
	// The iteration (θ_{k+1}, θ_k) = M (θ_k, θ_{k−1}), M = [[(1+μ)I − αA, −μI], [I, 0]],
	// contracts at the rate ρ(M), which Polyak's parameters make (√κ−1)/(√κ+1).
	n := q.Dim()
	m := mat.NewDense(2*n, 2*n, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			m.Set(i, j, -alpha*q.A.At(i, j))
		}
		m.Set(i, i, m.At(i, i)+1+mu)
		m.Set(i, n+i, -mu)
		m.Set(n+i, i, 1)
	}
	rho, err := hessian.SpectralRadius(m)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(rho-want) > 1e-6 {
		t.Errorf("heavy ball spectral radius %v, want (√κ−1)/(√κ+1) = %v", rho, want)
	}
	// Iterating the notes' rule p ← μp − α∇J, θ ← θ + p shows that rate; the
	// extreme directions are critically damped (a double root, error ∝ k·ρᵏ),
	// which inflates the measured rate by (k2/k1)^(1/(k2−k1)) ≈ 1.5 %.
	theta := append([]float64(nil), theta0...)
	p := make([]float64, len(theta))
	g := make([]float64, len(theta))
	var d1 float64
	const k1, k2 = 20, 150
	for k := 1; k <= k2; k++ {
		q.Grad(g, theta)
		floats.Scale(mu, p)
		floats.AddScaled(p, -alpha, g)
		floats.Add(theta, p)
		if k == k1 {
			d1 = dist(theta)
		}
	}
	rate = math.Pow(dist(theta)/d1, 1.0/(k2-k1))
	if rate < 0.97*want || rate > 1.03*want {
		t.Errorf("heavy ball measured rate %v, want (√κ−1)/(√κ+1) = %v within 3 %%", rate, want)
	}
}
