package cell_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/gocurve/gocurve/kernel/cell"
)

// TestWaits: which declarations wait and for what, which earlier ones
// come back ready, and what is refused.
func TestWaits(t *testing.T) {
	corner := cell.Item{Kind: cell.Func, Names: []string{"corner"}, Orig: "func corner(i int) int { return f(i) * 2 }", Waits: []string{"f"}}
	fetcher := cell.Item{Kind: cell.Type, Names: []string{"fetcher"}, Orig: "fetcher map[string]*result", Waits: []string{"result"}}
	tests := []struct {
		name    string
		src     string
		pending []cell.Item
		waits   map[string]string // item name → its Waits, joined; "" for ready
		earlier []string          // the items marked Earlier
		err     string            // a substring of the error, "" for none
	}{
		{name: "a func calling an undeclared func", src: "func corner(i int) int { return f(i) * 2 }",
			waits: map[string]string{"corner": "f"}},
		{name: "through another declaration", src: "func a() int { return b() }\nfunc c() int { return a() + d() }",
			waits: map[string]string{"a": "b", "c": "b,d"}},
		{name: "a var and a type", src: "var tracks = []string{length(\"x\")}\ntype fetcher map[string]*result",
			waits: map[string]string{"tracks": "length", "fetcher": "result"}},
		{name: "a statement is Go's error", src: "x := f(1)", err: "undefined: f"},
		{name: "a statement using one that waits", src: "func a() int { return b() }\nn := a()", err: "a is not ready: it waits for b"},
		{name: "a const is Go's error", src: "const k = f(1)", err: "undefined: f"},
		{name: "an earlier one ready now", src: "func f(i int) int { return i }", pending: []cell.Item{corner},
			waits: map[string]string{"f": "", "corner": ""}, earlier: []string{"corner"}},
		{name: "an earlier one still waiting", src: "fmt.Println(1)", pending: []cell.Item{corner},
			waits: map[string]string{"corner": "f"}, earlier: []string{"corner"}},
		{name: "an earlier one declared again", src: "func corner(i int) int { return i }", pending: []cell.Item{corner},
			waits: map[string]string{"corner": ""}},
		{name: "a spec of a type group", src: "type result struct{ body string }", pending: []cell.Item{fetcher},
			waits: map[string]string{"result": "", "fetcher": ""}, earlier: []string{"fetcher"}},
		{name: "an earlier one that does not compile once ready", src: "func f(i int) string { return \"\" }", pending: []cell.Item{corner},
			err: "corner, which an earlier cell declared and which waited for names this cell declares, does not compile now"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := preloadedOptions()
			opts.Pending = tt.pending
			c := parseWant(t, tt.src, opts, tt.err)
			if c == nil {
				return
			}
			var earlier []string
			for _, it := range c.Items {
				if len(it.Names) == 0 {
					continue
				}
				if want, ok := tt.waits[it.Names[0]]; ok && strings.Join(it.Waits, ",") != want {
					t.Errorf("%s waits for %q, want %q", it.Names[0], it.Waits, want)
				}
				if it.Earlier {
					earlier = append(earlier, it.Names[0])
					if it.Line > 0 {
						t.Errorf("%s of an earlier cell is on cell line %d", it.Names[0], it.Line)
					}
				} else if line := strings.Count(tt.src[:strings.Index(tt.src, it.Orig)], "\n") + 1; it.Line != line {
					t.Errorf("%s is on cell line %d, want %d", it.Names[0], it.Line, line)
				}
			}
			if !slices.Equal(earlier, tt.earlier) {
				t.Errorf("earlier items %q, want %q", earlier, tt.earlier)
			}
		})
	}
}

// parseWant parses src, failing the test unless its error contains
// wantErr ("" for none); nil when it failed as wanted.
func parseWant(t *testing.T, src string, opts *cell.Options, wantErr string) *cell.Cell {
	t.Helper()
	c, err := cell.Parse(src, opts)
	if wantErr != "" {
		if err == nil || !strings.Contains(err.Error(), wantErr) {
			t.Fatalf("Parse(%q) error %v, want %q", src, err, wantErr)
		}
		return nil
	}
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	return c
}
