package importer_test

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"strings"
	"testing"

	"github.com/gocurve/gocurve/kernel/importer"
	"github.com/gocurve/gocurve/kernel/symbols"
	"github.com/traefik/yaegi/stdlib"
)

func tables() map[string]map[string]reflect.Value {
	all := map[string]map[string]reflect.Value{}
	for k, v := range stdlib.Symbols {
		all[k] = v
	}
	for k, v := range symbols.Symbols {
		all[k] = v
	}
	return all
}

// TestPrograms type-checks programs that go build accepts, using only the
// importer's packages; each must check without errors.
func TestPrograms(t *testing.T) {
	im := importer.New(tables())
	tests := []struct{ name, src string }{
		{"fmt and strings", `import ("fmt"; "strings")
func main() { fmt.Println(strings.Fields("a b"), strings.ToUpper("x")); var b strings.Builder; b.WriteString("x"); fmt.Fprintf(&b, "%d", 1); _ = b.String() }`},
		{"untyped and typed constants", `import ("math"; "time")
func main() { var f float32 = math.Pi; var d time.Duration = 3 * time.Second; _ = d.Seconds() + float64(f); var i int = math.MaxInt64; _ = i }`},
		{"interfaces", `import ("io"; "os"; "strings"; "errors"; "bufio")
func main() { var r io.Reader = strings.NewReader("x"); var w io.Writer = os.Stdout; _, _ = io.Copy(w, r); err := errors.New("x"); var e error = err; _ = e.Error(); s := bufio.NewScanner(r); for s.Scan() { _ = s.Text() } }`},
		{"sort.Interface by a cell type", `import "sort"
type byLen []string
func (b byLen) Len() int { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int) { b[i], b[j] = b[j], b[i] }
func main() { sort.Sort(byLen{"aa", "b"}); sort.Float64s([]float64{2, 1}) }`},
		{"gonum mat", `import "gonum.org/v1/gonum/mat"
func main() { a := mat.NewDense(2, 2, []float64{1, 2, 3, 4}); var m mat.Matrix = a; r, c := m.Dims(); var e mat.Eigen; _ = e.Factorize(a, mat.EigenRight); var x mat.VecDense; x.MulVec(a.T(), mat.NewVecDense(2, nil)); _ = r + c; _ = mat.Formatted(a, mat.Prefix(" ")) }`},
		{"hessian and plot", `import ("github.com/gocurve/gocurve/lib/hessian"; "gonum.org/v1/plot"; "gonum.org/v1/plot/plotter"; "gonum.org/v1/gonum/mat")
func main() { q := hessian.Quadratic{A: mat.NewSymDense(2, nil), B: []float64{1, 2}}; _ = q; p := plot.New(); p.Title.Text = "x"; l, _ := plotter.NewLine(plotter.XYs{{X: 1, Y: 2}}); p.Add(l) }`},
		{"time methods and embedding", `import ("time"; "sync")
type guarded struct { sync.Mutex; n int }
func main() { var g guarded; g.Lock(); g.n++; g.Unlock(); t := time.Now(); _ = t.Add(time.Hour).Sub(t).Hours() }`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, "p.go", "package main\n"+tt.src, 0)
			if err != nil {
				t.Fatal(err)
			}
			var errs []string
			conf := types.Config{Importer: im, Error: func(err error) { errs = append(errs, err.Error()) }}
			conf.Check("main", fset, []*ast.File{f}, nil)
			if len(errs) > 0 {
				t.Errorf("errors:\n%s", strings.Join(errs, "\n"))
			}
		})
	}
}

// TestAllPackages imports every package of the tables: none may fail.
func TestAllPackages(t *testing.T) {
	tabs := tables()
	im := importer.New(tabs)
	for key, syms := range tabs {
		i := strings.LastIndexByte(key, '/')
		if i < 0 || len(syms) == 0 {
			continue
		}
		p := key[:i]
		pkg, err := im.Import(p)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		for name, v := range syms {
			member := v.CanAddr() || v.Kind() == reflect.Func || v.Kind() == reflect.Pointer && v.IsNil() || v.Type().Implements(reflect.TypeFor[constant.Value]())
			if member && !strings.HasPrefix(name, "_") && pkg.Scope().Lookup(name) == nil {
				t.Errorf("%s: %s is missing", p, name)
			}
		}
	}
}

// TestRejects: programs go build refuses are refused with the importer's
// types too, with go/types' message.
func TestRejects(t *testing.T) {
	im := importer.New(tables())
	tests := []struct{ name, src, want string }{
		{"argument type", `import "strings"
func main() { strings.Fields(1) }`, "cannot use 1 (untyped int constant) as string value in argument to strings.Fields"},
		{"method of the pointer type only", `import "strings"
func main() { var b strings.Builder; var w interface{ WriteString(string) (int, error) } = b; _ = w }`, "method WriteString has pointer receiver"},
		{"named and underlying", `import "time"
func main() { var n int64 = 1; var d time.Duration = n; _ = d }`, "cannot use n (variable of type int64) as time.Duration value"},
		{"unexported field", `import "gonum.org/v1/gonum/mat"
func main() { var d mat.Dense; _ = d.mat }`, "d.mat undefined"},
		// atomic.Pointer, a stand-in's declaration: its methods as Go's
		{"a stand-in's method", `import "sync/atomic"
type S struct{ A int }
func main() { var p atomic.Pointer[S]; p.Store(S{}) }`, "cannot use S{} (value of struct type S) as *S value in argument to p.Store"},
		{"a stand-in's type argument", `import "sync/atomic"
func main() { var p atomic.Pointer[int]; var q *string = p.Load(); _ = q }`, "cannot use p.Load() (value of type *int) as *string value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, "p.go", "package main\n"+tt.src, 0)
			if err != nil {
				t.Fatal(err)
			}
			var errs []string
			conf := types.Config{Importer: im, Error: func(err error) { errs = append(errs, err.Error()) }}
			conf.Check("main", fset, []*ast.File{f}, nil)
			if !strings.Contains(strings.Join(errs, "\n"), tt.want) {
				t.Errorf("errors %q, want one with %q", errs, tt.want)
			}
		})
	}
}

// Two packages of one name are told apart in go/types' messages by their
// paths, as go build does, because each package lists what it imports.
func TestSameNameQualified(t *testing.T) {
	im := importer.New(tables())
	src := `package main
import ("math/rand"; "github.com/gocurve/gocurve/lib/hessian")
func main() { hessian.RandomRotation(3, rand.New(rand.NewSource(1))) }`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "cell.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	conf := types.Config{Importer: im, Error: func(err error) { msgs = append(msgs, err.Error()) }}
	conf.Check("main", fset, []*ast.File{f}, nil)
	want := `(value of type *"math/rand".Rand) as *"math/rand/v2".Rand value`
	if len(msgs) != 1 || !strings.Contains(msgs[0], want) {
		t.Errorf("errors %q, want one containing %q", msgs, want)
	}
}

func TestStdPath(t *testing.T) {
	im := importer.New(tables())
	for _, tt := range []struct{ name, want string }{
		{"strings", "strings"},
		{"json", "encoding/json"},
		{"cmplx", "math/cmplx"},
		{"rand", ""},     // math/rand, math/rand/v2 and crypto/rand
		{"template", ""}, // text/template and html/template
		{"mat", ""},      // not the standard library's
		{"nosuch", ""},
	} {
		if got := im.StdPath(tt.name); got != tt.want {
			t.Errorf("StdPath(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
