package session

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

// step is one cell and what running it must give.
type step struct {
	code    string
	out     string // exact interpreted stdout, unless "" and outHas is set
	outHas  string // a substring stdout must contain
	errName string // "" for success
	errHas  string // a substring of the error's traceback
	display string // text/plain of the display ("" = no display)
	mime    string // a MIME type the display must have
	notice  string // a substring of a notice
	stderr  string // a substring stderr must contain
}

// syncBuffer is a bytes.Buffer safe for the goroutines cells start.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func (b *syncBuffer) Reset() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.b.Reset()
}

func newSession(t testing.TB) (*Session, *syncBuffer, *syncBuffer) {
	t.Helper()
	var out, errb syncBuffer
	s, err := New(Options{Stdout: &out, Stderr: &errb})
	if err != nil {
		t.Fatal(err)
	}
	return s, &out, &errb
}

func runSteps(t *testing.T, steps []step) {
	t.Helper()
	s, out, errb := newSession(t)
	for i, st := range steps {
		out.Reset()
		errb.Reset()
		res, err := s.Execute(context.Background(), st.code)
		if st.errName == "" {
			if err != nil {
				var tb []string
				var e Error
				if errors.As(err, &e) {
					tb = e.Traceback()
				}
				t.Fatalf("cell %d %q: unexpected error %v %q", i, st.code, err, tb)
			}
		} else {
			var e Error
			if !errors.As(err, &e) {
				t.Fatalf("cell %d %q: error %v, want an Error named %s", i, st.code, err, st.errName)
			}
			if e.Name() != st.errName {
				t.Errorf("cell %d %q: error name %s (%v), want %s", i, st.code, e.Name(), e.Traceback(), st.errName)
			}
			if tb := strings.Join(e.Traceback(), "\n"); !strings.Contains(tb, st.errHas) {
				t.Errorf("cell %d %q: traceback %q does not contain %q", i, st.code, tb, st.errHas)
			}
		}
		if st.out != "" || st.outHas == "" {
			if got := out.String(); got != st.out {
				t.Errorf("cell %d %q: stdout %q, want %q (stderr %q)", i, st.code, got, st.out, errb.String())
			}
		}
		if !strings.Contains(errb.String(), st.stderr) {
			t.Errorf("cell %d %q: stderr %q does not contain %q", i, st.code, errb.String(), st.stderr)
		}
		if !strings.Contains(out.String(), st.outHas) {
			t.Errorf("cell %d %q: stdout %q does not contain %q", i, st.code, out.String(), st.outHas)
		}
		if err != nil {
			continue
		}
		var disp string
		if res.Display != nil {
			disp, _ = res.Display.Data["text/plain"].(string)
			if disp == "" {
				disp = "<empty>"
			}
		}
		if disp != st.display {
			t.Errorf("cell %d %q: display %q, want %q", i, st.code, disp, st.display)
		}
		if st.mime != "" && (res.Display == nil || res.Display.Data[st.mime] == nil) {
			t.Errorf("cell %d %q: display has no %s", i, st.code, st.mime)
		}
		if st.notice != "" && !strings.Contains(strings.Join(res.Notices, "\n"), st.notice) {
			t.Errorf("cell %d %q: notices %q do not contain %q", i, st.code, res.Notices, st.notice)
		}
	}
}

func TestCells(t *testing.T) {
	tests := []struct {
		name  string
		steps []step
	}{
		{"empty and comment-only cells", []step{
			{code: "", out: ""},
			{code: "// just a note\n", out: ""},
			{code: "\n\n  \n", out: ""},
		}},
		{"mixed cell in any order", []step{
			{code: "import \"fmt\"\nx := 2\nfunc double(v int) int { return 2 * v }\nimport m \"math\"\nfmt.Println(double(x), m.Sqrt(16))", out: "4 4\n"},
			{code: "import \"fmt\"\nimport m \"math\"\nfmt.Println(m.Pi > 3)", out: "true\n"},
		}},
		{"re-run a cell", []step{
			{code: "type P struct{ X float64 }\nfunc (p P) Twice() float64 { return 2 * p.X }\np := P{3}\nfmt.Println(p.Twice())", out: "6\n"},
			{code: "type P struct{ X float64 }\nfunc (p P) Twice() float64 { return 2 * p.X }\np := P{3}\nfmt.Println(p.Twice())", out: "6\n"},
			{code: "type P struct{ X float64 }\nfunc (p P) Twice() float64 { return 2 * p.X }\np := P{3}\nfmt.Println(p.Twice())", out: "6\n"},
		}},
		{"redefined func reaches old callers", []step{
			{code: "func f() int { return 1 }\nfunc g() int { return f() + 10 }\nfmt.Println(g())", out: "11\n"},
			{code: "func f() int { return 2 }", out: ""},
			{code: "fmt.Println(g())", out: "12\n"},
		}},
		{"redefined struct type and methods", []step{
			{code: "type P struct{ X float64 }\nfunc (p P) Norm() float64 { return p.X }\nq := P{3}\nn := 7", out: ""},
			{code: "type P struct{ X, Y float64 }\nfunc (p P) Norm() float64 { return math.Hypot(p.X, p.Y) }\nfmt.Println(P{3, 4}.Norm(), q.X, q.Y, n)", out: "5 3 0 7\n"},
		}},
		{"var and const redeclared with a new type", []step{
			{code: "var a int = 1\nconst c = 2", out: ""},
			{code: "var a string = \"s\"\nconst c = \"k\"\nfmt.Println(a, c)", out: "s k\n"},
			{code: "b := 1.5\nb := \"now a string\"\nfmt.Println(b)", out: "now a string\n"},
		}},
		{"values carried over a rebuild", []step{
			{code: "xs := []float64{1, 2}\nm := map[string]int{\"a\": 1}\nA := mat.NewDense(2, 2, []float64{1, 2, 3, 4})\nfn := func() int { return 1 }\nfunc f() int { return 1 }", out: ""},
			{code: "func f() int { return 2 }\nfmt.Println(xs, m, A.At(1, 1), f())", out: "[1 2] map[a:1] 4 2\n"},
		}},
		{"notice for a value that cannot be carried", []step{
			{code: "func adder(n int) func(int) int { return func(v int) int { return v + n } }\nadd2 := adder(2)\nkeep := 5", out: ""},
			{code: "func adder(n int) func(int) int { return func(v int) int { return v - n } }\nfmt.Println(keep)", out: "5\n", notice: "could not carry over add2 (it holds a function made by an earlier cell: run that cell again)"},
		}},
		{"func values survive a rebuild", []step{
			{code: "k := 3.0\nscale := func(x float64) float64 { return k * x }\ntype U struct{ A int }", out: ""},
			{code: "type U struct{ A, B int }\nk = 4", out: ""},
			{code: "fmt.Println(scale(2))", out: "8\n"},
		}},
		{"preloaded packages without import", []step{
			{code: "fmt.Println(strings.ToUpper(\"a\"), strconv.Itoa(3), math.Sqrt(4), sort.IntsAreSorted([]int{1, 2}), floats.Sum([]float64{1, 2}), stat.Mean([]float64{1, 3}, nil))", out: "A 3 2 true 3 2\n"},
			{code: "a := mat.NewDense(1, 1, nil)\nvar e error = errors.New(\"e\")\nd := time.Second\nr := rand.New(rand.NewSource(1))\n_, _, _, _ = a, e, d, r\nfmt.Println(palette.Palette(nil) == nil, vg.Inch > 0, draw.Canvas{}.Canvas == nil, hessian.Operator(nil) == nil)", out: "true true true true\n"},
			{code: "b := display.Render(7)\nfmt.Println(b.Data[\"text/plain\"], interrupt.Requested())", out: "7 false\n"},
			{code: "import \"fmt\"\nimport f \"fmt\"\nimport \"gonum.org/v1/gonum/mat\"\nf.Println(mat.NewDense(1, 1, []float64{2}).At(0, 0))", out: "2\n"},
		}},
		{"Go 1.22 loop variables", []step{
			{code: "var fs []func()\nfor i := 0; i < 3; i++ { fs = append(fs, func() { fmt.Print(i, \" \") }) }\nfor _, f := range fs { f() }", out: "0 1 2 "},
			{code: "func collect() []func() int {\n\tvar fs []func() int\n\tfor _, v := range []int{4, 5} {\n\t\tfs = append(fs, func() int { return v })\n\t}\n\treturn fs\n}\nfor _, f := range collect() { fmt.Print(f()) }", out: "45"},
		}},
		{"range over int", []step{
			{code: "for i := range 3 { fmt.Print(i) }", out: "012"},
			{code: "n := 2\nfor i := range n { fmt.Print(i) }\nfor range n { fmt.Print(\"x\") }", out: "01xx"},
			{code: "var k int64 = 2\nfor i := range k { fmt.Printf(\"%T \", i) }", out: "int64 int64 "},
			{code: "func count(n int) int {\n\ts := 0\n\tfor i := range n {\n\t\ts += i\n\t}\n\treturn s\n}\nfmt.Println(count(4))", out: "6\n"},
		}},
		{"min max clear", []step{
			{code: "a, b := 3.5, 1.5\nfmt.Println(min(a, b), max(a, b, 7), min(2, 1), max(2.5, a))", out: "1.5 7 1 3.5\n"},
			{code: "m := map[string]int{\"a\": 1}\ns := []int{1, 2}\nclear(m)\nclear(s)\nfmt.Println(len(m), s)", out: "0 [0 0]\n"},
			{code: "z := max(1, 2.5)\nfmt.Printf(\"%T %v\\n\", z, z)", out: "float64 2.5\n"},
		}},
		{"slices and maps helpers", []step{
			{code: "xs := []float64{3, 1, 2}\nslices.Sort(xs)\nfmt.Println(xs, slices.Max(xs), slices.Min(xs), slices.Contains(xs, 2.0), slices.Index(xs, 3.0))", out: "[1 2 3] 3 1 true 2\n"},
			{code: "slices.Reverse(xs)\nfmt.Println(xs)", out: "[3 2 1]\n"},
			{code: "m := map[string]int{\"b\": 2, \"a\": 1}\nks := slices.Sorted(maps.Keys(m))\nfmt.Println(ks, len(slices.Collect(maps.Values(m))))", out: "[a b] 2\n"},
			{code: "for k := range maps.Keys(m) { _ = k + \"\" }\nbig := slices.Max([]int{4, 9, 2})\nfmt.Println(big)", out: "9\n"},
			{code: "words := []string{\"b\", \"a\"}\nslices.SortFunc(words, func(a, b string) int { return strings.Compare(a, b) })\nfmt.Println(words)", out: "[a b]\n"},
		}},
		{"generics", []step{
			{code: "func Sum[T int | float64](xs []T) T {\n\tvar s T\n\tfor _, x := range xs {\n\t\ts += x\n\t}\n\treturn s\n}\nfmt.Println(Sum([]float64{1.5, 2}), Sum([]int{1, 2}))", out: "3.5 3\n"},
			{code: "total := Sum([]int{4, 5})\nfmt.Println(total)", out: "9\n"},
			{code: "func Largest[T int | float64 | string](xs ...T) T {\n\tm := xs[0]\n\tfor _, x := range xs[1:] {\n\t\tif x > m {\n\t\t\tm = x\n\t\t}\n\t}\n\treturn m\n}", out: ""},
			{code: "a := 2.5\nfmt.Println(Largest(3, 9, 2), Largest(\"pear\", \"apple\"), Largest(a, 1))", out: "9 pear 2.5\n"},
		}},
		{"top-level control flow", []step{
			{code: "defer fmt.Println(\"deferred\")\nfmt.Println(\"body\")", out: "body\ndeferred\n"},
			{code: "x := 3\ndefer fmt.Println(\"saw\", x)\nx = 4", out: "saw 3\n"},
			{code: "func trace() (log []string) {\n\tv := 1\n\tdefer func(a int) { log = append(log, fmt.Sprint(\"arg \", a, \" now \", v)) }(v)\n\tv = 2\n\treturn nil\n}\nfmt.Println(trace())", out: "[arg 1 now 2]\n"},
			{code: "var v any = 2.5\nswitch t := v.(type) {\ncase float64:\n\tfmt.Println(\"float\", t)\n}", out: "float 2.5\n"},
			{code: "if x > 3 { fmt.Println(\"big\") } else { fmt.Println(\"small\") }", out: "big\n"},
			{code: "ch := make(chan int, 1)\nch <- 5\nvar got int\nselect {\ncase got = <-ch:\n}\nfmt.Println(got)", out: "5\n"},
			{code: "for i := 0; i < 3; i++ { k := i; _ = k }\nfmt.Println(\"done\")", out: "done\n"},
		}},
		{"goroutine panic", []step{
			{code: "x := 1\ngo func() { panic(\"boom\") }()\ntime.Sleep(100 * time.Millisecond)", out: "", stderr: "panic in goroutine started by a cell: boom"},
			{code: "fmt.Println(x)", out: "1\n"},
		}},
		{"goroutines with arguments", []step{
			{code: "ch := make(chan int)\nfor i := range 3 { go func(v int) { ch <- v * v }(i) }\nsum := 0\nfor range 3 { sum += <-ch }\nfmt.Println(sum)", out: "5\n"},
		}},
		{"display of final expression", []step{
			{code: "x := 41\nx + 1", display: "42"},
			{code: "fmt.Println(\"no display\")", out: "no display\n"},
			{code: "func two() (int, string) { return 1, \"a\" }\ntwo()", display: "1 a"},
			{code: "func none() {}\nnone()", display: ""},
			{code: "x = 5", display: ""},
			{code: "type H struct{ N int }\nfunc (h H) HTML() string { return fmt.Sprintf(\"<b>%d</b>\", h.N) }\nfunc (h H) String() string { return \"H\" }\nH{3}", display: "H", mime: "text/html"},
			{code: "type T struct{}\nfunc (*T) LaTeX() string { return \"$x$\" }\n&T{}", mime: "text/latex", display: "&{}"},
			{code: "p := plot.New()\np", display: "<plot 600×400>", mime: "image/svg+xml"},
			{code: "math.Sqrt(2) > 1", display: "true"},
		}},
		{"compile errors", []step{
			{code: "x := 1\ny := undefinedThing + x", errName: "CompileError", errHas: "undefined"},
			{code: "a := 1\nb := \"s\"\nc := a + b", errName: "CompileError", errHas: "3:"},
			{code: "x := 1\nfunc broken() int { return \"s\" }", errName: "CompileError", errHas: "2:"},
			{code: "x := (", errName: "CompileError", errHas: "1:"},
		}},
		{"failed redefinition keeps the old one", []step{
			{code: "func f() int { return 1 }\ntype P struct{ A int }\np := P{5}", out: ""},
			{code: "func f() int {\n\treturn \"s\"\n}", errName: "CompileError", errHas: "cell 2:"},
			{code: "type P struct{ A, B int }\nfunc (p P) Sum() int { return p.A + p.C }", errName: "CompileError", errHas: "cell 2:"},
			{code: "fmt.Println(f(), p.A)", out: "1 5\n"},
		}},
		{"failed cell leaves no names", []step{
			{code: "keep := 1", out: ""},
			{code: "half := 2\nfunc g() int { return \"missing\" }\nfmt.Println(half)", errName: "CompileError", errHas: "missing"},
			{code: "fmt.Println(keep)\nfmt.Println(half)", out: "", errName: "CompileError", errHas: "cell 2:13: undefined: half"}, // refused before it runs
			{code: "g()", errName: "CompileError", errHas: "undefined: g"},
			{code: "fmt.Println(keep)", out: "1\n"},
		}},
		{"method expressions", []step{
			{code: "type Cnt struct{ N int }\nfunc (c *Cnt) Inc() { c.N++ }\nfunc (c Cnt) Get() int { return c.N }", out: ""},
			{code: "c := &Cnt{}\ninc := (*Cnt).Inc\ninc(c)\ninc(c)\nget := Cnt.Get\nfmt.Println(c.N, get(*c))", out: "2 2\n"},
		}},
		{"struct embedding a compiled type", []step{
			{code: "type W struct {\n\tName string\n\t*mat.Dense\n}\nw := W{\"w\", mat.NewDense(2, 2, []float64{2, 1, 3, 3})}\nfmt.Println(w.Name, mat.Trace(w), w.At(1, 0))", out: "w 5 3\n"},
			{code: "type V struct {\n\tmat.VecDense\n}\nfunc (v V) Len() int { return 99 }\nv := &V{*mat.NewVecDense(2, []float64{3, 4})}\nfmt.Println(v.AtVec(1), v.Len(), mat.Norm(v, 2))", out: "4 99 5\n"},
			{code: "type W struct{ Name string }\nfmt.Println(W{\"plain\"}.Name)", out: "plain\n"},
		}},
		{"const groups with iota", []step{
			{code: "const (\n\t_  = iota\n\tKB = 1 << (10 * iota)\n\tMB\n)\nconst (\n\tA, B = iota, iota * 10\n\tC, D\n)\ntype Day int\nconst (\n\tSun Day = iota\n\tMon\n)\nfmt.Println(KB, MB, A, B, C, D, Mon)", out: "1024 1048576 0 0 1 10 1\n"},
		}},
		{"redeclared variable reaches funcs", []step{
			{code: "steps := 3\nfunc show() { fmt.Println(steps) }", out: ""},
			{code: "var steps = 7\nshow()", out: "7\n"},
			{code: "show()", out: "7\n"},
		}},
		{"runtime panics", []step{
			{code: "v := 3\nvar xs []int\nfmt.Println(\"before\")\n_ = xs[5]", out: "before\n", errName: "Panic", errHas: "cell line 4"},
			{code: "func boom() { panic(\"kaboom\") }\nboom()", errName: "Panic", errHas: "kaboom"},
			{code: "type B struct{ V int }\nvar b *B\nfmt.Println(b.V)", errName: "Panic", errHas: "nil pointer dereference"},
			{code: "s := []int{1}\nhi := 5\nfmt.Println(s[0:hi])", errName: "Panic", errHas: "slice bounds out of range"},
			{code: "fmt.Println(\"still alive\")", out: "still alive\n"},
		}},
		{"%T of interfaces holding cell types names the dynamic type", []step{
			{code: "type Shape interface{ Area() float64 }\ntype Rect struct{ W, H float64 }\ntype Circle struct{ R float64 }\nfunc (r Rect) Area() float64 { return r.W * r.H }\nfunc (c *Circle) Area() float64 { return 3 * c.R * c.R }\ntype MyErr struct{ Code int }\nfunc (e *MyErr) Error() string { return \"my\" }"},
			{code: "shapes := []Shape{Rect{1, 2}, &Circle{1}}\nfor _, s := range shapes {\n\tfmt.Printf(\"%T|%-12T|%v\\n\", s, s, s.Area())\n}", out: "main.Rect|main.Rect   |2\n*main.Circle|*main.Circle|3\n"},
			{code: "var err error = &MyErr{3}\nvar other error = errors.New(\"x\")\nvar none Shape\nfmt.Printf(\"%T %T %T\\n\", err, other, none)", out: "*main.MyErr *errors.errorString <nil>\n"},
		}},
		{"values of cell types with methods behind any or a cell's interface print as Go prints them", []step{
			{code: "type Sh interface{ A() float64 }\ntype R struct{ W float64 }\nfunc (r R) A() float64 { return r.W }\ntype E struct{ N int }\nfunc (e *E) Error() string { return fmt.Sprint(\"e\", e.N) }\ntype St interface{ String() string }\ntype C struct{ D float64 }\nfunc (c *C) String() string { return fmt.Sprintf(\"%.1f°C\", c.D) }"},
			{code: "xs := []Sh{R{1}, R{2}}\nfmt.Println(xs, xs[0])", out: "[{1} {2}] {1}\n"},
			{code: "vals := []any{1, \"a\", &E{3}, nil}\nfmt.Println(vals...)\nfmt.Println(vals)\nfmt.Printf(\"%v|%s|%q\\n\", vals[2], vals[2], vals[2])", out: "1 a e3 <nil>\n[1 a e3 <nil>]\ne3|e3|\"e3\"\n"},
			{code: "m := map[string]any{\"x\": &E{1}, \"y\": 2}\nfmt.Println(m)\nts := map[int]St{1: &C{2.5}}\nfmt.Println(ts)", out: "map[x:e1 y:2]\nmap[1:2.5°C]\n"},
			{code: "var np *E\nvar v any = np\nfmt.Println(v, v == nil)", out: "<nil> false\n"},
			{code: "type VS struct{ S string }\nfunc (v VS) String() string { return \"vs:\" + v.S }\nfmt.Println([]any{VS{\"a\"}, struct{ T string }{\"b\"}})", out: "[vs:a {b}]\n"},
		}},
		{"a type switch's case error matches compiled errors", []step{
			{code: "func k(v any) string {\n\tswitch x := v.(type) {\n\tcase error:\n\t\treturn \"e \" + x.Error()\n\tcase fmt.Stringer:\n\t\treturn \"s \" + x.String()\n\t}\n\treturn \"?\"\n}\nfmt.Println(k(errors.New(\"x\")), k(time.Second), k(3))", out: "e x s 1s ?\n"},
		}},
		{"recovered runtime errors are runtime.Errors in Go's words", []step{
			{code: "func catch(f func()) (s string) {\n\tdefer func() {\n\t\tr := recover()\n\t\t_, isErr := r.(error)\n\t\ts = fmt.Sprint(isErr, \" \", r)\n\t}()\n\tf()\n\treturn\n}"},
			// (catch, declared before, recovers: the index is checked in Go's words)
			{code: "xs := []int{1}\ni := 3\nfmt.Println(catch(func() { _ = xs[i] }))", out: "true runtime error: index out of range [3] with length 1\n"},
			{code: "var a any = \"x\"\nfmt.Println(catch(func() { _ = a.(int) }))", out: "true interface conversion: interface {} is string, not int\n"},
			{code: "z := 0\nfmt.Println(catch(func() { _ = 1 / z }))", out: "true runtime error: integer divide by zero\n"},
			{code: "fmt.Println(catch(func() { panic(\"mine\") }))", out: "false mine\n"},
		}},
		{"gonum/plot interop", []step{
			{code: "type curve struct{ n int }\nfunc (c curve) Len() int { return c.n }\nfunc (c curve) XY(i int) (float64, float64) { return float64(i), float64(i * i) }\nl, err := plotter.NewLine(curve{5})\nfmt.Println(err, l.Len())", out: "<nil> 5\n"},
			{code: "type dots struct{ calls *int }\nfunc (d dots) Plot(c draw.Canvas, p *plot.Plot) { *d.calls++ }\ncalls := 0\np := plot.New()\np.Add(dots{&calls})\np.Add(l, dots{&calls})\n_, err = p.WriterTo(100, 100, \"png\")\nfmt.Println(err, calls)", out: "<nil> 2\n"},
			{code: "func makePlot() *plot.Plot {\n\tq := plot.New()\n\tq.Add(dots{&calls}, plotter.NewGrid())\n\treturn q\n}\nmakePlot()", display: "<plot 600×400>", mime: "image/svg+xml"},
			{code: "type vals []float64\nfunc (v vals) Len() int { return len(v) }\nfunc (v vals) Value(i int) float64 { return v[i] }\nh, err := plotter.NewHist(vals{1, 2, 2, 3}, 2)\nfmt.Println(err, len(h.Bins))", out: "<nil> 2\n"},
			{code: "type grid struct{}\nfunc (grid) Dims() (int, int) { return 2, 2 }\nfunc (grid) Z(c, r int) float64 { return float64(c + r) }\nfunc (grid) X(c int) float64 { return float64(c) }\nfunc (grid) Y(r int) float64 { return float64(r) }\nhm := plotter.NewHeatMap(grid{}, moreland.SmoothBlueRed().Palette(4))\nfmt.Println(hm.Max)", out: "2\n"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runSteps(t, tt.steps) })
	}
}

func TestInterrupt(t *testing.T) {
	s, out, _ := newSession(t)
	for _, code := range []string{
		"keep := 42\nfunc bump() int { return keep + 1 }",
		"fn := func(v int) int { return v * 2 }",
	} {
		if _, err := s.Execute(context.Background(), code); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Execute(context.Background(), "counter := 0"); err != nil {
		t.Fatal(err)
	}
	for _, loop := range []string{
		"for { counter++ }",
		"for {}",
		"x := 0.0\nfor { x += math.Sqrt(2) }",
		"ch := make(chan int)\n<-ch",
	} {
		ctx, cancel := context.WithCancel(context.Background())
		go func() { time.Sleep(200 * time.Millisecond); cancel() }()
		_, err := s.Execute(ctx, loop)
		var e Error
		if !errors.As(err, &e) || e.Name() != "Interrupted" {
			t.Fatalf("%q: error %v, want Interrupted", loop, err)
		}
		out.Reset()
		if _, err := s.Execute(context.Background(), "fmt.Println(keep, bump())"); err != nil {
			t.Fatalf("after interrupting %q: %v", loop, err)
		}
		if got := out.String(); got != "42 43\n" {
			t.Errorf("after interrupting %q: %q, want earlier state", loop, got)
		}
	}
	// What the interrupted loop did to an earlier variable is kept.
	out.Reset()
	if _, err := s.Execute(context.Background(), "fmt.Println(counter > 0)"); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "true\n" {
		t.Errorf("counter after the interrupted loop: %q, want its progress kept", got)
	}
}

func TestDeclsWhileRunning(t *testing.T) {
	s, _, _ := newSession(t)
	if _, err := s.Execute(context.Background(), "// Area is πr².\nfunc Area(r float64) float64 { return math.Pi * r * r }\nA := mat.NewDense(2, 2, nil)\ntype P struct{ X float64 }\nfunc (P) M() {}\nq := []P{{1}}"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.Execute(ctx, "for {}")
	}()
	deadline := time.Now().Add(300 * time.Millisecond)
	var decls []Decl
	for time.Now().Before(deadline) {
		decls = s.Decls()
	}
	cancel()
	<-done
	want := map[string]Decl{
		"Area": {Name: "Area", Kind: "func", Signature: "func Area(r float64) float64", Doc: "Area is πr².", Src: "func Area(r float64) float64 { return math.Pi * r * r }"},
		"A":    {Name: "A", Kind: "var", Signature: "var A *mat.Dense", Type: "*mat.Dense", Src: "var A *mat.Dense"},
		"P.M":  {Name: "P.M", Kind: "method", Signature: "func (P) M()", Src: "func (_ P) M() {}"}, // the rewritten source
		"q":    {Name: "q", Kind: "var", Signature: "var q []P", Type: "[]P", Src: "var q []P"},
		"mat":  {Name: "mat", Kind: "import", Signature: "import mat \"gonum.org/v1/gonum/mat\""},
	}
	got := map[string]Decl{}
	for _, d := range decls {
		got[d.Name] = d
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("Decls()[%s] = %+v, want %+v", name, got[name], w)
		}
	}
}

func TestStateRestore(t *testing.T) {
	s, _, _ := newSession(t)
	code := "type P struct{ X float64 }\nfunc (p P) Twice() float64 { return 2 * p.X }\nconst K = 3\nxs := []float64{1, 2}\nname := \"n\"\nA := mat.NewDense(2, 2, []float64{1, 2, 3, 4})\nS := mat.NewSymDense(2, []float64{1, 2, 2, 5})\nv := mat.NewVecDense(2, []float64{7, 8})\np := P{4}\nfn := func() float64 { return xs[1] }\nch := make(chan int)"
	if _, err := s.Execute(context.Background(), code); err != nil {
		t.Fatal(err)
	}
	state := s.State()
	if again := s.State(); &again[0] != &state[0] {
		t.Error("State recomputed although nothing changed")
	}
	fresh, out, _ := newSession(t)
	notices, err := fresh.Restore(state)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(notices, "\n"), "ch") {
		t.Errorf("notices %q do not name ch", notices)
	}
	if _, err := fresh.Execute(context.Background(), "fmt.Println(xs, name, A.At(1, 0), S.At(1, 1), v.AtVec(1), K, P{1}.Twice(), fn())"); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "[1 2] n 3 5 8 3 2 2\n"; got != want {
		t.Errorf("after Restore: %q, want %q", got, want)
	}
}

func TestStdin(t *testing.T) {
	var out bytes.Buffer
	s, err := New(Options{Stdout: &out, Stdin: strings.NewReader("bob\nline two\n")})
	if err != nil {
		t.Fatal(err)
	}
	code := "var name string\nfmt.Scanln(&name)\nimport \"bufio\"\nr := bufio.NewReader(os.Stdin)\nline, _ := r.ReadString('\\n')\nfmt.Printf(\"%s|%s\", name, line)"
	if _, err := s.Execute(context.Background(), code); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "bob|line two\n"; got != want {
		t.Errorf("read %q, want %q", got, want)
	}
	none, _, _ := newSession(t)
	if _, err := none.Execute(context.Background(), "var v string\n_, err := fmt.Scanln(&v)\nif err == nil { panic(\"read without stdin\") }"); err != nil {
		t.Errorf("without stdin: %v", err)
	}
}
