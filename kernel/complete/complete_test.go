package complete

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/gocurve/gocurve/kernel/cell"
)

// session declarations as a session reports them: Src is what the type
// model reads, the rest what completion and inspection show
var testDecls = []Decl{
	{Name: "fmt", Kind: "import", Type: "fmt"},
	{Name: "math", Kind: "import", Type: "math"},
	{Name: "strings", Kind: "import", Type: "strings"},
	{Name: "rand", Kind: "import", Type: "math/rand"},
	{Name: "mat", Kind: "import", Type: "gonum.org/v1/gonum/mat"},
	{Name: "floats", Kind: "import", Type: "gonum.org/v1/gonum/floats"},
	{Name: "hessian", Kind: "import", Type: "github.com/gocurve/gocurve/lib/hessian"},
	{Name: "m", Kind: "var", Signature: "m := mat.NewDense(2, 2, nil)", Type: "*mat.Dense", Src: "var m *mat.Dense"},
	{Name: "xs", Kind: "var", Signature: "var xs []float64", Type: "[]float64", Src: "var xs []float64"},
	{Name: "P", Kind: "type", Signature: "type P struct {\n\tX, Y float64\n\tW    *mat.Dense\n\tname string\n}", Doc: "P is a point.",
		Src: "type P struct {\n\tX, Y float64\n\tW    *mat.Dense\n\tname string\n}"},
	{Name: "P.Norm", Kind: "method", Signature: "func (p P) Norm() float64", Doc: "Norm is the length of p.", Src: "func (p P) Norm() float64 { return 0 }"},
	{Name: "*P.Scale", Kind: "method", Signature: "func (p *P) Scale(k float64) *P", Src: "func (p *P) Scale(k float64) *P { return p }"},
	{Name: "p", Kind: "var", Signature: "var p P", Type: "P", Src: "var p P"},
	{Name: "loss", Kind: "func", Signature: "func loss(w []float64) float64", Doc: "loss is the training loss.", Src: "func loss(w []float64) float64 { return 0 }"},
	{Name: "grid", Kind: "func", Signature: "func grid(n int) (*mat.Dense, error)", Src: "func grid(n int) (*mat.Dense, error) { return nil, nil }"},
	{Name: "json", Kind: "import", Signature: `import "encoding/json"`, Type: "encoding/json"},
	{Name: "anon", Kind: "var", Signature: "var anon struct{X float64; W *mat.Dense}", Type: "struct{X float64; W *mat.Dense}", Src: "var anon struct{X float64; W *mat.Dense}"},
	{Name: "lr", Kind: "const", Signature: "const lr = 0.1", Type: "float64", Src: "const lr = 0.1"},
	// as a session gives them: an abridged signature, the whole source
	{Name: "Net", Kind: "type", Signature: "type Net struct { …", Type: "struct{Layers []*mat.Dense; Best P}", Src: "type Net struct {\n\tLayers []*mat.Dense\n\tBest   P\n}"},
	{Name: "net", Kind: "var", Signature: "var net *Net", Type: "*Net", Src: "var net *Net"},
	{Name: "Shape", Kind: "type", Signature: "type Shape interface { …", Type: "interface{Area() float64; fmt.Stringer}", Src: "type Shape interface {\n\tArea() float64\n\tfmt.Stringer\n}"},
	{Name: "sh", Kind: "var", Signature: "var sh Shape", Type: "Shape", Src: "var sh Shape"},
}

// complete runs Complete with the cursor at the "|" in code.
func complete(t *testing.T, code string) (Completion, string) {
	t.Helper()
	i := strings.Index(code, "|")
	if i < 0 {
		t.Fatalf("no cursor in %q", code)
	}
	code = code[:i] + code[i+1:]
	return Complete(code, utf8.RuneCountInString(code[:i]), testDecls), code
}

// texts returns the matches' names: without the dotted name before the
// cursor that a match carries ("fmt.Print" is "Print").
func texts(c Completion) []string {
	var out []string
	for _, m := range c.Matches {
		if strings.Contains(m.Text, "/") { // an import path
			out = append(out, m.Text)
			continue
		}
		out = append(out, m.Text[strings.LastIndexByte(m.Text, '.')+1:])
	}
	return out
}

func TestComplete(t *testing.T) {
	tests := []struct {
		name, code string
		want       []string // all present
		absent     []string // none present
		exact      bool     // want is the whole list
	}{
		{"package member", "math.Sq|", []string{"Sqrt", "Sqrt2", "SqrtE", "SqrtPhi", "SqrtPi"}, nil, true},
		{"package member mid-line", "y := 2 * math.Ex|p(1)", []string{"Exp", "Exp2", "Expm1"}, nil, true},
		{"generic funcs from the docs", "slices.So|", []string{"Sort", "SortFunc", "SortStableFunc", "Sorted", "SortedFunc", "SortedStableFunc"}, nil, true},
		{"fields from the model's type", "net.|", []string{"Best", "Layers"}, nil, true},
		{"chain through the model's type", "net.Layers[0].T().D|", []string{"Dims"}, nil, true},
		{"a cell type's field of the model's type", "net.Best.N|", []string{"Norm"}, nil, true},
		{"interface methods, embedded ones too", "sh.|", []string{"Area", "String"}, nil, true},
		{"interface methods in a range", "for _, s := range []Shape{sh} {\n\ts.A|", []string{"Area"}, nil, true},
		{"gonum package", "mat.NewD|", []string{"NewDense", "NewDiagDense"}, []string{"NewSymDense"}, false},
		{"session var methods", "m.Sol|", []string{"Solve"}, nil, true},
		{"method chain", "m.T().|", []string{"At", "Dims", "T"}, nil, true},
		{"call chain", "mat.NewDense(2, 2, nil).Sy|", nil, []string{"Solve"}, true},
		{"cell var", "a := mat.NewVecDense(3, nil)\na.AtV|", []string{"AtVec"}, nil, true},
		{"cell var from user func", "g, err := grid(3)\ng.Dim|", []string{"Dims"}, nil, true},
		{"second result", "g, err := grid(3)\nerr.|", []string{"Error"}, nil, true},
		{"func parameter", "func f(h *mat.SymDense) float64 {\n\treturn h.Symmetric|", []string{"SymmetricDim"}, nil, true},
		{"var with type", "var b strings.Builder\nb.WriteS|", []string{"WriteString"}, nil, true},
		{"range value", "for _, r := range []*mat.Dense{m} {\n\tr.Ca|", []string{"Caps"}, nil, true},
		{"index", "ms := []*mat.Dense{m}\nms[0].Cap|", []string{"Caps"}, nil, true},
		{"user struct fields and methods", "p.|", []string{"Norm", "Scale", "W", "X", "Y", "name"}, nil, true},
		{"anonymous struct type", "anon.|", []string{"W", "X"}, nil, true},
		{"anonymous struct field chain", "anon.W.Dim|", []string{"Dims"}, nil, true},
		{"user field of compiled type", "p.W.Dim|", []string{"Dims"}, nil, true},
		{"user method result", "p.Scale(2).No|", []string{"Norm"}, nil, true},
		{"cell type", "type Q struct{ A int; B string }\nvar q Q\nq.|", []string{"A", "B"}, nil, true},
		{"cell methods", "type Q struct{ A int }\n\nfunc (q *Q) Bump() *Q { q.A++; return q }\n\nvar q Q\nq.Bump().|", []string{"A", "Bump"}, nil, true},
		{"cell method on session type", "func (p P) Twice() P { return p }\np.Tw|", []string{"Twice"}, nil, true},
		{"pointer to struct", "pp := &P{}\npp.X|", []string{"X"}, nil, true},
		{"imported in session", "json.Marsh|", []string{"Marshal", "MarshalIndent", "Marshaler", "MarshalerError"}, nil, true},
		{"imported in cell", "import \"math/cmplx\"\ncmplx.Ab|", []string{"Abs"}, nil, true},
		{"renamed import", "import m2 \"math\"\nm2.Pi|", []string{"Pi"}, nil, true},
		{"names in scope", "lo|", []string{"loss"}, nil, true},
		{"literal keys", "q := P{|", []string{"W", "X", "Y", "name", "loss"}, nil, false},
		{"literal keys after a comma", "q := &P{X: 1,\n\tY|", []string{"Y"}, nil, true},
		{"compiled struct literal", "s := hessian.DiffSettings{|", []string{"Step"}, nil, false},
		{"literal value position", "q := P{X: lo|", []string{"loss"}, nil, true},
		{"block is not a literal", "if lr > 0 {\n\tlo|", []string{"loss"}, nil, true},
		{"builtins", "pri|", []string{"print", "println"}, nil, true},
		{"keywords", "ra|", []string{"rand", "range"}, nil, true},
		{"packages and types", "fl|", []string{"float32", "float64", "floats"}, nil, true},
		{"preloaded lib", "hess|", []string{"hessian"}, nil, true},
		{"cell names", "learningRate := 0.1\nlearn|", []string{"learningRate"}, nil, true},
		{"import path", "import \"gonum.org/v1/gonum/ma|", []string{"gonum.org/v1/gonum/mat", "gonum.org/v1/gonum/mathext"}, nil, true},
		{"import path in group", "import (\n\t\"fmt\"\n\tm \"gonum.org/v1/gonum/fl|", []string{"gonum.org/v1/gonum/floats", "gonum.org/v1/gonum/floats/scalar"}, nil, true},
		{"string after imports", "import \"fmt\"\nx := \"gonum.org/v1/gonum/fl|", nil, nil, true},
		{"in string", "s := \"math.Sq|", nil, nil, true},
		{"in comment", "// m.|", nil, nil, true},
		{"after block comment", "/* x */ math.Pi|", []string{"Pi"}, nil, true},
		{"unknown operand", "zz.|", nil, nil, true},
		{"number", "x := 12|", nil, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := complete(t, tt.code)
			got := texts(c)
			if tt.exact && !slices.Equal(got, tt.want) {
				t.Fatalf("matches %q, want %q", got, tt.want)
			}
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("%q missing from %q", w, got)
				}
			}
			for _, a := range tt.absent {
				if slices.Contains(got, a) {
					t.Errorf("%q should not be in %q", a, got)
				}
			}
		})
	}
}

// TestCompleteFromModel covers what only the cell's type model knows: types
// go/types infers, method sets through embedding, results of compiled funcs
// and constraints of type parameters.
func TestCompleteFromModel(t *testing.T) {
	tests := []struct {
		name, code string
		want       []string // the whole list
	}{
		{"local from a generic call in the cell",
			"func first[T any](xs []T) T { return xs[0] }\nv := first([]*mat.Dense{m})\nv.Dim|", []string{"Dims"}},
		{"local from a generic call, inside a func",
			"func last[S ~[]E, E any](s S) E { return s[len(s)-1] }\nfunc f() {\n\tr := last([]hessian.Report{})\n\tr.Ne|", []string{"Negative"}},
		{"method promoted through a cell type's embedded field",
			"type Base struct{ ID int }\n\nfunc (b *Base) Hello() string { return \"\" }\n\ntype Derived struct {\n\tBase\n\tN int\n}\n\nvar d Derived\nd.|", []string{"Base", "Hello", "ID", "N"}},
		{"methods promoted from an embedded compiled type",
			"type Weights struct{ *mat.Dense }\nvar w Weights\nw.Sol|", []string{"Solve"}},
		{"field of a struct a compiled func returns",
			"rep := hessian.Classify(mat.NewSymDense(1, []float64{1}), nil)\nrep.Eig|", []string{"Eigenvalues"}},
		{"field of a compiled func's result, in a chain",
			"hessian.Classify(nil, nil).Ki|", []string{"Kind"}},
		{"type parameter's constraint methods",
			"func show[T fmt.Stringer](x T) string {\n\treturn x.|", []string{"String"}},
		{"type parameter with a constraint of the session's",
			"func area[S Shape](s S) float64 {\n\treturn s.|", []string{"Area", "String"}},
		{"a local shadows a session variable",
			"func g() {\n\tm := \"text\"\n\tm.|", nil},
		{"a name declared after the cursor is not in scope",
			"func h() {\n\tzeta|\n\tzetaLater := 1\n\t_ = zetaLater\n}", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := complete(t, tt.code)
			if got := texts(c); !slices.Equal(got, tt.want) {
				t.Fatalf("matches %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCompleteUnfinishedCells completes where the text before the cursor
// is not yet Go: the model checks it with what it left open closed.
func TestCompleteUnfinishedCells(t *testing.T) {
	tests := []struct {
		name, code string
		want       string // among the matches
	}{
		{"a whole program", "package main\n\nimport \"strings\"\n\nfunc main() {\n\tvar b strings.Builder\n\tb.WriteS|", "WriteString"},
		{"a program's main", "package main\n\nfunc main() {\n\tx := []int{1}\n\tx = app|", "append"},
		{"a go statement's func literal", "for i := range 3 {\n\tgo func() {\n\t\tm.Di|", "Dims"},
		{"a defer's func literal", "func f() {\n\tdefer func() {\n\t\tm.Di|", "Dims"},
		{"a type switch's case", "switch v := any(m).(type) {\ncase *mat.Dense:\n\tv.Di|", "Dims"},
		{"an unfinished line above a statement", "x := m.|\nfmt.Println(1)", "Solve"},
		{"a call's open argument list", "fmt.Println(m.T().Di|", "Dims"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := complete(t, tt.code)
			if got := texts(c); !slices.Contains(got, tt.want) {
				t.Fatalf("%q missing from %q", tt.want, got)
			}
		})
	}
}

func TestInspectFromModel(t *testing.T) {
	tests := []struct{ code, want string }{
		{"func first[T any](xs []T) T { return xs[0] }\nv := first([]*mat.Dense{m})\nv|", "var v *mat.Dense"},
		{"type Base struct{}\n\n// Hello greets.\nfunc (Base) Hello() string { return \"\" }\n\ntype D struct{ Base }\nvar d D\nd.Hel|lo()", "func (Base) Hello() string\n\nHello greets."},
		{"hessian.Classify(nil, nil).Eigenvalues|", "Eigenvalues []float64"},
		{"rep := hessian.Classify(nil, nil)\nrep.Eigenvalues|", "ascending"}, // the field's doc comment
		{"func show[T fmt.Stringer](x T) string {\n\treturn x.String|", "String() string"},
		{"r := rand.New(rand.NewSource(1))\nr.Float64|", "func (r *Rand) Float64() float64"},
	}
	for _, tt := range tests {
		i := strings.Index(tt.code, "|")
		code := tt.code[:i] + tt.code[i+1:]
		text, found := Inspect(code, utf8.RuneCountInString(code[:i]), testDecls)
		if !found || !strings.Contains(text, tt.want) {
			t.Errorf("%q: %q, %v; want it to contain %q", tt.code, text, found, tt.want)
		}
	}
}

func TestSessionVar(t *testing.T) {
	for _, tt := range []struct {
		code string
		want string
	}{
		{"m|", "m"}, {"|m", "m"}, {"f(m|)", "m"}, {"m.Dims|", ""}, {"p.X|", ""}, {"x + 1|", ""}, {"|", ""},
		{"m := 2\nm|", ""}, // the cell's own m
		{"loss|", ""},      // a func
		{"math.Pi|", ""},
	} {
		i := strings.Index(tt.code, "|")
		code := tt.code[:i] + tt.code[i+1:]
		if got := Default().SessionVar(code, utf8.RuneCountInString(code[:i]), testDecls); got != tt.want {
			t.Errorf("SessionVar(%q) = %q, want %q", tt.code, got, tt.want)
		}
	}
}

func TestCompleteDottedText(t *testing.T) {
	tests := []struct {
		code  string
		first string
		start int
	}{
		{"fmt.Prin|", "fmt.Print", 0},
		{"x := p.W.Dim|", "p.W.Dims", 5},
		{"m.T().Di|", "Dims", 6},
		{"xs[0].|", "", 6},
		{"import \"gonum.org/v1/gonum/ma|", "gonum.org/v1/gonum/mat", 8},
	}
	for _, tt := range tests {
		c, _ := complete(t, tt.code)
		first := ""
		if len(c.Matches) > 0 {
			first = c.Matches[0].Text
		}
		if first != tt.first || c.Start != tt.start {
			t.Errorf("%q: first match %q from %d, want %q from %d", tt.code, first, c.Start, tt.first, tt.start)
		}
	}
}

func TestCompleteLiteralFieldsFirst(t *testing.T) {
	c, _ := complete(t, "q := P{|")
	if got := texts(c); len(got) < 4 || !slices.Equal(got[:4], []string{"W", "X", "Y", "name"}) {
		t.Errorf("matches %q, want the fields of P first", got)
	}
}

func TestCompleteRange(t *testing.T) {
	tests := []struct {
		code       string
		start, end int
	}{
		{"math.Sq|", 0, 7},
		{"θ := math.Sq|", 5, 12},
		{"λ, μ := 1.0, 2.0\nmath.Sq|", 17, 24},
		{"s := \"😀😀\"; math.Sq|", 11, 18}, // two code points outside the BMP, four UTF-16 units
		{"s := \"😀\"; m.|", 10, 12},
		{"x := 1 // ü\nfmt.Pr|", 12, 18},
		{"math.Sq|rt(2)", 0, 7},
		{"θ := m.T().D|", 11, 12},
		{"λ := p.W.Di|", 5, 11},
	}
	for _, tt := range tests {
		c, code := complete(t, tt.code)
		if c.Start != tt.start || c.End != tt.end {
			t.Errorf("%q: range [%d,%d), want [%d,%d)", tt.code, c.Start, c.End, tt.start, tt.end)
		}
		if len(c.Matches) == 0 {
			t.Errorf("%q: no matches", tt.code)
		}
		// replacing the range by the first match yields valid text
		r := []rune(code)
		_ = string(r[:c.Start]) + c.Matches[0].Text + string(r[c.End:])
		if prefix := string(r[c.Start:c.End]); !strings.HasPrefix(c.Matches[0].Text, prefix) {
			t.Errorf("%q: replaced text %q is not a prefix of %q", tt.code, prefix, c.Matches[0].Text)
		}
	}
}

func TestCompleteCursorClamped(t *testing.T) {
	for _, cursor := range []int{-3, 100} {
		c := Complete("math.Sq", cursor, nil)
		if c.Start > c.End || c.End > 7 {
			t.Errorf("cursor %d: range [%d,%d)", cursor, c.Start, c.End)
		}
	}
}

func TestCompleteSignatures(t *testing.T) {
	tests := []struct{ code, text, kind, sig string }{
		{"math.Sq|", "Sqrt", "func", "func Sqrt(x float64) float64"},
		{"mat.NewDen|", "NewDense", "func", "func NewDense(r, c int, data []float64) *Dense"},
		{"m.Mu|", "Mul", "method", "func (m *Dense) Mul(a, b Matrix)"},
		{"math.P|", "Pi", "const", "const Pi = 3.14159265358979323846264338327950288419716939937510582097494459"},
		{"lo|", "loss", "func", "func loss(w []float64) float64"},
		{"p.|", "X", "field", "X float64"},
		{"ma|", "mat", "package", `package mat // import "gonum.org/v1/gonum/mat"`},
		{"le|", "len", "builtin", "func len(v Type) int"},
		{"slices.Ma|", "Max", "func", "func Max[S ~[]E, E cmp.Ordered](x S) E"},
	}
	for _, tt := range tests {
		c, _ := complete(t, tt.code)
		i := slices.Index(texts(c), tt.text)
		if i < 0 {
			t.Errorf("%q: no %q in %q", tt.code, tt.text, texts(c))
			continue
		}
		if m := c.Matches[i]; m.Kind != tt.kind || m.Signature != tt.sig {
			t.Errorf("%q: %q is %q %q, want %q %q", tt.code, tt.text, m.Kind, m.Signature, tt.kind, tt.sig)
		}
	}
}

func TestInspect(t *testing.T) {
	tests := []struct {
		code  string
		found bool
		want  []string // substrings
	}{
		{"mat.NewDe|nse(2, 2, nil)", true, []string{"func NewDense(r, c int, data []float64) *Dense", "row-major"}},
		{"math.Sqrt(|", true, []string{"func Sqrt(x float64) float64", "square root"}},
		{"math.Sqrt(math.Pi, |", true, []string{"func Sqrt"}},
		{"m.Mul|", true, []string{"func (m *Dense) Mul(a, b Matrix)", "matrix product"}},
		{"m.T().Dims|", true, []string{"Dims() (r, c int)"}},
		{"p.No|rm()", true, []string{"func (p P) Norm() float64", "length of p"}},
		{"lo|ss", true, []string{"func loss(w []float64) float64", "training loss"}},
		{"fm|t", true, []string{`package fmt // import "fmt"`, "formatted I/O"}},
		{"ap|pend", true, []string{"func append(slice []Type, elems ...Type) []Type"}},
		{"mat.Den|se", true, []string{"type Dense struct", "dense matrix"}},
		{"xs|", true, []string{"var xs []float64"}},
		{"m|", true, []string{"m := mat.NewDense(2, 2, nil)", "type Dense struct {...}", "Dense is a dense matrix"}},
		{"h := 3\nh|", true, []string{"h := 3", "int"}},
		{"θ := 1.0 // 😀\nmath.Co|s(θ)", true, []string{"func Cos(x float64) float64"}},
		{"zz|", false, nil},
		{"math.Sqrt(1|6)", true, []string{"func Sqrt(x float64) float64"}},
		{"x := \"math.Sqrt|", false, nil},
		{"|", false, nil},
	}
	for _, tt := range tests {
		i := strings.Index(tt.code, "|")
		code := tt.code[:i] + tt.code[i+1:]
		text, found := Inspect(code, utf8.RuneCountInString(code[:i]), testDecls)
		if found != tt.found {
			t.Errorf("%q: found %v, want %v (%q)", tt.code, found, tt.found, text)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("%q: %q missing from\n%s", tt.code, w, text)
			}
		}
	}
}

// TestDocsCoverSymbols checks that the generated doc table is not stale:
// every function and type of the preloaded packages has an entry.
func TestDocsCoverSymbols(t *testing.T) {
	c := Default()
	docs := c.docs()
	im := c.types.Wait()
	for _, path := range preloaded {
		if cell.Implicit(path) {
			continue // the session's interpreted versions: their names come from the docs
		}
		pkg, err := im.Import(path)
		if err != nil {
			t.Logf("preloaded package %s has no symbol table: %v", path, err)
			continue
		}
		if _, ok := docs[path]; !ok {
			t.Errorf("no docs for package %s: run go generate in kernel/complete", path)
		}
		for _, name := range pkg.Scope().Names() {
			if !token.IsExported(name) {
				continue // a type an exported name uses
			}
			switch pkg.Scope().Lookup(name).(type) {
			case *types.Func, *types.TypeName:
				if _, ok := docs[path+"."+name]; !ok {
					t.Errorf("no docs for %s.%s: run go generate in kernel/complete", path, name)
				}
			}
		}
	}
}

// TestBuiltinDocsCoverUniverse checks that each of Go's predeclared names
// has its documentation.
func TestBuiltinDocsCoverUniverse(t *testing.T) {
	for _, name := range types.Universe.Names() {
		if _, ok := builtinDocs[name]; !ok {
			t.Errorf("no doc for the predeclared %s", name)
		}
	}
}

func TestWarmConcurrentWithRequests(t *testing.T) {
	done := make(chan bool)
	go func() { Warm(); done <- true }()
	if len(Complete("math.Sq", 7, nil).Matches) == 0 {
		t.Error("no matches while warming")
	}
	<-done
}

func TestConcurrent(t *testing.T) {
	c := New(allExports(), preloaded) // a fresh index, built by racing goroutines
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			code := []string{"m.Mul", "mat.NewDense", "math.Sqrt", "p.W.Dims"}[i%4]
			if len(c.Complete(code, len(code), testDecls).Matches) == 0 {
				t.Errorf("%q: no matches", code)
			}
			if _, ok := c.Inspect(code, len(code)-1, testDecls); !ok {
				t.Errorf("%q: inspect found nothing", code)
			}
		}()
	}
	wg.Wait()
}

func TestIsComplete(t *testing.T) {
	tests := []struct{ code, status, indent string }{
		{"", "complete", ""},
		{"x := 1", "complete", ""},
		{"fmt.Println(\"hi\")\n", "complete", ""},
		{"func f() {\n\treturn\n}", "complete", ""},
		{"for i := range 3 {", "incomplete", "\t"},
		{"func f() {\n\tif x {", "incomplete", "\t\t"},
		{"xs := []float64{\n\t1,", "incomplete", "\t"},
		{"fmt.Println(1,\n", "incomplete", "\t"},
		{"x := 1 +", "incomplete", "\t"},
		{"y := a.", "incomplete", "\t"},
		{"x :=", "incomplete", "\t"},
		{"s := `raw\nstill open", "incomplete", ""},
		{"/* a comment", "incomplete", ""},
		{"s := \"open", "incomplete", ""},
		{"x := 1 // trailing +", "complete", ""},
		{"return", "complete", ""},
		{"i++", "complete", ""},
		{"}", "invalid", ""},
		{"f(]", "invalid", ""},
		{"x := 1 @ 2", "invalid", ""},
		{"θ := 1.0\nλ := θ *", "incomplete", "\t"},
		// the samples of the jupyter_kernel_test conformance suite
		{"func f() int { return 1 }", "complete", ""},
		{"fmt.Println(1)", "complete", ""},
		{"for i := 0; i < 3; i++ {", "incomplete", "\t"},
		{"x := []int{1,", "incomplete", "\t"},
		{"x := )", "invalid", ""},
		{"func }", "invalid", ""},
	}
	for _, tt := range tests {
		status, indent := IsComplete(tt.code)
		if status != tt.status || indent != tt.indent {
			t.Errorf("IsComplete(%q) = %q, %q; want %q, %q", tt.code, status, indent, tt.status, tt.indent)
		}
	}
}

func ExampleComplete() {
	code := "m := mat.NewDense(2, 2, nil)\nm.So"
	c := Complete(code, utf8.RuneCountInString(code), nil)
	for _, m := range c.Matches {
		fmt.Println(m.Text, "|", m.Signature)
	}
	fmt.Println("replace code points", c.Start, "to", c.End)
	// Output:
	// m.Solve | func (m *Dense) Solve(a, b Matrix) error
	// replace code points 29 to 33
}

func ExampleInspect() {
	text, _ := Inspect("math.Hypot(3, 4)", 7, nil)
	fmt.Println(text)
	// Output:
	// func Hypot(p, q float64) float64
	//
	// Hypot returns [Sqrt](p*p + q*q), taking care to avoid
	// unnecessary overflow and underflow.
	//
	// Special cases are:
	//
	//	Hypot(±Inf, q) = +Inf
	//	Hypot(p, ±Inf) = +Inf
	//	Hypot(NaN, q) = NaN
	//	Hypot(p, NaN) = NaN
}

func TestInspectMarkdown(t *testing.T) {
	tests := []struct {
		code string
		want []string
	}{
		{"math.Hypot(", []string{"```go\nfunc Hypot(p, q float64) float64\n```", "[Sqrt](https://pkg.go.dev/math#Sqrt)(p\\*p + q\\*q)"}},
		{"m.Mul", []string{"```go\nfunc (m *Dense) Mul(a, b Matrix)\n```", "matrix product"}},
		{"loss", []string{"```go\nfunc loss(w []float64) float64\n```", "training loss"}},
	}
	for _, tt := range tests {
		md, ok := InspectMarkdown(tt.code, utf8.RuneCountInString(tt.code), testDecls)
		if !ok {
			t.Errorf("%q: not found", tt.code)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(md, w) {
				t.Errorf("%q: %q missing from\n%s", tt.code, w, md)
			}
		}
	}
}

func ExampleIsComplete() {
	for _, code := range []string{"x := 1", "for i := range 3 {", "f(]"} {
		status, indent := IsComplete(code)
		fmt.Printf("%-20q %s %q\n", code, status, indent)
	}
	// Output:
	// "x := 1"             complete ""
	// "for i := range 3 {" incomplete "\t"
	// "f(]"                invalid ""
}

func ExampleInspectMarkdown() {
	md, _ := InspectMarkdown("math.Hypot(3, 4)", 7, nil)
	fmt.Print(md)
	// Output:
	// ```go
	// func Hypot(p, q float64) float64
	// ```
	//
	// Hypot returns [Sqrt](https://pkg.go.dev/math#Sqrt)(p\*p + q\*q), taking care to avoid unnecessary overflow and underflow.
	//
	// Special cases are:
	//
	// 	Hypot(±Inf, q) = +Inf
	// 	Hypot(p, ±Inf) = +Inf
	// 	Hypot(NaN, q) = NaN
	// 	Hypot(p, NaN) = NaN
}
