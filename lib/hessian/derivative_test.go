package hessian_test

import (
	"math"
	"testing"

	"github.com/gocurve/gocurve/lib/hessian"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/functions"
)

// relErr returns max|a−b| / max(1e-300, max|b|) over two matrices.
func relErr(a, b mat.Matrix) float64 {
	r, c := b.Dims()
	var diff, scale float64
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			diff = math.Max(diff, math.Abs(a.At(i, j)-b.At(i, j)))
			scale = math.Max(scale, math.Abs(b.At(i, j)))
		}
	}
	return diff / math.Max(scale, 1e-300)
}

func relErrVec(a, b []float64) float64 {
	var diff, scale float64
	for i := range b {
		diff = math.Max(diff, math.Abs(a[i]-b[i]))
		scale = math.Max(scale, math.Abs(b[i]))
	}
	return diff / math.Max(scale, 1e-300)
}

// smooth holds test functions with closed-form gradients and Hessians.
var smooth = []struct {
	name string
	f    func(x []float64) float64
	grad func(x []float64) []float64
	hess func(x []float64) *mat.SymDense
	x    []float64
}{
	{
		name: "rosenbrock",
		f:    func(x []float64) float64 { return 100*sq(x[1]-x[0]*x[0]) + sq(1-x[0]) },
		grad: func(x []float64) []float64 {
			return []float64{-400*x[0]*(x[1]-x[0]*x[0]) - 2*(1-x[0]), 200 * (x[1] - x[0]*x[0])}
		},
		hess: func(x []float64) *mat.SymDense {
			return mat.NewSymDense(2, []float64{1200*x[0]*x[0] - 400*x[1] + 2, -400 * x[0], -400 * x[0], 200})
		},
		x: []float64{-1.2, 1},
	},
	{
		name: "exp-sin",
		f:    func(x []float64) float64 { return math.Exp(x[0]) * math.Sin(x[1]) },
		grad: func(x []float64) []float64 {
			return []float64{math.Exp(x[0]) * math.Sin(x[1]), math.Exp(x[0]) * math.Cos(x[1])}
		},
		hess: func(x []float64) *mat.SymDense {
			e, s, c := math.Exp(x[0]), math.Sin(x[1]), math.Cos(x[1])
			return mat.NewSymDense(2, []float64{e * s, e * c, e * c, -e * s})
		},
		x: []float64{0.3, 0.7},
	},
	{
		name: "log-sum-exp",
		f: func(x []float64) float64 {
			return math.Log(math.Exp(x[0]) + math.Exp(x[1]) + math.Exp(x[2]))
		},
		grad: func(x []float64) []float64 {
			p := softmax(x)
			return p
		},
		hess: func(x []float64) *mat.SymDense {
			p := softmax(x)
			h := mat.NewSymDense(3, nil)
			for i := range p {
				for j := i; j < 3; j++ {
					v := -p[i] * p[j]
					if i == j {
						v += p[i]
					}
					h.SetSym(i, j, v)
				}
			}
			return h
		},
		x: []float64{0.5, -1, 2},
	},
	{
		name: "cubic-scaled",
		f:    func(x []float64) float64 { return x[0]*x[0]*x[1] + 3*x[1]*x[1]*x[1] - x[0] },
		grad: func(x []float64) []float64 { return []float64{2*x[0]*x[1] - 1, x[0]*x[0] + 9*x[1]*x[1]} },
		hess: func(x []float64) *mat.SymDense {
			return mat.NewSymDense(2, []float64{2 * x[1], 2 * x[0], 2 * x[0], 18 * x[1]})
		},
		x: []float64{12, -7},
	},
}

func sq(x float64) float64 { return x * x }

func softmax(x []float64) []float64 {
	p := make([]float64, len(x))
	var s float64
	for i, v := range x {
		p[i] = math.Exp(v)
		s += p[i]
	}
	floats.Scale(1/s, p)
	return p
}

func TestFiniteDifferencesMatchClosedForms(t *testing.T) {
	for _, tc := range smooth {
		t.Run(tc.name, func(t *testing.T) {
			g := hessian.Gradient(nil, tc.f, tc.x, nil)
			if e := relErrVec(g, tc.grad(tc.x)); e > 1e-9 {
				t.Errorf("Gradient relative error %.3g > 1e-9", e)
			}
			h := hessian.Hessian(nil, tc.f, tc.x, nil)
			if e := relErr(h, tc.hess(tc.x)); e > 1e-6 {
				t.Errorf("Hessian relative error %.3g > 1e-6", e)
			}
			// Exact gradient: the Hessian from differencing it is far better.
			obj := hessian.Funcs{F: tc.f, G: func(dst, x []float64) { copy(dst, tc.grad(x)) }}
			h2 := hessian.HessianOf(nil, obj, tc.x, nil)
			if e := relErr(h2, tc.hess(tc.x)); e > 1e-8 {
				t.Errorf("HessianOf (fd of exact gradient) relative error %.3g > 1e-8", e)
			}
			v := make([]float64, len(tc.x))
			for i := range v {
				v[i] = float64(i) - 0.4
			}
			hv := hessian.HessVecOf(nil, obj, tc.x, v, nil)
			want := mat.NewVecDense(len(v), nil)
			want.MulVec(tc.hess(tc.x), mat.NewVecDense(len(v), v))
			if e := relErrVec(hv, want.RawVector().Data); e > 1e-8 {
				t.Errorf("HessVecOf relative error %.3g > 1e-8", e)
			}
			if e := hessian.SymmetryError(h); e > 1e-14 {
				t.Errorf("fd Hessian symmetry error %.3g", e)
			}
		})
	}
}

func TestRosenbrockHessianAtMinimum(t *testing.T) {
	want := mat.NewSymDense(2, []float64{802, -400, -400, 200})
	x := []float64{1, 1}
	f := functions.ExtendedRosenbrock{}
	h := hessian.Hessian(nil, f.Func, x, nil)
	if e := relErr(h, want); e > 1e-6 {
		t.Errorf("fd Hessian of Rosenbrock at (1,1) = %v, relative error %.3g", mat.Formatted(h), e)
	}
	obj := hessian.Funcs{F: f.Func, G: f.Grad}
	h2 := hessian.HessianOf(nil, obj, x, nil)
	if e := relErr(h2, want); e > 1e-9 {
		t.Errorf("HessianOf Rosenbrock at (1,1), relative error %.3g", e)
	}
	if r := hessian.ClassifyAt(obj, x, nil); r.Kind != hessian.Minimum {
		t.Errorf("Rosenbrock at (1,1): %v, want minimum", r)
	}
}

func TestOneDimensional(t *testing.T) {
	cases := []struct {
		name   string
		f      func(float64) float64
		x      float64
		d1, d2 float64
	}{
		{"sin", math.Sin, 0.7, math.Cos(0.7), -math.Sin(0.7)},
		{"exp", math.Exp, 1.5, math.Exp(1.5), math.Exp(1.5)},
		{"cube-large-x", func(x float64) float64 { return x * x * x }, 40, 3 * 1600, 6 * 40},
		{"log", math.Log, 0.5, 2, -4},
	}
	for _, tc := range cases {
		d1 := hessian.Derivative(tc.f, tc.x, nil)
		d2 := hessian.SecondDerivative(tc.f, tc.x, nil)
		if e := math.Abs(d1-tc.d1) / math.Abs(tc.d1); e > 1e-9 {
			t.Errorf("%s: Derivative = %v, want %v (rel %.3g)", tc.name, d1, tc.d1, e)
		}
		if e := math.Abs(d2-tc.d2) / math.Abs(tc.d2); e > 1e-6 {
			t.Errorf("%s: SecondDerivative = %v, want %v (rel %.3g)", tc.name, d2, tc.d2, e)
		}
	}
}

// Linear regression J(w) = (1/2N)‖Xw − y‖² has Hessian XᵀX/N; logistic
// regression J(w) = (1/N) Σ log(1+exp(−y_i x_iᵀw)) has Hessian XᵀSX/N with
// S = diag(p_i(1−p_i)), p_i = σ(x_iᵀw).
func TestRegressionHessians(t *testing.T) {
	const N, d = 40, 4
	X := mat.NewDense(N, d, nil)
	y := make([]float64, N)
	for i := 0; i < N; i++ {
		for j := 0; j < d; j++ {
			X.Set(i, j, math.Sin(float64(3*i+7*j+1)))
		}
		y[i] = 1
		if math.Cos(float64(5*i)) < 0 {
			y[i] = -1
		}
	}
	w := []float64{0.3, -0.2, 0.5, 0.1}

	linear := func(w []float64) float64 {
		var s float64
		for i := 0; i < N; i++ {
			r := floats.Dot(X.RawRowView(i), w) - y[i]
			s += r * r
		}
		return s / (2 * N)
	}
	linGrad := func(dst, w []float64) {
		for j := range dst {
			dst[j] = 0
		}
		for i := 0; i < N; i++ {
			r := floats.Dot(X.RawRowView(i), w) - y[i]
			floats.AddScaled(dst, r/N, X.RawRowView(i))
		}
	}
	wantLin := mat.NewSymDense(d, nil)
	wantLin.SymOuterK(1.0/N, X.T())

	logistic := func(w []float64) float64 {
		var s float64
		for i := 0; i < N; i++ {
			s += math.Log1p(math.Exp(-y[i] * floats.Dot(X.RawRowView(i), w)))
		}
		return s / N
	}
	logGrad := func(dst, w []float64) {
		for j := range dst {
			dst[j] = 0
		}
		for i := 0; i < N; i++ {
			m := y[i] * floats.Dot(X.RawRowView(i), w)
			floats.AddScaled(dst, -y[i]/(1+math.Exp(m))/N, X.RawRowView(i))
		}
	}
	wantLog := mat.NewSymDense(d, nil)
	for i := 0; i < N; i++ {
		p := 1 / (1 + math.Exp(-floats.Dot(X.RawRowView(i), w)))
		wantLog.SymRankOne(wantLog, p*(1-p)/N, mat.NewVecDense(d, X.RawRowView(i)))
	}

	cases := []struct {
		name string
		f    func([]float64) float64
		g    func(dst, x []float64)
		want *mat.SymDense
	}{
		{"linear", linear, linGrad, wantLin},
		{"logistic", logistic, logGrad, wantLog},
	}
	for _, tc := range cases {
		if e := relErr(hessian.Hessian(nil, tc.f, w, nil), tc.want); e > 1e-6 {
			t.Errorf("%s: fd Hessian relative error %.3g > 1e-6", tc.name, e)
		}
		if e := relErr(hessian.HessianOf(nil, hessian.Funcs{F: tc.f, G: tc.g}, w, nil), tc.want); e > 1e-8 {
			t.Errorf("%s: HessianOf relative error %.3g > 1e-8", tc.name, e)
		}
	}
}

func TestHessianDimensionPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Hessian with a wrong-sized dst did not panic")
		}
	}()
	hessian.Hessian(mat.NewSymDense(3, nil), func(x []float64) float64 { return x[0] }, []float64{1, 2}, nil)
}
