package oracle

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Example is one published Go program (a tutorial's or a book's example),
// read at test time from a folder nobody on the project wrote.
type Example struct {
	// Name is the path below the folder given, prefixed by the folder's
	// base name, e.g. "gobyexample/examples/closures/closures.go".
	Name string
	// Path is the file's absolute path.
	Path string
	// Source is the program's text.
	Source string
	// Skip, when not "", is why the program is not a fair test of cells:
	// it reads the network, files, the clock or a random source it does
	// not seed, or imports a module other than gonum.
	Skip string
}

// nondeterministic are imports whose programs print what go run cannot
// reproduce from one run to the next, or that touch the world outside
// the process.
var nondeterministic = map[string]string{
	"math/rand": "random numbers", "math/rand/v2": "random numbers", "crypto/rand": "random numbers",
	"net": "the network", "net/http": "the network", "net/http/httptest": "the network", "net/rpc": "the network",
	"os/exec": "other processes", "os/signal": "signals", "syscall": "system calls",
	"io/ioutil": "files", "embed": "embedded files", "testing": "the test runner",
	"runtime": "the runtime's own figures", "unsafe": "unsafe",
}

// worldCalls are selector expressions that read the clock, the
// environment, files or the process's arguments.
var worldCalls = map[string]string{
	"time.Now": "the clock", "time.Since": "the clock", "time.Tick": "the clock", "time.NewTicker": "the clock",
	"time.NewTimer": "the clock", "time.After": "the clock", "time.AfterFunc": "the clock", "time.Sleep": "the clock",
	"os.Args": "command-line arguments", "os.Open": "files", "os.Create": "files", "os.ReadFile": "files",
	"os.WriteFile": "files", "os.MkdirAll": "files", "os.Mkdir": "files", "os.MkdirTemp": "files",
	"os.CreateTemp": "files", "os.ReadDir": "files", "os.Getenv": "the environment", "os.Setenv": "the environment",
	"os.Environ": "the environment", "os.LookupEnv": "the environment", "os.Stdin": "standard input",
	"os.Exit": "the exit status", "os.Getwd": "files", "os.Chdir": "files", "os.Remove": "files", "os.RemoveAll": "files",
}

// Examples returns the programs below each root whose package is main
// and that declare func main, sorted by name. A program is listed with a
// reason to skip it where its output cannot be compared (see Example.Skip).
// importable says which packages outside the standard library cells can
// import (gonum's); a program that imports another such package of gonum
// is compared (it fails, as it would for a student), one of any other
// module is skipped.
func Examples(roots []string, importable func(path string) bool) ([]Example, error) {
	var out []Example
	for _, root := range roots {
		root, err := filepath.Abs(root)
		if err != nil {
			return nil, err
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			f, err := parser.ParseFile(token.NewFileSet(), path, src, parser.SkipObjectResolution)
			if err != nil || f.Name.Name != "main" || mainFunc(f) == nil {
				return nil
			}
			rel, _ := filepath.Rel(root, path)
			out = append(out, Example{
				Name:   filepath.ToSlash(filepath.Join(filepath.Base(root), rel)),
				Path:   path,
				Source: string(src),
				Skip:   skipReason(f, importable),
			})
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("reading examples below %s: %w", root, err)
		}
	}
	slices.SortFunc(out, func(a, b Example) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

func mainFunc(f *ast.File) *ast.FuncDecl {
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "main" {
			return fd
		}
	}
	return nil
}

// skipReason says why f's output cannot be compared with go run's, or "".
// A program that draws numbers from a generator it seeds (rand.New of
// rand.NewSource(1)) is compared; go run's output is then checked to be
// the same twice (goRun).
func skipReason(f *ast.File, importable func(path string) bool) string {
	for _, im := range f.Imports {
		p, _ := strconv.Unquote(im.Path.Value)
		if why, ok := nondeterministic[p]; ok && !(seededRand[p] && seedsGenerator(f)) {
			return "imports " + p + " (" + why + ")"
		}
		if External(p) && !importable(p) && !strings.HasPrefix(p, "gonum.org/v1/gonum/") {
			return "imports " + p + ", outside the standard library and gonum"
		}
	}
	return bodySkipReason(f)
}

// seededRand are the packages whose generators a program may seed.
var seededRand = map[string]bool{"math/rand": true, "math/rand/v2": true}

// seedsGenerator reports whether f makes a generator of its own seed
// (rand.NewSource, rand.NewPCG, rand.NewChaCha8).
func seedsGenerator(f *ast.File) bool {
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			switch sel.Sel.Name {
			case "NewSource", "NewPCG", "NewChaCha8":
				found = true
			}
		}
		return !found
	})
	return found
}

// External reports whether the import path p is outside the standard
// library (its first element has a dot).
func External(p string) bool {
	first, _, _ := strings.Cut(p, "/")
	return strings.Contains(first, ".")
}

// bodySkipReason says why what f's declarations do makes its output one
// that go run cannot reproduce, or "".
func bodySkipReason(f *ast.File) string {
	if drawsGlobalRandom(f) {
		return "draws from gonum's distributions without a source (the global random numbers)"
	}
	reason := ""
	maps := mapNames(f)
	ast.Inspect(f, func(n ast.Node) bool {
		if reason != "" {
			return false
		}
		// A map's range order is random: two go runs may agree by chance
		// (a two-entry map, one time in two).
		if r, ok := n.(*ast.RangeStmt); ok && isMapExpr(r.X, maps) && printsIn(r.Body) {
			reason = "prints in the order it ranges over a map (random)"
			return false
		}
		// Addresses differ between any two builds of a program: an
		// interpreter cannot print go run's.
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.Contains(lit.Value, "%p") {
			reason = "prints addresses (%p)"
			return false
		}
		// Capacities that append gives a slice grown in a loop are the
		// compiler's choice (since Go 1.25 such a slice may start in a
		// 32-byte stack buffer): a loop that appends and prints cap.
		if loop := loopBody(n); loop != nil && callsBuiltin(loop, "append") && callsBuiltin(loop, "cap") {
			reason = "prints the capacities append gives a slice grown in a loop (the compiler's choice)"
			return false
		}
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if x, ok := sel.X.(*ast.Ident); ok {
				if why, ok := worldCalls[x.Name+"."+sel.Sel.Name]; ok {
					reason = "uses " + x.Name + "." + sel.Sel.Name + " (" + why + ")"
				}
			}
		}
		return true
	})
	return reason
}

// drawsGlobalRandom reports whether f draws random numbers from gonum's
// distributions or samplers without giving them a source (Src), which
// then draw from the global, randomly seeded, one: distuv.ExampleNormal
// prints mean= 2.0 nearly always, and 2.1 or 1.9 one time in a few
// hundred.
func drawsGlobalRandom(f *ast.File) bool {
	gonumRandom := false
	for _, im := range f.Imports {
		switch p, _ := strconv.Unquote(im.Path.Value); p {
		case "gonum.org/v1/gonum/stat/distuv", "gonum.org/v1/gonum/stat/sampleuv",
			"gonum.org/v1/gonum/stat/distmv", "gonum.org/v1/gonum/stat/samplemv":
			gonumRandom = true
		}
	}
	if !gonumRandom {
		return false
	}
	draws, sourced := false, false
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			draws = draws || strings.HasSuffix(n.Sel.Name, "Rand") || n.Sel.Name == "Sample"
		case *ast.Ident:
			sourced = sourced || n.Name == "Src" || n.Name == "NewSource" || n.Name == "NewPCG"
		}
		return true
	})
	return draws && !sourced
}

// Split cuts a program into the cells a student would paste it as: the
// imports in the first cell, each other top-level declaration in a cell
// of its own (with its doc comment), then each statement of main in a
// cell of its own. From main's first statement that holds a defer,
// return, goto or label on, the rest of main stays in one cell, since
// those mean something only within one function body.
func Split(src string) ([]string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "main.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("splitting a program into cells: %w", err)
	}
	text := func(from, to token.Pos) string {
		return strings.TrimSpace(src[fset.Position(from).Offset:fset.Position(to).Offset])
	}
	var cells []string
	var imports []string
	main := mainFunc(f)
	for _, d := range f.Decls {
		start := d.Pos()
		switch d := d.(type) {
		case *ast.GenDecl:
			if d.Doc != nil {
				start = d.Doc.Pos()
			}
			if d.Tok == token.IMPORT {
				imports = append(imports, text(start, d.End()))
				continue
			}
		case *ast.FuncDecl:
			if d == main {
				continue
			}
			if d.Doc != nil {
				start = d.Doc.Pos()
			}
		}
		cells = append(cells, text(start, d.End()))
	}
	if len(imports) > 0 {
		cells = append([]string{strings.Join(imports, "\n")}, cells...)
	}
	stmts := main.Body.List
	for _, s := range stmts {
		if bodyBound(s) {
			cells = append(cells, text(s.Pos(), stmts[len(stmts)-1].End()))
			return cells, nil
		}
		cells = append(cells, text(s.Pos(), s.End()))
	}
	return cells, nil
}

// bodyBound reports whether s means something only within main's body: a
// defer (also inside a loop or block, not inside a func literal), a
// return, a goto or a label.
func bodyBound(s ast.Stmt) bool {
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt, *ast.ReturnStmt, *ast.LabeledStmt:
			found = true
		case *ast.BranchStmt:
			found = found || n.Tok == token.GOTO
		}
		return !found
	})
	return found
}

// loopBody returns the body of n if n is a for or range loop, else nil.
func loopBody(n ast.Node) *ast.BlockStmt {
	switch l := n.(type) {
	case *ast.ForStmt:
		return l.Body
	case *ast.RangeStmt:
		return l.Body
	}
	return nil
}

// callsBuiltin reports whether n calls the function named name.
func callsBuiltin(n ast.Node, name string) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		if c, ok := x.(*ast.CallExpr); ok {
			if id, ok := c.Fun.(*ast.Ident); ok && id.Name == name {
				found = true
			}
		}
		return !found
	})
	return found
}

// mapNames returns the names the file declares with a map type, a map
// literal or make(map...), in any scope (a guess without types).
func mapNames(f *ast.File) map[string]bool {
	names := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if _, ok := n.Type.(*ast.MapType); ok || i < len(n.Values) && isMapExpr(n.Values[i], nil) {
					names[id.Name] = true
				}
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok && i < len(n.Rhs) && len(n.Lhs) == len(n.Rhs) && isMapExpr(n.Rhs[i], nil) {
					names[id.Name] = true
				}
			}
		case *ast.Field:
			if _, ok := n.Type.(*ast.MapType); ok {
				for _, id := range n.Names {
					names[id.Name] = true
				}
			}
		}
		return true
	})
	return names
}

// isMapExpr reports whether e is a map literal, make(map...), or a name
// among names.
func isMapExpr(e ast.Expr, names map[string]bool) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		_, ok := e.Type.(*ast.MapType)
		return ok
	case *ast.CallExpr:
		if id, ok := e.Fun.(*ast.Ident); ok && id.Name == "make" && len(e.Args) > 0 {
			_, ok := e.Args[0].(*ast.MapType)
			return ok
		}
	case *ast.Ident:
		return names[e.Name]
	}
	return false
}

// printsIn reports whether n calls a fmt or log print function.
func printsIn(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		if c, ok := x.(*ast.CallExpr); ok {
			if sel, ok := c.Fun.(*ast.SelectorExpr); ok {
				if pkg, ok := sel.X.(*ast.Ident); ok && (pkg.Name == "fmt" || pkg.Name == "log") && strings.HasPrefix(sel.Sel.Name, "Print") {
					found = true
				}
			}
		}
		return !found
	})
	return found
}
