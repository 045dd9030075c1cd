package cell

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/gocurve/gocurve/kernel/importer"
)

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
	// ctx is the file of the session's declarations as checked.
	ctx *ast.File
	// sessionNames are the names of the session's imports, by path,
	// including those the check left out.
	sessionNames map[string]string
	// guessed are the session variables whose type the model guessed.
	guessed map[types.Object]bool
	// real is set when the imported packages had their real types.
	real bool
	// instAliases are the aliases the cell writes for instances of
	// generic types (genericargs.go).
	instAliases []instAlias
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
// refuses the cell, saying so: without the checks it might run wrong.
func (p *parse) checkModel() (out []refusal) {
	if p.opts.Importer == nil && !p.needsModel() {
		return nil
	}
	defer func() {
		if r := recover(); r != nil {
			out = []refusal{p.checkerFailed(r)}
		}
	}()
	m := p.typeModel()
	if m == nil {
		if p.modelPanic != nil {
			return []refusal{p.checkerFailed(p.modelPanic)}
		}
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
	if errs = append(append(append(append(p.clashes(m), p.pkgClashes(m)...), p.checkMultiParamTypes(m)...), errs...), waitErrs...); len(errs) > 0 {
		return errs
	}
	if self := p.checkSelfInstances(m); len(self) > 0 {
		return self
	}
	if sure {
		p.static = m.topLevelTypes()
		p.underlying = m.declaredTypes()
	}
	if !p.needsModel() {
		return p.printedInstances(m)
	}
	if refused := p.check(m); len(refused) > 0 {
		return refused
	}
	return p.printedInstances(m)
}

// checkerFailed is the refusal of a cell whose check panicked (r).
func (p *parse) checkerFailed(r any) refusal {
	return refusal{token.Pos(p.file.Base()), fmt.Sprintf("the cell's type check failed (a bug in gocurve's checker, please report it with this cell: %v); the cell was not run, since without the check it might run differently from Go", r)}
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
// checker itself (a bug in go/types or here) is kept in p.modelPanic, and
// checkModel refuses the cell for it.
func (p *parse) typeModel() *model {
	if !p.modelDone {
		p.modelDone = true
		func() {
			defer func() {
				if r := recover(); r != nil {
					p.model, p.modelPanic = nil, r
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
		// the implicit packages an earlier cell's declaration names
		// (func (l *List[T]) All() iter.Seq[T]), which the session does
		// not import
		for name := range implicitPackages {
			if ctxIdents[name] && !p.top[name] && !cellNames[name] && !p.opts.Shadowed[name] && p.opts.ImportFor != nil && p.opts.ImportFor(name) == name {
				if _, imported := sessionNames[name]; !imported {
					imports.Specs = append(imports.Specs, &ast.ImportSpec{Path: &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(name)}})
				}
			}
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
		for _, st := range fd.Body.List {
			// a whole program's vars are its package's: its funcs see them
			if ds, ok := st.(*ast.DeclStmt); ok && p.opts.Whole {
				if gd, ok := ds.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
					cellFile.Decls = append(cellFile.Decls, gd)
					continue
				}
			}
			body.Body.List = append(body.Body.List, st)
		}
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
	m := &model{info: info, body: body, file: &cellFile, ctx: ctxFile, real: p.opts.Importer != nil, sessionNames: sessionNames}
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
			if p.opts.Context != nil && p.opts.Context().asserts() {
				return true // checkLaterShape: an earlier func may assert to a type of its shape
			}
		}
	}
	var ctx *Context
	if declared && p.opts.Context != nil {
		ctx = p.opts.Context()
		if ctx.declares(atomicPointer) {
			return true // a value may hold one, whose printing is refused (atomicptr.go)
		}
	}
	called := map[ast.Expr]bool{}
	ast.Inspect(p.ast, func(n ast.Node) bool {
		if need {
			return false
		}
		switch n := n.(type) {
		case *ast.Ident:
			// an earlier cell's reflect.Type (earlierReads)
			if ctx.reflectVar(n.Name) {
				need = true
			}
		case *ast.FuncType:
			if n.TypeParams != nil && n.TypeParams.NumFields() > 0 {
				need = true
			}
		case *ast.TypeSwitchStmt:
			need = true
		case *ast.RangeStmt:
			need = true // maybe over a func (rangefunc.go)
		case *ast.TypeSpec:
			need = need || n.Assign.IsValid() // an alias, maybe in a func (localalias.go)

		case *ast.CallExpr:
			called[n.Fun] = true
			if _, sel := n.Fun.(*ast.SelectorExpr); sel && n.Ellipsis.IsValid() {
				need = true // a print call forwarding a []any (checkForward)
			}
			if id, ok := n.Fun.(*ast.Ident); ok && (p.opts.GenericFuncs[id.Name] || id.Name == "panic" || id.Name == "recover" || id.Name == "new") {
				need = true // (new: of an expression, checkNewExpr)
			}
			for _, a := range n.Args {
				if _, lit := a.(*ast.FuncLit); lit {
					need = true // given to a compiled func in a loop (litCopies)
				}
			}
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok {
				_, printing := printFuncs[sel.Sel.Name]
				if id, ok := sel.X.(*ast.Ident); ok && implicitPackages[id.Name] {
					need = true // type arguments to write out (inferred), iterators (checkIterators)
				}
				switch sel.Sel.Name {
				case "Value", "Execute", "ExecuteTemplate", "SetFlags", "New":
					// a context's key (checkContextKey), a template's
					// methods (checkTemplateExec), log's flags (checkLogFlags)
					need = true
				case "TypeOf", "DeepEqual", "Type", "Contains", "Index", "Equal", "Compact":
					// reflect of a cell type (reflectcell.go), == in generic
					// code (genericeq.go)
					if declared {
						need = true
					}
				}
				if sel.Sel.Name == "As" || (sel.Sel.Name == "Is" || sel.Sel.Name == "AsType") && len(methods) > 0 || printing && len(methods) > 0 || encodingNames[sel.Sel.Name] || slogNames[sel.Sel.Name] || methods["LogValue"] || methods["Error"] {
					// (an Error method: a cell error type given to a compiled
					// func's error parameter, checkErrorArgs)
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
			// a constant integer division (checkIntDiv); a constant shifted
			// by a count that is not (checkShift)
			if n.Op == token.QUO {
				need = true
			}
			if _, lit := n.Y.(*ast.BasicLit); (n.Op == token.SHL || n.Op == token.SHR) && !lit {
				need = true
			}
			// an interface compared with a value that may hold a cell
			// type, now or once a later cell declares one (laterCmp)
			if n.Op == token.EQL || n.Op == token.NEQ {
				need = true
			}
			// a float constant of math with another (checkConstMix)
			for _, x := range []ast.Expr{n.X, n.Y} {
				if sel, ok := ast.Unparen(x).(*ast.SelectorExpr); ok {
					if id, ok := sel.X.(*ast.Ident); ok && id.Name == "math" {
						need = true
					}
				}
			}
		case *ast.AssignStmt:
			// a value of a cell type with methods assigned to an error
			need = need || len(methods) > 0
			// a store into a compiled struct's interface field (checkFieldStore)
			for i, l := range n.Lhs {
				if _, sel := l.(*ast.SelectorExpr); sel && n.Tok == token.ASSIGN && i < len(n.Rhs) {
					switch n.Rhs[i].(type) {
					case *ast.Ident, *ast.BasicLit:
					default:
						need = true
					}
				}
			}
		case *ast.DeferStmt:
			// a deferred method value, bound at the defer statement
			if _, sel := n.Call.Fun.(*ast.SelectorExpr); sel && len(n.Call.Args) == 0 {
				need = true
			}
		case *ast.SwitchStmt:
			// a switch on an interface: its cases are such comparisons
			if n.Tag != nil {
				need = true
			}
		case *ast.ValueSpec:
			// a value of a cell type with methods assigned to an error
			if len(methods) > 0 {
				need = true
			}
			// a constant of a defined type, written with an operator or a
			// conversion (folded: foldedConst); a var given a package's
			// constant (untypedVarValue)
			for _, v := range n.Values {
				if _, sel := v.(*ast.SelectorExpr); sel && n.Type == nil {
					need = true
				}
				_, lit := v.(*ast.BasicLit)
				_, call := v.(*ast.CallExpr)
				if !lit && (n.Type != nil && !isBasicName(n.Type) || call) {
					need = true
				}
			}
		case *ast.SliceExpr:
			// bounds checked where a recover may see their panic
			// (recoveringFuncs; a recover in the cell needs the model)
			if p.opts.Context != nil && p.opts.Context().recovering() {
				need = true
			}
		case *ast.IndexExpr, *ast.CompositeLit:
			// a map keyed by an interface: its keys are compared, with
			// the types of a later cell too (checkKeyShape)
			need = true
		case *ast.DeclStmt:
			// a type declared inside a func (loose.go)
			if gd, ok := n.Decl.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
				need = true
			}
		case *ast.TypeAssertExpr:
			// (v, ok := x.(error) of a nil x: checkIfaceAssert)
			if declared || n.Type != nil {
				need = true
			}
		}
		return true
	})
	return need
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
