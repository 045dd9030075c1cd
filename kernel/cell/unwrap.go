package cell

import (
	"fmt"
	"go/ast"
	"go/types"
	"strconv"
	"strings"
)

// checkErrorsIs records a call errors.Is(err, target) whose target may
// hold a type declared in a cell with methods: the compiled errors.Is
// finds yaegi's wrapper of such a value incomparable and reports false.
func (p *parse) checkErrorsIs(m *model, c *ast.CallExpr) {
	if !isPkgFunc(m, c.Fun, "errors", "Is") || len(c.Args) != 2 {
		return
	}
	cmp, ok := compareOf(m, operandOf(m, c.Args[0]), operandOf(m, c.Args[1]))
	if !ok && p.unwrapFunc(m) == "nil" && len(isers(m)) == 0 {
		return
	}
	if !ok {
		// a compiled target, in a chain that may pass through the
		// Unwrap or Is method of a cell type, which compiled errors.Is
		// cannot call
		cmp = ifaceCmp{unique: true}
	}
	if p.errIs == nil {
		p.errIs = map[*ast.CallExpr]ifaceCmp{}
	}
	p.errIs[c] = cmp
}

// isers returns the error types declared in the cells, and pointers to
// them, whose method set has Is(error) bool, which errors.Is calls.
func isers(m *model) []types.Type {
	if m.pkg == nil {
		return nil
	}
	var out []types.Type
	errT := types.Universe.Lookup("error").Type()
	errIface := errT.Underlying().(*types.Interface)
	for _, t := range cellTypes(m) {
		for _, t := range []types.Type{t, types.NewPointer(t)} {
			sel := types.NewMethodSet(t).Lookup(m.pkg, "Is")
			if sel == nil || !types.Implements(t, errIface) {
				continue
			}
			sig := sel.Type().(*types.Signature)
			if sig.Params().Len() == 1 && sig.Results().Len() == 1 && types.Identical(sig.Params().At(0).Type(), errT) &&
				types.Identical(sig.Results().At(0).Type(), types.Typ[types.Bool]) {
				out = append(out, t)
			}
		}
	}
	return out
}

// checkErrorsIsTarget refuses errors.Is(err, target) in a session whose
// error types have an Is method, where the rewritten call (errorsIsEdits)
// cannot call it: the target is not a name (a call, a literal), which the
// rewrite would write out again and so evaluate twice.
func checkErrorsIsTarget(m *model, c *ast.CallExpr) *refusal {
	if !isPkgFunc(m, c.Fun, "errors", "Is") || len(c.Args) != 2 {
		return nil
	}
	switch {
	case len(isers(m)) == 0:
		return nil
	case !pureName(c.Args[1]):
		return &refusal{c.Args[1].Pos(), "errors.Is with a target that is not a variable, where an error type declared in a cell has an Is method, cannot run right in the interpreter; put the target in a variable first: target := " +
			types.ExprString(c.Args[1]) + ", then errors.Is(err, target)"}
	}
	return nil
}

// pureName reports whether e is a name or a selector of names (x,
// fs.ErrNotExist, cfg.Err): reading it twice gives the same value.
func pureName(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return pureName(e.X)
	}
	return false
}

// isUnwrapFunc is unwrapFunc for a call errors.Is(err, target): it also
// calls the Is method of the cell error types that have one (the
// interpreter shows the walk only their Error method) and, where it says
// true, gives target as the chain's next error, which the walk then finds
// equal to target.
func (p *parse) isUnwrapFunc(m *model, target ast.Expr) string {
	base := p.unwrapFunc(m)
	is := isers(m)
	if len(is) == 0 || !pureName(target) {
		return base
	}
	ts, te := p.span(target)
	t := p.src[ts:te]
	var b strings.Builder
	b.WriteString("func(__gocurve_x error) ([]error, bool) { ")
	for _, it := range is {
		typ := types.TypeString(it, types.RelativeTo(m.pkg))
		x := "__gocurve_x"
		if structValue(it) {
			x = recalledCall(x, typ)
		}
		fmt.Fprintf(&b, "if __gocurve_u, ok := %s.(%s); ok && __gocurve_u.Is(%s) { return []error{%s}, true }; ", x, typ, t, t)
	}
	if base == "nil" {
		b.WriteString("return nil, false }")
	} else {
		fmt.Fprintf(&b, "return (%s)(__gocurve_x) }", base)
	}
	return b.String()
}

// unwrapFunc is the source of a func(error) ([]error, bool) that calls
// the Unwrap method of whichever error type declared in the cells err
// holds, for the walks of errors.Is, As and AsType (the interpreter shows
// compiled code, and assertions to an interface, only a cell type's Error
// method); "nil" when no such type has one. Made once per cell.
func (p *parse) unwrapFunc(m *model) string {
	if p.unwrapSrc != "" {
		return p.unwrapSrc
	}
	var b strings.Builder
	for _, u := range unwrappers(m) {
		x := "__gocurve_x"
		if u.kept {
			x = recalledCall(x, u.typ)
		}
		if u.multi {
			fmt.Fprintf(&b, "if __gocurve_u, ok := %s.(%s); ok { return __gocurve_u.Unwrap(), true }; ", x, u.typ)
		} else {
			fmt.Fprintf(&b, "if __gocurve_u, ok := %s.(%s); ok { return []error{__gocurve_u.Unwrap()}, true }; ", x, u.typ)
		}
	}
	p.unwrapSrc = "nil"
	if b.Len() > 0 {
		p.unwrapSrc = "func(__gocurve_x error) ([]error, bool) { " + b.String() + "return nil, false }"
	}
	return p.unwrapSrc
}

// recalledCall is the call of HelperRecalled that gives the value in x
// for an assertion to typ, a struct type of the cells: a struct behind the
// interpreter's wrapper, where HelperRemember kept it.
func recalledCall(x, typ string) string {
	return HelperRecalled + "(" + x + ", " + typ + "{})"
}

// unwrapper is an error type declared in the cells with an Unwrap method:
// the type as source, whether Unwrap returns []error, and whether a value
// of it is found behind the interpreter's wrapper where HelperRemember
// kept it (a struct with fields), not by an assertion.
type unwrapper struct {
	typ   string
	multi bool
	kept  bool
}

// unwrappers returns the error types declared in the cells that have an
// Unwrap method, Unwrap() error or Unwrap() []error.
func unwrappers(m *model) []unwrapper {
	if m.pkg == nil {
		return nil
	}
	var out []unwrapper
	errT := types.Universe.Lookup("error").Type()
	errIface := errT.Underlying().(*types.Interface)
	for _, t := range cellTypes(m) {
		if !types.Implements(t, errIface) {
			continue
		}
		obj, _, _ := types.LookupFieldOrMethod(t, false, m.pkg, "Unwrap")
		fn, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		sig := fn.Type().(*types.Signature)
		if sig.Params().Len() != 0 || sig.Results().Len() != 1 {
			continue
		}
		ts := types.TypeString(t, types.RelativeTo(m.pkg))
		switch r := sig.Results().At(0).Type(); {
		case types.Identical(r, errT):
			out = append(out, unwrapper{ts, false, structValue(t)})
		case types.Identical(r, types.NewSlice(errT)):
			out = append(out, unwrapper{ts, true, structValue(t)})
		}
	}
	return out
}

// checkErrorsUnwrap records a call errors.Unwrap(err) in a session whose
// cell types have Unwrap methods: the compiled errors.Unwrap cannot call
// them and returned nil.
func (p *parse) checkErrorsUnwrap(m *model, c *ast.CallExpr) {
	if !isPkgFunc(m, c.Fun, "errors", "Unwrap") || len(c.Args) != 1 || p.unwrapFunc(m) == "nil" {
		return
	}
	if p.errUnwrap == nil {
		p.errUnwrap = map[*ast.CallExpr]bool{}
	}
	p.errUnwrap[c] = true
}

// unwrapLit is the func literal written for errors.Unwrap: the Unwrap
// method of the cell type err holds (nil for one that returns []error,
// as errors.Unwrap gives), else the compiled errors.Unwrap.
func (p *parse) unwrapLit() string {
	var b strings.Builder
	b.WriteString("func(__gocurve_x error) error { ")
	for _, u := range unwrappers(p.typeModel()) {
		if u.multi {
			fmt.Fprintf(&b, "if _, ok := __gocurve_x.(%s); ok { return nil }; ", u.typ)
		} else {
			fmt.Fprintf(&b, "if __gocurve_u, ok := __gocurve_x.(%s); ok { return __gocurve_u.Unwrap() }; ", u.typ)
		}
	}
	b.WriteString("return errors.Unwrap(__gocurve_x) }")
	return b.String()
}

// errorsIsEdits calls HelperErrorsIs for a call recorded by checkErrorsIs.
func (p *parse) errorsIsEdits(c *ast.CallExpr, cmp ifaceCmp) []edit {
	fs, fe := p.span(c.Fun)
	s, e := p.span(c)
	rp := p.cellOffset(c.Rparen)
	return []edit{{fs, fe, HelperErrorsIs},
		{rp, rp, fmt.Sprintf(", %s, %t, %d, %s", p.isUnwrapFunc(p.typeModel(), c.Args[1]), cmp.unique, p.typeGen(), strconv.Quote(p.src[s:e]))}}
}

// checkAsType records a call errors.AsType[E](err) with whether E is the
// only error type of its representation among the cells' types (yaegi's
// assertion err.(E) also matches another cell type of E's shape).
func (p *parse) checkAsType(m *model, c *ast.CallExpr) {
	ix, ok := ast.Unparen(c.Fun).(*ast.IndexExpr)
	if !ok || !isPkgFunc(m, ix.X, "errors", "AsType") || len(c.Args) != 1 || m.pkg == nil {
		return
	}
	e := m.info.Types[ix.Index].Type
	if e == nil {
		return
	}
	unique := true
	if declaredInCell(e) {
		errT := types.Universe.Lookup("error").Type()
		unique = uniqueShapes(errT, holdable(cellTypes(m), errT), []types.Type{e})
	}
	if p.asTypes == nil {
		p.asTypes = map[*ast.CallExpr]bool{}
	}
	p.asTypes[c] = unique
}

// checkErrorsAs records a call errors.As(err, target) whose target
// points to a type declared in a cell: the compiled errors.As cannot see
// such types behind the interpreter's wrappers, so the call is written
// with errors.AsType's walk (errorsAsEdits), which finds a struct behind
// the interpreter's wrapper where it was remembered (HelperRemember). A
// target of such a type that is not an error is refused, as errors.As
// would panic.
func (p *parse) checkErrorsAs(m *model, c *ast.CallExpr) *refusal {
	t := m.info.Types[c.Args[1]].Type
	ptr, ok := t.(*types.Pointer)
	if !ok || types.IsInterface(ptr.Elem()) || m.pkg == nil {
		return nil
	}
	e := ptr.Elem()
	errT := types.Universe.Lookup("error").Type()
	if !declaredInCell(e) {
		// a compiled target (*strconv.NumError): the compiled errors.As
		// cannot call the Unwrap method of a cell type on the chain, and
		// said false; the interpreted walk does
		if !types.Implements(e, errT.Underlying().(*types.Interface)) || mentionsTypeParam(e) || p.unwrapFunc(m) == "nil" {
			return nil
		}
		elem, writable := m.typeString(e)
		if !writable {
			// (a type the cell cannot name: *os.PathError is io/fs's;
			// the compiled errors.As walks the chain as far as it can)
			return nil
		}
		if p.errAs == nil {
			p.errAs = map[*ast.CallExpr]errorsAs{}
		}
		p.errAs[c] = errorsAs{elem: elem, unique: true}
		return nil
	}
	if !types.Implements(e, errT.Underlying().(*types.Interface)) {
		return &refusal{c.Args[1].Pos(), fmt.Sprintf("errors.As: the target's type %s does not implement error", types.TypeString(e, types.RelativeTo(m.pkg)))}
	}
	if p.errAs == nil {
		p.errAs = map[*ast.CallExpr]errorsAs{}
	}
	p.errAs[c] = errorsAs{
		elem:   types.TypeString(e, types.RelativeTo(m.pkg)),
		unique: uniqueShapes(errT, holdable(cellTypes(m), errT), []types.Type{e}),
	}
	return nil
}

// errorsAs is a call of errors.As recorded by checkErrorsAs: the target's
// element type as source, and whether it is the only error type of its
// representation.
type errorsAs struct {
	elem   string
	unique bool
}

// errorsAsEdits writes a call recorded by checkErrorsAs as a call of a
// func literal that takes errors.As's operands in their order and asks
// HelperAsTypeU (yaegi v0.16.1 cannot compile a generic helper taking *E
// that calls another generic one).
func (p *parse) errorsAsEdits(c *ast.CallExpr, a errorsAs) []edit {
	fs, fe := p.span(c.Fun)
	s, e := p.span(c)
	lit := fmt.Sprintf("func(__gocurve_e error, __gocurve_t *%[1]s) bool { __gocurve_v, __gocurve_ok := %[2]s[%[1]s](__gocurve_e, %[6]s, %[3]t, %[4]d, %[5]s); if __gocurve_ok { *__gocurve_t = __gocurve_v }; return __gocurve_ok }",
		a.elem, HelperAsTypeU, a.unique, p.typeGen(), strconv.Quote(p.src[s:e]), p.unwrapFunc(p.typeModel()))
	return []edit{{fs, fe, lit}}
}

// asTypeEdits calls HelperAsTypeU for a call recorded by checkAsType.
func (p *parse) asTypeEdits(c *ast.CallExpr, unique bool) []edit {
	ix := ast.Unparen(c.Fun).(*ast.IndexExpr)
	fs, fe := p.span(ix.X)
	s, e := p.span(c)
	rp := p.cellOffset(c.Rparen)
	return []edit{{fs, fe, HelperAsTypeU},
		{rp, rp, fmt.Sprintf(", %s, %t, %d, %s", p.unwrapFunc(p.typeModel()), unique, p.typeGen(), strconv.Quote(p.src[s:e]))}}
}
