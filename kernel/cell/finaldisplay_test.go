package cell_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/gocurve/gocurve/kernel/cell"
)

// TestFinalDisplay: a final expression whose value holds a cell type with a
// String method below the top, or a cell type with unexported fields, is
// shown through fmt (with %v where %+v would show renamed fields), a call
// whose value fmt cannot show runs as a call statement, and a refusal that
// the wrapper meets points at the expression as written.
func TestFinalDisplay(t *testing.T) {
	const decls = "type P int\nfunc (p P) String() string { return \"p\" }\ntype B[T any] struct{ v T }\n"
	tests := []struct {
		name, src string
		expr      string // the final item's Orig (before the format rewrites); "" when refused
		line, col int    // of the refusal
	}{
		{"slice of a stringer", "[]P{1, 2}", `fmt.Sprintf("%+v", []P{1, 2})`, 0, 0},
		{"map of a stringer", "map[string]P{\"a\": 1}", `fmt.Sprintf("%+v", map[string]P{"a": 1})`, 0, 0},
		{"the stringer itself", "P(1)", "P(1)", 0, 0},
		{"plain slice", "[]int{1}", "[]int{1}", 0, 0},
		{"generic with unexported fields", "B[int]{7}", `fmt.Sprintf("%+v", B[int]{7})`, 0, 0},
		{"recursive with unexported fields: no field names", "type N struct{ v int; next *N }\nN{v: 1}", `fmt.Sprintf("%v", N{v: 1})`, 0, 0},
		{"a slice of slices of a stringer", "x := 1\n_ = x\n  [][]P{{1}}", "", 6, 3},
		{"a call whose value cannot be shown: a call statement", "func pp() [][]P { return nil }\npp()", "pp()", 0, 0},
	}
	for _, tt := range tests {
		c, err := cell.Parse(decls+tt.src, preloadedOptions())
		if tt.expr == "" {
			var list cell.ErrorList
			if !errors.As(err, &list) {
				t.Errorf("%s: error %v, want a refusal", tt.name, err)
				continue
			}
			e := list[0]
			if e.Line != tt.line || e.Col != tt.col || !strings.Contains(e.Msg, "last expression") || strings.Contains(e.Source, "Sprintf") {
				t.Errorf("%s: refusal %d:%d %q (source %q), want %d:%d about the last expression", tt.name, e.Line, e.Col, e.Msg, e.Source, tt.line, tt.col)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		final := c.Final()
		if final == nil || final.Orig != tt.expr {
			t.Errorf("%s: final %+v, want Orig %q", tt.name, final, tt.expr)
		} else if want := strings.HasSuffix(tt.name, "a call statement"); final.Void != want {
			t.Errorf("%s: Void %t, want %t", tt.name, final.Void, want)
		}
	}
}
