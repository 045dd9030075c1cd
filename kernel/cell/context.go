package cell

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"slices"
	"strings"
)

// Context is what the session knows, for the type model of a cell: its
// imports, declarations and variables, parsed once and shared by the cells
// until the session changes.
type Context struct {
	fset    *token.FileSet
	imports []*ast.ImportSpec
	decls   []contextDecl
	// byName indexes decls by the names a cell reaches them through: the
	// names they declare, and for a method "T.M" also T (a type brings
	// its methods).
	byName map[string][]int
	// types are the names of the type and method declarations: every
	// cell's check has them all, since what a type satisfies and which
	// types an interface may hold depend on all of them.
	types []string
	// parsed are, by source, the first of the decls parsed from it and
	// their number (none when it does not parse), for the next context
	parsed     map[contextKey][2]int32
	importList [][2]string // as given to NewContext
	nAsserts   int         // the decls with asserts
	nRecovers  int         // the funcs that call recover
}

// contextDecl is one parsed session declaration. A func's body is cut
// off: a cell's check needs only signatures, and checking every body of
// the session for every cell would make a cell's cost grow with the
// session.
type contextDecl struct {
	names   []string
	decl    ast.Decl
	guessed bool
	idents  []string // the identifiers the declaration uses, each once
	// asserts are the type assertions x.(T) to a type in a func's body
	// (not a type switch's), as written (laterShapes)
	asserts []bodyAssert
	// recovers is set for a func whose body calls recover
	recovers bool
}

// ContextDecl is one session declaration for NewContext.
type ContextDecl struct {
	// Names are the package-level names the declaration declares.
	Names []string
	// Src is its Go source: a type, const, var, func or method declaration.
	Src string
	// Guessed marks a variable whose type was read from its value, not
	// from a declaration: a variable of an interface type shows its
	// dynamic type there, so the model does not refuse a cell that uses it.
	Guessed bool
}

// NewContext parses the session's imports (name and path) and declarations
// into fset, which must be the Options.FileSet of the cells that use it.
// A declaration that does not parse (a type only the interpreter can
// write) is left out: the model then knows less, never something false.
// Declarations prev (nil for none) parsed already are not parsed again, and
// when decls only add to prev's, prev itself is extended (and must not be
// used again), so a context costs what the session's new declarations cost.
func NewContext(fset *token.FileSet, imports [][2]string, decls []ContextDecl, prev *Context) *Context {
	if c := prev.extend(fset, imports, decls); c != nil {
		return c
	}
	c := &Context{fset: fset, importList: imports, byName: map[string][]int{}, parsed: make(map[contextKey][2]int32, len(decls))}
	var b strings.Builder
	b.WriteString("package main\n")
	for _, im := range imports {
		fmt.Fprintf(&b, "import %s %q\n", im[0], im[1])
	}
	if f, err := parser.ParseFile(c.fset, "session.go", b.String(), parser.SkipObjectResolution); err == nil {
		c.imports = f.Imports
	}
	for _, d := range decls {
		k := contextKey{d.Src, d.Guessed}
		if _, ok := c.parsed[k]; ok {
			continue
		}
		parsed, ok := prev.parsedOf(fset, k)
		if !ok {
			parsed = parseContextDecl(fset, d.Src)
		}
		c.add(k, d.Names, parsed)
	}
	return c
}

// Equal reports whether c and d hold the same imports and declarations
// (by source), whatever the order they were added in.
func (c *Context) Equal(d *Context) bool {
	if !slices.Equal(c.importList, d.importList) || len(c.parsed) != len(d.parsed) {
		return false
	}
	for k := range c.parsed {
		if _, ok := d.parsed[k]; !ok {
			return false
		}
	}
	return true
}

// contextKey identifies a declaration across contexts.
type contextKey struct {
	src     string
	guessed bool
}

// parsedOf returns the declarations prev parsed from k's source.
func (c *Context) parsedOf(fset *token.FileSet, k contextKey) ([]contextDecl, bool) {
	if c == nil || c.fset != fset {
		return nil, false
	}
	r, ok := c.parsed[k]
	return c.decls[r[0] : r[0]+r[1]], ok
}

// extend returns prev with decls' new declarations added, when decls hold
// all of prev's and the imports are the same (a cell added declarations,
// the common case); nil otherwise. prev must not be used afterwards.
func (c *Context) extend(fset *token.FileSet, imports [][2]string, decls []ContextDecl) *Context {
	if c == nil || c.fset != fset || !slices.Equal(c.importList, imports) {
		return nil
	}
	found := 0 // a source given twice counts twice, and builds afresh
	var added []ContextDecl
	for _, d := range decls {
		if _, ok := c.parsed[contextKey{d.Src, d.Guessed}]; ok {
			found++
		} else {
			added = append(added, d)
		}
	}
	if found != len(c.parsed) {
		return nil // a declaration went: build afresh
	}
	c.Add(added)
	return c
}

// Add adds to c the declarations of decls it does not hold already (the
// same source, as NewContext skips a source given twice), parsing only
// those: a session that grew by a declaration costs its context one parse,
// whatever the session's size. The session's imports are those c was made
// with.
func (c *Context) Add(decls []ContextDecl) {
	for _, d := range decls {
		k := contextKey{d.Src, d.Guessed}
		if _, ok := c.parsed[k]; !ok {
			c.add(k, d.Names, parseContextDecl(c.fset, d.Src))
		}
	}
}

// add adds the declarations parsed from k's source, declaring names.
func (c *Context) add(k contextKey, names []string, parsed []contextDecl) {
	c.parsed[k] = [2]int32{int32(len(c.decls)), int32(len(parsed))}
	for _, cd := range parsed {
		cd.names, cd.guessed = names, k.guessed
		i := len(c.decls)
		c.decls = append(c.decls, cd)
		if len(cd.asserts) > 0 {
			c.nAsserts++
		}
		if cd.recovers {
			c.nRecovers++
		}
		if isTypeOrMethod(cd.decl) {
			c.types = append(c.types, names...)
		}
		for _, n := range names {
			c.byName[n] = append(c.byName[n], i)
			if typ, _, ok := strings.Cut(n, "."); ok {
				c.byName[typ] = append(c.byName[typ], i)
			}
		}
	}
}

// isTypeOrMethod reports whether d declares types or a method.
func isTypeOrMethod(d ast.Decl) bool {
	switch d := d.(type) {
	case *ast.GenDecl:
		return d.Tok == token.TYPE
	case *ast.FuncDecl:
		return d.Recv != nil
	}
	return false
}

// parseContextDecl parses one declaration's source, cutting off func
// bodies; nil if it does not parse.
func parseContextDecl(fset *token.FileSet, src string) []contextDecl {
	f, err := parser.ParseFile(fset, "decl.go", "package main\n"+src, parser.SkipObjectResolution)
	if err != nil {
		return nil
	}
	var ds []contextDecl
	for _, d := range f.Decls {
		var asserts []bodyAssert
		recovers := false
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
			asserts = bodyAsserts(fd)
			recovers = calls(fd.Body, "recover")
			sig := *fd
			sig.Body = nil
			d = &sig
		}
		ds = append(ds, contextDecl{decl: d, idents: slices.Sorted(maps.Keys(identsOf(d, nil))), asserts: asserts, recovers: recovers})
	}
	return ds
}

// reached returns the indexes, in order, of the context's declarations a
// cell whose identifiers are used can reach, directly or through other
// declarations, with every type and method, and the identifiers those
// use. Its cost is that of what is reached, not of the context's size.
func (c *Context) reached(used map[string]bool) (reach []int, idents map[string]bool) {
	in := map[int]bool{}
	idents = map[string]bool{}
	queue := slices.Clone(c.types)
	for n := range used {
		queue = append(queue, n)
	}
	seen := map[string]bool{}
	for len(queue) > 0 {
		n := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		if seen[n] {
			continue
		}
		seen[n] = true
		for _, i := range c.byName[n] {
			if in[i] {
				continue
			}
			in[i] = true
			reach = append(reach, i)
			for _, id := range c.decls[i].idents {
				idents[id] = true
				if !seen[id] {
					queue = append(queue, id)
				}
			}
		}
	}
	slices.Sort(reach)
	return reach, idents
}

// reflectVar reports whether name is a session variable declared of type
// reflect.Type or reflect.StructField.
func (c *Context) reflectVar(name string) bool {
	if c == nil {
		return false
	}
	for _, i := range c.byName[name] {
		gd, ok := c.decls[i].decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, spec := range gd.Specs {
			sel, ok := spec.(*ast.ValueSpec).Type.(*ast.SelectorExpr)
			if !ok {
				continue
			}
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == "reflect" && (sel.Sel.Name == "Type" || sel.Sel.Name == "StructField") {
				return true
			}
		}
	}
	return false
}

// recovers reports whether the session's func or method (by its name in
// byName: "f" or "T.M") calls recover in its body.
func (c *Context) recovers(name string) bool {
	if c == nil {
		return false
	}
	for _, i := range c.byName[name] {
		if _, ok := c.decls[i].decl.(*ast.FuncDecl); ok && c.decls[i].recovers {
			return true
		}
	}
	return false
}

// recovering reports whether a func of the session calls recover.
// declares reports whether a session declaration declares name.
func (c *Context) declares(name string) bool { return c != nil && len(c.byName[name]) > 0 }

func (c *Context) recovering() bool { return c != nil && c.nRecovers > 0 }
