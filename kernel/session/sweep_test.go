package session

import (
	"context"
	"errors"
	"fmt"
	"go/token"
	"reflect"
	goruntime "runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

// The sweep reaches yaegi's unexported fields: an upgrade of yaegi that
// changes them must fail here, loudly, not turn into a silent no-op.
func TestYaegiLayout(t *testing.T) {
	if yaegiLayoutErr != nil {
		t.Fatalf("yaegi's layout is not the one yaegistate.go was written for: %v", yaegiLayoutErr)
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		t.Skip("no build info")
	}
	for _, m := range info.Deps {
		if m.Path == "github.com/traefik/yaegi" && m.Version != "v0.16.1" {
			t.Fatalf("yaegi is %s; yaegistate.go is written against v0.16.1: check its fields and the reasons at its top, then update this test", m.Version)
		}
	}
}

// What a program sees is the same with the sweep and the func literal
// generators: old variables still seen through pointers and closures,
// closures over loop variables, func values passed to compiled code.
func TestSweepKeepsWhatCodeSees(t *testing.T) {
	tests := []struct {
		name  string
		cells []string
		want  string
	}{
		{"closure over a variable declared again", []string{"x := 1", "f := func() int { return x }", "x := 2", "fmt.Println(f(), x)"}, "1 2"},
		{"pointer to a variable declared again", []string{"x := 5", "p := &x", "x := 6", "fmt.Println(*p, x)"}, "5 6"},
		{"closures over loop variables", []string{"fs := []func() int{}\nfor i := 0; i < 3; i++ {\n\tfs = append(fs, func() int { return i })\n}", "fmt.Println(fs[0]() + 10*fs[1]() + 100*fs[2]())"}, "210"},
		{"closure over a block variable", []string{"var g func() int\n{\n\tv := 7\n\tg = func() int { return v }\n}", "fmt.Println(g())"}, "7"},
		{"literal in a composite value", []string{"type op struct {\n\tname string\n\tf    func(float64) float64\n}", "ops := []op{{\"sq\", func(x float64) float64 { return x * x }}, {\"neg\", func(x float64) float64 { return -x }}}", "fmt.Println(ops[0].f(3), ops[1].f(3))"}, "9 -3"},
		{"literal given to compiled code", []string{"s := []int{3, 1, 2}", "sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })", "fmt.Println(s)"}, "[1 2 3]"},
		{"literal reading a global changed later", []string{"n := 1", "get := func() int { return n }", "n = 4", "fmt.Println(get())"}, "4"},
		{"recursive func variable", []string{"var fib func(int) int\nfib = func(k int) int {\n\tif k < 2 {\n\t\treturn k\n\t}\n\treturn fib(k-1) + fib(k-2)\n}", "fmt.Println(fib(10))"}, "55"},
		{"value with methods held by compiled code", []string{"type counter struct{ n *int }\nfunc (c counter) Plot(draw.Canvas, *plot.Plot) { *c.n++ }", "calls := 0\np := plot.New()\np.Add(counter{&calls})", "a := 1", "b := 2", "c := 3", "d := 4", "e := 5", "_, err := p.WriterTo(10, 10, \"png\")\nfmt.Println(err, calls)"}, "<nil> 1"},
		{"method value of a temporary", []string{"type acc struct{ v int }\nfunc (a acc) Get() int { return a.v }", "get := acc{5}.Get", "a := 1", "b := 2", "c := 3", "d := 4", "e := 5", "fmt.Println(get())"}, "5"},
		{"variable among a statement's temporaries", []string{"v := math.Sqrt(float64(len([]int{1, 2, 3, 4})))", "w := []int{7, 8}[1]", "fmt.Println(v, w)"}, "2 8"},
		{"pointer taken in the defining cell", []string{"a := []int{1, 2}[0]\np := &a\n*p = 9", "q := &a\n*q++", "fmt.Println(a, *p, *q)"}, "10 10 10"},
		{"two results", []string{"n, err := strconv.Atoi(fmt.Sprint(40 + 2))", "fmt.Println(n, err)"}, "42 <nil>"},
		{"func declared after the variable", []string{"k := strings.Repeat(\"ab\", 2)", "func getK() string { return k }", "k2 := getK() + strings.ToUpper(k)", "fmt.Println(k2)"}, "ababABAB"},
		{"variable defined again by a cell run again", []string{"m := map[string]int{\"a\": len(\"xy\")}", "m := map[string]int{\"a\": len(\"xyz\")}", "fmt.Println(m[\"a\"])"}, "3"},
		{"objective in a compiled value, notebook run twice", []string{"h := func(t []float64) float64 { return t[0] * t[0] }\nobj := hessian.Funcs{F: h}", "h := func(t []float64) float64 { return 2 * t[0] }\nobj := hessian.Funcs{F: h}", "fmt.Println(obj.F([]float64{3}))"}, "6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out strings.Builder
			s, err := New(Options{Stdout: &out, Stderr: &out})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range tt.cells {
				mustRun(t, s, c)
			}
			if got := strings.TrimSpace(out.String()); got != tt.want {
				t.Errorf("printed %q, want %q", got, tt.want)
			}
		})
	}
}

// Errors and panics in a func literal moved into a generator read as they
// do with the literal left in place: same message, same positions.
func TestHoistedLiteralPositions(t *testing.T) {
	tests := []struct{ name, cell string }{
		{"compile error", "f := 1\ng := func(x int) int {\n\treturn x + undefinedName\n}"},
		{"compile error after the literal", "g := func(x int) int {\n\treturn x\n}; y := g(1) + undefinedName"},
		{"panic when called", "h := func(i int) int {\n\ts := []int{1}\n\treturn s[i]\n}\nfmt.Println(h(5))"},
		{"panic after the literal", "k := []func(){func() {}}; var m map[string]int\nm[\"a\"] = 1"},
	}
	run := func(cell string) string {
		s, err := New(Options{})
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.Execute(context.Background(), cell)
		if err == nil {
			t.Fatalf("%s: succeeded", cell)
		}
		var ce *cellError
		if errors.As(err, &ce) {
			return err.Error() + "\n" + strings.Join(ce.Traceback(), "\n")
		}
		return err.Error()
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hoisting = false
			want := run(tt.cell)
			hoisting = true
			if got := run(tt.cell); got != want {
				t.Errorf("with the literal moved:\n%s\nleft in place:\n%s", got, want)
			}
		})
	}
}

// Temporaries of earlier cells' top-level statements are not kept: twelve
// cells each making a 32 MiB value they do not keep leave at most the last
// few cells' (the sweep looks every fourth cell; yaegi alone keeps every
// one of them).
func TestSweepFreesTemporaries(t *testing.T) {
	for _, cell := range []string{"_ = make([]byte, 32<<20)", "fmt.Sprint(len(make([]byte, 32<<20)))"} {
		s, err := New(Options{})
		if err != nil {
			t.Fatal(err)
		}
		for range 12 {
			mustRun(t, s, cell)
		}
		goruntime.GC()
		var m goruntime.MemStats
		goruntime.ReadMemStats(&m)
		if m.HeapAlloc > 160<<20 {
			t.Errorf("%s, 12 times: heap %d MiB, the earlier cells' values are kept", cell, m.HeapAlloc>>20)
		}
		goruntime.KeepAlive(s)
	}
}

// A notebook that makes a func at top level and is run again does not keep
// its earlier runs' values: the func's value copies no frame holding them.
func TestRerunWithFuncLiteralDoesNotChain(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for range 6 {
		mustRun(t, s, "data := make([]float64, 4<<20)\nscale := 2.0")
		mustRun(t, s, "h := func(t []float64) float64 { return scale * t[0] }\nobj := hessian.Funcs{F: h}")
		mustRun(t, s, "fmt.Sprint(obj.F(data[:1]))")
	}
	goruntime.GC()
	var m goruntime.MemStats
	goruntime.ReadMemStats(&m)
	if m.HeapAlloc > 96<<20 {
		t.Errorf("6 runs: heap %d MiB, earlier runs' 32 MiB values are kept", m.HeapAlloc>>20)
	}
	goruntime.KeepAlive(s)
}

// Each Eval leaves one file in the interpreter's file set (the one its
// nodes point into), not three.
// TestChunkFilesDropped checks what a cell leaves in the interpreter's file
// set: nothing for chunks that leave no code behind, the chunk's file for
// those that do (a declaration, a func literal kept, a goroutine), whose
// positions errors and panics still need.
func TestChunkFilesDropped(t *testing.T) {
	tests := []struct {
		code  string
		files int // added by the cell, at most (scratch files never stay)
		keeps bool
	}{
		{code: "x = x + 1"},
		{code: "fmt.Sprint(x)"},
		{code: "for i := 0; i < 3; i++ {\n\tx += i\n}"}, // the loop runs in a literal called in place
		{code: "sq := func(v int) int { return v * v }", files: 1, keeps: true}, // the generator's file
		{code: "func twice(v int) int { return 2 * v }", files: 1, keeps: true},
		{code: "done := make(chan bool)\ngo func() { done <- true }()\n<-done", files: 1, keeps: true},
	}
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	files := func() int {
		n := 0
		s.in.FileSet().Iterate(func(*token.File) bool { n++; return true })
		return n
	}
	mustRun(t, s, "x := 1")
	for _, tt := range tests {
		before := files()
		mustRun(t, s, tt.code)
		if got := files() - before; got > tt.files || tt.keeps && got == 0 {
			t.Errorf("%q added %d files to the interpreter's file set, want %d", tt.code, got, tt.files)
		}
	}
	if _, err := s.Execute(context.Background(), "y := 1\nz := y + undefinedName"); err == nil || !strings.Contains(err.Error(), "2:") {
		t.Errorf("error %v does not point at line 2", err)
	}
	mustRun(t, s, "var xs []int\nat := func(i int) int {\n\treturn xs[i]\n}")
	mustRun(t, s, "x = x + 1")
	_, err = s.Execute(context.Background(), "w := 3\nat(w)")
	var se Error
	if !errors.As(err, &se) || !strings.Contains(strings.Join(se.Traceback(), "\n"), "cell line 2:\n    at(w)") {
		t.Errorf("a panic in a literal of an earlier cell: %v, want its traceback to name cell line 2", err)
	}
}

// A cell run again does not grow the global frame by its temporaries: the
// slots a statement's compile added and no variable owns are taken again
// by the next chunk (reclaimSlots), so over 20 runs of three cells the
// frame grows by the one variable each run defines again, not by the
// dozens of temporaries of their statements.
func TestFrameSlotsReclaimed(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	cells := []string{
		"xs := []float64{1, 2, 3, math.Sqrt(16)}",
		"fmt.Sprint(len(xs), xs[0]+xs[1], strings.Repeat(\"-\", len(xs)))",
		"for i := range xs {\n\txs[i] *= float64(len([]int{i, i}))\n}",
	}
	for _, c := range cells {
		mustRun(t, s, c)
	}
	first := frameLayoutLen(s.in)
	for range 20 {
		for _, c := range cells {
			mustRun(t, s, c)
		}
	}
	if grown := frameLayoutLen(s.in) - first; grown > 2 {
		t.Errorf("20 runs of the cells grew the global frame by %d slots, want at most 2", grown)
	}
}

// Programs print the same with the frame's slots reclaimed as with the
// frame left as yaegi grows it: the sweep's cases, variables declared again
// that funcs compiled before or after still read, and course notebook 02
// run three times.
func TestReclaimSlotsSameOutput(t *testing.T) {
	nb, err := notebookCells("../../notebooks/02-critical-points.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	programs := [][]string{
		{"y := 1", "func gy() int { return y }", "y := 2", "fmt.Println(gy(), y)", "y := 3", "fmt.Println(gy(), y)"},
		{"z := 1", "hz := func() int { return z }", "z := 2", "z := 3", "fmt.Println(hz(), z)"},
		{"w := []int{1}", "pw := &w", "w := []int{2, 2}", "w := []int{3, 3, 3}", "fmt.Println(*pw, w)"},
		{"s := \"a\"", "s := 1.5", "s := []string{\"b\"}", "fmt.Println(s)"},
		{"q, err := strconv.Atoi(\"4\")", "q, err := strconv.Atoi(\"x\")", "fmt.Println(q, err != nil)"},
		{"u := 1", "u := u + 1", "u := u * 10", "fmt.Println(u)"},
		slices.Concat(nb, nb, nb),
	}
	run := func(cells []string) string {
		var out strings.Builder
		s, err := New(Options{Stdout: &out, Stderr: &out})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cells {
			if _, err := s.Execute(context.Background(), c); err != nil {
				fmt.Fprintf(&out, "error: %v\n", err)
			}
		}
		return out.String()
	}
	for _, cells := range programs {
		reclaiming = false
		want := run(cells)
		reclaiming = true
		if got := run(cells); got != want {
			t.Errorf("%.60q…: with slots reclaimed:\n%s\nwithout:\n%s", cells[0], got, want)
		}
	}
}

// The global frame grows by appending (growFrame), not by a copy of the
// whole frame at every chunk as yaegi's resizeFrame makes it: over 60
// cells that each add a variable, its storage moves a few times, not at
// every cell.
func TestFrameGrowsInPlace(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	arrays := map[*reflect.Value]bool{}
	for i := range 60 {
		mustRun(t, s, fmt.Sprintf("a%d := %d", i, i))
		frame := *at[unsafe.Pointer](unsafe.Pointer(s.in), layout.frame)
		arrays[unsafe.SliceData(*at[[]reflect.Value](frame, layout.data))] = true
	}
	if len(arrays) > 12 {
		t.Errorf("the global frame was made again %d times over 60 cells, want a few (amortised growth)", len(arrays))
	}
}

// Package-level variables and constants do not keep the syntax tree of the
// chunk that declared them (their symbol's node is the sweep's empty one),
// and declarations that read them still work, in the same cell and later.
func TestSweepDropsDeclarationNodes(t *testing.T) {
	var out strings.Builder
	s, err := New(Options{Stdout: &out})
	if err != nil {
		t.Fatal(err)
	}
	cells := []string{"var a = 1", "var b = a + 1", "const c = 3", "var d, e = b * c, a + b", "x := d + e", "var f = x", "var g = 1\nvar h = g + f", "fmt.Println(a, b, c, d, e, x, f, h)"}
	for _, c := range cells {
		mustRun(t, s, c)
		s.sweeper.cells = 4 // look at every cell
	}
	if got, want := strings.TrimSpace(out.String()), "1 2 3 6 3 9 9 10"; got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
	main := (*at[map[string]unsafe.Pointer](unsafe.Pointer(s.in), layout.scopes))["main"]
	for name, sym := range *at[map[string]unsafe.Pointer](main, layout.sym) {
		if node := *at[unsafe.Pointer](sym, layout.symNode); *at[int](sym, layout.index) >= 0 && node != nil && node != stubNode {
			t.Errorf("%s keeps its declaration's node", name)
		}
	}
}
