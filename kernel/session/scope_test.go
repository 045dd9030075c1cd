package session

import (
	"context"
	"slices"
	"testing"

	"github.com/gocurve/gocurve/kernel/cell"
)

// TestModelContextKept: the type model's context kept across cells (given
// only what a cell added, when that is all that changed) is, after each
// cell, the one made afresh from the whole session, whichever way the cell
// changed it.
func TestModelContextKept(t *testing.T) {
	cells := []struct {
		name, code string
		fails      bool
	}{
		{"a func and a var added", "func f1() int { return 1 }\nvar v1 = f1()", false},
		{"a variable added", "x := 1", false},
		{"a variable redeclared with another type", "x := \"s\"", false},
		{"a variable defined again with its type", "x := \"t\"\nx2 := 2", false},
		{"an error variable added", "n, err := strconv.Atoi(\"3\")\n_ = n", false},
		{"the error variable defined again", "m, err := strconv.Atoi(\"4\")\n_ = m", false},
		{"a func replaces a variable", "func v1() {}", false},
		{"a func redefined", "func f1() string { return \"\" }", false},
		{"a type and a method", "type T struct{ A int }\nfunc (T) M() {}\nt := T{1}", false},
		{"an import added", "import m2 \"math\"\ny := m2.Pi", false},
		{"a cell that fails", "var z int = \"no\"", true},
		{"a func after the failure", "func f9() {}", false},
		{"two variables", "p, q := 1, 2\n_ = q", false},
		{"one defined again, then a panic", "p, r := 2.5, 3\n_ = r\npanic(\"stop\")", true},
		{"a variable only read", "x", false},
		{"many added", "func g1() {}\nfunc g2() {}\nvar w1, w2 = 1, 2.5", false},
	}
	s, _, _ := newSession(t)
	for _, c := range cells {
		_, err := s.Execute(context.Background(), c.code)
		if (err != nil) != c.fails {
			t.Fatalf("%s: %q: error %v", c.name, c.code, err)
		}
		var imports [][2]string
		for _, b := range s.imports {
			imports = append(imports, [2]string{b.name, b.path})
		}
		fresh := cell.NewContext(s.fset, imports, modelDecls(s.table, s.vars), nil)
		if !s.modelContext().Equal(fresh) {
			t.Errorf("after %s (%q): the kept context is not the session's", c.name, c.code)
		}
	}
}

// TestCommitReadsTypes: a cell's commit reads the types of the variables
// it defines, new or defined again, and of none other, whether the earlier
// variables are looked at or not.
func TestCommitReadsTypes(t *testing.T) {
	cells := []struct {
		code string
		want map[string]string // variable: type after the cell
	}{
		{"a := 1", map[string]string{"a": "int"}},
		{"b := 2.5", map[string]string{"a": "int", "b": "float64"}},
		{"a := \"s\"", map[string]string{"a": "string", "b": "float64"}},
		{"var e any = 1", map[string]string{"e": "interface {}"}},
		{"e = \"s\"", map[string]string{"e": "interface {}"}},
		{"c, b := 3, 4.5", map[string]string{"a": "string", "b": "float64", "c": "int"}},
		{"func f() {}\nd := []int{1}", map[string]string{"d": "[]int", "e": "interface {}"}},
	}
	s, _, _ := newSession(t)
	for _, c := range cells {
		if _, err := s.Execute(context.Background(), c.code); err != nil {
			t.Fatalf("%q: %v", c.code, err)
		}
		for name, want := range c.want {
			i := slices.IndexFunc(s.vars, func(v variable) bool { return v.name == name })
			if i < 0 {
				t.Errorf("after %q: no variable %s", c.code, name)
			} else if s.vars[i].typ != want {
				t.Errorf("after %q: %s has type %q, want %q", c.code, name, s.vars[i].typ, want)
			}
		}
	}
}
