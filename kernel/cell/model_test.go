package cell

import (
	"strings"
	"testing"
)

// TestModelRewrites shows rewrites the type model derives: integer
// divisions of constants that become floats written as their values,
// comparisons of interface values whose dynamic types are known to
// differ, and type parameters renamed for the interpreter.
func TestModelRewrites(t *testing.T) {
	tests := []struct{ cell, want string }{
		{"var r float64 = 3 / 2", "var r float64 = 1"},
		{"var r float64\nr = 7 / 2", "r = 3"},
		{"var r float64 = 1 + 3/2 - (9/2)", "var r float64 = 1 + 1 - (4)"},
		{"var r float64 = -7 / 2", "var r float64 = (-3)"},
		{"const h float64 = 7 / 2", "const h float64 = 3"},
		{"const n = 7\nvar r float64 = n / 2", "var r float64 = 3"},
		// Left alone: integer results, float divisions, iota (a const
		// group repeats the expression).
		{"x := 7 / 2", "x := 7 / 2"},
		{"var r float64 = 7.0 / 2", "var r float64 = 7.0 / 2"},
		{"const (\n\tA float64 = iota / 2\n\tB\n)", "A float64 = (0) / 2"},
		// Both dynamic types known, of one representation: Go's answer.
		{"type C float64\n_ = any(C(2)) == 2.0", "_ = func(any, any) bool { return false }(any(C(2)), 2.0)"},
		{"type P struct{ X int }\ntype Q struct{ X int }\n_ = any(P{1}) != any(Q{1})", "_ = !func(any, any) bool { return false }(any(P{1}), any(Q{1}))"},
		{"type P struct{ X int }\n_ = any(P{1}) == any(P{1})", "_ = any(P{1}) == any(P{1})"},
		// An interface that may hold either of two types of one shape.
		{"type P struct{ X int }\ntype Q struct{ X int }\nvar v any = P{1}\n_ = v == Q{1}", HelperEqual + "(v, Q{1}, false, 1, "},
		{"type P struct{ X int }\ntype Q struct{ Y int }\nvar v any = P{1}\n_ = v == Q{1}", "_ = v == Q{1}"},
		{"func F[T any](x T) T { return x }", "func F[" + HelperTemp + "_T any](x " + HelperTemp + "_T) " + HelperTemp + "_T { return x }"},
		{"func M[K comparable, V any](m map[K]V) []K { var ks []K; return ks }", "func M[" + HelperTemp + "_K comparable, " + HelperTemp + "_V any](m map[" + HelperTemp + "_K]" + HelperTemp + "_V) []" + HelperTemp + "_K { var ks []" + HelperTemp + "_K; return ks }"},
	}
	for _, tt := range tests {
		t.Run(tt.cell, func(t *testing.T) {
			c, err := Parse(tt.cell, nil)
			if err != nil {
				t.Fatal(err)
			}
			var src []string
			for _, it := range c.Items {
				src = append(src, it.Src)
			}
			if got := strings.Join(src, "\n"); !strings.Contains(got, tt.want) {
				t.Errorf("rewritten:\n%s\nwant it to contain:\n%s", got, tt.want)
			}
		})
	}
}
