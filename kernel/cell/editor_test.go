package cell

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	const src = "x := 1\nfor i := range 3 {\n\ty := i + x\n\t_ = y\n}\nfunc f() {\n\tw := 2\n\t_ = w\n}\nz := x"
	tests := []struct {
		name    string
		at      int
		defined []string // names the model defines
		absent  []string
	}{
		{"the whole cell", -1, []string{"x", "i", "y", "f", "w", "z"}, nil},
		{"at the end: blocks left out", len(src), []string{"x", "f", "z"}, []string{"y", "w"}},
		{"in the loop: its block kept", strings.Index(src, "_ = y"), []string{"x", "i", "y", "z"}, []string{"w"}},
		{"in the func: its body kept", strings.Index(src, "_ = w"), []string{"x", "w", "z"}, []string{"y"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Check(src, tt.at, nil)
			if err != nil || m == nil {
				t.Fatalf("Check: %v, %v", m, err)
			}
			defs := map[string]bool{}
			for id, obj := range m.Info.Defs {
				if obj != nil && m.InCell(id.Pos()) {
					defs[id.Name] = true
				}
			}
			for _, n := range tt.defined {
				if !defs[n] {
					t.Errorf("%s not defined", n)
				}
			}
			for _, n := range tt.absent {
				if defs[n] {
					t.Errorf("%s defined, want its block left out", n)
				}
			}
		})
	}
	if _, err := Check("x := (", -1, nil); err == nil {
		t.Error("a syntax error was not reported")
	}
}
