package cell

import (
	"strings"
	"testing"
)

// TestMethodCalls shows which calls become method expression calls and
// which are left as written.
func TestMethodCalls(t *testing.T) {
	decl := "type inner struct{ k int }\nfunc (i *inner) up() { i.k++ }\n" +
		"type counter struct{ n float64; v inner; inner }\n" +
		"func (c *counter) add(k float64) *counter { c.n += k; return c }\n" +
		"func (c counter) get() float64 { return c.n }\n" +
		"type G[T any] struct{ v T }\nfunc (g *G[T]) set(v T) { g.v = v }\n" +
		"c := &counter{}\nvar d counter\nvar g G[int]\nvar s interface{ get() float64 } = d\n"
	tests := []struct{ stmt, want string }{
		{"_ = c.add(1)", "_ = (*counter).add(c, 1)"},
		{"_ = d.add(2)", "_ = (*counter).add(&d, 2)"},
		{"d.v.up()", "(*inner).up(&d.v)"},
		{"c.v.up()", "(*inner).up(&c.v)"},
		{"_ = d.get()", "_ = counter.get(d)"},
		{"_ = c.add(1).add(c.get())", "_ = (*counter).add((*counter).add(c, 1), c.get())"},
		{"_ = c.add(\n\t1,\n)", "_ = (*counter).add(c, \n\t1,\n)"}, // (a final *counter is shown through fmt: finaldisplay.go)
		{"_ = counter{}.get()", "_ = counter.get(counter{})"},
		// Left alone: a value method through a pointer, a promoted method,
		// an interface, a generic type, a type name
		// hidden by a local (and go and defer, below).
		{"_ = c.get()", "_ = c.get()"},
		{"d.up()", "d.up()"},
		// (a method value of a pointer is bound to the pointer it holds
		// now, as Go binds it: yaegi bound it to the variable)
		{"f := c.add", "f := func(__gocurve_t *counter) func(k float64) *counter { return __gocurve_t.add }(c)"},
		{"_ = s.get()", "_ = s.get()"},
		{"g.set(1)", "g.set(1)"},
		{"func() { counter := 1; _ = counter; c.add(1) }()", "func() { counter := 1; _ = counter; c.add(1) }()"},
	}
	for _, tt := range tests {
		t.Run(tt.stmt, func(t *testing.T) {
			c, err := Parse(decl+tt.stmt, nil)
			if err != nil {
				t.Fatal(err)
			}
			last := c.Items[len(c.Items)-1]
			if got := strings.TrimSpace(last.Src); got != tt.want {
				t.Errorf("rewritten as %q, want %q", got, tt.want)
			}
		})
	}
	c, err := Parse(decl+"go c.add(1)\ndefer d.add(2)", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range c.Items[len(c.Items)-2:] {
		if strings.Contains(it.Src, "(*counter)") {
			t.Errorf("go or defer call rewritten: %q", it.Src)
		}
	}
}
