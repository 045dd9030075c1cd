package session

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// A mistake the compiler's words do not explain gets a hint saying what to
// write, derived from the packages' symbol tables.
func TestHints(t *testing.T) {
	const (
		optim   = `import "github.com/gocurve/gocurve/lib/optim"`
		hessian = `import "github.com/gocurve/gocurve/lib/hessian"`
		quad    = "import \"gonum.org/v1/gonum/mat\"\nq := &hessian.Quadratic{A: mat.NewSymDense(2, []float64{1, 0, 0, 2})}"
	)
	for _, tc := range []struct {
		name  string
		setup []string
		code  string
		hint  string // "" for no hint
	}{
		{"optimizer value for the interface", []string{optim, hessian, "f := func(x []float64) float64 { return x[0] * x[0] }"},
			"optim.Run(optim.GD{LR: 0.1}, hessian.Func(f), []float64{1}, nil)",
			"hint: write &optim.GD{…}: the methods of optim.GD (Reset, Step) have pointer receivers, so only a *optim.GD satisfies optim.Optimizer"},
		{"optimizer value in an assignment", []string{optim},
			"var o optim.Optimizer = optim.Momentum{LR: 0.1}\n_ = o",
			"hint: write &optim.Momentum{…}"},
		{"a method gives the interface", []string{hessian, quad},
			"hessian.Lanczos(q, 2, hessian.Largest, nil)",
			"hint: *hessian.Quadratic is not a hessian.Operator, but its method Operator gives one: write q.Operator()"},
		{"the value is the interface", []string{hessian, quad},
			"q.Objective()",
			"hint: *hessian.Quadratic is a hessian.Objective itself: write q where a hessian.Objective is wanted"},
		{"a method of a near name", []string{hessian, quad},
			"q.Minimiser()",
			"hint: *hessian.Quadratic has no method Minimiser; did you mean q.Minimizer?"},
		{"no such method", []string{hessian, quad},
			"q.Eigen()",
			"hint: the methods of *hessian.Quadratic are"},
		{"math/rand's symbol with math/rand/v2", []string{`import "math/rand/v2"`},
			"r := rand.New(rand.NewSource(1))\n_ = r",
			`hint: rand.NewSource is in "math/rand", not "math/rand/v2"; import "math/rand" for it; with "math/rand/v2", rand.NewChaCha8([32]uint8) or rand.NewPCG(uint64, uint64) gives a rand.Source`},
		{"math/rand/v2's symbol with math/rand", []string{`import "math/rand"`},
			"r := rand.New(rand.NewPCG(1, 2))\n_ = r",
			`hint: rand.NewPCG is in "math/rand/v2", not "math/rand"; import "math/rand/v2" for it`},
		{"a name differing in case", []string{`import "math/rand/v2"`},
			"n := rand.Intn(3)\n_ = n",
			"hint: did you mean rand.IntN?"},
		{"math/rand's *rand.Rand where math/rand/v2's is wanted", []string{`import "math/rand"`, hessian},
			"hessian.RandomRotation(3, rand.New(rand.NewSource(1)))",
			`hint: *rand.Rand of "math/rand" and "math/rand/v2" are different types: the value is "math/rand"'s, and the func takes "math/rand/v2"'s; import "math/rand/v2" instead`},
		{"an error with nothing to add", nil, "x := 1 +", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _, _ := newSession(t)
			for _, c := range tc.setup {
				if _, err := s.Execute(context.Background(), c); err != nil {
					t.Fatalf("setup %q: %v", c, err)
				}
			}
			_, err := s.Execute(context.Background(), tc.code)
			var e Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v, want an Error", err)
			}
			tb := strings.Join(e.Traceback(), "\n")
			if tc.hint == "" {
				if strings.Contains(tb, "hint:") {
					t.Errorf("traceback %q has a hint, want none", tb)
				}
				return
			}
			if !strings.Contains(tb, tc.hint) {
				t.Errorf("traceback %q does not contain %q", tb, tc.hint)
			}
		})
	}
}

// go/types' wording of the same mistakes gets the same hints.
func TestHintsGoTypesWording(t *testing.T) {
	s, _, _ := newSession(t)
	for _, c := range []string{`import "github.com/gocurve/gocurve/lib/optim"`, `import "github.com/gocurve/gocurve/lib/hessian"`, `import "math/rand/v2"`,
		"import \"gonum.org/v1/gonum/mat\"\nq := &hessian.Quadratic{A: mat.NewSymDense(1, []float64{1})}"} {
		if _, err := s.Execute(context.Background(), c); err != nil {
			t.Fatalf("setup %q: %v", c, err)
		}
	}
	for _, tc := range []struct{ line, msg, hint string }{
		{"optim.Run(optim.GD{LR: 0.1}, obj, x, nil)",
			"1:11: cannot use optim.GD{…} (value of struct type optim.GD) as optim.Optimizer value in argument to optim.Run: optim.GD does not implement optim.Optimizer (method Reset has pointer receiver)",
			"write &optim.GD{…}"},
		{"hessian.Lanczos(q, 2, hessian.Largest, nil)",
			"1:17: cannot use q (variable of type *hessian.Quadratic) as hessian.Operator value in argument to hessian.Lanczos: *hessian.Quadratic does not implement hessian.Operator (missing method Apply)",
			"write q.Operator()"},
		{"q.Minimiser()",
			"1:3: q.Minimiser undefined (type *hessian.Quadratic has no field or method Minimiser)",
			"did you mean q.Minimizer?"},
		{"rand.NewSource(1)",
			"1:6: undefined: rand.NewSource",
			`rand.NewSource is in "math/rand", not "math/rand/v2"`},
	} {
		e := s.hinter(nil, tc.line).add(&cellError{kind: KindCompileError, msg: tc.msg, trace: []string{tc.msg}})
		if tb := strings.Join(e.trace, "\n"); !strings.Contains(tb, "hint: ") || !strings.Contains(tb, tc.hint) {
			t.Errorf("%s: traceback %q does not contain the hint %q", tc.msg, tb, tc.hint)
		}
	}
}
