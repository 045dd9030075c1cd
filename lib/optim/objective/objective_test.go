package objective_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gocurve/gocurve/lib/hessian"
	"github.com/gocurve/gocurve/lib/optim/objective"
	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

type smooth interface {
	Func([]float64) float64
	Grad(grad, theta []float64)
	Hess(dst *mat.SymDense, theta []float64)
	CriticalPoints() []hessian.Critical
}

var landscapes = []struct {
	name   string
	obj    smooth
	points [][]float64 // where to compare Grad and Hess with finite differences
}{
	{"Quadratic", func() smooth {
		q := objective.Spectrum([]float64{1, -3, 10}, hessian.RandomRotation(3, rand.New(rand.NewPCG(1, 1))))
		q.B, q.C = []float64{1, 2, 3}, 4
		return q
	}(), [][]float64{{0.3, -0.7, 1.1}, {2, 0, -1}}},
	{"Rosenbrock", objective.Rosenbrock{}, [][]float64{{-1.2, 1}, {0.5, 0.3}}},
	{"Rosenbrock-a2b10", objective.Rosenbrock{A: 2, B: 10}, [][]float64{{-1.2, 1}, {0.5, 0.3}}},
	{"Beale", objective.Beale{}, [][]float64{{1, 1.5}, {-2, 0.7}, {3.2, 0.4}}},
	{"Himmelblau", objective.Himmelblau{}, [][]float64{{1, 1}, {-2, 3}}},
	{"Saddle", objective.Saddle{}, [][]float64{{0.4, -0.3}}},
	{"MonkeySaddle", objective.MonkeySaddle{}, [][]float64{{0.4, -0.3}, {-1, 2}}},
	{"Plateau", objective.Plateau{}, [][]float64{{-6, 0}, {0.5, -0.2}, {2, 1}}},
	{"Cliff", objective.Cliff{}, [][]float64{{-0.05, 0.3}, {0.02, -1}, {2, 0}}},
	{"Mountain", objective.Mountain{}, [][]float64{{-2, 0.5}, {0.7, -0.1}, {5, 1}}},
}

// Exact gradients and Hessians agree with central finite differences of
// Func and of Grad (gonum diff/fd): gradients to 1e-7 relative, Hessians
// to 1e-6. (Grad is checked against Func first, so Hess is tied to Func.)
func TestDerivativesMatchFiniteDifferences(t *testing.T) {
	for _, l := range landscapes {
		t.Run(l.name, func(t *testing.T) {
			for _, x := range l.points {
				n := len(x)
				g := make([]float64, n)
				l.obj.Grad(g, x)
				gfd := fd.Gradient(nil, l.obj.Func, x, &fd.Settings{Formula: fd.Central})
				for i := range g {
					if d := math.Abs(g[i] - gfd[i]); d > 1e-7*math.Max(1, math.Abs(gfd[i])) {
						t.Errorf("x=%v: grad[%d] = %.12g, finite differences %.12g", x, i, g[i], gfd[i])
					}
				}
				h := mat.NewSymDense(n, nil)
				l.obj.Hess(h, x)
				// Central differences of the exact gradient: far more accurate than
				// second differences of Func on the steep cliff.
				hfd := mat.NewDense(n, n, nil)
				fd.Jacobian(hfd, func(y, x []float64) { l.obj.Grad(y, x) }, x, &fd.JacobianSettings{Formula: fd.Central})
				for i := range n {
					for j := range n {
						if d := math.Abs(h.At(i, j) - hfd.At(i, j)); d > 1e-6*math.Max(1, math.Abs(hfd.At(i, j))) {
							t.Errorf("x=%v: H[%d,%d] = %.10g, finite differences %.10g", x, i, j, h.At(i, j), hfd.At(i, j))
						}
					}
				}
			}
		})
	}
}

// Every listed critical point has a vanishing gradient, the listed value,
// and a Hessian whose eigenvalue signs give the listed kind.
func TestCriticalPoints(t *testing.T) {
	for _, l := range landscapes {
		t.Run(l.name, func(t *testing.T) {
			for _, c := range l.obj.CriticalPoints() {
				n := len(c.X)
				g := make([]float64, n)
				l.obj.Grad(g, c.X)
				if nrm := floats.Norm(g, 2); nrm > 1e-10 {
					t.Errorf("%v at %v: ‖∇J‖ = %g", c.Kind, c.X, nrm)
				}
				if f := l.obj.Func(c.X); math.Abs(f-c.F) > 1e-12*math.Max(1, math.Abs(f)) {
					t.Errorf("%v at %v: F = %g, J = %g", c.Kind, c.X, c.F, f)
				}
				h := mat.NewSymDense(n, nil)
				l.obj.Hess(h, c.X)
				var es mat.EigenSym
				es.Factorize(h, false)
				if got := kind(es.Values(nil)); got != c.Kind {
					t.Errorf("at %v: listed %v, Hessian eigenvalues %v say %v", c.X, c.Kind, es.Values(nil), got)
				}
			}
		})
	}
}

func kind(vals []float64) hessian.Kind {
	pos, neg := 0, 0
	for _, v := range vals {
		switch {
		case v > 1e-12:
			pos++
		case v < -1e-12:
			neg++
		default:
			return hessian.Inconclusive
		}
	}
	switch {
	case neg == 0:
		return hessian.Minimum
	case pos == 0:
		return hessian.Maximum
	}
	return hessian.Saddle
}

// Himmelblau's four global minima have J = 0, and its documented
// coordinates agree with the refined ones to the printed digits.
func TestHimmelblauMinima(t *testing.T) {
	minima := 0
	for _, c := range (objective.Himmelblau{}).CriticalPoints() {
		if c.Global {
			minima++
			if math.Abs(c.F) > 1e-20 {
				t.Errorf("minimum %v has J = %g", c.X, c.F)
			}
		}
	}
	if minima != 4 {
		t.Errorf("%d global minima, want 4", minima)
	}
}

// Spectrum builds A with exactly the requested eigenvalues, and
// Conditioned has condition number κ.
func TestSpectrum(t *testing.T) {
	for _, tc := range []struct {
		n     int
		kappa float64
	}{{2, 100}, {10, 100}, {50, 1e4}} {
		q := objective.Conditioned(tc.n, tc.kappa, rand.New(rand.NewPCG(3, 1)))
		var es mat.EigenSym
		es.Factorize(q.A, false)
		v := es.Values(nil)
		if got := v[tc.n-1] / v[0]; math.Abs(got-tc.kappa) > 1e-9*tc.kappa {
			t.Errorf("n=%d: κ = %g, want %g", tc.n, got, tc.kappa)
		}
		var qtq mat.Dense
		r := hessian.RandomRotation(tc.n, rand.New(rand.NewPCG(5, 1)))
		qtq.Mul(r.T(), r)
		if !mat.EqualApprox(&qtq, eye(tc.n), 1e-13) {
			t.Errorf("n=%d: RandomRotation is not orthogonal", tc.n)
		}
	}
}

func eye(n int) *mat.Dense {
	d := mat.NewDense(n, n, nil)
	for i := range n {
		d.Set(i, i, 1)
	}
	return d
}

// The plateau is flat where the unit saturates on the wrong side.
func TestPlateauIsFlat(t *testing.T) {
	p := objective.Plateau{}
	g := make([]float64, 2)
	p.Grad(g, []float64{-8, 0})
	if j, nrm := p.Func([]float64{-8, 0}), floats.Norm(g, 2); j < 0.99 || nrm > 1e-3 {
		t.Errorf("at (−8, 0): J = %g, ‖∇J‖ = %g; want J ≈ 1 and a vanishing gradient", j, nrm)
	}
}

// The cliff's wall has gradients two orders of magnitude above the bowl's.
func TestCliffGradientExplodes(t *testing.T) {
	c := objective.Cliff{}
	g := make([]float64, 2)
	c.Grad(g, []float64{0, 0})
	if math.Abs(g[0]) < 45 {
		t.Errorf("slope on the wall %g, want about hk/4 = 50", g[0])
	}
}

// Noisy's gradient noise is reproducible from the seed and has the
// requested standard deviation.
func TestNoisy(t *testing.T) {
	a := &objective.Noisy{Obj: objective.Saddle{}, Sigma: 0.5, Seed: 9}
	b := &objective.Noisy{Obj: objective.Saddle{}, Sigma: 0.5, Seed: 9}
	ga, gb := make([]float64, 2), make([]float64, 2)
	var sum, sum2 float64
	const m = 20000
	for range m {
		a.Grad(ga, []float64{0, 0})
		b.Grad(gb, []float64{0, 0})
		if ga[0] != gb[0] || ga[1] != gb[1] {
			t.Fatal("same seed, different noise")
		}
		sum += ga[0]
		sum2 += ga[0] * ga[0]
	}
	sd := math.Sqrt(sum2/m - (sum/m)*(sum/m))
	// The sample standard deviation of 20000 normals is within 2% of σ with
	// probability > 0.999 (its relative standard error is 1/√(2m) = 0.5%).
	if math.Abs(sd-0.5) > 0.01 {
		t.Errorf("noise standard deviation %g, want 0.5", sd)
	}
}

func ExampleHimmelblau() {
	for _, c := range (objective.Himmelblau{}).CriticalPoints() {
		fmt.Printf("%-10v (%7.4f, %7.4f)  J = %.4f\n", c.Kind, c.X[0], c.X[1], c.F)
	}
	// Output:
	// minimum    ( 3.0000,  2.0000)  J = 0.0000
	// minimum    (-2.8051,  3.1313)  J = 0.0000
	// minimum    (-3.7793, -3.2832)  J = 0.0000
	// minimum    ( 3.5844, -1.8481)  J = 0.0000
	// maximum    (-0.2708, -0.9230)  J = 181.6165
	// saddle     ( 0.0867,  2.8843)  J = 67.7192
	// saddle     ( 3.3852,  0.0739)  J = 13.3119
	// saddle     (-3.0730, -0.0814)  J = 104.0152
	// saddle     (-0.1280, -1.9537)  J = 178.3372
}

// A κ = 100 quadratic in 10 dimensions, and its minimum.
func ExampleConditioned() {
	q := objective.Conditioned(10, 100, rand.New(rand.NewPCG(1, 1)))
	var es mat.EigenSym
	es.Factorize(q.A, false)
	v := es.Values(nil)
	c := q.CriticalPoints()[0]
	fmt.Printf("λ from %.0f to %.0f, κ = %.0f; %v at ‖θ*‖ = %g, J = %g\n", v[0], v[9], v[9]/v[0], c.Kind, floats.Norm(c.X, 2), c.F)
	// Output: λ from 1 to 100, κ = 100; minimum at ‖θ*‖ = 0, J = 0
}
