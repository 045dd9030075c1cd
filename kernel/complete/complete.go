// Package complete answers the editor's questions about a Go cell: which
// names can go at the cursor (complete_request), what the name under the
// cursor is (inspect_request, Shift-Tab in JupyterLab) and whether a cell is
// finished (is_complete_request).
//
// It needs no interpreter: the cell is type-checked with go/types inside
// the session's package, as a cell about to run is (cell.Check), from the
// user's declarations, which the caller passes in, and the compiled
// packages' types built from the yaegi symbol tables (kernel/importer).
// Scopes, types, fields and method sets are go/types'. Parameter names and
// doc comments come from a table generated at build time from the
// packages' sources (see zdocs.go).
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

	"github.com/gocurve/gocurve/kernel/cell"
	"github.com/gocurve/gocurve/kernel/importer"
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
	// Src is the declaration's Go source, as the cells' type model reads
	// it (cell.ContextDecl): a declaration's whole text, "var x T" for a
	// variable; "" for an import or a variable whose type cannot be written.
	Src string
	// Guessed marks a variable whose type was read from its value
	// (cell.ContextDecl.Guessed).
	Guessed bool
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

// Completer answers completion and inspection requests from the cells'
// type model (cell.Check) over the compiled packages' types, loaded once.
// It is safe for concurrent use.
type Completer struct {
	types     *importer.Loader
	preloaded map[string]string // package name -> import path
	paths     []string          // every import path a cell can use, sorted
	names     map[string]string // package name by import path
	docs      func() map[string]docEntry

	docNamesOnce   sync.Once
	docNamesByPath map[string][]string // docNames

	mu    sync.Mutex
	model *sessionModel // the session of the last decls seen
}

// New returns a Completer over the packages in exports, keyed as yaegi's
// symbol tables are ("path/name", e.g. "gonum.org/v1/gonum/mat/mat"), with
// the packages of preloaded (import paths) in scope without an import line.
// The packages cells get as interpreted versions (cell.Implicit) have no
// types from the tables; their names come from the doc table. Doc comments
// and parameter names come from the generated table.
func New(exports map[string]map[string]reflect.Value, preloaded []string) *Completer {
	c := &Completer{preloaded: make(map[string]string, len(preloaded)), docs: generatedDocs}
	tables := make(map[string]map[string]reflect.Value, len(exports))
	names := map[string]string{}
	c.names = names
	for key, syms := range exports {
		i := strings.LastIndexByte(key, '/')
		if i < 0 {
			continue
		}
		path := key[:i]
		names[path] = key[i+1:]
		c.paths = append(c.paths, path)
		if !cell.Implicit(path) {
			tables[key] = syms
		}
	}
	sort.Strings(c.paths)
	for _, p := range preloaded {
		if name, ok := names[p]; ok {
			c.preloaded[name] = p
		} else if cell.Implicit(p) {
			c.preloaded[p] = p
		}
	}
	c.types = importer.NewLoader(tables, preloaded)
	return c
}

// Types is the loader of the packages' types the Completer checks cells
// with: the compiled packages of its tables but those cells get as
// interpreted versions (cell.Implicit), with the preloaded ones imported
// first. A session checks its cells with the same types.
func (c *Completer) Types() *importer.Loader { return c.types }

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

// Warm loads Default's types of the preloaded packages and decodes the doc
// table, which the first request would otherwise wait for. The kernel
// calls it in a goroutine at start-up.
func Warm() {
	c := Default()
	c.types.Start()
	c.docs()
	c.types.Wait()
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
