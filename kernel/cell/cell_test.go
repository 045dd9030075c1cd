package cell

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	src := `import "fmt"
x := 1
// F doubles.
func F(a int) int { return 2 * a }
type (
	P struct{ A float64 }
	Q int
)
const N = 3
var v float64 = 2
func (p P) M() float64 { return p.A }
func() { fmt.Println(x) }()
F(x)`
	c, err := Parse(src, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		kind  Kind
		names string
		line  int
	}{
		{Import, "", 1}, {Stmt, "x", 2}, {Func, "F", 4}, {Type, "P", 6}, {Type, "Q", 7},
		{Const, "N", 9}, {Var, "v", 10}, {Method, "P.M", 11}, {Stmt, "", 12}, {Stmt, "", 13},
	}
	if len(c.Items) != len(want) {
		t.Fatalf("got %d items, want %d: %+v", len(c.Items), len(want), c.Items)
	}
	for i, w := range want {
		it := c.Items[i]
		if it.Kind != w.kind || strings.Join(it.Names, ",") != w.names || it.Line != w.line {
			t.Errorf("item %d = %v %v line %d, want %v %v line %d", i, it.Kind, it.Names, it.Line, w.kind, w.names, w.line)
		}
	}
	if got := c.Items[2].Doc; got != "F doubles." {
		t.Errorf("doc of F = %q", got)
	}
	if got := c.Items[2].Results; got != 1 {
		t.Errorf("results of F = %d", got)
	}
	if got := c.Items[6].Types["v"]; got != "float64" {
		t.Errorf("declared type of v = %q", got)
	}
	if f := c.Final(); f == nil || f.Expr != "F(x)" || f.Call != "F" {
		t.Errorf("final = %+v", f)
	}
	if got := c.Items[0].ImportPath; got != "fmt" {
		t.Errorf("import path = %q", got)
	}
}

func TestRewrite(t *testing.T) {
	// The session's variables that the range rewrites need the types of.
	fset := token.NewFileSet()
	ctx := NewContext(fset, nil, []ContextDecl{
		{Names: []string{"n"}, Src: "var n int"},
		{Names: []string{"cfg"}, Src: "var cfg struct{ Steps int }"},
		{Names: []string{"xs"}, Src: "var xs []float64"},
	}, nil)
	tests := []struct {
		name, src, want string
	}{
		{"range over literal int", "for i := range 3 { f(i) }", "for i, __gocurve_n"},
		{"range over session int", "for range n { f() }", "for __gocurve_i"},
		{"range over field", "for i := range cfg.Steps { f(i) }", "(cfg.Steps)-(cfg.Steps)"},
		{"range over len", "for i := range len(xs) { f(i) }", "(len(xs))-(len(xs))"},
		{"range over slice stays", "for i := range xs { f(i) }", "func(){for i := range xs { f(i) }}()"},
		{"range over local int", "k := 4\nfor i := range k { f(i) }", "(k)-(k)"},
		{"loop var per iteration", "for i := 0; i < 3; i++ { fs = append(fs, func() { g(i) }) }", "{ i := i;"},
		{"loop var assigned in body stays", "for i := 0; i < 3; i++ { i++; go g(i) }", "{ i++;"},
		{"range vars per iteration", "for k, v := range m { go g(k, v) }", "{ k, v := k, v;"},
		{"min", "y := min(a, b)", "y := __gocurve_min(a, b)"},
		{"max constant first", "y := max(2.5, a)", "__gocurve_max(a, 2.5)"},
		{"max all constants", "y := max(1, 2.5)", "__gocurve_max(float64(1), 2.5)"},
		{"clear", "clear(m)", "__gocurve_clear(m)"},
		{"go with args", "go worker(i, ch)", "__gocurve_go(__gocurve_bind(worker, i, ch))"},
		{"go func literal", "go func() { work() }()", "__gocurve_go(func() { work() })"},
		{"go spread", "go f(xs...)", "__gocurve_go(__gocurve_binds(f, xs))"},
		{"defer", "defer fmt.Println(\"bye\", x)", "__gocurve_defer(__gocurve_bind(fmt.Println, \"bye\", x))"},
		{"defer builtin", "defer close(ch)", "__gocurve_defer(func(){close(ch)})"},
		{"select assign", "select {\ncase x = <-ch:\n}", "case __gocurve_r"},
		{"top-level switch wrapped", "switch v := a.(type) {\ncase int:\n}", "func(){switch"},
		{"switch init before an expression tag", "switch v := f(); v.Kind() {\ncase 1:\n}", "func(){{ v := f(); switch v.Kind() {\ncase 1:\n} }}()"},
		{"labeled switch init", "func g() {\nL:\n\tswitch y := 2; y % 3 {\n\tcase 0:\n\t\tbreak L\n\t}\n}", "\n\t{ y := 2; L: switch y % 3 {"},
		{"switch init before a name stays", "switch v := f(); v {\ncase 1:\n}", "func(){switch v := f(); v {"},
		{"slices", "slices.Sort(xs)", "__gocurve_slices_Sort(xs)"},
		{"maps.Keys range", "for k := range maps.Keys(m) { f(k) }", "for _, k := range __gocurve_maps_Keys(m)"},
		{"method expression", "type C struct{ N int }\nfunc (c *C) Add(n int) int { c.N += n; return c.N }\nadd := (*C).Add", "add := func(__gocurve_recv *C, __gocurve_a0 int) int { return __gocurve_recv.Add(__gocurve_a0) }"},
		{"method expression of the session", "inc := (*Cnt).Inc", "inc := func(__gocurve_recv *Cnt) { __gocurve_recv.Inc() }"},
		{"generic variadic call", "func Largest[T int | string](xs ...T) T { return xs[0] }\nfmt.Println(Largest(3, 9, 2), Largest(\"b\", \"a\"))", "Largest[int](3, 9, 2), Largest[string](\"b\", \"a\")"},
		{"defer in a func binds its arguments", "func f() {\n\tx := 1\n\tdefer g(x)\n\tx = 2\n}", "defer __gocurve_bind(g, x)()"},
		{"shadowed min stays", "func min(a, b int) int { return a }\ny := min(1, 2)", "y := min(1, 2)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse(tt.src, &Options{FileSet: fset, Context: func() *Context { return ctx }, Methods: map[string]string{"Cnt.Inc": "func (c *Cnt) Inc()"}})
			if err != nil {
				t.Fatal(err)
			}
			var all, written []string
			for _, it := range c.Items {
				all = append(all, it.Src)
				if !it.Synthetic || len(it.Names) == 0 || !strings.HasPrefix(it.Names[0], sliceTwinPrefix) {
					written = append(written, it.Src) // (a twin is a declaration more)
				}
			}
			got := strings.Join(all, "\n")
			if !strings.Contains(got, tt.want) {
				t.Errorf("rewrite of %q =\n%s\nwant it to contain %q", tt.src, got, tt.want)
			}
			if strings.Count(strings.Join(written, "\n"), "\n") != strings.Count(tt.src, "\n") {
				t.Errorf("rewrite changed the number of lines:\n%s", got)
			}
		})
	}
}

func TestSyntaxErrorPosition(t *testing.T) {
	tests := []struct {
		src       string
		line, col int
	}{
		{"x := 1\ny := (2 +\n", 2, 10},
		{"x := 1\nfunc f() {\n  return 1 +\n}", 4, 1},
		{"import \"fmt\"\nfmt.Println(\"a\" \"b\")", 2, 17},
		{"x := }", 1, 6},
	}
	for _, tt := range tests {
		_, err := Parse(tt.src, nil)
		list, ok := err.(ErrorList)
		if !ok || len(list) == 0 {
			t.Errorf("Parse(%q) error = %v, want a syntax error", tt.src, err)
			continue
		}
		if list[0].Line != tt.line || list[0].Col != tt.col {
			t.Errorf("Parse(%q) error at %d:%d (%s), want %d:%d", tt.src, list[0].Line, list[0].Col, list[0].Msg, tt.line, tt.col)
		}
	}
}

// FuzzRewrite checks that the rewriter never panics, and that whenever a
// cell parses, every rewritten item parses too (as a declaration or as a
// statement) with the same number of lines.
func FuzzRewrite(f *testing.F) {
	for _, s := range []string{
		"x := 1", "for i := range 10 { go f(i) }", "func f() {}\nf()", "type P struct{}\nfunc (p P) M() {}",
		"defer f(1, x)", "select { case x = <-ch: }", "y := max(2.5, x)", "import \"fmt\"\nfmt.Println(min(1, 2))",
		"for k := range maps.Keys(m) { clear(s) }", "switch x := v.(type) { case int: _ = x }",
		"var (\n a = 1\n b int\n)", "const (A = iota; B)", "L: for { break L }",
		"func seq(y func(int) bool) { y(1) }\nfunc f() int {\nL: for x := range seq {\n if x > 0 { continue L }\n for range seq { defer g(); return x }\n}\nreturn 0 }",
		"import \"iter\"\nvar s iter.Seq2[int, string]\nfor k, v := range s { _, _ = k, v; break }",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		c, err := Parse(src, &Options{})
		if err != nil {
			return
		}
		for _, it := range c.Items {
			if it.Kind == Import {
				continue
			}
			if strings.Count(it.Src, "\n") != strings.Count(it.Orig, "\n") {
				t.Fatalf("item %q rewritten to %q: line count changed", it.Orig, it.Src)
			}
			fset := token.NewFileSet()
			if isDecl(it.Kind) {
				if _, err := parser.ParseFile(fset, "", "package main;"+it.Src, 0); err != nil {
					t.Fatalf("rewritten declaration %q (from %q) does not parse: %v", it.Src, it.Orig, err)
				}
				continue
			}
			if _, err := parser.ParseFile(fset, "", "package main;func _(){"+it.Src+"\n}", 0); err != nil {
				t.Fatalf("rewritten statement %q (from %q) does not parse: %v", it.Src, it.Orig, err)
			}
		}
	})
}

func isDecl(k Kind) bool { return k == Type || k == Func || k == Method || k == Const }
