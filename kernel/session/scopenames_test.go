package session

import (
	"context"
	"maps"
	"strings"
	"testing"

	"github.com/gocurve/gocurve/kernel/cell"
)

// namesFromScratch is what the parser is told, worked out from the whole
// session as cellOptions did before the names were kept.
func namesFromScratch(s *Session) *cell.Options {
	o := &cell.Options{Consts: map[string]bool{}, Shadowed: map[string]bool{}, Methods: map[string]string{},
		GenericFuncs: map[string]bool{}}
	for _, it := range s.table {
		for _, n := range it.Names {
			if it.Kind == cell.Const {
				o.Consts[n] = true
			}
			o.Shadowed[n] = true
		}
		if it.Kind == cell.Func && strings.HasPrefix(it.Signature, "func "+it.Names[0]+"[") {
			o.GenericFuncs[it.Names[0]] = true
		}
		if it.Kind == cell.Method {
			o.Shadowed[it.Names[0][strings.IndexByte(it.Names[0], '.'):]] = true
			if !strings.HasSuffix(it.Signature, "…") {
				o.Methods[it.Names[0]] = it.Signature
			}
		}
	}
	for _, v := range s.vars {
		o.Shadowed[v.name] = true
	}
	for _, b := range s.imports {
		if b.name == "slices" || b.name == "maps" {
			o.Shadowed[b.name] = true
		}
	}
	return o
}

// TestScopeNamesKept checks that the names kept cell by cell are the ones
// worked out from the whole session, through additions, redefinitions (a
// new interpreter), a failed cell and a restore.
func TestScopeNamesKept(t *testing.T) {
	tests := []struct {
		name  string
		cells []string
	}{
		{"declarations", []string{
			"const K = 3",
			"func min(a, b int) int { return a }",
			"func Map[T any](xs []T, f func(T) T) []T { return xs }",
			"type Pair[T any] struct{ A, B T }",
			"type Cnt struct{ n int }\nfunc (c *Cnt) Add(n int) int { c.n += n; return c.n }",
			"x := 1\nvar y = 2",
		}},
		{"redefinitions", []string{
			"func f() int { return 1 }\nv := f()",
			"const f = 2",
			"type T struct{}\nfunc (T) M() int { return 1 }",
			"type T int",
			"v := \"now a string\"",
			"const K = 1",
			"func K() int { return 1 }",
			"func Id[T any](x T) T { return x }",
			"func Id(x int) int { return x }",
		}},
		{"failed cell and imports", []string{
			"a := 1",
			"func g() int { return undefinedName }",
			"import \"slices\"\nb := slices.Max([]int{1, 2})",
			"import str \"strings\"\nc := str.ToUpper(\"x\")",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := New(Options{})
			if err != nil {
				t.Fatal(err)
			}
			check := func(s *Session, after string) {
				t.Helper()
				got, want := s.cellOptions(), namesFromScratch(s)
				for _, m := range []struct {
					what      string
					got, want map[string]bool
				}{
					{"Consts", got.Consts, want.Consts}, {"Shadowed", got.Shadowed, want.Shadowed},
					{"GenericFuncs", got.GenericFuncs, want.GenericFuncs},
				} {
					if !maps.Equal(m.got, m.want) {
						t.Errorf("after %q: %s = %v, want %v", after, m.what, m.got, m.want)
					}
				}
				if !maps.Equal(got.Methods, want.Methods) {
					t.Errorf("after %q: Methods = %v, want %v", after, got.Methods, want.Methods)
				}
				if len(got.Variadic) != len(variadics(s.imports)) {
					t.Errorf("after %q: %d variadic entries, want %d", after, len(got.Variadic), len(variadics(s.imports)))
				}
			}
			for _, c := range tt.cells {
				_, _ = s.Execute(context.Background(), c) // failing cells are part of the cases
				check(s, c)
			}
			r, err := New(Options{})
			if err != nil {
				t.Fatal(err)
			}
			check(r, "a new session")
			if _, err := r.Restore(s.State()); err != nil {
				t.Fatal(err)
			}
			check(r, "the restore")
		})
	}
}
