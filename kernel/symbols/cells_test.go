package symbols_test

import (
	"context"
	"strings"
	"testing"

	"github.com/gocurve/gocurve/kernel/session"
)

// run executes cells in one session and returns what they printed.
func run(t *testing.T, cells ...string) string {
	t.Helper()
	var out strings.Builder
	s, err := session.New(session.Options{Stdout: &out, Stderr: &out})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cells {
		if _, err := s.Execute(context.Background(), c); err != nil {
			t.Fatalf("%s: %v\n%s", c, err, out.String())
		}
	}
	return out.String()
}

// A type declared in a cell with exact derivatives, the way a student
// writes one: it counts the calls of each method.
const studentType = `
type bowl struct{ grads, hesses, hessVecs int }

func (b *bowl) Func(x []float64) float64 { return 1.5*x[0]*x[0] + x[1]*x[1] + x[0]*x[0]*x[0]*x[0] }
func (b *bowl) Grad(dst, x []float64)    { b.grads++; dst[0] = 3*x[0] + 4*x[0]*x[0]*x[0]; dst[1] = 2 * x[1] }
func (b *bowl) Hess(dst *mat.SymDense, x []float64) {
	b.hesses++
	dst.SetSym(0, 0, 3+12*x[0]*x[0])
	dst.SetSym(0, 1, 0)
	dst.SetSym(1, 1, 2)
}
func (b *bowl) HessVec(dst, x, v []float64) {
	b.hessVecs++
	dst[0] = (3 + 12*x[0]*x[0]) * v[0]
	dst[1] = 2 * v[1]
}

b := &bowl{}
exact := hessian.Funcs{F: b.Func, G: b.Grad, H: b.Hess, HV: b.HessVec}
`

// The explicit adapter hands a cell's exact Hess and HessVec to HessianOf,
// ClassifyAt and Lanczos: the student's methods are called, the results are
// exact, and the library says so.
func TestCellDerivativesReachTheLibrary(t *testing.T) {
	got := run(t, studentType,
		`h := hessian.HessianOf(nil, exact, []float64{0, 0}, nil)
fmt.Println("HessianOf", h.At(0, 0), h.At(1, 1), b.hesses, hessian.SourceOf(exact))`,
		`r := hessian.ClassifyAt(exact, []float64{0, 0}, nil)
fmt.Println("ClassifyAt", r.Kind, r.Source, b.hesses)`,
		`top, err := hessian.Lanczos(hessian.HessianOperator(exact, []float64{0, 0}, nil), 1, hessian.Largest, nil)
fmt.Println("Lanczos", err, top.Values[0] == 3, b.hessVecs > 0)`,
		`fmt.Println("direct", hessian.SourceOf(b))`,
	)
	for _, want := range []string{
		"HessianOf 3 2 1 exact Hess",
		"ClassifyAt minimum exact Hess 2",
		"Lanczos <nil> true true",
		// Passed as itself, the cell's type shows the library Func and Grad
		// only (the interpreter's interface wrapper): the docs point to Funcs.
		"direct finite differences of the gradient",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

// Every result a student may end a cell with shows itself: no pointers,
// no bare field dumps, and the words that say what it is.
func TestLibraryValuesRender(t *testing.T) {
	var out strings.Builder
	s, err := session.New(session.Options{Stdout: &out, Stderr: &out})
	if err != nil {
		t.Fatal(err)
	}
	setup := `import "math/rand/v2"
rng := rand.New(rand.NewPCG(1, 2))
q := hessian.NewQuadratic([]float64{1, 10}, nil)
q.B = []float64{1, -2}
sp, _ := hessian.Eigen(q.A)
top, _ := hessian.Lanczos(q.Operator(), 1, hessian.Largest, nil)
big := hessian.NewQuadratic([]float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, nil)
dens, _ := hessian.SLQ(big.Operator(), nil)
tr, _ := optim.Run(&optim.GD{LR: 0.1}, q, []float64{1, 1}, &optim.Settings{MaxSteps: 5})
net := nn.MLP{Sizes: []int{2, 3, 2}, Activations: []nn.Activation{nn.Tanh, nn.Linear}, Loss: nn.SoftmaxCrossEntropy}
data := nn.XOR(rng, 8, 0.1)
obj := nn.NewObjective(net, data)
theta := net.InitGlorot(rng)
`
	if _, err := s.Execute(context.Background(), setup); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	cases := []struct {
		expr, want, mime string
	}{
		{"q", "J(θ) = ½θᵀAθ + bᵀθ + c", "text/latex"},
		{"big", "eigenvalues of A [1 … 12] (12 values), κ = 12", "text/latex"},
		{"sp", "eigenvalues [1 10], κ = 10", "text/latex"},
		{"top", "1 largest eigenvalues [10]", ""},
		{"hessian.ClassifyAt(q, []float64{-1, 0.2}, nil)", "minimum", "text/markdown"},
		{"q.CriticalPoints()[0]", "minimum at [-1 0.2]", ""},
		{"hessian.HessianEstimate(hessian.Func(q.Func), []float64{0, 0}, nil)", "finite differences of the function", ""},
		{"hessian.NewTaylor(q, []float64{0, 0}, nil)", "m(θ) = J(θ₀)", ""},
		{"hessian.Funcs{F: q.Func, G: q.Grad}", "Hessian from finite differences of the gradient", ""},
		{"dens", "spectral density of a 12×12 operator", ""},
		{"hessian.StepAnalysis(q.A, []float64{1, 1}, 0.1)", "", ""},
		{"tr", "optim.Trajectory: 5 steps", ""},
		{"tr.Steps[2]", "step 2: J =", ""},
		{"net", "MLP 2→3 tanh→2 linear", ""},
		{"data", "nn.Data: 8 examples, 2 inputs, 2 targets", ""},
		{"obj", "loss J(θ) of MLP 2→3", ""},
		{"obj.HessianAt(theta)", "Hessian ∇²J(θ) as an operator, 17×17", ""},
		{"objective.Rosenbrock{}", "Rosenbrock: J(x, y) = (a − x)² + b(y − x²)², a = 1, b = 100", ""},
		{"objective.Cliff{}", "Cliff: J(x, y)", ""},
	}
	for _, tc := range cases {
		res, err := s.Execute(context.Background(), tc.expr)
		if err != nil {
			t.Errorf("%s: %v", tc.expr, err)
			continue
		}
		if res.Display == nil {
			t.Errorf("%s: no display", tc.expr)
			continue
		}
		text, _ := res.Display.Data["text/plain"].(string)
		if strings.Contains(text, "0x") || strings.Contains(text, "&{") || !strings.Contains(text, tc.want) {
			t.Errorf("%s shows %q, want it to contain %q and no pointers", tc.expr, text, tc.want)
		}
		if tc.mime != "" {
			if _, ok := res.Display.Data[tc.mime]; !ok {
				t.Errorf("%s: no %s in %v", tc.expr, tc.mime, res.Display.Data)
			}
		}
	}
}
