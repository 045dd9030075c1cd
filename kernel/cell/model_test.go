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
		// With iota, each constant of the group is written as its value.
		{"const (\n\tA float64 = iota / 2\n\tB\n\tC\n\tD\n)", "D float64 = 1.0"},
		{"const (\n\tA, B float64 = iota / 2, iota\n\tC, D\n\tE, F\n)", "E, F float64 = 1.0, 2.0"},
		// Left alone: integer results, float divisions.
		{"x := 7 / 2", "x := 7 / 2"},
		{"var r float64 = 7.0 / 2", "var r float64 = 7.0 / 2"},
		// Both dynamic types known, of one representation: Go's answer.
		{"type C float64\n_ = any(C(2)) == 2.0", "_ = func(any, any) bool { return false }(any(C(2)), 2.0)"},
		{"type P struct{ X int }\ntype Q struct{ X int }\n_ = any(P{1}) != any(Q{1})", "_ = !func(any, any) bool { return false }(any(P{1}), any(Q{1}))"},
		{"type P struct{ X int }\n_ = any(P{1}) == any(P{1})", "_ = any(P{1}) == any(P{1})"},
		// An interface that may hold either of two types of one shape.
		{"type P struct{ X int }\ntype Q struct{ X int }\nvar v any = P{1}\n_ = v == Q{1}", HelperEqual + "(v, Q{1}, false, 1, "},
		// Types of different shapes, or none yet: a call of HelperEqual
		// too, which the runtime answers from the representations the
		// session's types have when it runs (a later cell may declare a
		// type of one shape with what it compares).
		{"type P struct{ X int }\ntype Q struct{ Y int }\nvar v any = P{1}\n_ = v == Q{1}", HelperEqual + "(v, Q{1}, false, 1, "},
		{"func eq(a, b any) bool { return a == b }", "return " + HelperEqual + "(a, b, true, 0, \"a == b\")"},
		{"type C float64\nvar a, b any = C(2), 2.0\n_ = a != b", "_ = !" + HelperEqual + "(a, b, false, 1, \"a != b\")"},
		{"var v any = 2\nswitch v {\ncase 2.0:\n}", "switch " + HelperTemp + "_sw := v;  {\ncase " + HelperEqual + "(" + HelperTemp + "_sw, 2.0, false, 0, "},
		{"func f() any { return 1 }\nswitch v := f(); v {\ncase 1:\n}", "switch v := f();  {\ncase " + HelperEqual + "(v, 1, false, 0, "},
		{"type Shape interface{ Area() float64 }\nfunc same(a, b Shape) bool { return a == b }", "return " + HelperEqual + "(a, b, true, 1, \"a == b\")"},
		// A key of a map keyed by any is checked when it runs; a map
		// with another key type is left alone.
		{"m := map[any]int{1: 2}\nk := 3\nm[k]++\ndelete(m, 1)", "m := map[any]int{" + HelperKey + "(1, \"1\"): 2}"},
		{"m := map[any]int{}\nk := 3\nm[k]++", "m[" + HelperKey + "(k, \"k\")]++"},
		{"m := map[any]int{}\ndelete(m, 1)", "delete(m, " + HelperKey + "(1, \"1\"))"},
		{"m := map[string]int{}\nm[\"a\"]++", "m[\"a\"]++"},
		{"type T struct{ X int }\nfunc (T) M() {}\nm := map[any]int{}\nvar k any = T{1}\nm[k]++", "m[" + HelperKey + "(k, \"k\")]++"},
		// A variable of the cell's top level in a func the cell declares,
		// which the model leaves to the interpreter.
		{"var d any = 1\nfunc eq(k any) bool { return k == d }", "return " + HelperEqual + "(k, d, false, 0, \"k == d\")"},
		{"m := map[any]int{}\nfunc add(k any) { m[k]++ }", "func add(k any) { m[" + HelperKey + "(k, \"k\")]++ }"},
		// An assertion to an interface a cell declares asserts to the
		// cell types that implement it first; one to a package's
		// interface is the interpreter's.
		{"type I interface{ M() }\ntype T struct{ X int }\nfunc (T) M() {}\nvar v any = T{1}\n_, ok := v.(I)", "_, ok := func(" + HelperTemp + "_x any) (I, bool) { if " + HelperTemp + "_v, " + HelperTemp + "_ok := " + HelperTemp + "_x.(T); "},
		{"type I interface{ M() }\ntype T struct{ X int }\nfunc (T) M() {}\nvar v any = T{1}\n_ = v.(I)", HelperMissed + "(" + HelperTemp + "_x, \"M\", \"v.(I)\"); return " + HelperTemp + "_x.(I) }(v)"},
		{"type C float64\nfunc (C) M() {}\nvar v any = C(1)\n_, ok := v.(interface{ M() })", HelperLost + "(\"v.(interface{ M() })\", \"C\")"},
		{"import \"fmt\"\nvar v any = 1\n_, ok := v.(fmt.Stringer)", "_, ok := v.(fmt.Stringer)"},
		// An assertion to a type that is not an interface, where a cell
		// type has its representation, checks a match when it runs.
		{"type C float64\nvar v any = 2.5\n_, ok := v.(float64)", "if " + HelperTemp + "_ok { " + HelperShape + "(" + HelperTemp + "_x, true, \"v.(float64)\") }"},
		{"type P struct{ X int }\nvar v any = P{1}\n_, ok := v.(P)", "_, ok := v.(P)"},
		{"type P struct{ X int }\nvar v any = P{1}\nswitch v.(type) {\ncase P:\n}", "_, ok := __gocurve_ts"},
		{"type P struct{ X int }\nvar v any = P{1}\nswitch v.(type) {\ncase P:\n}", "(P); if ok { " + HelperShape + "(__gocurve_ts"},
		{"type C float64\nvar v any = 2.5\n_, ok := v.(int)", "_, ok := v.(int)"},
		// Cell types with methods of one shape: an assertion to one, and
		// a type switch's case of any such type, are checked by the type
		// the interpreter keeps beside the value; a value stored in an
		// any keeps it as an element of a []any.
		{dogCat + "var a A = D{1}\n_, ok := a.(D)", "_, ok := func(" + HelperTemp + "_x any) (D, bool) { "},
		{dogCat + "var a A = D{1}\n_, ok := a.(D)", HelperIs + "(&" + HelperTemp + "_x, \"main.D\", \"main.A\", false, \"a.(D)\")"},
		{dogCat + "var a A = D{1}\n_ = a.(*C)", HelperIs + "(&" + HelperTemp + "_x, \"*main.C\", \"main.A\", true, \"a.(*C)\")"},
		{"type D struct{ X int }\nfunc (D) M() {}\nvar v any = D{1}\nswitch v.(type) {\ncase D:\n}", "(D); if ok { ok = " + HelperIs + "(&__gocurve_ts"},
		{dogCat + "var v any = D{1}", "var v any = (" + copyAs("D", "any") + "((D{1})))"},
		{dogCat + "var v any\nv = any(C{1})", "v = []any{(" + copyAs("C", "any") + "((C{1})))}[0]"},
		{dogCat + "func f() any { return D{1} }", "return (" + copyAs("D", "any") + "((D{1})))"},
		{dogCat + "func f() (A, any) { return D{1}, C{2} }", "return (D{1}), ((" + copyAs("C", "any") + "((C{2}))))"},
		{"type D struct{ X int }\nfunc (D) M() {}\nvar v any = D{1}", "var v any = (" + copyAs("D", "any") + "((D{1})))"},
		// Left alone: no interface, nil, a compiled package's variable, or
		// both dynamic types known.
		{"x, y := 1, 2\n_ = x == y", "_ = x == y"},
		{"var v any\n_ = v == nil", "_ = v == nil"},
		{"import \"io\"\nvar err error\n_ = err == io.EOF", "_ = err == io.EOF"},
		{"_ = any(1) == any(2)", "_ = any(1) == any(2)"},
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

// dogCat declares two cell types with methods of one shape, D and C, and
// an interface both implement, A.
const dogCat = "type A interface{ M() }\ntype D struct{ X int }\ntype C struct{ X int }\nfunc (D) M() {}\nfunc (C) M() {}\n"

// copyAs is the func literal checkIfaceConvs calls with a value of type t
// converted to the interface i.
func copyAs(t, i string) string {
	ret := HelperTemp + "_c"
	if i == "any" {
		ret = "[]any{" + ret + "}[0]"
	}
	return "func(" + HelperTemp + "_c " + t + ") " + i + " { return " + ret + " }"
}
