package cell

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/gocurve/gocurve/kernel/importer"
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
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
			sig := *fd
			sig.Body = nil
			d = &sig
		}
		ds = append(ds, contextDecl{decl: d, idents: slices.Sorted(maps.Keys(identsOf(d, nil)))})
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

// model is the go/types view of a cell: its syntax checked inside the
// session's package. With an Options.Importer the imported packages have
// their real types and the model reports the cell's type errors; without
// one they are empty (their members are invalid to the checker), the model
// knows only the types of what cells declare and reports no errors.
type model struct {
	info *types.Info
	pkg  *types.Package
	// errs are the type errors in the cell's own text, before the
	// notebook's relaxations; nil without an importer.
	errs []types.Error
	// body is the cell's top-level statements as one func (the wrappers
	// joined), whose scope holds the cell's top-level variables.
	body *ast.FuncDecl
	// file is the cell's file as checked.
	file *ast.File
	// sessionNames are the names of the session's imports, by path,
	// including those the check left out.
	sessionNames map[string]string
	// guessed are the session variables whose type the model guessed.
	guessed map[types.Object]bool
	// real is set when the imported packages had their real types.
	real bool
}

// fakeImporter gives every import path an empty, complete package.
type fakeImporter map[string]*types.Package

func (m fakeImporter) Import(p string) (*types.Package, error) {
	if pkg, ok := m[p]; ok {
		return pkg, nil
	}
	pkg := types.NewPackage(p, importer.DefaultName(p))
	pkg.MarkComplete()
	m[p] = pkg
	return pkg, nil
}

// modelImporter is the real importer, with an empty package for a path it
// does not have (the session's interpreted slices and maps, a package the
// interpreter does not offer): members of those are "undefined" to the
// checker, which the model then does not hold against the cell.
type modelImporter struct {
	real types.Importer
	fake fakeImporter
}

func (m modelImporter) Import(p string) (*types.Package, error) {
	if pkg, err := m.real.Import(p); err == nil {
		return pkg, nil
	}
	return m.fake.Import(p)
}

// checkModel type-checks the cell and walks it with check. It returns the
// cell's type errors (go/types' wording, with the notebook's relaxations)
// when the model had real types, else the refusals of check for a cell that
// needsModel. A failure of the checker itself (a bug in go/types or here)
// costs only the model's refusals.
func (p *parse) checkModel() (out []refusal) {
	if p.opts.Importer == nil && !p.needsModel() {
		return nil
	}
	defer func() {
		if r := recover(); r != nil {
			out = nil
		}
	}()
	m := p.typeModel()
	if m == nil {
		return nil
	}
	if p.autoImport(m) {
		p.modelDone = false
		if m = p.typeModel(); m == nil {
			return nil
		}
	}
	// (what waits stands even where the model is unsure of other errors:
	// it names what neither the session nor the cell has)
	waitErrs := p.markWaiting(m)
	errs, sure := p.typeErrors(m)
	// a clash first: go/types' error at it would not say why
	if errs = append(append(p.clashes(m), errs...), waitErrs...); len(errs) > 0 {
		return errs
	}
	if sure {
		p.static = m.topLevelTypes()
		p.underlying = m.declaredTypes()
	}
	if !p.needsModel() {
		return nil
	}
	return p.check(m)
}

// autoImport adds an import of the standard package the cell names as
// X in X.Sel without importing it, where the model found X undefined and
// Options.ImportFor knows one package of that name; it reports whether
// it added any (the model must then be built again).
func (p *parse) autoImport(m *model) bool {
	if p.opts.ImportFor == nil || !m.real || len(m.errs) == 0 {
		return false
	}
	undefined := map[token.Pos]bool{}
	for _, e := range m.errs {
		if strings.HasPrefix(e.Msg, "undefined: ") && !strings.Contains(e.Msg, ".") {
			undefined[e.Pos] = true
		}
	}
	added := map[string]bool{}
	ast.Inspect(p.ast, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		id, ok := sel.X.(*ast.Ident)
		if !ok || !undefined[id.Pos()] || added[id.Name] || p.top[id.Name] || p.opts.Shadowed[id.Name] {
			return true
		}
		path := p.opts.ImportFor(id.Name)
		if path == "" {
			return true
		}
		added[id.Name] = true
		line, col := p.lineCol(p.cellOffset(id.Pos()))
		p.items = append(p.items, Item{Kind: Import, Line: line, Col: col, ImportPath: path, Synthetic: true,
			Orig: "import " + strconv.Quote(path)})
		return true
	})
	return len(added) > 0
}

// typeModel is the cell's type model: built on first use, then shared by
// the check and by every rewrite that asks for a type, so a cell is
// type-checked once. It is nil where it cannot be built; a failure of the
// checker itself (a bug in go/types or here) costs only what needs it.
func (p *parse) typeModel() *model {
	if !p.modelDone {
		p.modelDone = true
		func() {
			defer func() {
				if recover() != nil {
					p.model = nil
				}
			}()
			p.model = p.buildModel()
		}()
	}
	return p.model
}

// buildModel type-checks the cell's synthesized file with the context's
// declarations that the cell does not declare again.
func (p *parse) buildModel() *model {
	var ctx *Context
	if p.opts.Context != nil {
		ctx = p.opts.Context()
	}
	if ctx != nil && ctx.fset != p.fset {
		return nil // positions of two file sets cannot be mixed
	}
	var files []*ast.File
	imports := &ast.GenDecl{Tok: token.IMPORT}
	ctxFile := &ast.File{Name: ast.NewIdent("main")}
	// The cell's own imports and methods replace the session's.
	cellNames := map[string]bool{}
	for _, it := range p.items {
		if it.Kind == Import {
			name := it.ImportName
			if name == "" {
				name = importer.DefaultName(it.ImportPath)
			}
			cellNames[name] = true
		}
	}
	for _, d := range p.ast.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && len(fd.Recv.List) > 0 {
			cellNames[recvName(fd.Recv.List[0].Type)+"."+fd.Name.Name] = true
		}
	}
	var guessedNames []string
	var hidden []contextDecl
	sessionNames := map[string]string{} // import path -> name, of the session's imports
	if ctx != nil {
		// Only the packages something names are imported: a check costs
		// about the same per import spec as per line of the cell.
		used := identsOf(p.ast, nil)
		reach, ctxIdents := ctx.reached(used)
		for _, is := range ctx.imports {
			name := ""
			if is.Name != nil {
				name = is.Name.Name
			}
			if p.top[name] || cellNames[name] {
				continue
			}
			if path, err := strconv.Unquote(is.Path.Value); err == nil {
				if name == "" {
					name = importer.DefaultName(path)
				}
				sessionNames[path] = name
			}
			if !used[name] && !ctxIdents[name] {
				continue
			}
			imports.Specs = append(imports.Specs, is)
		}
		for _, i := range reach { // (what nothing the cell names leads to is left out)
			d := ctx.decls[i]
			redeclared := false
			for _, n := range d.names {
				if p.top[n] && !p.keepsDecl(n, d) || cellNames[n] {
					redeclared = true
				}
			}
			if !redeclared && ctx.hiddenVar(d) {
				hidden = append(hidden, d) // a local of the cell's statements (clash.go)
				if d.guessed {
					guessedNames = append(guessedNames, d.names...)
				}
				continue
			}
			if !redeclared {
				ctxFile.Decls = append(ctxFile.Decls, d.decl)
				if d.guessed {
					guessedNames = append(guessedNames, d.names...)
				}
			}
		}
	}
	for _, it := range p.items {
		if it.Kind == Import {
			spec := &ast.ImportSpec{Path: &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(it.ImportPath)}}
			if it.ImportName != "" {
				spec.Name = ast.NewIdent(it.ImportName)
			}
			imports.Specs = append(imports.Specs, spec)
		}
	}
	// Imports are file-scoped: the cell's file gets them (and the
	// context's declarations see the same packages). The cell's statement
	// runs become one func, as the session runs them in one scope.
	cellFile := *p.ast
	cellFile.Decls = nil
	if len(imports.Specs) > 0 {
		cellFile.Decls = append(cellFile.Decls, imports)
		ctxFile.Decls = append([]ast.Decl{imports}, ctxFile.Decls...)
	}
	var body *ast.FuncDecl
	for _, d := range p.ast.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || !strings.HasPrefix(fd.Name.Name, "_cell") || !p.isSynth(fd) {
			cellFile.Decls = append(cellFile.Decls, d)
			continue
		}
		if body == nil {
			body = &ast.FuncDecl{Name: fd.Name, Type: fd.Type, Body: &ast.BlockStmt{Lbrace: fd.Body.Lbrace}}
			cellFile.Decls = append(cellFile.Decls, body)
		}
		body.Body.List = append(body.Body.List, fd.Body.List...)
		body.Body.Rbrace = fd.Body.Rbrace
	}
	if body != nil {
		body.Body.List = append(hiddenVars(hidden), body.Body.List...)
	}
	files = append(files, ctxFile, &cellFile)
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Uses:       map[*ast.Ident]types.Object{},
		Defs:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Instances:  map[*ast.Ident]types.Instance{},
		Scopes:     map[ast.Node]*types.Scope{},
	}
	m := &model{info: info, body: body, file: &cellFile, real: p.opts.Importer != nil, sessionNames: sessionNames}
	var imp types.Importer = fakeImporter{}
	if m.real {
		imp = modelImporter{p.opts.Importer, fakeImporter{}}
	}
	conf := types.Config{Importer: imp, Error: func(err error) {
		if te, ok := err.(types.Error); ok && m.real && p.inCell(te.Pos) {
			m.errs = append(m.errs, te)
		}
	}}
	m.pkg, _ = conf.Check("main", p.fset, files, info)
	if len(guessedNames) > 0 && m.pkg != nil {
		m.guessed = map[types.Object]bool{}
		for _, n := range guessedNames {
			if obj := m.pkg.Scope().Lookup(n); obj != nil {
				m.guessed[obj] = true
			}
		}
	}
	return m
}

// identsOf adds the names of the identifiers in n to set.
func identsOf(n ast.Node, set map[string]bool) map[string]bool {
	if set == nil {
		set = map[string]bool{}
	}
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			set[id.Name] = true
		}
		return true
	})
	return set
}

// inCell reports whether pos is in the cell's synthesized file.
func (p *parse) inCell(pos token.Pos) bool {
	return pos.IsValid() && pos >= token.Pos(p.file.Base()) && pos <= token.Pos(p.file.Base()+p.file.Size())
}

// needsModel reports whether the cell has a construct the model checks;
// most cells have none, and skip the type check.
func (p *parse) needsModel() bool {
	need := false
	methods := map[string]bool{}
	for k := range p.opts.Methods {
		methods[k[strings.IndexByte(k, '.')+1:]] = true
	}
	for _, d := range p.ast.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil {
			methods[fd.Name.Name] = true
		}
	}
	// declared: the cells declared types (with methods or without), which
	// interface comparisons and map keys may hold
	declared := len(methods) > 0 || p.opts.TypeGen > 0
	for _, d := range p.ast.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
			declared = true
		}
	}
	called := map[ast.Expr]bool{}
	ast.Inspect(p.ast, func(n ast.Node) bool {
		if need {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncType:
			if n.TypeParams != nil && n.TypeParams.NumFields() > 0 {
				need = true
			}
		case *ast.TypeSwitchStmt:
			need = true
		case *ast.CallExpr:
			called[n.Fun] = true
			if id, ok := n.Fun.(*ast.Ident); ok && (p.opts.GenericFuncs[id.Name] || id.Name == "panic" || id.Name == "recover") {
				need = true
			}
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok {
				_, printing := printFuncs[sel.Sel.Name]
				if sel.Sel.Name == "As" || (sel.Sel.Name == "Is" || sel.Sel.Name == "AsType") && len(methods) > 0 || printing && len(methods) > 0 {
					need = true
				}
				// a format named by a constant: its verbs are known only to the model
				if fi, ok := printfFuncs[sel.Sel.Name]; ok && fi < len(n.Args) {
					if _, lit := n.Args[fi].(*ast.BasicLit); !lit {
						need = true
					}
				}
			}
			for _, a := range n.Args {
				if lit, ok := a.(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.Contains(lit.Value, "%") {
					need = true
				}
			}
		case *ast.SelectorExpr:
			if methods[n.Sel.Name] && !called[n] {
				need = true
			}
		case *ast.BinaryExpr:
			// a constant integer division (checkIntDiv)
			if n.Op == token.QUO {
				need = true
			}
			// an interface compared with a value that may hold a cell
			// type, now or once a later cell declares one (laterCmp)
			if n.Op == token.EQL || n.Op == token.NEQ {
				need = true
			}
		case *ast.SwitchStmt:
			// a switch on an interface: its cases are such comparisons
			if n.Tag != nil {
				need = true
			}
		case *ast.AssignStmt, *ast.ValueSpec:
			// a value of a cell type with methods assigned to an error
			if len(methods) > 0 {
				need = true
			}
		case *ast.IndexExpr, *ast.CompositeLit:
			// a map keyed by an interface: its keys are compared, with
			// the types of a later cell too (checkKeyShape)
			need = true
		case *ast.TypeAssertExpr:
			if declared {
				need = true
			}
		}
		return true
	})
	return need
}

// refusal is a construct the interpreter would run differently from Go.
type refusal struct {
	pos token.Pos
	msg string
}

// check walks the cell with the model: it returns the constructs to refuse
// and records the rewrites that make others right (p.convs).
func (p *parse) check(m *model) []refusal {
	var out []refusal
	var generic []*ast.FieldList // type parameter lists in scope
	var walk func(n ast.Node) bool
	inGeneric := func() bool { return len(generic) > 0 }
	called := map[ast.Expr]bool{}
	recovered := recoveredVars(m, p.ast)
	walk = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Type.TypeParams != nil || recvHasTypeParams(n) {
				p.renameTypeParams(m, n)
				generic = append(generic, n.Type.TypeParams)
				if n.Body != nil {
					ast.Inspect(n.Body, walk)
				}
				generic = generic[:len(generic)-1]
				return false
			}
		case *ast.CallExpr:
			called[ast.Unparen(n.Fun)] = true
			if tv := m.info.Types[n.Fun]; tv.IsType() && len(n.Args) == 1 {
				p.checkAnyStore(m, tv.Type, n, n.Args[0]) // any(Dog{})
			}
			p.checkFormat(m, n)
			p.checkLogFormat(m, n)
			p.checkFuncConv(m, n)
			p.checkErrorsIs(m, n)
			p.checkErrorsUnwrap(m, n)
			p.checkAsType(m, n)
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && len(n.Args) == 2 {
				if _, builtin := m.info.Uses[id].(*types.Builtin); builtin && id.Name == "delete" {
					if r := checkMapKey(m, n.Args[0], n.Args[1]); r != nil {
						out = append(out, *r)
					} else {
						p.checkKeyShape(m, n.Args[0], n.Args[1])
					}
				}
			}
			p.inferred(m, n)
			if r := checkPanicValue(m, n); r != nil {
				out = append(out, *r)
			}
			if isPkgFunc(m, n.Fun, "errors", "As") && len(n.Args) == 2 {
				if r := p.checkErrorsAs(m, n); r != nil {
					out = append(out, *r)
				}
			}
		case *ast.TypeSwitchStmt:
			if r := p.checkSwitchShapes(m, n, inGeneric()); r != nil {
				out = append(out, *r)
			}
			if r := p.checkTypeSwitch(m, n, inGeneric()); r != nil {
				out = append(out, *r)
			}
			for _, cc := range n.Body.List {
				for _, e := range cc.(*ast.CaseClause).List {
					if t := m.info.Types[e].Type; t != nil && types.Identical(t, types.Universe.Lookup("error").Type()) && !p.typeSwitches[n] {
						out = append(out, refusal{e.Pos(), "a type switch case error does not match compiled error values in the interpreter; test for it before the switch: if e, ok := v.(error); ok { ... }"})
					}
				}
			}
			if !inGeneric() {
				break
			}
			for _, cc := range n.Body.List {
				for _, e := range cc.(*ast.CaseClause).List {
					if t := m.info.Types[e].Type; t != nil && mentionsTypeParam(t) {
						out = append(out, refusal{e.Pos(), "a type switch case that uses a type parameter (" + types.ExprString(e) +
							") selects differently in the interpreter; compare with reflect.TypeFor[T]() instead, or give the func a parameter of the concrete type"})
					}
				}
			}
		case *ast.SwitchStmt:
			if r := p.checkSwitch(m, n); r != nil {
				out = append(out, *r)
			}
		case *ast.IndexExpr:
			if r := checkMapKey(m, n.X, n.Index); r != nil {
				out = append(out, *r)
			} else {
				p.checkKeyShape(m, n.X, n.Index)
			}
		case *ast.TypeAssertExpr:
			if a, ok := p.checkIfaceAssert(m, n.X, n.Type); ok && !inGeneric() {
				if p.ifaceAsserts == nil {
					p.ifaceAsserts = map[*ast.TypeAssertExpr]ifaceAssert{}
				}
				if p.commaOK == nil {
					p.commaOK = commaOKAsserts(p.ast)
				}
				p.ifaceAsserts[n] = a
			}
			if compiled, ok := checkShapeAssert(m, n.X, n.Type, false); ok && !inGeneric() {
				if p.shapeAsserts == nil {
					p.shapeAsserts = map[*ast.TypeAssertExpr]shapeAssert{}
				}
				if p.commaOK == nil {
					p.commaOK = commaOKAsserts(p.ast)
				}
				p.shapeAsserts[n] = shapeAssert{compiled, typeSrc(m, m.info.Types[n.X].Type)}
			}
			if r := checkAssertShape(m, n.X, n.Type); r != nil {
				if typ, ok := checkIdentity(m, n.X, n.Type); ok && !inGeneric() {
					if p.identAsserts == nil {
						p.identAsserts = map[*ast.TypeAssertExpr]identityAssert{}
					}
					if p.commaOK == nil {
						p.commaOK = commaOKAsserts(p.ast)
					}
					xt := m.info.Types[n.X].Type
					p.identAsserts[n] = identityAssert{typ, typeSrc(m, xt), goTypeName(m, xt)}
				} else {
					out = append(out, *r)
				}
			}
			if r := checkAssertIface(m, n.X, n.Type); r != nil {
				out = append(out, *r)
			}
			if r := checkRecovered(m, recovered, n.X, n.Type); r != nil {
				out = append(out, *r)
			}
		case *ast.CompositeLit:
			for _, e := range n.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					if r := checkMapKey(m, n, kv.Key); r != nil {
						out = append(out, *r)
						break
					}
					p.checkKeyShape(m, n, kv.Key)
				}
			}
		case *ast.ValueSpec:
			if n.Type != nil && len(n.Values) == 1 && len(n.Names) == 1 {
				p.checkErrorVar(m, m.info.Types[n.Type].Type, n.Values[0])
				p.checkAnyStore(m, m.info.Types[n.Type].Type, n.Values[0], n.Values[0])
			}
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN && len(n.Lhs) == 1 && len(n.Rhs) == 1 {
				p.checkErrorVar(m, m.info.Types[n.Lhs[0]].Type, n.Rhs[0])
				p.checkAnyStore(m, m.info.Types[n.Lhs[0]].Type, n.Rhs[0], n.Rhs[0])
			}
		case *ast.UnaryExpr, *ast.ParenExpr:
			if p.checkIntDiv(m, n.(ast.Expr)) {
				return false
			}
		case *ast.BinaryExpr:
			if p.checkIntDiv(m, n) {
				return false
			}
			if r := checkNestedCompare(m, n); r != nil {
				out = append(out, *r)
			}
			p.checkCompare(m, n)
			if !inGeneric() || (n.Op != token.EQL && n.Op != token.NEQ) {
				break
			}
			x, y := m.info.Types[n.X].Type, m.info.Types[n.Y].Type
			if x == nil || y == nil {
				break
			}
			if isTypeParam(x) && types.IsInterface(y) && !isTypeParam(y) || isTypeParam(y) && types.IsInterface(x) && !isTypeParam(x) {
				out = append(out, refusal{n.OpPos, "comparing an interface value with a value of a type parameter (" + types.ExprString(n) +
					") gives the wrong result in the interpreter; convert the type parameter's value first: any(t)"})
			}
		case *ast.SelectorExpr:
			if called[n] {
				break
			}
			sel := m.info.Selections[n]
			if sel == nil || sel.Kind() != types.MethodVal {
				break
			}
			fn, ok := sel.Obj().(*types.Func)
			if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "main" {
				break
			}
			recv := fn.Type().(*types.Signature).Recv()
			if recv == nil {
				break
			}
			if _, ptr := recv.Type().(*types.Pointer); ptr || types.IsInterface(recv.Type()) {
				break
			}
			if !variableRoot(m, n.X) {
				break // a literal or a call result: nothing can change it later
			}
			// Go binds a copy of the receiver: so does a func literal
			// taking it as a parameter.
			qual := func(q *types.Package) string {
				if q == m.pkg {
					return ""
				}
				return q.Name()
			}
			recvT, sigT := m.info.Types[n.X].Type, m.info.Types[n].Type
			if recvT != nil && sigT != nil {
				rt, st := types.TypeString(recvT, qual), types.TypeString(sigT, qual)
				if !strings.Contains(rt+st, "invalid type") {
					if p.methodVals == nil {
						p.methodVals = map[*ast.SelectorExpr][2]string{}
					}
					p.methodVals[n] = [2]string{"func(" + HelperTemp + " " + rt + ") " + st + " { return " + HelperTemp + "." + n.Sel.Name + " }(", ")"}
					break
				}
			}
			x := types.ExprString(n.X)
			out = append(out, refusal{n.Sel.Pos(), fmt.Sprintf("the method value %s.%s (a method with a value receiver) would be bound to %s itself here, so later changes to %s would show through; Go binds a copy. Copy it and call the copy in a func literal: cp := %s, then func(...) { return cp.%s(...) }",
				x, n.Sel.Name, x, x, x, n.Sel.Name)})
		}
		return true
	}
	// Calls are seen before their Fun (pre-order), so method values in
	// call position are known as called when reached.
	ast.Inspect(p.ast, walk)
	p.checkAnyReturns(m)
	return out
}

// checkAnyReturns records, as checkAnyStore does, the result of a return
// statement that returns a value of a cell type with methods of another's
// shape as a func's one result, an any (func f() any { return Dog{} }).
func (p *parse) checkAnyReturns(m *model) {
	var results [][]types.Type // of the funcs the walk is in
	var walk func(n ast.Node) bool
	walk = func(n ast.Node) bool {
		var ft *ast.FuncType
		var body *ast.BlockStmt
		switch n := n.(type) {
		case *ast.FuncDecl:
			ft, body = n.Type, n.Body
		case *ast.FuncLit:
			ft, body = n.Type, n.Body
		case *ast.ReturnStmt:
			// one result: the results of a return of several are
			// rewritten otherwise too
			if len(results) > 0 && len(n.Results) == 1 && len(results[len(results)-1]) == 1 {
				p.checkAnyStore(m, results[len(results)-1][0], n.Results[0], n.Results[0])
			}
			return true
		default:
			return true
		}
		if body == nil {
			return false
		}
		var rs []types.Type
		if ft.Results != nil {
			for _, f := range ft.Results.List {
				for range max(1, len(f.Names)) {
					rs = append(rs, m.info.Types[f.Type].Type)
				}
			}
		}
		results = append(results, rs)
		ast.Inspect(body, walk)
		results = results[:len(results)-1]
		return false
	}
	ast.Inspect(p.ast, walk)
}

// renameTypeParams records new names for the type parameters of the
// generic func d (not a method): yaegi v0.16.1 resolves a type parameter
// by its name in the package scope first, so func F[T any] fails once the
// cells declare a type T ("undefined type", or a declaration that no
// longer replays). The new names are the interpreter's only: the cell's
// errors, signatures and %T come from the model or the values.
func (p *parse) renameTypeParams(m *model, d *ast.FuncDecl) {
	if d.Recv != nil || d.Type.TypeParams == nil {
		return
	}
	params := map[types.Object]string{}
	for _, f := range d.Type.TypeParams.List {
		for _, id := range f.Names {
			if obj := m.info.Defs[id]; obj != nil && id.Name != "_" {
				params[obj] = HelperTemp + "_" + id.Name
			}
		}
	}
	if len(params) == 0 {
		return
	}
	if p.renames == nil {
		p.renames = map[*ast.Ident]string{}
	}
	ast.Inspect(d, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			obj := m.info.Defs[id]
			if obj == nil {
				obj = m.info.Uses[id]
			}
			if name, ok := params[obj]; ok && obj != nil {
				p.renames[id] = name
			}
		}
		return true
	})
}

// checkFuncConv records a conversion F(f) to a func type F declared in a
// cell, the func literals appended to a []F, and the func values passed
// to a parameter of type F in a call that spreads a slice (f(isEven,
// xs...)): yaegi v0.16.1 calls a
// closure converted by F(f) with the wrong captured variables (silently:
// in a loop, every closure saw another's), and panics appending a func
// literal to a []F (reflect.Set). Passing the value to a func literal's
// parameter of type F converts it right.
func (p *parse) checkFuncConv(m *model, c *ast.CallExpr) {
	funcType := func(t types.Type) string {
		n, ok := types.Unalias(t).(*types.Named)
		if !ok || !declaredInCell(n) || n.TypeParams().Len() > 0 {
			return ""
		}
		if _, ok := n.Underlying().(*types.Signature); !ok {
			return ""
		}
		return types.TypeString(n, types.RelativeTo(m.pkg))
	}
	identity := func(name string) string {
		return "func(" + HelperTemp + "_f " + name + ") " + name + " { return " + HelperTemp + "_f }"
	}
	if tv := m.info.Types[c.Fun]; tv.IsType() && len(c.Args) == 1 {
		if name := funcType(tv.Type); name != "" {
			if p.funcConvs == nil {
				p.funcConvs = map[ast.Node]string{}
			}
			p.funcConvs[c.Fun] = identity(name)
		}
		return
	}
	record := func(a ast.Expr, name string) {
		if p.funcConvs == nil {
			p.funcConvs = map[ast.Node]string{}
		}
		p.funcConvs[a] = identity(name) + "("
	}
	// f(isEven, xs...) with a parameter of a cell func type: yaegi
	// panicked (reflect.Set) passing the func where the call spreads a
	// slice.
	if sig, ok := m.info.Types[c.Fun].Type.(*types.Signature); ok && c.Ellipsis.IsValid() {
		for i, a := range c.Args[:len(c.Args)-1] {
			if i >= sig.Params().Len() {
				break
			}
			at, _ := m.info.Types[a].Type.(*types.Signature)
			if name := funcType(sig.Params().At(i).Type()); name != "" && at != nil {
				record(a, name)
			}
		}
		return
	}
	id, ok := ast.Unparen(c.Fun).(*ast.Ident)
	if !ok || len(c.Args) < 2 || c.Ellipsis.IsValid() {
		return
	}
	if b, ok := m.info.Uses[id].(*types.Builtin); !ok || b.Name() != "append" {
		return
	}
	t := m.info.Types[c.Args[0]].Type
	if t == nil {
		return
	}
	sl, ok := t.Underlying().(*types.Slice)
	if !ok {
		return
	}
	name := funcType(sl.Elem())
	if name == "" {
		return
	}
	for _, a := range c.Args[1:] {
		if _, lit := ast.Unparen(a).(*ast.FuncLit); lit {
			record(a, name)
		}
	}
}

// checkErrorVar records v, a value of a type declared in a cell with
// methods assigned to a variable of type error (var err error = MyErr{},
// err = MyErr{}): yaegi v0.16.1 stores it so that fmt prints its fields,
// not its Error method; an error returned by a func prints right, so v is
// returned by a func literal.
func (p *parse) checkErrorVar(m *model, to types.Type, v ast.Expr) {
	t := m.info.Types[v].Type
	if to == nil || t == nil || !types.Identical(to, types.Universe.Lookup("error").Type()) || types.IsInterface(t) || !declaredInCell(t) || !hasMethods(t) {
		return
	}
	if p.errVars == nil {
		p.errVars = map[ast.Expr]bool{}
	}
	p.errVars[v] = true
}

// checkAnyStore records e, an expression that stores v, a value of a cell
// type with methods that shares its shape with another cell type, in an
// any (var x any = Dog{}, x = Dog{}, any(Dog{}); to is the type stored
// to): yaegi v0.16.1 keeps such a value in the any without its type, so
// an assertion to one of the two (checkIdentity) cannot tell which it
// is; as an element of a []any, it keeps it. anyStoreEdits writes e as
// []any{v}[0].
func (p *parse) checkAnyStore(m *model, to types.Type, e, v ast.Expr) {
	t := m.info.Types[v].Type
	if to == nil || invalid(t) || m.pkg == nil || !isEmptyIface(to) || types.IsInterface(t) || mentionsTypeParam(t) {
		return
	}
	if _, ptr := types.Unalias(t).(*types.Pointer); ptr || !topLevelWithMethods(m, t) || sameShape(t, cellTypes(m)) == nil {
		return // a pointer keeps its type
	}
	if p.anyStores == nil {
		p.anyStores = map[ast.Expr]ast.Expr{}
	}
	p.anyStores[e] = v
}

// checkIntDiv records the divisions of untyped integer constants (7 / 2,
// n / 2 with const n = 7) in e, a constant expression whose value becomes
// a float (var f float64 = 7 / 2, 1 + 7/2 as a float64 argument), to be
// written as their values: yaegi v0.16.1 divides such constants as floats
// (3.5, where Go's constant arithmetic gives 3). It reports whether e is a
// constant expression, whose parts need no other check.
func (p *parse) checkIntDiv(m *model, e ast.Expr) bool {
	tv := m.info.Types[e]
	if tv.Value == nil || tv.Type == nil {
		return false
	}
	if b, ok := tv.Type.Underlying().(*types.Basic); !ok || b.Info()&(types.IsFloat|types.IsComplex) == 0 {
		return true
	}
	divs := map[ast.Expr]string{}
	iota := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			c, isConst := m.info.Uses[n].(*types.Const)
			iota = iota || isConst && c.Parent() == types.Universe && c.Name() == "iota"
		case *ast.BinaryExpr:
			if n.Op != token.QUO || !isUntypedInt(m.info.Types[n.X].Type) || !isUntypedInt(m.info.Types[n.Y].Type) {
				break
			}
			v := constant.ToInt(m.info.Types[n].Value)
			if v.Kind() != constant.Int {
				break
			}
			lit := v.ExactString()
			if constant.Sign(v) < 0 {
				lit = "(" + lit + ")"
			}
			divs[n] = lit
			return false
		}
		return true
	})
	if iota || len(divs) == 0 {
		return true // with iota: a const group repeats e with another iota
	}
	if p.intDivs == nil {
		p.intDivs = map[ast.Expr]string{}
	}
	maps.Copy(p.intDivs, divs)
	return true
}

// isUntypedInt reports whether t is the type of an untyped integer or
// rune constant.
func isUntypedInt(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && (b.Kind() == types.UntypedInt || b.Kind() == types.UntypedRune)
}

// variableRoot reports whether e denotes (part of) a variable, or what a
// pointer points to: something a later statement may change.
func variableRoot(m *model, e ast.Expr) bool {
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.StarExpr:
			return true
		case *ast.IndexExpr:
			e = x.X
		case *ast.SelectorExpr:
			if sel := m.info.Selections[x]; sel == nil || sel.Kind() != types.FieldVal {
				_, isVar := m.info.Uses[x.Sel].(*types.Var) // a package's variable
				return isVar
			}
			e = x.X
		case *ast.Ident:
			_, isVar := m.info.Uses[x].(*types.Var)
			return isVar
		default:
			return false
		}
	}
}

// inferred records the type arguments go/types inferred for a call of a
// generic func declared in a cell, when they can be written in the cell.
func (p *parse) inferred(m *model, c *ast.CallExpr) {
	id, ok := ast.Unparen(c.Fun).(*ast.Ident)
	if !ok {
		return
	}
	inst, ok := m.info.Instances[id]
	if !ok || inst.TypeArgs == nil || inst.TypeArgs.Len() == 0 {
		return
	}
	fn, ok := m.info.Uses[id].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "main" {
		return
	}
	args := make([]string, inst.TypeArgs.Len())
	for i := range args {
		var ok bool
		if args[i], ok = m.typeString(inst.TypeArgs.At(i)); !ok {
			return
		}
	}
	if p.typeArgs == nil {
		p.typeArgs = map[*ast.Ident]string{}
	}
	p.typeArgs[id] = "[" + strings.Join(args, ", ") + "]"
}

// typeString writes t as the cell can name it: a package by the name the
// cell sees it under. It reports false for a type the cell cannot write
// (of a package it does not import, invalid, or with type parameters).
func (m *model) typeString(t types.Type) (string, bool) {
	names := map[*types.Package]string{}
	if fs := m.info.Scopes[m.file]; fs != nil {
		for _, n := range fs.Names() {
			if pn, ok := fs.Lookup(n).(*types.PkgName); ok {
				names[pn.Imported()] = pn.Name()
			}
		}
	}
	unnamed := false
	s := types.TypeString(t, func(q *types.Package) string {
		if q == m.pkg {
			return ""
		}
		name, ok := names[q]
		if !ok {
			name, ok = m.sessionNames[q.Path()]
		}
		if !ok {
			unnamed = true
		}
		return name
	})
	return s, !unnamed && !strings.Contains(s, "invalid type") && !mentionsTypeParam(t)
}

// topLevelTypes are the static types of the variables the cell declares
// at its top level, for those the cell can write.
func (m *model) topLevelTypes() map[string]string {
	out := map[string]string{}
	var names []string
	scope := (*types.Scope)(nil)
	if m.body != nil {
		scope = m.info.Scopes[m.body.Type]
	}
	if scope != nil {
		names = scope.Names()
	}
	for _, n := range names {
		v, ok := scope.Lookup(n).(*types.Var)
		if !ok {
			continue
		}
		if s, ok := m.typeString(v.Type()); ok {
			out[n] = s
		}
	}
	// and the cell's package-level vars (var ErrX = ErrCode(4) is an
	// ErrCode, not the int the interpreter's value shows)
	for _, d := range m.file.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		for _, sp := range g.Specs {
			for _, id := range sp.(*ast.ValueSpec).Names {
				if v, ok := m.info.Defs[id].(*types.Var); ok && id.Name != "_" {
					if s, ok := m.typeString(v.Type()); ok {
						out[id.Name] = s
					}
				}
			}
		}
	}
	return out
}

// declaredTypes are the underlying types of the types the cell declares,
// for those the cell can write (completion lists their fields from them).
func (m *model) declaredTypes() map[string]string {
	if m.pkg == nil {
		return nil
	}
	out := map[string]string{}
	for _, d := range m.file.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.TYPE {
			continue
		}
		for _, sp := range g.Specs {
			tn, ok := m.info.Defs[sp.(*ast.TypeSpec).Name].(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			if s, ok := m.typeString(tn.Type().Underlying()); ok {
				out[tn.Name()] = s
			}
		}
	}
	return out
}

// isPkgFunc reports whether fun is pkg.name of the imported package pkg.
func isPkgFunc(m *model, fun ast.Expr, pkg, name string) bool {
	sel, ok := ast.Unparen(fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return false
	}
	pn, ok := m.info.Uses[id].(*types.PkgName)
	return ok && pn.Imported().Path() == pkg
}

// declaredInCell reports whether t is, or points to, a named type the
// session's cells declared (the interpreter's types).
// isPointer reports whether t is a pointer type.
func isPointer(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.Pointer)
	return ok
}

func declaredInCell(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main"
}

// holdsCellType reports whether t is an interface that a type declared
// in the cells (or a pointer to one) implements.
func holdsCellType(m *model, t types.Type) bool {
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	scope := m.pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		nt := tn.Type()
		if _, isIface := nt.Underlying().(*types.Interface); isIface {
			continue
		}
		if named, ok := nt.(*types.Named); ok && named.TypeParams().Len() > 0 {
			continue
		}
		if types.Implements(nt, iface) || types.Implements(types.NewPointer(nt), iface) {
			return true
		}
	}
	return false
}

// mentionsCellType reports whether t is, or is built from, a type declared
// in a cell (Employee, []*Employee, map[string]Employee).
func mentionsCellType(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		if t.Obj().Pkg() != nil && t.Obj().Pkg().Path() == "main" {
			return true
		}
		if args := t.TypeArgs(); args != nil {
			for i := range args.Len() {
				if mentionsCellType(args.At(i), seen) {
					return true
				}
			}
		}
		return false
	case *types.Pointer:
		return mentionsCellType(t.Elem(), seen)
	case *types.Slice:
		return mentionsCellType(t.Elem(), seen)
	case *types.Array:
		return mentionsCellType(t.Elem(), seen)
	case *types.Chan:
		return mentionsCellType(t.Elem(), seen)
	case *types.Map:
		return mentionsCellType(t.Key(), seen) || mentionsCellType(t.Elem(), seen)
	case *types.Struct:
		for i := range t.NumFields() {
			if mentionsCellType(t.Field(i).Type(), seen) {
				return true
			}
		}
	case *types.Signature:
		for _, tu := range []*types.Tuple{t.Params(), t.Results()} {
			for i := range tu.Len() {
				if mentionsCellType(tu.At(i).Type(), seen) {
					return true
				}
			}
		}
	}
	return false
}

func recvHasTypeParams(fd *ast.FuncDecl) bool {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return false
	}
	t := fd.Recv.List[0].Type
	if st, ok := t.(*ast.StarExpr); ok {
		t = st.X
	}
	switch t.(type) {
	case *ast.IndexExpr, *ast.IndexListExpr:
		return true
	}
	return false
}

func isTypeParam(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.TypeParam)
	return ok
}

// mentionsTypeParam reports whether t is or contains a type parameter.
func mentionsTypeParam(t types.Type) bool {
	found := false
	seen := map[types.Type]bool{}
	var visit func(types.Type)
	visit = func(t types.Type) {
		if found || t == nil || seen[t] {
			return
		}
		seen[t] = true
		switch t := types.Unalias(t).(type) {
		case *types.TypeParam:
			found = true
		case *types.Pointer:
			visit(t.Elem())
		case *types.Slice:
			visit(t.Elem())
		case *types.Array:
			visit(t.Elem())
		case *types.Map:
			visit(t.Key())
			visit(t.Elem())
		case *types.Chan:
			visit(t.Elem())
		case *types.Signature:
			for i := 0; i < t.Params().Len(); i++ {
				visit(t.Params().At(i).Type())
			}
			for i := 0; i < t.Results().Len(); i++ {
				visit(t.Results().At(i).Type())
			}
		case *types.Interface:
			for i := 0; i < t.NumMethods(); i++ {
				visit(t.Method(i).Type())
			}
		case *types.Struct:
			for i := 0; i < t.NumFields(); i++ {
				visit(t.Field(i).Type())
			}
		case *types.Named:
			if args := t.TypeArgs(); args != nil {
				for i := 0; i < args.Len(); i++ {
					visit(args.At(i))
				}
			}
		}
	}
	visit(t)
	return found
}

// printfFuncs are the fmt funcs taking a format, with the index of it.
var printfFuncs = map[string]int{"Printf": 0, "Sprintf": 0, "Errorf": 0, "Fprintf": 1, "Appendf": 1}

// checkFormat looks at a fmt call with a constant format. A value of a
// named basic type with a String method reaches fmt wrapped by the
// interpreter; for the verbs that print the number and not String (%d,
// %x of ints is String's...) Go prints the number, so the argument is
// converted to its basic type, which prints the same. %+v and %#v of a
// struct type declared in the session print the interpreter's renamed
// unexported fields: refused.
func (p *parse) checkFormat(m *model, c *ast.CallExpr) {
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return
	}
	pn, ok := m.info.Uses[id].(*types.PkgName)
	if !ok || pn.Imported().Path() != "fmt" {
		return
	}
	if fi, ok := printFuncs[sel.Sel.Name]; ok && !c.Ellipsis.IsValid() {
		for _, arg := range c.Args[min(fi, len(c.Args)):] {
			p.checkStringers(m, arg)
		}
		return
	}
	if _, ok := printFuncs[sel.Sel.Name]; ok && len(c.Args) > 0 {
		// fmt.Println(xs...): the operands are xs's elements
		last := c.Args[len(c.Args)-1]
		if t := m.info.Types[last].Type; t != nil {
			p.printIface(m, last, t)
		}
		return
	}
	fi, ok := printfFuncs[sel.Sel.Name]
	if !ok || fi >= len(c.Args) || c.Ellipsis.IsValid() {
		return
	}
	tv := m.info.Types[c.Args[fi]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		p.checkOpaqueFormat(m, c.Args[fi+1:])
		return
	}
	format := constant.StringVal(tv.Value)
	formatLit, _ := ast.Unparen(c.Args[fi]).(*ast.BasicLit)
	verbs := formatVerbs(format)
	p.checkIndexedFormat(m, format, c.Args[min(fi+1+len(verbs), len(c.Args)):])
	for i, v := range verbs {
		ai := fi + 1 + i
		if ai >= len(c.Args) {
			break
		}
		arg := c.Args[ai]
		t := m.info.Types[arg].Type
		if t == nil {
			continue
		}
		if v.verb == 'T' && holdsCellType(m, t) {
			// An interface: the dynamic type's name, by assertions to the
			// cell types it may hold, where their shapes tell them apart.
			if sw := dynamicTypeName(m, t, id.Name); sw != "" && formatLit != nil {
				if p.wraps == nil {
					p.wraps = map[ast.Expr]string{}
				}
				if p.literals == nil {
					p.literals = map[ast.Expr]string{}
				}
				format = format[:v.pos] + "s" + format[v.pos+1:]
				p.literals[formatLit] = strconv.Quote(format)
				p.wraps[arg] = sw
				continue
			}
			p.refusals = append(p.refusals, refusal{arg.Pos(), fmt.Sprintf("%%T of a %s, which may hold a type declared in a cell: the interpreter prints that type's structure, not its name; give the types a Name() string method and print that, or use a type switch",
				types.TypeString(t, types.RelativeTo(m.pkg)))})
			continue
		}
		if v.verb == 'T' && mentionsCellType(t, map[types.Type]bool{}) {
			// The interpreter prints its own structure for a type declared
			// in a cell. Where the static type is the dynamic one (not an
			// interface) and the format is a literal, %T prints a known
			// name: the verb becomes %s of that name, the operand is still
			// evaluated.
			if _, isIface := t.Underlying().(*types.Interface); !isIface && formatLit != nil {
				if p.typeNames == nil {
					p.typeNames = map[ast.Expr]string{}
				}
				if p.literals == nil {
					p.literals = map[ast.Expr]string{}
				}
				format = format[:v.pos] + "s" + format[v.pos+1:]
				p.literals[formatLit] = strconv.Quote(format)
				name := types.TypeString(t, func(pkg *types.Package) string { return pkg.Name() })
				p.typeNames[arg] = name
				continue
			}
			p.refusals = append(p.refusals, refusal{arg.Pos(), fmt.Sprintf("%%T of a %s, a type declared in a cell, prints the interpreter's structure, not its name; write the format as a string literal with the operand's own type, or give the type a Name() string method and print that",
				types.TypeString(t, types.RelativeTo(m.pkg)))})
			continue
		}
		if v.verb == 'w' && declaredInCell(t) && !isPointer(t) {
			p.refusals = append(p.refusals, refusal{arg.Pos(), fmt.Sprintf("%%w of a %s: an error type declared in a cell is an error to fmt and errors only through a pointer; give it a pointer receiver (func (e *%[1]s) Error() string) and wrap &%[1]s{...}, or wrap a sentinel (var ErrX = errors.New(\"...\"))",
				types.TypeString(t, types.RelativeTo(m.pkg)))})
			continue
		}
		if v.verb == 'w' && declaredInCell(t) {
			// yaegi hands compiled fmt a value of a cell type without its
			// methods, but gives it its Error method when it is passed to
			// an interpreted func as an error (a conversion error(x) does
			// not): %w then wraps an error whose Error is the cell's, and
			// HelperAsTypeU finds the value behind it.
			if p.wraps == nil {
				p.wraps = map[ast.Expr]string{}
			}
			p.wraps[arg] = HelperError
			continue
		}
		if v.verb == 'v' && v.plus && !v.sharp && (hasValueMethod(t, "String") || hasValueMethod(t, "Error")) {
			p.checkStringers(m, arg) // %+v prints what String or Error returns
			continue
		}
		if v.verb == 'v' && v.plus && !v.sharp && hasUnexportedFields(t, map[types.Type]bool{}) {
			if names, ok := plainFields(t, map[types.Type]bool{}, nil, map[string]bool{}); ok && len(names) > 0 {
				if p.plusV == nil {
					p.plusV = map[ast.Expr]string{}
				}
				p.plusV[arg] = strings.Join(names, ",")
				continue
			}
		}
		if v.verb == 'v' && v.text == "#v" && formatLit != nil && (sharpNamesCellType(m, t) || hasUnexportedFields(t, map[types.Type]bool{}) || holdsCellIface(m, t, map[types.Type]bool{})) {
			// printed by HelperSharpV, whose string %#s prints as it is
			if p.sharpV(m, arg, t) {
				if p.literals == nil {
					p.literals = map[ast.Expr]string{}
				}
				format = format[:v.pos] + "s" + format[v.pos+1:]
				p.literals[formatLit] = strconv.Quote(format)
			}
			continue
		}
		if (v.verb == 'v' && (v.plus || v.sharp)) && hasUnexportedFields(t, map[types.Type]bool{}) {
			p.refusals = append(p.refusals, refusal{arg.Pos(), fmt.Sprintf("%%%s of a %s, a type declared in a cell with unexported struct fields, prints the interpreter's renamed fields; use %%v, print the fields one by one, or export them (Name, not name)",
				v.text, types.TypeString(t, types.RelativeTo(m.pkg)))})
			continue
		}
		if v.verb == 'v' && v.sharp && sharpNamesCellType(m, t) {
			p.refusals = append(p.refusals, refusal{arg.Pos(), fmt.Sprintf("%%#v of a %s prints the interpreter's structure where Go prints the name of a type declared in a cell (main.T{...}); use %%+v, or print the type's name with %%T beside it",
				types.TypeString(t, types.RelativeTo(m.pkg)))})
			continue
		}
		if strings.ContainsRune("vsqxX", v.verb) && !v.sharp {
			p.checkStringers(m, arg)
			continue
		}
		if !strings.ContainsRune("dboOcUeEfFgGt", v.verb) {
			continue
		}
		named, ok := types.Unalias(t).(*types.Named)
		if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "main" {
			continue
		}
		basic, ok := named.Underlying().(*types.Basic)
		if !ok || !hasMethod(named, "String") && !hasMethod(named, "Error") {
			continue
		}
		if p.convs == nil {
			p.convs = map[ast.Expr]string{}
		}
		p.convs[arg] = basic.Name()
	}
}

// dynamicTypeName is the source of a func(t) string that gives the name
// %T prints for a value of the interface type t: assertions to the cell
// types t may hold (yaegi prints their structure, not their names),
// then fmtName.Sprintf("%T", v) for anything else. It is "" when the
// switch could not tell the cell types apart (two of one shape, or a
// value type behind an empty interface, which a compiled value of that
// shape would also match) or one of them is generic.
func dynamicTypeName(m *model, t types.Type, fmtName string) string {
	cands := holdable(cellTypes(m), t)
	if len(cands) == 0 || !uniqueShapes(t, cands, cands) {
		return ""
	}
	// the parameter has t's own type: passed as an any, a compiled
	// interface's value would be yaegi's wrapper, and a nil one a zero
	// wrapper of the interpreter's
	ts, ok := m.typeString(t)
	if !ok {
		return ""
	}
	var b strings.Builder
	// assertions, not a type switch: yaegi's switch does not look behind
	// the wrapper of a compiled interface's value
	fmt.Fprintf(&b, "func(__gocurve_v %s) string { if __gocurve_v == nil { return \"<nil>\" }; ", ts)
	for _, c := range cands {
		if mentionsTypeParam(c) {
			return ""
		}
		fmt.Fprintf(&b, "if _, ok := __gocurve_v.(%s); ok { return %s }; ", types.TypeString(c, types.RelativeTo(m.pkg)),
			strconv.Quote(types.TypeString(c, func(pkg *types.Package) string { return pkg.Name() })))
	}
	fmt.Fprintf(&b, "return %s.Sprintf(\"%%T\", __gocurve_v) }", fmtName)
	return b.String()
}

// printIface wraps or refuses the printed operand arg of type t as
// printableIface says, and reports whether it did either.
func (p *parse) printIface(m *model, arg ast.Expr, t types.Type) bool {
	src, r := printableIface(m, t)
	switch {
	case r != "":
		p.refusals = append(p.refusals, refusal{arg.Pos(), r})
	case src != "":
		if p.wraps == nil {
			p.wraps = map[ast.Expr]string{}
		}
		p.wraps[arg] = src
	default:
		return false
	}
	return true
}

// printableIface is the source of a func that gives compiled fmt what Go's
// fmt prints for an operand of type t, where t is an interface, or a
// slice, array or map of one, that may hold a type declared in a cell
// with methods: yaegi hands fmt its own wrapper of such a value, which
// prints as the interpreter's internals. The func asserts each value to
// those cell types and gives fmt the Error or String method's text, or
// the value in its plain representation. src is "" when t needs nothing;
// refusal is set when the cell types t may hold cannot be told apart.
func printableIface(m *model, t types.Type) (src, refusal string) {
	if m.pkg == nil {
		return "", ""
	}
	elem, container := t, ""
	switch u := t.Underlying().(type) {
	case *types.Slice:
		elem, container = u.Elem(), "slice"
	case *types.Array:
		elem, container = u.Elem(), "slice"
	case *types.Map:
		if types.IsInterface(u.Key()) {
			return "", ""
		}
		elem, container = u.Elem(), "map"
	}
	if !types.IsInterface(elem) {
		return "", ""
	}
	// Behind a compiled interface with methods (error, fmt.Stringer) a
	// cell type reaches fmt with those methods. Behind any, pointer and
	// struct types are asserted, not value types of a basic kind: yaegi
	// asserts by representation, and any(3.5).(Celsius) is true in yaegi
	// (a struct's representation has its field names, which compiled
	// values rarely share).
	empty := elem.Underlying().(*types.Interface).NumMethods() == 0
	if !empty && !declaredInCell(elem) {
		return "", ""
	}
	q := types.RelativeTo(m.pkg)
	var cands []types.Type
	for _, c := range holdable(cellTypes(m), elem) {
		if !hasMethods(c) {
			continue
		}
		if _, isStruct := c.Underlying().(*types.Struct); empty && !isPointer(c) && !isStruct {
			// type Celsius float64 would match any compiled float64
			if hasValueMethod(c, "String") || hasValueMethod(c, "Error") {
				return "", fmt.Sprintf("printing a %s that may hold a %s: Go calls its %s method, but behind an empty interface the interpreter hands fmt the bare value and cannot tell it from a compiled value of its shape; print it from a variable of its own type, or print the method's result",
					types.TypeString(t, q), types.TypeString(c, q), map[bool]string{true: "String", false: "Error"}[hasValueMethod(c, "String")])
			}
			continue
		}
		cands = append(cands, c)
	}
	if len(cands) == 0 || mentionsTypeParam(t) {
		return "", ""
	}
	// Two candidates of one shape that fmt prints alike (as their plain
	// representation) need not be told apart; others are, by the type the
	// interpreter keeps beside the value (HelperIs).
	ident := map[types.Type]bool{}
	for _, c := range cands {
		for _, o := range cands {
			if types.Identical(c, o) || shape(c, nil) != shape(o, nil) || printConv(c) == printBare && printConv(o) == printBare {
				continue
			}
			if !topLevelWithMethods(m, c) {
				return "", fmt.Sprintf("printing a %s, which may hold %s and %s (declared in cells with one representation), does not work in the interpreter: it cannot tell them apart; give one of them another shape, or print a method's result",
					types.TypeString(t, q), types.TypeString(c, q), types.TypeString(o, q))
			}
			ident[c] = true
		}
	}
	ts, ok1 := m.typeString(t)
	es, ok2 := m.typeString(elem)
	if !ok1 || !ok2 {
		return "", ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "func(__gocurve_v %s) any { if __gocurve_v == nil { return nil }; ", es)
	for _, c := range cands {
		cs, ok := m.typeString(c)
		if !ok {
			return "", ""
		}
		conv := printConv(c)
		if isPointer(c) && conv != printBare {
			// fmt prints <nil> for a nil receiver whose method panics
			conv = "func() (__gocurve_s any) { if __gocurve_c == nil { defer func() { if recover() != nil { __gocurve_s = \"<nil>\" } }() }; return " + conv + " }()"
		}
		check := ""
		if ident[c] {
			check = " && " + identityCall("__gocurve_v", goTypeName(m, c), "", false, "printing a "+types.TypeString(t, q))
		}
		fmt.Fprintf(&b, "if __gocurve_c, ok := __gocurve_v.(%s); ok%s { return %s }; ", cs, check, conv)
	}
	b.WriteString("return __gocurve_v }")
	one := b.String()
	switch container {
	case "slice":
		return fmt.Sprintf("func(__gocurve_xs %s) []any { __gocurve_f := %s; __gocurve_out := make([]any, len(__gocurve_xs)); for __gocurve_i, __gocurve_x := range __gocurve_xs { __gocurve_out[__gocurve_i] = __gocurve_f(__gocurve_x) }; return __gocurve_out }", ts, one), ""
	case "map":
		ks, ok := m.typeString(t.Underlying().(*types.Map).Key())
		if !ok {
			return "", ""
		}
		return fmt.Sprintf("func(__gocurve_xs %s) map[%s]any { if __gocurve_xs == nil { return nil }; __gocurve_f := %s; __gocurve_out := make(map[%[2]s]any, len(__gocurve_xs)); for __gocurve_k, __gocurve_x := range __gocurve_xs { __gocurve_out[__gocurve_k] = __gocurve_f(__gocurve_x) }; return __gocurve_out }", ts, ks, one), ""
	}
	return one, ""
}

// printBare is what printableIface's func gives fmt for a value of a cell
// type without an Error or String method: its plain representation.
const printBare = "__gocurve_bare(__gocurve_c)"

// printConv is what printableIface's func gives fmt for __gocurve_c, a
// value of the cell type c: the Error or String method's text, or
// printBare.
func printConv(c types.Type) string {
	switch {
	case hasValueMethod(c, "Error"):
		return "__gocurve_c.Error()"
	case hasValueMethod(c, "String"):
		return "__gocurve_c.String()"
	}
	return printBare
}

// sharpNamesCellType reports whether %#v of an operand of type t would
// print the name of a type declared in a cell: t is or is built from one,
// or is an interface that may hold one. A cell type of a basic underlying
// type without methods prints as its bare value (%#v of Celsius(3) is 3).
func sharpNamesCellType(m *model, t types.Type) bool {
	if types.IsInterface(t) {
		return holdsCellType(m, t)
	}
	if _, basic := t.Underlying().(*types.Basic); basic && declaredInCell(t) && !hasMethods(t) {
		return false
	}
	return mentionsCellType(t, map[types.Type]bool{})
}

// printFuncs are the fmt funcs that format every operand with %v, with
// the index of the first operand.
var printFuncs = map[string]int{"Print": 0, "Println": 0, "Sprint": 0, "Sprintln": 0, "Fprint": 1, "Fprintln": 1, "Append": 1, "Appendln": 1}

// checkStringers refuses an operand whose printed form would call the
// String or Error method of a cell type inside a slice, array, map,
// struct field or pointed-to struct: fmt calls it there, but the
// interpreter hands compiled fmt the elements without their methods. A
// value of such a type on its own prints right.
func (p *parse) checkStringers(m *model, arg ast.Expr) {
	t := m.info.Types[arg].Type
	if t == nil || m.pkg == nil || p.printIface(m, arg, t) {
		return
	}
	if types.IsInterface(t) {
		if c := printedMethod(m, t); c != nil {
			p.refusals = append(p.refusals, refusal{arg.Pos(), fmt.Sprintf("printing a %s that may hold a %s: Go calls its String or Error method, the interpreter prints its fields; print the method's result (v.String(), err.Error()), or the value after a type switch",
				types.TypeString(t, types.RelativeTo(m.pkg)), types.TypeString(c, types.RelativeTo(m.pkg)))})
		}
		return
	}
	if ptrOnlyMethod(t) {
		// Go does not call a String or Error method with a pointer
		// receiver on a value; the interpreter does. The value's
		// underlying type prints as Go prints the value.
		if u, ok := m.typeString(t.Underlying()); ok && !strings.Contains(u, "\n") {
			if p.convs == nil {
				p.convs = map[ast.Expr]string{}
			}
			p.convs[arg] = "(" + u + ")"
			return
		}
	}
	if e := wrappedIface(m, t, 0, map[types.Type]bool{}); e != nil {
		p.refusals = append(p.refusals, refusal{arg.Pos(), fmt.Sprintf("printing a %s prints the interpreter's wrappers of the %s values in it (types declared in cells with methods), not the values; print them one by one: for _, v := range xs { fmt.Println(v) }",
			types.TypeString(t, types.RelativeTo(m.pkg)), types.TypeString(e, types.RelativeTo(m.pkg)))})
		return
	}
	if declaredInCell(t) && hasValueMethod(t, "Error") {
		// fmt prints an error by its Error method, but the interpreter
		// hands compiled fmt a value of a cell type without it (a
		// String method it does pass): give fmt the text.
		if p.wraps == nil {
			p.wraps = map[ast.Expr]string{}
		}
		p.wraps[arg] = "__gocurve_errtext"
		return
	}
	if helper := stringsHelper(t); helper != "" {
		if p.wraps == nil {
			p.wraps = map[ast.Expr]string{}
		}
		p.wraps[arg] = helper
		return
	}
	if inner := innerStringer(t, 0, map[types.Type]bool{}); inner != nil {
		p.refusals = append(p.refusals, refusal{arg.Pos(), fmt.Sprintf("printing a %s calls the String or Error method of its %s elements in Go, not in the interpreter; print them one by one (a loop, or strings.Join of their String())",
			types.TypeString(t, types.RelativeTo(m.pkg)), types.TypeString(inner, types.RelativeTo(m.pkg)))})
	}
}

// ptrOnlyMethod reports whether t, a type declared in a cell (not a
// pointer or interface), has a String or Error method on *t only.
func ptrOnlyMethod(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || !declaredInCell(n) || types.IsInterface(n) || n.TypeParams().Len() > 0 {
		return false
	}
	if hasValueMethod(n, "String") || hasValueMethod(n, "Error") {
		return false
	}
	ms := types.NewMethodSet(types.NewPointer(n))
	return ms.Lookup(nil, "String") != nil || ms.Lookup(nil, "Error") != nil
}

// printedMethod returns a cell type that the interface type t may hold
// whose String or Error method fmt would call where the interpreter hands
// fmt the value without it, or nil. Through fmt.Stringer it hands the
// method on; through error it does for a value a func returned.
func printedMethod(m *model, t types.Type) types.Type {
	if types.Identical(t, types.Universe.Lookup("error").Type()) {
		// an error returned by a func prints by its Error method; one
		// assigned to an error variable does not (docs/known-limits.md)
		return nil
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "fmt" && n.Obj().Name() == "Stringer" {
		return nil
	}
	for _, c := range holdable(cellTypes(m), t) {
		ms := types.NewMethodSet(c)
		if ms.Lookup(nil, "Error") != nil || ms.Lookup(nil, "String") != nil {
			return c
		}
	}
	return nil
}

// wrappedIface returns an interface type inside t (an element, a map's key
// or value, a struct field; not t itself) that may hold a cell type with
// methods and has neither a String nor an Error method: fmt meets such
// values inside the interpreter's wrappers and prints the wrappers.
func wrappedIface(m *model, t types.Type, depth int, seen map[types.Type]bool) types.Type {
	if seen[t] || depth > 8 {
		return nil
	}
	seen[t] = true
	if depth > 0 && types.IsInterface(t) {
		iface := t.Underlying().(*types.Interface)
		ms := types.NewMethodSet(iface)
		if ms.Lookup(nil, "String") != nil || ms.Lookup(nil, "Error") != nil || mentionsTypeParam(t) {
			return nil
		}
		if slices.ContainsFunc(holdable(cellTypes(m), t), hasMethods) {
			return t
		}
		return nil
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && (n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main") {
		return nil // compiled types print as Go prints them
	}
	if depth > 0 && (hasValueMethod(t, "String") || hasValueMethod(t, "Error")) {
		return nil
	}
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return wrappedIface(m, u.Elem(), depth+1, seen)
	case *types.Array:
		return wrappedIface(m, u.Elem(), depth+1, seen)
	case *types.Map:
		if k := wrappedIface(m, u.Key(), depth+1, seen); k != nil {
			return k
		}
		return wrappedIface(m, u.Elem(), depth+1, seen)
	case *types.Pointer:
		if depth == 0 {
			return wrappedIface(m, u.Elem(), depth, seen)
		}
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if f := wrappedIface(m, u.Field(i).Type(), depth+1, seen); f != nil {
				return f
			}
		}
	}
	return nil
}

// stringsHelper returns the prelude helper that turns a value of type t
// into the strings fmt would print for it, for the common cases: a slice
// of a cell type with a String or Error method, or a map to one (keys
// without such methods); "" for anything else.
func stringsHelper(t types.Type) string {
	if hasValueMethod(t, "String") || hasValueMethod(t, "Error") {
		return ""
	}
	method := func(e types.Type) string {
		if !declaredInCell(e) {
			return ""
		}
		if hasValueMethod(e, "Error") {
			return "Error"
		}
		if hasValueMethod(e, "String") {
			return "String"
		}
		return ""
	}
	switch u := t.Underlying().(type) {
	case *types.Slice:
		switch method(u.Elem()) {
		case "Error":
			return "__gocurve_errs"
		case "String":
			return "__gocurve_strs"
		}
	case *types.Map:
		if method(u.Key()) == "" && innerStringer(u.Key(), 1, map[types.Type]bool{}) == nil && method(u.Elem()) == "String" {
			return "__gocurve_strmap"
		}
	}
	return ""
}

// innerStringer returns a cell type with a String or Error method that
// fmt meets below the top level of a value of type t, or nil.
func innerStringer(t types.Type, depth int, seen map[types.Type]bool) types.Type {
	if seen[t] || depth > 8 {
		return nil
	}
	seen[t] = true
	stringer := hasValueMethod(t, "String") || hasValueMethod(t, "Error")
	if stringer {
		if depth > 0 && declaredInCell(t) {
			return t
		}
		return nil // fmt calls the method here and looks no further
	}
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return innerStringer(u.Elem(), depth+1, seen)
	case *types.Array:
		return innerStringer(u.Elem(), depth+1, seen)
	case *types.Map:
		if k := innerStringer(u.Key(), depth+1, seen); k != nil {
			return k
		}
		return innerStringer(u.Elem(), depth+1, seen)
	case *types.Pointer:
		if depth == 0 {
			if _, ok := u.Elem().Underlying().(*types.Struct); ok {
				return innerStringer(u.Elem(), depth, seen) // &{...}
			}
		}
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if f := u.Field(i); f.Exported() {
				if in := innerStringer(f.Type(), depth+1, seen); in != nil {
					return in
				}
			}
		}
	}
	return nil
}

// hasValueMethod reports whether the method set of t (not of *t) has name.
func hasValueMethod(t types.Type, name string) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, false, nil, name)
	_, ok := obj.(*types.Func)
	return ok
}

func hasMethod(t types.Type, name string) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	_, ok := obj.(*types.Func)
	return ok
}

// hasUnexportedFields reports whether printing t with %+v shows a field
// name of a struct type declared in a cell that is unexported.
// plainFields returns the unexported field names of the struct types
// declared in cells that make up t (sorted, without duplicates), and
// whether %+v of a t can be printed with them renamed (HelperPlusV): t is
// built of those and compiled types through pointers, slices, arrays and
// maps, with no interface, func or channel, no cell type with methods,
// no recursion, and no exported field named "X" + an unexported name.
func plainFields(t types.Type, seen map[types.Type]bool, names []string, exported map[string]bool) ([]string, bool) {
	if seen[t] {
		return nil, false
	}
	seen[t] = true
	defer delete(seen, t)
	if n, ok := types.Unalias(t).(*types.Named); ok {
		if n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main" {
			return names, true // compiled types print as Go prints them
		}
		if hasMethods(n) || n.TypeParams().Len() > 0 {
			return nil, false
		}
	}
	var ok bool
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return names, true
	case *types.Pointer:
		return plainFields(u.Elem(), seen, names, exported)
	case *types.Slice:
		return plainFields(u.Elem(), seen, names, exported)
	case *types.Array:
		return plainFields(u.Elem(), seen, names, exported)
	case *types.Map:
		if names, ok = plainFields(u.Key(), seen, names, exported); !ok {
			return nil, false
		}
		return plainFields(u.Elem(), seen, names, exported)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			if f.Exported() {
				exported[f.Name()] = true
			} else if !slices.Contains(names, f.Name()) {
				names = append(names, f.Name())
			}
			if names, ok = plainFields(f.Type(), seen, names, exported); !ok {
				return nil, false
			}
		}
		slices.Sort(names)
		for _, n := range names {
			if exported["X"+n] {
				return nil, false
			}
		}
		return names, true
	}
	return nil, false
}

func hasUnexportedFields(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	if n, ok := types.Unalias(t).(*types.Named); ok && (n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main") {
		return false // compiled types print as Go prints them
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return hasUnexportedFields(u.Elem(), seen)
	case *types.Slice:
		return hasUnexportedFields(u.Elem(), seen)
	case *types.Array:
		return hasUnexportedFields(u.Elem(), seen)
	case *types.Map:
		return hasUnexportedFields(u.Key(), seen) || hasUnexportedFields(u.Elem(), seen)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			if !f.Exported() && !f.Embedded() || hasUnexportedFields(f.Type(), seen) {
				return true
			}
		}
	}
	return false
}

// verb is one formatting directive of a format string.
type verb struct {
	verb        rune
	plus, sharp bool
	text        string // e.g. "+v"
	pos         int    // the byte offset of verb in the format
}

// formatVerbs returns the directives of format that consume an argument,
// in order; it stops (returns what it has) at explicit argument indexes
// and at * widths, which it does not follow.
func formatVerbs(format string) []verb {
	var out []verb
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		start := i + 1
		j := start
		var v verb
	flags:
		for ; j < len(format); j++ {
			switch c := format[j]; {
			case c == '+':
				v.plus = true
			case c == '#':
				v.sharp = true
			case c == '-' || c == ' ' || c == '.' || c >= '0' && c <= '9':
			case c == '*' || c == '[':
				return out
			default:
				break flags
			}
		}
		if j >= len(format) {
			return out
		}
		i = j
		if format[j] == '%' {
			continue
		}
		v.verb = rune(format[j])
		v.text = format[start : j+1]
		v.pos = j
		out = append(out, v)
	}
	return out
}

// addStatic gives each top-level statement and var declaration the static
// types of the variables it defines, and each type declaration its underlying type.
func (p *parse) addStatic() {
	for i := range p.items {
		it := &p.items[i]
		types := p.static
		switch it.Kind {
		case Stmt, Var:
		case Type:
			types = p.underlying
		default:
			continue
		}
		for _, n := range it.Names {
			if t, ok := types[n]; ok {
				if it.Static == nil {
					it.Static = map[string]string{}
				}
				it.Static[n] = t
			}
		}
	}
}
