package session

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/traefik/yaegi/interp"
)

// Redeclare moves the session to a new interpreter with every
// declaration and func literal compiled through Options.Replay, and a
// program cannot tell; when it could, it stays and says why.
func TestRedeclare(t *testing.T) {
	tests := []struct {
		name  string
		cells []string
		why   string // "" when it moves
	}{
		{"funcs, methods, values", []string{
			"func grad(x float64) float64 { return 2 * x }\ntheta := 5.0",
			"type P struct{ X float64 }\nfunc (p P) Norm() float64 { return p.X * p.X }\np := P{3}",
			"sq := func(v float64) float64 { return v * v }\nxs := []float64{1, 2}\nptr := &theta",
		}, ""},
		{"a closure in a slice", []string{"fs := []func() int{func() int { return 1 }}"}, "fs holds an interpreted closure"},
	}
	for _, tt := range tests {
		var replayed []string
		var out syncBuffer
		s, err := New(Options{Stdout: &out, Replay: func(in *interp.Interpreter, src string) (reflect.Value, error) {
			replayed = append(replayed, src)
			return evalSafe(in, src)
		}})
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		for _, c := range tt.cells {
			if _, err := s.Execute(ctx, c); err != nil {
				t.Fatalf("%s: %q: %v", tt.name, c, err)
			}
		}
		old := s.in
		replayed = nil
		why := s.Redeclare()
		if !strings.Contains(why, tt.why) || (tt.why == "") != (why == "") {
			t.Errorf("%s: Redeclare() = %q, want %q", tt.name, why, tt.why)
			continue
		}
		if why != "" {
			if s.in != old {
				t.Errorf("%s: the session moved though Redeclare refused", tt.name)
			}
			continue
		}
		all := strings.Join(replayed, "\n")
		for _, want := range []string{"func grad", "func (p P) Norm", "sq = func"} {
			if !strings.Contains(all, want) {
				t.Errorf("%s: %q not compiled through Replay (it got %q)", tt.name, want, replayed)
			}
		}
		if _, err := s.Execute(ctx, "*ptr = 4\nfmt.Println(grad(theta), p.Norm(), sq(xs[1]), theta)"); err != nil {
			t.Fatal(err)
		}
		if got, want := out.String(), "8 9 4 4\n"; got != want {
			t.Errorf("%s: after Redeclare: %q, want %q", tt.name, got, want)
		}
	}
}
