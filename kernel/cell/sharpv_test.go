package cell

import (
	"strings"
	"testing"
)

// TestSharpV shows which %#v operands go through HelperSharpV (those
// whose text under Go names a type declared in a cell), with the verb
// made %s, and which are refused, with why.
func TestSharpV(t *testing.T) {
	decl := "type P struct{ X int }\ntype C float64\ntype S [2]C\n" +
		"type Shape interface{ Area() float64 }\ntype Sq struct{ s float64 }\nfunc (q Sq) Area() float64 { return q.s }\n" +
		"type H struct{ S Shape }\ntype A struct{ V any }\ntype E struct{ Err error }\ntype T struct{ kids []T }\n" +
		"type G struct{ p *G }\ntype GS struct{ X int }\nfunc (GS) GoString() string { return \"gs\" }\ntype Box[V any] struct{ v V }\n"
	tests := []struct {
		stmt    string
		rewrite string // in the rewritten cell
		refusal string // in the refusal; "" when not refused
	}{
		{`fmt.Printf("%#v", P{1})`, `fmt.Printf("%#s", ` + HelperSharpV + `("[{\"k\":\"struct\",\"n\":\"main.P\",\"f\":[{\"n\":\"X\",\"t\":1}]},{\"k\":\"leaf\"}]")(P{1}))`, ""},
		{`fmt.Printf("%#v", []P{{1}})`, `"[{\"k\":\"slice\",\"n\":\"[]main.P\",\"e\":1},`, ""},
		{`fmt.Printf("%#v", S{})`, `"[{\"k\":\"array\",\"n\":\"main.S\",\"e\":1},{\"k\":\"leaf\"}]"`, ""},
		{`_ = fmt.Sprintf("%d %#v", 1, &P{})`, `fmt.Sprintf("%d %#s", 1, ` + HelperSharpV, ""},
		{`fmt.Printf("%#v", map[string]*P{})`, `\"n\":\"map[string]*main.P\",\"key\":1,\"e\":2}`, ""},
		{`fmt.Printf("%#v", E{})`, `{\"k\":\"iface\",\"n\":\"error\"}`, ""},
		{`fmt.Printf("%#v", G{})`, `{\"k\":\"ptr\",\"n\":\"*main.G\"}`, ""},
		{`fmt.Printf("%#v", C(2))`, `fmt.Printf("%#v", C(2))`, ""},
		{`fmt.Printf("%#v", []int{1})`, `fmt.Printf("%#v", []int{1})`, ""},
		{`fmt.Printf("%+v", P{1})`, `fmt.Printf("%+v", P{1})`, ""},
		// refused: what the interpreter's value cannot tell
		{`fmt.Printf("%#v", H{Sq{1}})`, `{\"k\":\"iface\",\"n\":\"main.Shape\",\"r\":1}`, ""},
		{`fmt.Printf("%#v", H{Sq{1}})`, `, func(__gocurve_v Shape) any { if __gocurve_v == nil { return nil }; if __gocurve_c, ok := __gocurve_v.(Sq); ok { return ` + HelperSharpDyn + `(2, __gocurve_c) }; `, ""},
		{`fmt.Printf("%#v", Shape(Sq{1}))`, `fmt.Printf("%#s", func(__gocurve_x Shape) string { return ` + HelperSharpV + `(`, ""},
		// refused: what the interpreter's value cannot tell
		{`fmt.Printf("%#v", A{1})`, "", "%#v of a A cannot print what Go prints (main.T{...}) in the interpreter: it is or holds an interface without methods"},
		{"type Q1 struct{ X int }\ntype Q2 struct{ X int }\nfunc (Q1) Area() float64 { return 1 }\nfunc (Q2) Area() float64 { return 2 }\nfmt.Printf(\"%#v\", H{})", "", "Shape may hold types declared in cells that the interpreter cannot tell apart"},
		{`fmt.Printf("%#v", map[Shape]int{})`, "", "map[Shape]int is keyed by an interface"},
		{`fmt.Printf("%#v", map[struct{ K error }]P{})`, "", "is keyed by an interface"},
		{`fmt.Printf("%[1]#v", P{1})`, "", "a P printed through a format with an argument index"},
		{`fmt.Printf("%#v %*d %#v", P{1}, 3, 4, P{2})`, `fmt.Printf("%#s %*d %#s", ` + HelperSharpV, ""},
		{`fmt.Printf("%#v %[3]d %v", P{1}, 3, P{2})`, "", "17:37: a P printed through a format with an argument index"},
		{`fmt.Printf("%%[1] %*d %v", 3, 4, 5)`, `fmt.Printf("%%[1] %*d %v", 3, 4, 5)`, ""},
		{"func show[V any](v V) { fmt.Printf(\"%#v\", v) }", "", "V is a type parameter, which may stand for a type declared in a cell"},
		{`fmt.Printf("%#v", []any{P{1}})`, "", "%#v of a []any cannot print what Go prints"},
		{`fmt.Printf("%#v", map[string]Shape{})`, `\"n\":\"map[string]main.Shape\"`, ""},
		{`fmt.Printf("%#v", struct{ E []error }{})`, `fmt.Printf("%#v", struct{ E []error }{})`, ""},
		{`log.Printf("%d %#v", 1, P{1})`, "", "log.Printf with %#v of a P: log formats with compiled fmt"},
		{`log.Fatalf("%T", []P{})`, "", "log.Fatalf with %T of a []P"},
		{`log.Printf("%#v %v", 1, P{1})`, `log.Printf("%#v %v", 1, P{1})`, ""},
		{`log.Print(fmt.Sprintf("%#v", P{1}))`, `log.Print(fmt.Sprintf("%#s", ` + HelperSharpV, ""},
		{`fmt.Printf("%#v", T{})`, "", "T holds itself through a slice, map or array"},
		{`fmt.Printf("%#v", GS{})`, "", "GS has a GoString or Format method"},
		{`fmt.Printf("%#v", Box[int]{})`, "", "Box[int] is generic"},
		{`fmt.Printf("%8#v", P{})`, "", "%#v of a P prints the interpreter's structure"},
		{`const f = "%#v"; fmt.Printf(f, P{})`, "", "%#v of a P prints the interpreter's structure"},
	}
	for _, tt := range tests {
		t.Run(tt.stmt, func(t *testing.T) {
			c, err := Parse("import \"fmt\"\nimport \"log\"\n"+decl+tt.stmt, nil)
			if tt.refusal != "" {
				if err == nil || !strings.Contains(err.Error(), tt.refusal) {
					t.Fatalf("error %v, want a refusal with %q", err, tt.refusal)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var src []string
			for _, it := range c.Items {
				src = append(src, it.Src)
			}
			if got := strings.Join(src, "\n"); !strings.Contains(got, tt.rewrite) {
				t.Errorf("rewritten:\n%s\nwant it to contain:\n%s", got, tt.rewrite)
			}
		})
	}
}
