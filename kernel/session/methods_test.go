package session

import "testing"

// TestMethodCalls covers the calls of methods on cell-defined types, which
// the cell package writes as method expression calls (kernel/cell/methods.go):
// what they print, return, change and panic with must be Go's.
func TestMethodCalls(t *testing.T) {
	decl := "import \"fmt\"\ntype inner struct{ k int }\nfunc (i *inner) up() { i.k++ }\n" +
		"type counter struct{ n float64; v inner; inner }\n" +
		"func (c *counter) add(k float64) *counter { c.n += k; return c }\n" +
		"func (c counter) get() float64 { return c.n }\n" +
		"func (c counter) bump() float64 { c.n++; return c.n }\n" +
		"func (c counter) String() string { return fmt.Sprintf(\"counter(%g)\", c.n) }"
	tests := []struct {
		name  string
		steps []step
	}{
		{"receivers: pointer, addressable value, field, value", []step{
			{code: decl},
			{code: "c := &counter{}\nvar d counter\nfor i := 0; i < 3; i++ {\n\tc.add(1).add(c.get())\n}\nd.add(2)\nd.v.up()\nc.v.up()\nd.up()\nfmt.Println(c.n, d.n, d.v.k, c.v.k, d.inner.k, d.bump(), d.get(), c.get())",
				out: "14 2 1 1 1 3 2 14\n"},
			{code: "d.get()", display: "2"},
			{code: "fmt.Println(c, d)", out: "counter(14) counter(2)\n"},
		}},
		{"a method declared in a later cell, a type redefined", []step{
			{code: decl},
			{code: "func (c *counter) twice() { c.add(c.n) }\nc := &counter{n: 1}\nc.twice()\nc.twice()\nfmt.Println(c.get())", out: "4\n"},
			{code: "type counter struct{ n, m float64 }\nfunc (c *counter) add(k float64) *counter { c.m += k; return c }\nc := &counter{}\nc.add(5)\nfmt.Println(c.n, c.m)", out: "0 5\n"},
		}},
		{"recursion, closures and a shadowed type name", []step{
			{code: decl},
			{code: "func (c *counter) down(k int) int { if k == 0 { return int(c.n) }; return c.down(k-1) + 1 }\nc := &counter{n: 10}\nf := func() int { return c.down(3) }\nfunc() { counter := 2; fmt.Println(counter, c.add(1).get()) }()\nfmt.Println(f())",
				out: "2 11\n14\n"},
		}},
		{"receivers held by the session across cells", []step{
			{code: decl + "\nfunc (c *counter) addAll(ks ...float64) { for _, k := range ks { c.add(k) } }"},
			{code: "var d counter\ntype holder struct{ c counter; p *counter }\nh := holder{p: &counter{}}"},
			{code: "d.add(2)\nh.c.add(3)\nh.p.add(4)\nd.addAll(1, 2)\nks := []float64{5, 6}\nh.c.addAll(ks...)"},
			{code: "f := d.add\nf(10)\nvar s fmt.Stringer = d\nfmt.Println(d.n, h.c.n, h.p.n, s.String())", out: "15 14 4 counter(15)\n"},
		}},
		{"a panic in a method", []step{
			{code: decl},
			{code: "func (c *counter) boom() { panic(\"kaboom\") }\nc := &counter{}\nc.boom()", errName: "Panic", errHas: "kaboom"},
			{code: "var p *counter\nfmt.Println(p.add(1))", errName: "Panic", errHas: "nil pointer dereference"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runSteps(t, tt.steps) })
	}
}
