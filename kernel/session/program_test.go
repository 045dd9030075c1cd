package session

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

func TestPrograms(t *testing.T) {
	os.Setenv("GOCURVE_TEST_ENV", "set")
	tests := []struct {
		name  string
		steps []step
	}{
		{"declarations in any order, init then main, once", []step{
			{code: "package main\n\nimport \"fmt\"\n\nvar a = f()\n\nfunc f() int { return b * 2 }\n\nvar b = 21\n\nfunc init() { fmt.Println(\"init\", a) }\n\nfunc main() {\n\tfmt.Println(\"main\", a, b)\n}\n",
				out: "init 42\nmain 42 21\n"},
			{code: "fmt.Println(a + b)", out: "63\n"},
			{code: "x := 1\nfmt.Println(x)", out: "1\n"},
		}},
		{"two inits in source order", []step{
			{code: "package main\nimport \"fmt\"\nfunc init() { fmt.Println(1) }\nfunc main() { fmt.Println(3) }\nfunc init() { fmt.Println(2) }\n", out: "1\n2\n3\n"},
		}},
		{"main calls itself", []step{
			{code: "package main\nimport \"fmt\"\nvar n = 0\nfunc main() {\n\tn++\n\tif n < 3 {\n\t\tmain()\n\t}\n\tfmt.Println(n)\n}\n", out: "3\n3\n3\n"},
		}},
		{"a program pasted twice runs twice", []step{
			{code: "package main\nimport \"fmt\"\nvar k = 2\nfunc main() { fmt.Println(k) }\n", out: "2\n"},
			{code: "package main\nimport \"fmt\"\nvar k = 3\nfunc main() { fmt.Println(k) }\n", out: "3\n"},
			{code: "k", display: "3"},
		}},
		{"os.Exit ends the cell, not the session", []step{
			{code: "package main\nimport (\"fmt\"; \"os\")\nfunc main() {\n\tdefer fmt.Println(\"deferred\")\n\tfmt.Println(\"before\")\n\tos.Exit(3)\n\tfmt.Println(\"after\")\n}\n",
				out: "before\n", errName: "Exit", errHas: "exit status 3"},
			{code: "fmt.Println(1)\nos.Exit(0)\nfmt.Println(2)", out: "1\n", notice: "os.Exit(0) ended the cell"},
			{code: "fmt.Println(3)", out: "3\n"},
		}},
		{"the process's environment", []step{
			{code: "os.Getenv(\"GOCURVE_TEST_ENV\")", display: "set"},
			{code: "n := 0\nfor _, kv := range os.Environ() {\n\tif kv == \"GOCURVE_TEST_ENV=set\" {\n\t\tn++\n\t}\n}\nn", display: "1"},
		}},
		{"print and println as the runtime writes them", []step{
			{code: "println(1.5, \"x\", 3, true, 2 > 1)\nprint(1e21, \"|\", uint8(7), \"\\n\")\nvar p *int\nvar s []int\nvar e error\nprintln(p, s, e)",
				stderr: "1.5 x 3 true true\n1e+21|7\n0x0 [0/0]0x0 (0x0,0x0)\n"},
		}},
		{"not package main", []step{
			{code: "package foo\nfunc F() {}\n", errName: "CompileError", errHas: "package foo is not a program"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runSteps(t, tt.steps) })
	}
}

func TestShadowing(t *testing.T) {
	tests := []struct {
		name  string
		steps []step
	}{
		{"a func named like a preloaded package", []step{
			{code: "func check(v int) int { return v * 2 }\ncheck(4)", display: "8"},
			{code: "check(5)", display: "10"},
		}},
		{"a variable named like a preloaded package", []step{
			{code: "stat := 3\nstat + 1", display: "4"},
		}},
		{"a program declaring check", []step{
			{code: "package main\nimport \"fmt\"\nfunc check(b bool) { if !b { panic(\"no\") } }\nfunc main() { check(true); fmt.Println(\"ok\") }\n", out: "ok\n"},
		}},
		{"a name ending in max is not max", []step{
			{code: "lmax := 4.0\nmax(lmax, 5)", display: "5"},
		}},
		{"nested min and max", []step{
			{code: "v := 2.0\nmax(0.0, min(1.0, v))", display: "1"},
			{code: "max(0.5, min(1.0, v/10))", display: "0.5"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runSteps(t, tt.steps) })
	}
}

func TestEnvironment(t *testing.T) {
	tests := []struct {
		name  string
		steps []step
	}{
		{"x := x + 1 reads the existing x", []step{
			{code: "x := 5"},
			{code: "x := x + 1\nx", display: "6"},
			{code: "x, err := strconv.Atoi(fmt.Sprint(x + 1))\nfmt.Println(x, err)", out: "7 <nil>\n"},
		}},
		{"a tuple assignment to fields of a compiled struct sets every field", []step{
			{code: "import \"image/color\"\nimport \"gonum.org/v1/plot/vg/draw\"\nvar l draw.LineStyle\nl.Color, l.Width, l.Dashes = color.RGBA{R: 255, A: 255}, vg.Points(3), []vg.Length{1, 2}\nfmt.Println(l.Color, l.Width, l.Dashes)", out: "{255 0 0 255} 3 [1 2]\n"},
			{code: "func set(l *draw.LineStyle) {\n\tl.Color, l.Width = color.RGBA{B: 255, A: 255}, vg.Points(5)\n}\nset(&l)\nfmt.Println(l.Color, l.Width)", out: "{0 0 255 255} 5\n"},
			{code: "type P struct{ X, Y int }\np := P{1, 2}\np.X, p.Y = p.Y, p.X\nfmt.Println(p)\nfunc sw(q *P) { q.X, q.Y = q.Y, q.X+min(1, 2) }\nsw(&p)\nfmt.Println(p)", out: "{2 1}\n{1 3}\n"},
		}},
		{"a cyclic value survives a rebuild, shared pointers stay shared", []step{
			{code: "type Node struct {\n\tnext *Node\n\tv    int\n}\nn := &Node{v: 1}\nn.next = n\nm := n"},
			{code: "func f() int { return 1 }"},
			{code: "func f() int { return 2 }\nm.v = 7\nfmt.Println(n.v, n.next.v, f())", out: "7 7 2\n"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runSteps(t, tt.steps) })
	}
}

func TestStateRecursiveType(t *testing.T) {
	s, _, _ := newSession(t)
	if _, err := s.Execute(context.Background(), "type Node struct{ next *Node }\nn := &Node{}\nn.next = n"); err != nil {
		t.Fatal(err)
	}
	if len(s.State()) == 0 {
		t.Fatal("empty snapshot")
	}
}

// TestModel covers what the type model of a cell refuses or rewrites:
// constructs yaegi runs differently from Go.
func TestModel(t *testing.T) {
	tests := []struct {
		name  string
		steps []step
	}{
		{"a method value with a value receiver binds a copy", []step{
			{code: "type C struct{ n int }\nfunc (c C) Get() int { return c.n }\nfunc (c *C) Add(k int) { c.n += k }\nc := C{1}"},
			{code: "g := c.Get\nc.Add(1)\nfmt.Println(g(), c.Get())", out: "1 2\n"},
			{code: "type S[T any] struct{ a T }\nfunc (x S[T]) F() T { return x.a }\nfunc (x *S[T]) Set(v T) { x.a = v }\nfunc use() int {\n\tx := S[int]{a: 7}\n\tf := x.F\n\tx.Set(8)\n\treturn f()\n}\nuse()", display: "7"},
			{code: "import \"gonum.org/v1/gonum/mat\"\ntype M struct{ d *mat.Dense }\nfunc (m M) D() *mat.Dense { return m.d }\nmm := M{}\nh := mm.D\nmm.d = mat.NewDense(1, 1, nil)\nh() == nil", display: "true"},
			{code: "c.Add(1)\nc.Get()", display: "3"},
			{code: "h := c.Add\nh(3)\nc.Get()", display: "6"},
		}},
		{"%d of a named int with a String method prints the number", []step{
			{code: "type Weekday int\nfunc (d Weekday) String() string { return \"day\" }\nfmt.Printf(\"%d %v %s %03d\\n\", Weekday(1), Weekday(1), Weekday(2), Weekday(3))", out: "1 day day 003\n"},
			{code: "w := Weekday(4)\nfmt.Sprintf(\"%x|%d\", 255, w)", display: "ff|4"},
		}},
		{"a value of a cell type with String prints through it", []step{
			{code: "type P struct{ N string }\nfunc (p P) String() string { return \"P:\" + p.N }\np := P{\"a\"}\nfmt.Println(p, &p)\nfmt.Printf(\"%v %s\\n\", p, p)", out: "P:a P:a\nP:a P:a\n"},
			{code: "type Q struct{ in P }\nfmt.Println(Q{p}, []int{1})", out: "{{a}} [1]\n"},
		}},
		{"slices and maps of a cell type with String print through it", []step{
			{code: "type P struct{ N string }\nfunc (p P) String() string { return \"P:\" + p.N }\ntype Ps []P\nps := Ps{{\"a\"}, {\"b\"}}\nfmt.Println(ps, []P{{\"c\"}}, map[string]P{\"k\": {\"d\"}})\nfmt.Printf(\"%v|%s|%q\\n\", ps, ps, ps)", out: "[P:a P:b] [P:c] map[k:P:d]\n[P:a P:b]|[P:a P:b]|[\"P:a\" \"P:b\"]\n"},
			{code: "type E struct{ c int }\nfunc (e E) Error() string { return fmt.Sprint(\"E\", e.c) }\nfmt.Sprint([]E{{1}, {2}})", display: "[E1 E2]"},
		}},
		{"%+v and %#v of unexported fields print Go's names", []step{
			{code: "type person struct {\n\tname string\n\tage  int\n}\np := person{\"Ana\", 30}\nfmt.Printf(\"%v\\n\", p)", out: "{Ana 30}\n"},
			{code: "fmt.Printf(\"%+v\\n\", p)", out: "{name:Ana age:30}\n"},
			{code: "fmt.Printf(\"%+v\\n\", &p)", out: "&{name:Ana age:30}\n"},
			{code: "fmt.Printf(\"%#v\\n\", p)", out: "main.person{name:\"Ana\", age:30}\n"},
			{code: "type Pt struct{ X, Y int }\nfmt.Printf(\"%+v\\n\", Pt{1, 2})", out: "{X:1 Y:2}\n"},
		}},
		{"inferred type arguments are written out", []step{
			{code: "func Map[T, U any](xs []T, f func(T) U) []U {\n\tout := make([]U, 0, len(xs))\n\tfor _, x := range xs {\n\t\tout = append(out, f(x))\n\t}\n\treturn out\n}"},
			{code: "Map([]int{1, 2, 3}, func(i int) string { return fmt.Sprint(i * i) })", display: "[1 4 9]"},
			{code: "type Pt struct{ X int }\nMap([]Pt{{1}, {2}}, func(p Pt) float64 { return float64(p.X) / 2 })", display: "[0.5 1]"},
		}},
		{"an instance's alias is declared again after its generic type", []step{
			{code: "type Pair[K comparable, V any] struct {\n\tKey K\n\tVal V\n}\ntype Stack[T any] struct{ items []T }"},
			{code: "var s Stack[Pair[string, int]]\ns.items = append(s.items, Pair[string, int]{\"a\", 1})\nfmt.Println(s.items)", out: "[{a 1}]\n"},
			{code: "type Pair[K comparable, V any] struct {\n\tKey  K\n\tVal  V\n\tNote string\n}", notice: "could not carry over s"},
			{code: "s2 := Stack[Pair[string, int]]{items: []Pair[string, int]{{\"b\", 2, \"n\"}}}\nfmt.Printf(\"%+v %T\\n\", s2.items, s2)", out: "[{Key:b Val:2 Note:n}] main.Stack[main.Pair[string,int]]\n"},
			{code: "type Stack[T any] struct{ items []T; n int }"},
			{code: "s3 := Stack[Pair[string, int]]{n: 1}\nfmt.Println(s3.n, len(s3.items))", out: "1 0\n"},
		}},
		{"generic type switch and comparison", []step{
			{code: "func f[T any](i any) string {\n\tswitch i.(type) {\n\tcase T:\n\t\treturn \"T\"\n\t}\n\treturn \"other\"\n}", errName: "CompileError", errHas: "cell 3:7: a type switch case that uses a type parameter"},
			{code: "func g[T comparable](i any) bool {\n\tvar t T\n\treturn i != t\n}", errName: "CompileError", errHas: "cell 3:11: comparing an interface value"},
			{code: "func h[T comparable](a, b T) bool { return a == b }\nh(1, 1)", display: "true"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runSteps(t, tt.steps) })
	}
}

// TestRefusals are constructs refused before anything runs, with what to
// write instead.
func TestRefusals(t *testing.T) {
	tests := []struct {
		name, code, errHas string
	}{
		{"%T of a cell type in a named format", "type R struct{ W float64 }\nconst f = \"%T\\n\"\nfmt.Printf(f, R{})", "cell 3:15: %T of a R"},
		{"a cell type through a format in a variable", "type R struct{ W float64 }\nf := \"%T\\n\"\nfmt.Printf(f, R{})", "cell 3:15: a R, a type declared in a cell, printed through a format that is not a constant"},
		{"an interface that may hold a cell type through a format returned by a func", "type R struct{ W float64 }\nfunc format() string { return \"%T\\n\" }\nvar v any = R{}\nfmt.Printf(format(), v)", "cell 4:22: a any, which may hold a type declared in a cell, printed through a format"},
		{"a type switch case of a cell struct type on an error", "type E struct{ N int }\nfunc (E) Error() string { return \"e\" }\nvar err error = E{1}\nswitch err.(type) {\ncase E:\n}", "cell 5:6: asserting a value of type error to E, a struct type declared in a cell"},
		{"an error asserted to another interface", "type T struct{}\nfunc (*T) Error() string { return \"t\" }\nfunc (*T) M() {}\nvar e error = &T{}\n_, ok := e.(interface{ M() })", "cell 5:13: asserting a value of type error to interface{M()} does not work in the interpreter for *T"},
		{"a type switch on an error with an interface case", "type T struct{}\nfunc (*T) Error() string { return \"t\" }\nfunc (*T) String() string { return \"s\" }\nfunc k(e error) int {\n\tswitch e.(type) {\n\tcase fmt.Stringer:\n\t\treturn 1\n\t}\n\treturn 0\n}", "cell 6:7: asserting a value of type error to fmt.Stringer"},
		{"a type switch with an init statement", "type T struct{}\nvar a any = T{}\nswitch y := 1; a.(type) {\ncase T:\n\t_ = y\n}", "cell 3:8: a type switch with an init statement"},
		{"errors.As into a cell type that is not an error", "type E struct{}\nvar err error\nvar e *E\nerrors.As(err, &e)", "cell 4:16: errors.As: the target's type *E does not implement error"},
		{"a slice of slices of a cell type with String", "type P struct{ N string }\nfunc (p P) String() string { return p.N }\nps := [][]P{{{\"a\"}}}\nfmt.Println(ps)", "cell 4:13: printing a [][]P calls the String or Error method of its P elements"},
		{"a context key of a cell type's representation", "type userKey int\nctx := context.WithValue(context.Background(), userKey(0), 1)\n_ = ctx.Value(0)", "cell 3:15: ctx.Value with a key of type int while userKey"},
		{"log's flag for the caller's file", "log.SetFlags(log.Ltime | log.Lshortfile)", "cell 1:14: log.SetFlags with log.Lshortfile or log.Llongfile"},
		{"a struct field of a cell type with String", "type P struct{ N string }\nfunc (p P) String() string { return p.N }\ntype W struct{ In P }\nfmt.Printf(\"%v\\n\", &W{})", "cell 4:20: printing a *W"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runSteps(t, []step{{code: tt.code, errName: "CompileError", errHas: tt.errHas}, {code: "fmt.Println(1)", out: "1\n"}})
		})
	}
}

// TestInterruptKeepsNames: an interrupted cell keeps what it defined
// before the interrupt, with the values it had, as IPython does.
func TestInterruptKeepsNames(t *testing.T) {
	s, out, _ := newSession(t)
	if _, err := s.Execute(context.Background(), "old := 1"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(300 * time.Millisecond); cancel() }()
	_, err := s.Execute(ctx, "type T struct{ N int }\nfunc g() int { return 3 }\ny := T{7}\nn := 0\nfor {\n\tn++\n}\nz := 1")
	var e Error
	if !errors.As(err, &e) || e.Name() != "Interrupted" {
		t.Fatalf("error %v, want Interrupted", err)
	}
	if tb := strings.Join(e.Traceback(), "\n"); !strings.Contains(tb, "kept what the cell defined before the interrupt: n, y") {
		t.Errorf("traceback %q does not name the kept variables", tb)
	}
	out.Reset()
	if _, err := s.Execute(context.Background(), "fmt.Println(old, y.N, g(), n > 0)"); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "1 7 3 true\n" {
		t.Errorf("after the interrupt: %q, want %q", got, "1 7 3 true\n")
	}
	if _, err := s.Execute(context.Background(), "z"); err == nil {
		t.Errorf("z, defined after the interrupt, is defined")
	}
}

// TestErrorColumns: the wrappers the session puts around a statement do
// not move its errors' columns.
func TestErrorColumns(t *testing.T) {
	runSteps(t, []step{
		{code: "a := 1\nb := \"x\""},
		{code: "c := a + b", errName: "CompileError", errHas: "cell 1:6: invalid operation: a + b (mismatched types int and string)"},
		{code: "\n  a + b", errName: "CompileError", errHas: "cell 2:3: invalid operation"},
		{code: "fmt.Sprint(1) + 2", errName: "CompileError", errHas: "cell 1:1: invalid operation"},
	})
}

// TestTopLevelDefers: defers in a top-level loop, if or block run when the
// cell ends, last first, as they would at the end of main.
func TestTopLevelDefers(t *testing.T) {
	runSteps(t, []step{
		{code: "for i := range 3 {\n\tdefer fmt.Println(\"d\", i)\n}\nfmt.Println(\"end\")", out: "end\nd 2\nd 1\nd 0\n"},
		{code: "defer fmt.Println(\"first\")\nif true {\n\tdefer fmt.Println(\"x\")\n}\nfunc() {\n\tdefer fmt.Println(\"inner\")\n}()\nfmt.Println(\"after\")", out: "inner\nafter\nx\nfirst\n"},
	})
}
