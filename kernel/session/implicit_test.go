package session

import (
	"go/types"
	"testing"
)

// TestImplicitTypes checks that the model's slices, maps and cmp are made
// from the prelude and hold its funcs with Go's names and signatures.
func TestImplicitTypes(t *testing.T) {
	pkgs, err := implicitTypes()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ pkg, name, sig string }{
		{"slices", "Sort", "func[E cmp.Ordered](x []E)"},
		{"slices", "Concat", "func[E any](ss ...[]E) []E"},
		{"maps", "Keys", "func[K comparable, V any](m map[K]V) func(yield func(K) bool)"},
		{"slices", "Sorted", "func[E cmp.Ordered](seq func(yield func(E) bool)) []E"},
		{"cmp", "Or", "func[T comparable](vals ...T) T"},
		{"cmp", "Compare", "func[T cmp.Ordered](x T, y T) int"},
	} {
		p := pkgs[c.pkg]
		if p == nil {
			t.Fatalf("no package %s", c.pkg)
		}
		obj := p.Scope().Lookup(c.name)
		if obj == nil {
			t.Errorf("%s has no %s", c.pkg, c.name)
			continue
		}
		if got := types.TypeString(obj.Type(), (*types.Package).Name); got != c.sig {
			t.Errorf("%s.%s: %s, want %s", c.pkg, c.name, got, c.sig)
		}
	}
	if pkgs["cmp"].Scope().Lookup("Ordered") == nil {
		t.Error("cmp has no Ordered")
	}
}
