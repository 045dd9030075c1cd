package magic

import (
	"slices"
	"testing"

	"github.com/gocurve/gocurve/kernel/complete"
)

func TestEditorRequests(t *testing.T) {
	decls := []complete.Decl{{Name: "lr", Kind: "var", Type: "float64"}}
	t.Run("magic names", func(t *testing.T) {
		c := Complete("%ti", 3, decls)
		var got []string
		for _, m := range c.Matches {
			got = append(got, m.Text)
		}
		if !slices.Equal(got, []string{"time", "timeit"}) || c.Start != 1 || c.End != 3 {
			t.Fatalf("got %v [%d, %d)", got, c.Start, c.End)
		}
	})
	t.Run("Go inside %time", func(t *testing.T) {
		code := "%time hessian.Gradi"
		c := Complete(code, len(code), decls)
		if len(c.Matches) == 0 || c.Matches[0].Text != "hessian.Gradient" || c.Start != len("%time ") || c.End != len(code) {
			t.Fatalf("got %+v", c)
		}
	})
	t.Run("Go inside %%timeit", func(t *testing.T) {
		code := "%%timeit\nl"
		c := Complete(code, len([]rune(code)), decls)
		if !slices.ContainsFunc(c.Matches, func(m complete.Match) bool { return m.Text == "lr" }) {
			t.Fatalf("lr not offered: %+v", c)
		}
	})
	t.Run("inspect x?", func(t *testing.T) {
		want, _ := complete.Inspect("lr", 2, decls)
		if text, ok := Inspect("lr?", 2, decls); !ok || text != want {
			t.Fatalf("got %q, %v; want %q", text, ok, want)
		}
		if text, ok := Inspect("?lr", 3, decls); !ok || text != want {
			t.Fatalf("got %q, %v; want %q", text, ok, want)
		}
	})
	for _, tt := range []struct{ code, want string }{
		{"%vars", "complete"},
		{"!ls -la", "complete"},
		{"lr?", "complete"},
		{"%%time", "incomplete"},
		{"%%time\nfor i := 0; i < 3; i++ {", "incomplete"},
		{"%%timeit\nx := 1", "complete"},
		{"%time f(", "incomplete"},
		{"%nosuch", "invalid"},
		{"x := 1", "complete"},
	} {
		if got, _ := IsComplete(tt.code, decls); got != tt.want {
			t.Errorf("IsComplete(%q) = %s, want %s", tt.code, got, tt.want)
		}
	}
}
