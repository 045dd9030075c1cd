package complete

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"
	"unicode/utf8"
)

// Complete returns the candidates for the identifier that ends at cursor,
// counted in Unicode code points, from the cell's type model: after
// "pkg." the package's exported names (as "pkg.Name", replacing the dotted
// name, as IPython does), after "x." the fields and methods of x's type
// (embedded and pointer ones too; for a type parameter its constraint's),
// inside an import string the import paths, where a key goes in a struct
// literal the struct's fields (then the names in scope), elsewhere the
// names in scope at the cursor, innermost first (the cell's locals, the
// session's names, packages, Go's predeclared names) and keywords. Inside
// other strings and comments there are none, and where the cell cannot be
// checked none either. Matches are sorted by name within each group;
// Start and End delimit the text they replace.
func (c *Completer) Complete(code string, cursor int, decls []Decl) (res Completion) {
	// an editor request must never bring the kernel down: a bug here
	// answers "no matches" (FuzzQueries looks for such bugs)
	defer func() {
		if recover() != nil {
			_, cursor = byteOffset(code, cursor)
			res = Completion{Start: cursor, End: cursor}
		}
	}()
	return c.complete(code, cursor, decls)
}

func (c *Completer) complete(code string, cursor int, decls []Decl) Completion {
	off, cursor := byteOffset(code, cursor)
	src := code[:off]
	ct := scanCell(src)
	if ct.inImport {
		prefix := src[ct.strStart:]
		var ms []Match
		for _, p := range c.paths {
			if strings.HasPrefix(p, prefix) {
				ms = append(ms, Match{Text: p, Kind: "package", Signature: "package " + c.names[p]})
			}
		}
		return Completion{Matches: ms, Start: utf8.RuneCountInString(src[:ct.strStart]), End: cursor}
	}
	none := Completion{Start: cursor, End: cursor}
	if ct.inString || ct.inComment {
		return none
	}
	start := identStart(src, off)
	prefix := src[start:]
	if startsWithDigit(prefix) { // a number, not a name
		return none
	}
	s := c.sessionOf(decls)
	line := ""
	lead := "" // after a dotted name the matches carry it, as IPython's do ("fmt.Prin" gives "fmt.Print")
	if start > 0 && src[start-1] == '.' {
		operand := operandBefore(src, start-1)
		if operand == "" {
			return none
		}
		line = operand + "."
		if isDottedName(operand) {
			lead = line
		}
	}
	q, ok := s.checkPrefix(src[:start], cursorName, line)
	if !ok || len(q.path) == 0 {
		return none
	}
	id, _ := q.path[len(q.path)-1].(*ast.Ident)
	if id == nil || id.Name != cursorName {
		return none
	}
	var ms []Match
	if sel, ok := q.parent(1).(*ast.SelectorExpr); ok && sel.Sel == id {
		ms = c.selectorMatches(q, s, sel.X, prefix)
		for i := range ms {
			ms[i].Text = lead + ms[i].Text
		}
		start -= len(lead)
	} else {
		ms = append(q.literalFields(id, prefix), c.scopeMatches(q, s, id, prefix)...)
	}
	return Completion{Matches: ms, Start: utf8.RuneCountInString(src[:start]), End: cursor}
}

// parent is the node i levels above the request's node, nil above the file.
func (q checked) parent(i int) ast.Node {
	if j := len(q.path) - 1 - i; j >= 0 {
		return q.path[j]
	}
	return nil
}

// parentOf is the node above n on the path, nil if none.
func (q checked) parentOf(n ast.Node) ast.Node {
	for i := len(q.path) - 1; i > 0; i-- {
		if q.path[i] == n {
			return q.path[i-1]
		}
	}
	return nil
}

// selectorMatches lists the members of x that start with prefix: a
// package's exported names, or the fields and methods of x's type.
func (c *Completer) selectorMatches(q checked, s *sessionModel, x ast.Expr, prefix string) []Match {
	if id, ok := x.(*ast.Ident); ok {
		if pn, ok := q.m.Info.Uses[id].(*types.PkgName); ok {
			return c.packageMatches(q, pn.Imported(), prefix)
		}
	}
	tv, ok := q.m.Info.Types[x]
	if !ok || tv.Type == nil || tv.Type == types.Typ[types.Invalid] {
		return nil
	}
	var ms []Match
	for _, obj := range members(tv.Type, q.m.Pkg, tv.IsType()) {
		if strings.HasPrefix(obj.Name(), prefix) {
			ms = append(ms, c.match(q, s, obj, tv.Type))
		}
	}
	return ms
}

// members are the fields and methods of a value of type t that code in pkg
// can select, by name: promoted ones through embedded fields, methods of
// *t for an addressable t, the constraint's methods of a type parameter.
// For a type (types true), only its methods, as method expressions.
func members(t types.Type, pkg *types.Package, isType bool) []types.Object {
	names := map[string]bool{}
	for _, mt := range []types.Type{t, types.NewPointer(t)} {
		ms := types.NewMethodSet(mt)
		for i := range ms.Len() {
			names[ms.At(i).Obj().Name()] = true
		}
	}
	if !isType {
		fieldNames(t, names, map[types.Type]bool{})
	}
	var out []types.Object
	for name := range names {
		obj, _, _ := types.LookupFieldOrMethod(t, true, pkg, name)
		if obj == nil {
			continue
		}
		if _, field := obj.(*types.Var); field && isType {
			continue
		}
		out = append(out, obj)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out
}

// fieldNames adds the names of the fields of t's struct, and of the
// structs it embeds, to names.
func fieldNames(t types.Type, names map[string]bool, seen map[types.Type]bool) {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if seen[t] {
		return
	}
	seen[t] = true
	st, ok := t.Underlying().(*types.Struct)
	if tp, isParam := t.(*types.TypeParam); isParam {
		st, ok = coreStruct(tp)
	}
	if !ok {
		return
	}
	for f := range st.Fields() {
		names[f.Name()] = true
		if f.Embedded() {
			fieldNames(f.Type(), names, seen)
		}
	}
}

// coreStruct is the struct type every type of tp's constraint has, if any.
func coreStruct(tp *types.TypeParam) (*types.Struct, bool) {
	iface, ok := tp.Constraint().Underlying().(*types.Interface)
	if !ok || iface.NumEmbeddeds() != 1 {
		return nil, false
	}
	st, ok := iface.EmbeddedType(0).Underlying().(*types.Struct)
	return st, ok
}

// packageMatches lists pkg's exported names that start with prefix: those
// the model has, and the generic funcs and types the symbol tables cannot
// hold (slices.Sort), from the doc table.
func (c *Completer) packageMatches(q checked, pkg *types.Package, prefix string) []Match {
	docs := c.docs()
	seen := map[string]bool{}
	var ms []Match
	for _, name := range pkg.Scope().Names() {
		obj := pkg.Scope().Lookup(name)
		if !obj.Exported() || !strings.HasPrefix(name, prefix) {
			continue
		}
		seen[name] = true
		sig := types.ObjectString(obj, q.qualifier)
		if d, ok := docs[pkg.Path()+"."+name]; ok && d.Sig != "" {
			sig = firstLine(d.Sig)
		}
		ms = append(ms, Match{Text: name, Kind: objKind(obj), Signature: sig})
	}
	for _, name := range c.docNames()[pkg.Path()] {
		if seen[name] || !strings.HasPrefix(name, prefix) {
			continue
		}
		d := docs[pkg.Path()+"."+name]
		if kind, _, _ := strings.Cut(d.Sig, " "); kind == "func" || kind == "type" || kind == "var" || kind == "const" {
			ms = append(ms, Match{Text: name, Kind: kind, Signature: firstLine(d.Sig)})
		}
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Text < ms[j].Text })
	return ms
}

// docNames are the exported package-level names in the doc table, by
// import path, indexed once.
func (c *Completer) docNames() map[string][]string {
	c.docNamesOnce.Do(func() {
		c.docNamesByPath = map[string][]string{}
		for key := range c.docs() {
			slash := strings.LastIndexByte(key, '/') + 1
			dot := strings.IndexByte(key[slash:], '.')
			if dot < 0 {
				continue // a package's own entry
			}
			path, name := key[:slash+dot], key[slash+dot+1:]
			if !strings.Contains(name, ".") && token.IsExported(name) {
				c.docNamesByPath[path] = append(c.docNamesByPath[path], name)
			}
		}
	})
	return c.docNamesByPath
}

// literalFields lists the fields starting with prefix of the struct whose
// composite literal has id where a key goes: "Settings{|" or "Adam{LR: 0.1, |".
func (q checked) literalFields(id *ast.Ident, prefix string) []Match {
	lit, ok := q.parent(1).(*ast.CompositeLit)
	if kv, isKV := q.parent(1).(*ast.KeyValueExpr); isKV && kv.Key == id {
		lit, ok = q.parent(2).(*ast.CompositeLit)
	}
	if !ok {
		return nil
	}
	tv, ok := q.m.Info.Types[lit]
	if !ok || tv.Type == nil {
		return nil
	}
	t := tv.Type
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var ms []Match
	for f := range st.Fields() {
		if strings.HasPrefix(f.Name(), prefix) && (f.Exported() || f.Pkg() == q.m.Pkg) {
			ms = append(ms, Match{Text: f.Name(), Kind: "field", Signature: f.Name() + " " + types.TypeString(f.Type(), q.qualifier)})
		}
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Text < ms[j].Text })
	return ms
}

// scopeMatches lists the names in scope at id that start with prefix,
// innermost first: the cell's, the session's, packages, Go's predeclared
// names, and keywords.
func (c *Completer) scopeMatches(q checked, s *sessionModel, id *ast.Ident, prefix string) []Match {
	seen := map[string]bool{}
	var ms []Match
	add := func(m Match) {
		if !seen[m.Text] && strings.HasPrefix(m.Text, prefix) && !strings.HasPrefix(m.Text, "_") {
			seen[m.Text] = true
			ms = append(ms, m)
		}
	}
	pkgScope := q.m.Pkg.Scope()
	for sc := pkgScope.Innermost(id.Pos()); sc != nil; sc = sc.Parent() {
		if sc == types.Universe {
			break // after the session's names, which the model may have left out
		}
		for _, name := range sc.Names() {
			obj := sc.Lookup(name)
			if sc != pkgScope && obj.Pos() > id.Pos() {
				continue // declared after the cursor
			}
			if _, isPkg := obj.(*types.PkgName); isPkg || sc == pkgScope && !q.m.InCell(obj.Pos()) {
				continue // the session's names and packages come below, all of them
			}
			add(c.match(q, s, obj, nil))
		}
	}
	for name, d := range s.decls {
		switch d.Kind {
		case "method", "import":
		default:
			add(Match{Text: name, Kind: d.Kind, Signature: firstLine(d.Signature)})
		}
	}
	for _, im := range s.imports {
		add(Match{Text: im[0], Kind: "package", Signature: "package " + im[0] + " // import \"" + im[1] + "\""})
	}
	for _, name := range types.Universe.Names() {
		add(c.match(q, s, types.Universe.Lookup(name), nil))
	}
	for t := token.BREAK; t <= token.VAR; t++ {
		if t.IsKeyword() {
			add(Match{Text: t.String(), Kind: "keyword"})
		}
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Text < ms[j].Text })
	return ms
}

// match is the completion candidate for obj, selected from a value of
// type via (nil for a name in scope).
func (c *Completer) match(q checked, s *sessionModel, obj types.Object, via types.Type) Match {
	d := c.describeObject(q, s, obj, via)
	return Match{Text: obj.Name(), Kind: objKind(obj), Signature: firstLine(d.sig)}
}

// objKind is the Match.Kind of obj.
func objKind(obj types.Object) string {
	switch obj := obj.(type) {
	case *types.Var:
		if obj.IsField() {
			return "field"
		}
		return "var"
	case *types.Func:
		if obj.Signature().Recv() != nil {
			return "method"
		}
		return "func"
	case *types.Const, *types.Nil:
		return "const"
	case *types.TypeName:
		return "type"
	case *types.PkgName:
		return "package"
	case *types.Builtin:
		return "builtin"
	}
	return "var"
}
