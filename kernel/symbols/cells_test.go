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
