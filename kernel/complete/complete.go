// Package complete answers the editor's questions about a Go cell: which
// names can go at the cursor (complete_request), what the name under the
// cursor is (inspect_request, Shift-Tab in JupyterLab) and whether a cell is
// finished (is_complete_request).
//
// It needs no interpreter: names come from the user's declarations, which
// the caller passes in, from the cell's own text, and from the yaegi symbol
// tables of the compiled packages, whose reflect values give types, fields,
// methods and signatures. Parameter names and doc comments come from a table
// generated at build time from the packages' sources (see zdocs.go).
//
// Cursor positions and ranges count Unicode code points, as the Jupyter
// messaging spec says. Some front ends have sent UTF-16 offsets instead;
// the two differ only after characters outside the Basic Multilingual Plane
// (emoji), and this package does not guess: it reads code points.
package complete

import (
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/gocurve/gocurve/kernel/symbols"
	"github.com/traefik/yaegi/stdlib"
)

// Decl describes one user declaration in scope, as the session reports it.
type Decl struct {
	Name string
	// Kind is one of "func", "type", "var", "const", "import", "method".
	// A method's Name is "Recv.Method" (a leading "*" on Recv is ignored).
	// An import's Name is the package name it binds and its Type the path.
	Kind string
	// Signature is the declaration's source header, e.g.
	// "func f(x []float64) float64" or "type P struct{ X, Y float64 }".
	Signature string
	// Doc is the declaration's doc comment, without comment markers.
	Doc string
	// Type is the Go type of a variable, e.g. "*mat.Dense"; for an import,
	// the import path; for a type, its underlying type when known (e.g.
	// "struct{W *mat.Dense; N int}": the Signature may be abridged).
	Type string
}

// Match is one completion candidate.
type Match struct {
	Text string
	// Kind is one of "func", "type", "var", "const", "package", "keyword",
	// "builtin", "method", "field".
	Kind string
	// Signature is a one-line description, e.g. "func Sqrt(x float64) float64".
	Signature string
}

// Completion is the answer to a completion request: the candidates replace
// the code points code[Start:End].
type Completion struct {
	Matches    []Match
	Start, End int
}

// preloaded lists the import paths whose packages cells use without an
// import line, under their package names, as the session preloads them. The
// session reports them among its declarations too (Kind "import"); this list
// serves callers that pass no declarations.
var preloaded = func() []string {
	paths := []string{"slices", "maps"} // the session's interpreted versions
	for _, p := range symbols.Preloaded {
		paths = append(paths, p.Path)
	}
	return paths
}()

// Completer answers completion and inspection requests from an index of
// compiled packages built once. It is safe for concurrent use.
type Completer struct {
	pkgs      map[string]*pkgIndex // by import path
	preloaded map[string]*pkgIndex // by package name
	paths     []string             // every import path, sorted
	docs      func() map[string]docEntry
	typeCache sync.Map // reflect.Type -> []member, the fields and methods of a type
}

// New returns a Completer over the packages in exports, keyed as yaegi's
// symbol tables are ("path/name", e.g. "gonum.org/v1/gonum/mat/mat"), with
// the packages of preloaded (import paths) in scope without an import line.
// Doc comments and parameter names come from the generated table.
func New(exports map[string]map[string]reflect.Value, preloaded []string) *Completer {
	c := &Completer{
		pkgs:      make(map[string]*pkgIndex, len(exports)),
		preloaded: make(map[string]*pkgIndex, len(preloaded)),
		docs:      generatedDocs,
	}
	for key, syms := range exports {
		i := strings.LastIndexByte(key, '/')
		if i < 0 {
			continue
		}
		path, name := key[:i], key[i+1:]
		c.pkgs[path] = newPkgIndex(c, path, name, syms)
		c.paths = append(c.paths, path)
	}
	sort.Strings(c.paths)
	for _, p := range preloaded {
		if pi := c.pkgs[p]; pi != nil {
			c.preloaded[pi.name] = pi
		}
	}
	return c
}

var (
	defaultOnce sync.Once
	defaultComp *Completer
)

// Default returns the Completer over yaegi's standard library tables and the
// kernel's generated symbol tables, with the packages the session preloads
// (fmt, math, mat, hessian, ...) in scope. It is built on first use.
func Default() *Completer {
	defaultOnce.Do(func() {
		defaultComp = New(allExports(), preloaded)
	})
	return defaultComp
}

// allExports merges yaegi's standard library tables and the kernel's.
func allExports() map[string]map[string]reflect.Value {
	all := make(map[string]map[string]reflect.Value, len(stdlib.Symbols)+len(symbols.Symbols))
	for k, v := range stdlib.Symbols {
		all[k] = v
	}
	for k, v := range symbols.Symbols {
		all[k] = v
	}
	return all
}

// InspectMarkdown describes the name at or before cursor with Default, as
// Markdown.
func InspectMarkdown(code string, cursor int, decls []Decl) (md string, found bool) {
	return Default().InspectMarkdown(code, cursor, decls)
}

// Warm builds Default's indexes of the preloaded packages and decodes the
// doc table, which the first request would otherwise do (about 30 ms). The
// kernel calls it in a goroutine at start-up.
func Warm() {
	c := Default()
	c.docs()
	for _, p := range c.preloaded {
		p.index()
	}
}

// Complete returns the candidates for the identifier ending at cursor (in
// code points) with Default.
func Complete(code string, cursor int, decls []Decl) Completion {
	return Default().Complete(code, cursor, decls)
}

// Inspect describes the name at or before cursor with Default.
func Inspect(code string, cursor int, decls []Decl) (text string, found bool) {
	return Default().Inspect(code, cursor, decls)
}
