package cell

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"slices"
	"strconv"
	"strings"
)

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
			p.checkStringers(m, arg, 'v')
		}
		return
	}
	if _, ok := printFuncs[sel.Sel.Name]; ok && len(c.Args) > 0 {
		// fmt.Println(xs...): the operands are xs's elements; where the
		// cell types they may hold cannot be told apart here, a []any
		// goes through HelperForward (checkForward), which tells them
		// apart when it runs
		last := c.Args[len(c.Args)-1]
		if st, ok := types.Unalias(m.info.Types[last].Type).(*types.Slice); ok {
			src, r := printableIface(m, st, p.heldTypes(m, last))
			if r == "" || !isEmptyIface(st.Elem()) {
				p.applyPrintable(last, src, r)
			}
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
	p.checkIndexedFormat(m, format, c.Args[min(fi+1+operandsUsed(verbs), len(c.Args)):])
	for _, v := range verbs {
		ai := fi + 1 + v.arg
		if ai >= len(c.Args) {
			break
		}
		arg := c.Args[ai]
		t := m.info.Types[arg].Type
		if t == nil {
			continue
		}
		var loose []types.Type // the loose types an interface operand of %T may hold
		if v.verb == 'T' {
			var r *refusal
			if loose, r = looseTypeName(m, p.loose(m), arg, t); r != nil && (formatLit == nil || looseKinds(loose) == "") {
				p.refusals = append(p.refusals, *r)
				continue
			}
		}
		if v.verb == 'T' && types.IsInterface(t) && !mentionsTypeParam(t) && (formatLit != nil || holdsCellType(m, t)) {
			// An interface: the dynamic type's name, by assertions to the
			// cell types it may hold, where their shapes tell them apart.
			if sw := dynamicTypeName(m, t, loose, types.ExprString(arg)); sw != "" && formatLit != nil {
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
			if holdsCellType(m, t) || len(loose) > 0 {
				p.refusals = append(p.refusals, refusal{arg.Pos(), fmt.Sprintf("%%T of a %s, which may hold a type declared in a cell: the interpreter prints that type's structure, not its name; give the types a Name() string method and print that, or use a type switch",
					types.TypeString(t, types.RelativeTo(m.pkg)))})
			}
			continue // (no cell type it may hold now: fmt's %T)
		}
		if v.verb == 'T' && (mentionsCellType(t, map[types.Type]bool{}) || hasUnexportedFields(t, map[types.Type]bool{}) || holdsAtomicPointer(t) || mentionsIterSeq(t)) {
			// The interpreter prints its own structure for a type declared
			// in a cell, and renames the unexported fields of an unnamed
			// struct type (struct { Xname string }). Where the static type is the dynamic one (not an
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
				name := reflectString(t) // struct { P main.Point }, []uint8
				if name == "" {
					name = types.TypeString(unnamedParams(t), func(pkg *types.Package) string { return pkg.Name() })
				}
				p.typeNames[arg] = name
				continue
			}
			p.refusals = append(p.refusals, refusal{arg.Pos(), fmt.Sprintf("%%T of a %s, a type declared in a cell, prints the interpreter's structure, not its name; write the format as a string literal with the operand's own type, or give the type a Name() string method and print that",
				types.TypeString(t, types.RelativeTo(m.pkg)))})
			continue
		}
		if v.verb == 'w' {
			// error(&MyErr{}): the conversion hides the cell type from
			// the rules below, and yaegi's conversion gives fmt no Error
			// method either (%!w(*struct { Xmsg string }=...))
			if inner := convertedOperand(m, arg); inner != nil {
				arg, t = inner, m.info.Types[inner].Type
			}
		}
		if v.verb == 'w' && declaredInCell(t) && types.Implements(t, types.Universe.Lookup("error").Type().Underlying().(*types.Interface)) {
			// yaegi hands compiled fmt a value of a cell type without its
			// methods; made an error by a copy (checkIfaceConvs), fmt
			// wraps an error whose Error is the cell's, and
			// HelperAsTypeU finds the value behind it
			fs, ok := m.typeString(t)
			if !ok {
				p.refusals = append(p.refusals, refusal{arg.Pos(), fmt.Sprintf("%%w of a %s, whose type cannot be written here: the interpreter would hand fmt the value without its Error method; make it an error first (var err error = v) and wrap err",
					types.TypeString(t, types.RelativeTo(m.pkg)))})
				continue
			}
			if p.ifaceConvs == nil {
				p.ifaceConvs = map[ast.Expr]string{}
			}
			p.ifaceConvs[arg] = copyFunc(m, t, types.Universe.Lookup("error").Type(), fs, "error")
			continue
		}
		if v.verb == 'v' && v.plus && !v.sharp && (hasValueMethod(t, "String") || hasValueMethod(t, "Error")) {
			p.checkStringers(m, arg, 'v') // %+v prints what String or Error returns
			continue
		}
		if v.verb == 'v' && v.plus && !v.sharp && hasUnexportedFields(t, map[types.Type]bool{}) {
			if names, ok := plainFields(t, map[types.Type]bool{}, nil, map[string]bool{}, false); ok && len(names) > 0 {
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
			p.checkStringers(m, arg, v.verb)
			continue
		}
		if !strings.ContainsRune("dboOcUeEfFgGt", v.verb) {
			continue
		}
		named, ok := types.Unalias(t).(*types.Named)
		if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "main" {
			continue
		}
		if !hasMethod(named, "String") && !hasMethod(named, "Error") {
			continue
		}
		// (a verb fmt does not call String for: the value's own
		// representation, where the interpreter handed fmt its wrapper:
		// {1 5463072} for Go's {1})
		var conv string
		switch u := named.Underlying().(type) {
		case *types.Basic:
			conv = u.Name()
		case *types.Struct:
			if ts, ok := m.typeString(u); ok && !strings.Contains(ts, "\n") {
				conv = ts
			}
		}
		if conv == "" {
			continue
		}
		if p.convs == nil {
			p.convs = map[ast.Expr]string{}
		}
		p.convs[arg] = conv
	}
}

// dynamicTypeName is the source of a func(t) string that gives the name
// %T prints for a value of the interface type t: assertions to the cell
// types t may hold (yaegi prints their structure, not their names), where
// their shapes tell them apart, then HelperTypeName, which names a value
// of any other type when it runs: a type a later cell declares, a
// compiled one, or one of the loose types t may hold (an instance of a
// generic type, a type declared in a func), which it panics for. It is ""
// where t cannot be written here or one of the cell types is generic.
func dynamicTypeName(m *model, t types.Type, loose []types.Type, expr string) string {
	cands := holdable(cellTypes(m), t)
	if !assertable(t, cands) {
		cands = nil // told apart when it runs
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
	var names []string
	for _, l := range loose {
		if _, ptr := l.(*types.Pointer); ptr {
			continue // named by its element
		}
		name := types.TypeString(l, types.RelativeTo(m.pkg))
		if n, ok := l.(*types.Named); ok && n.TypeParams().Len() > 0 && n.TypeArgs().Len() == 0 {
			var ps []string
			for tp := range n.TypeParams().TypeParams() {
				ps = append(ps, tp.Obj().Name())
			}
			name = n.Obj().Name() + "[" + strings.Join(ps, ", ") + "]" // not vector[T any]
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	methods := t.Underlying().(*types.Interface).NumMethods() > 0
	fmt.Fprintf(&b, "return %s(&__gocurve_v, %t, %s, %s, %s) }", HelperTypeName, methods, strconv.Quote(looseKinds(loose)), strconv.Quote(strings.Join(names, ", ")), strconv.Quote(expr))
	return b.String()
}

// printIface wraps or refuses the printed operand arg of type t as
// printableIface says, and reports whether it did either.
func (p *parse) printIface(m *model, arg ast.Expr, t types.Type) bool {
	src, r := printableIface(m, t, p.heldTypes(m, arg))
	return p.applyPrintable(arg, src, r)
}

// applyPrintable wraps arg with src or refuses it with r, what
// printableIface gave, and reports whether it did either.
func (p *parse) applyPrintable(arg ast.Expr, src, r string) bool {
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
func printableIface(m *model, t types.Type, cells []types.Type) (src, refusal string) {
	if m.pkg == nil || mentionsTypeParam(t) {
		return "", "" // (what its instances print: printedInstances)
	}
	elem, container := t, ""
	if !types.IsInterface(t) && (hasValueMethod(t, "String") || hasValueMethod(t, "Error")) {
		return "", "" // fmt calls the container's own method
	}
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
	for _, c := range holdable(cells, elem) {
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
	if len(cands) == 0 {
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

// unnamedParams is t with the names of its funcs' parameters and results
// left out, as reflect writes a func type (%T of a func prints
// func(main.Point) float64, where go/types writes func(p main.Point) float64).
func unnamedParams(t types.Type) types.Type {
	switch u := types.Unalias(t).(type) {
	case *types.Signature:
		if u.TypeParams().Len() > 0 || u.Recv() != nil {
			return t
		}
		tuple := func(tu *types.Tuple) *types.Tuple {
			vs := make([]*types.Var, tu.Len())
			for i := range vs {
				v := tu.At(i)
				vs[i] = types.NewParam(v.Pos(), v.Pkg(), "", unnamedParams(v.Type()))
			}
			return types.NewTuple(vs...)
		}
		return types.NewSignatureType(nil, nil, nil, tuple(u.Params()), tuple(u.Results()), u.Variadic())
	case *types.Slice:
		return types.NewSlice(unnamedParams(u.Elem()))
	case *types.Array:
		return types.NewArray(unnamedParams(u.Elem()), u.Len())
	case *types.Pointer:
		return types.NewPointer(unnamedParams(u.Elem()))
	case *types.Map:
		return types.NewMap(unnamedParams(u.Key()), unnamedParams(u.Elem()))
	case *types.Chan:
		return types.NewChan(u.Dir(), unnamedParams(u.Elem()))
	}
	return t
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
func (p *parse) checkStringers(m *model, arg ast.Expr, verb rune) {
	t := m.info.Types[arg].Type
	if tuple, ok := t.(*types.Tuple); ok {
		// f() of several results, printed: each reaches fmt bare. Where
		// one needs the text a single operand gets (a slice of a cell
		// type with String, a struct whose fields have it), the call is
		// passed through a func literal that gives fmt each result so.
		params, results, rets := []string{}, []string{}, []string{}
		wrapped := false
		for i := range tuple.Len() {
			v := tuple.At(i)
			vt := v.Type()
			ts, writable := m.typeString(vt)
			name := fmt.Sprintf("%s_a%d", HelperTemp, i)
			params, results = append(params, name+" "+ts), append(results, "any")
			if !printHelped(m, vt, verb) {
				rets = append(rets, name)
				continue
			}
			w := resultTextHelper(m, vt, verb)
			if w == "" || !writable {
				p.refusals = append(p.refusals, refusal{arg.Pos(), fmt.Sprintf("printing the results of %s: the interpreter hands fmt its %s result without the String or Error methods Go calls on it or in it; assign the results to variables first (a, b := %s) and print those",
					types.ExprString(arg), types.TypeString(v.Type(), types.RelativeTo(m.pkg)), types.ExprString(arg))})
				return
			}
			rets, wrapped = append(rets, w+"("+name+")"), true
		}
		if wrapped {
			if p.wraps == nil {
				p.wraps = map[ast.Expr]string{}
			}
			p.wraps[arg] = "func(" + strings.Join(params, ", ") + ") (" + strings.Join(results, ", ") + ") { return " + strings.Join(rets, ", ") + " }"
		}
		return
	}
	if t == nil || m.pkg == nil {
		return
	}
	if mentionsTypeParam(t) {
		// what prints depends on the type arguments: their
		// instantiations are checked (printedInstances)
		if verb != 'T' && verb != 'p' {
			p.notePrintedParams(arg, t)
		}
		if isTypeParam(t) {
			return
		}
	}
	if p.checkAtomicPrint(arg, t, verb) || p.printIface(m, arg, t) {
		return
	}
	if types.IsInterface(t) {
		if c := printedMethod(t, p.heldTypes(m, arg)); c != nil {
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
	if ptrStringer(t) {
		// a nil pointer reached fmt as a bare nil, printed <nil>, where
		// Go calls the method on it (a tree's String of its nil leaves),
		// and one returned by a func without the method: fmt is given
		// the method's text (as it prints it for these verbs), or
		// <nil> where the method panics on a nil receiver, as fmt does
		if ts, ok := m.typeString(t); ok {
			if p.wraps == nil {
				p.wraps = map[ast.Expr]string{}
			}
			p.wraps[arg] = "func(__gocurve_c " + ts + ") any { return " + HelperText +
				"(func() (__gocurve_s string) { if __gocurve_c == nil { defer func() { if recover() != nil { __gocurve_s = \"<nil>\" } }() }; return __gocurve_c.String() }()) }"
			return
		}
	}
	if method := nilableStringer(t); method != "" {
		// a nil slice or map reached fmt as a bare nil, printed <nil>,
		// where Go calls the method on it: fmt is given the method's
		// text
		if ts, ok := m.typeString(t); ok {
			if p.wraps == nil {
				p.wraps = map[ast.Expr]string{}
			}
			p.wraps[arg] = "func(__gocurve_c " + ts + ") any { return " + HelperText + "(__gocurve_c." + method + "()) }"
			return
		}
	}
	if resultOrAssert(m, arg) && instanceStringer(t) {
		// the same for an instance of a generic type (fmt.Println(NewBox(1))
		// printed {1}, Go box); a conversion to such an instance is
		// "type not found" in the interpreter, an element of a []any
		// keeps it (where its type arguments can be left to the
		// interpreter, genericElems)
		if p.anyStores == nil {
			p.anyStores = map[ast.Expr]ast.Expr{}
		}
		p.anyStores[arg] = arg
		return
	}
	if resultOrAssert(m, arg) && cellStringer(t) {
		// a call's result or an assertion's value of a cell type with a
		// String method reached fmt without it (fmt.Println(c.ToF())
		// printed 50, Go 50.0F; of mkP(), {1}, Go P<1>); converted to
		// its type, it keeps the method
		if name, ok := m.typeString(t); ok {
			if p.convs == nil {
				p.convs = map[ast.Expr]string{}
			}
			p.convs[arg] = "(" + name + ")"
			return
		}
	}
	if helper := stringsHelper(t); helper != "" {
		if p.wraps == nil {
			p.wraps = map[ast.Expr]string{}
		}
		p.wraps[arg] = helper
		return
	}
	if src := structTextHelper(m, t, verb); src != "" {
		if p.wraps == nil {
			p.wraps = map[ast.Expr]string{}
		}
		p.wraps[arg] = src
		return
	}
	if src := sliceTextHelper(m, t, verb); src != "" {
		if p.wraps == nil {
			p.wraps = map[ast.Expr]string{}
		}
		p.wraps[arg] = src
		return
	}
	if src := keyMapHelper(m, t, verb); src != "" {
		if p.wraps == nil {
			p.wraps = map[ast.Expr]string{}
		}
		p.wraps[arg] = src
		return
	}
	if inner := innerStringer(t, 0, map[types.Type]bool{}); inner != nil {
		p.refusals = append(p.refusals, refusal{arg.Pos(), fmt.Sprintf("printing a %s calls the String or Error method of its %s elements in Go, not in the interpreter; print them one by one (a loop, or strings.Join of their String())",
			types.TypeString(t, types.RelativeTo(m.pkg)), types.TypeString(inner, types.RelativeTo(m.pkg)))})
	}
}

// keyMapHelper returns the func that gives fmt, for %v, the text Go
// prints for a map of type t whose keys are of a cell type with a String
// method and an ordered representation, and whose values fmt prints
// right by themselves (map[Op]int): the prelude's __gocurve_keymap,
// given the keys' order; "" for any other.
func keyMapHelper(m *model, t types.Type, verb rune) string {
	mt, ok := t.Underlying().(*types.Map)
	if !ok || verb != 'v' || hasValueMethod(t, "String") || hasValueMethod(t, "Error") || printedBy(mt.Key()) != "String" {
		return ""
	}
	if b, ok := mt.Key().Underlying().(*types.Basic); !ok || b.Info()&types.IsOrdered == 0 {
		return ""
	}
	if printedBy(mt.Elem()) != "" || innerStringer(mt.Elem(), 0, map[types.Type]bool{}) != nil || wrappedIface(m, mt.Elem(), 0, map[types.Type]bool{}) != nil {
		return ""
	}
	ts, ok1 := m.typeString(t)
	ks, ok2 := m.typeString(mt.Key())
	if !ok1 || !ok2 {
		return ""
	}
	return fmt.Sprintf("func(%s_m %s) any { return __gocurve_keymap(%[1]s_m, func(a, b %[3]s) bool { return a < b }) }", HelperTemp, ts, ks)
}

// printHelped reports whether fmt would print a value of t, a result
// among several of a call, other than Go prints it, for want of the help
// checkStringers gives a single operand.
func printHelped(m *model, t types.Type, verb rune) bool {
	return cellStringer(t) || declaredInCell(t) && hasValueMethod(t, "Error") || ptrOnlyMethod(t) || ptrStringer(t) ||
		nilableStringer(t) != "" || instanceStringer(t) || structTextHelper(m, t, verb) != "" ||
		innerStringer(t, 0, map[types.Type]bool{}) != nil || wrappedIface(m, t, 0, map[types.Type]bool{}) != nil
}

// resultTextHelper is the func that gives fmt the text Go prints for a
// value of t, a result among several (printHelped), where checkStringers
// has one that takes the value alone; "" where it has none.
func resultTextHelper(m *model, t types.Type, verb rune) string {
	if helper := stringsHelper(t); helper != "" {
		return helper
	}
	if src := structTextHelper(m, t, verb); src != "" {
		return src
	}
	if src := sliceTextHelper(m, t, verb); src != "" {
		return src
	}
	if declaredInCell(t) && hasValueMethod(t, "Error") {
		return "__gocurve_errtext"
	}
	if ts, ok := m.typeString(t); ok && cellStringer(t) {
		return "func(__gocurve_c " + ts + ") any { return " + HelperText + "(__gocurve_c.String()) }"
	}
	return ""
}

// structTextHelper is the source of a func that gives fmt, for a value
// of t, a struct type declared in a cell, a struct of the same fields in
// which each exported field of a cell type with an Error or String method
// (not a pointer's) holds the method's text: Go's fmt calls those methods
// on the fields, and the interpreter hands compiled fmt the fields
// without them. It is "" where t is not such a struct, or where another
// field would still print differently (a nested value with such a
// method, an embedded field, and, for a verb other than %v, a field of a
// cell type: fmt's message for a bad verb names its type).
func structTextHelper(m *model, t types.Type, verb rune) string {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || !declaredInCell(t) || n.TypeParams().Len() > 0 || hasValueMethod(t, "String") || hasValueMethod(t, "Error") {
		return ""
	}
	st, ok := n.Underlying().(*types.Struct)
	ts, writable := m.typeString(t)
	if !ok || !writable {
		return ""
	}
	const v = "__gocurve_v"
	var fields, vals []string
	replaced := false
	for f := range st.Fields() {
		ft := f.Type()
		if f.Embedded() {
			return ""
		}
		if method := printedBy(ft); f.Exported() && method != "" && !isPointer(ft) && !types.IsInterface(ft) {
			fields = append(fields, f.Name()+" any")
			vals = append(vals, HelperText+"("+v+"."+f.Name()+"."+method+"())")
			replaced = true
			continue
		}
		if f.Exported() && innerStringer(ft, 1, map[types.Type]bool{}) != nil || verb != 'v' && mentionsCellType(ft, map[types.Type]bool{}) {
			return ""
		}
		fs, ok := m.typeString(ft)
		if !ok || strings.Contains(fs, "\n") {
			return ""
		}
		fields = append(fields, f.Name()+" "+fs)
		vals = append(vals, v+"."+f.Name())
	}
	if !replaced {
		return ""
	}
	return "func(" + v + " " + ts + ") any { return struct{ " + strings.Join(fields, "; ") + " }{" + strings.Join(vals, ", ") + "} }"
}

// sliceTextHelper is the source of a func that gives fmt, for a value of
// t, a slice or array of a struct type that structTextHelper rewrites, a
// []any of the rewritten elements: fmt prints both as [e1 e2 ...] (a nil
// slice as []). It is "" for any other t.
func sliceTextHelper(m *model, t types.Type, verb rune) string {
	if _, named := types.Unalias(t).(*types.Named); named {
		return "" // a slice type of its own may have methods fmt calls
	}
	elem := seqElem(t)
	if elem == nil {
		return ""
	}
	conv := structTextHelper(m, elem, verb)
	ts, ok := m.typeString(t)
	if conv == "" || !ok {
		return ""
	}
	const xs, out = "__gocurve_xs", "__gocurve_out"
	return "func(" + xs + " " + ts + ") any { " + out + " := make([]any, len(" + xs + ")); for i := range " + xs + " { " + out + "[i] = (" + conv + ")(" + xs + "[i]) }; return " + out + " }"
}

// printedBy is the method fmt prints a value of t by, where t is a type
// declared in a cell: "Error", "String", or "".
func printedBy(t types.Type) string {
	switch {
	case !declaredInCell(t):
		return ""
	case hasValueMethod(t, "Error"):
		return "Error"
	case hasValueMethod(t, "String"):
		return "String"
	}
	return ""
}

// cellStringer reports whether t is a type declared in a cell, or a
// pointer to one, whose method set has String.
func cellStringer(t types.Type) bool {
	if !declaredInCell(t) || types.IsInterface(t) {
		return false
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.TypeParams().Len() > 0 {
		return false
	}
	return types.NewMethodSet(t).Lookup(nil, "String") != nil
}

// instanceStringer reports whether t is an instance of a generic type
// declared in a cell with a String method.
func instanceStringer(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.TypeArgs().Len() == 0 || !declaredInCell(n) || types.IsInterface(n) {
		return false
	}
	return types.NewMethodSet(n).Lookup(nil, "String") != nil
}

// ptrStringer reports whether t is a pointer to a type declared in a
// cell with a String method on the pointer only, and no Error method.
func ptrStringer(t types.Type) bool {
	ptr, ok := types.Unalias(t).(*types.Pointer)
	if !ok || !declaredInCell(ptr.Elem()) || types.IsInterface(ptr.Elem()) {
		return false
	}
	ms := types.NewMethodSet(t)
	return ms.Lookup(nil, "String") != nil && ms.Lookup(nil, "Error") == nil && !hasValueMethod(ptr.Elem(), "String")
}

// nilableStringer is the method fmt calls to print a value of t, a slice
// or map type declared in a cell with an Error or String method (not a
// pointer receiver's), or "".
func nilableStringer(t types.Type) string {
	if !declaredInCell(t) || isPointer(t) {
		return ""
	}
	switch t.Underlying().(type) {
	case *types.Slice, *types.Map:
	default:
		return ""
	}
	for _, name := range []string{"Error", "String"} {
		if hasValueMethod(t, name) {
			return name
		}
	}
	return ""
}

// resultOrAssert reports whether e is a call that is not a conversion, or
// a type assertion: a value the interpreter hands compiled code without
// its type's methods.
func resultOrAssert(m *model, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return !m.info.Types[e.Fun].IsType()
	case *ast.TypeAssertExpr:
		return true
	}
	return false
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
func printedMethod(t types.Type, cells []types.Type) types.Type {
	if types.Identical(t, types.Universe.Lookup("error").Type()) {
		// an error returned by a func prints by its Error method; one
		// assigned to an error variable does not (docs/known-limits.md)
		return nil
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "fmt" && n.Obj().Name() == "Stringer" {
		return nil
	}
	for _, c := range holdable(cells, t) {
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
		// (an interface with methods a cell declares is a wrapper in the
		// interpreter even when it holds nil, or no type implements it)
		if slices.ContainsFunc(holdable(cellTypes(m), t), hasMethods) || declaredInCell(t) && iface.NumMethods() > 0 {
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
	switch u := t.Underlying().(type) {
	case *types.Slice:
		switch printedBy(u.Elem()) {
		case "Error":
			return "__gocurve_errs"
		case "String":
			return "__gocurve_strs"
		}
	case *types.Map:
		if printedBy(u.Key()) == "" && innerStringer(u.Key(), 1, map[types.Type]bool{}) == nil && printedBy(u.Elem()) == "String" {
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
// maps, with no interface, func or channel, no cell type that fmt would
// print by a method of its own (printsByMethod; hidden: inside an
// unexported field, where fmt calls none), no recursion, and no exported
// field named "X" + an unexported name.
func plainFields(t types.Type, seen map[types.Type]bool, names []string, exported map[string]bool, hidden bool) ([]string, bool) {
	if seen[t] {
		return nil, false
	}
	seen[t] = true
	defer delete(seen, t)
	if n, ok := types.Unalias(t).(*types.Named); ok {
		if n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main" {
			return names, true // compiled types print as Go prints them
		}
		if n.TypeParams().Len() > 0 && (n.TypeArgs().Len() == 0 || mentionsTypeParam(n)) || !hidden && printsByMethod(n) {
			return nil, false
		}
	}
	var ok bool
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return names, true
	case *types.Pointer:
		return plainFields(u.Elem(), seen, names, exported, hidden)
	case *types.Slice:
		return plainFields(u.Elem(), seen, names, exported, hidden)
	case *types.Array:
		return plainFields(u.Elem(), seen, names, exported, hidden)
	case *types.Map:
		if names, ok = plainFields(u.Key(), seen, names, exported, hidden); !ok {
			return nil, false
		}
		return plainFields(u.Elem(), seen, names, exported, hidden)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			if f.Exported() {
				exported[f.Name()] = true
			} else if !slices.Contains(names, f.Name()) {
				names = append(names, f.Name())
			}
			if names, ok = plainFields(f.Type(), seen, names, exported, hidden || !f.Exported()); !ok {
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

// printsByMethod reports whether fmt prints a value of t, or of *t, by a
// method of its own (Format, GoString, Error, String) where it can reach
// the value through an interface (not in an unexported field).
func printsByMethod(t types.Type) bool {
	for _, name := range []string{"Format", "GoString", "Error", "String"} {
		if hasMethod(t, name) {
			return true
		}
	}
	return false
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
	arg         int    // the index of its operand among the operands (after those of * widths)
}

// formatVerbs returns the directives of format that consume an argument,
// in order, with the operands they take (a * width or precision takes
// one before the verb's); it stops (returns what it has) at explicit
// argument indexes, which it does not follow.
func formatVerbs(format string) []verb {
	out, _ := formatDirectives(format)
	return out
}

// OperandVerbs are the verbs format applies to its operands, by operand:
// "d", "+v", "-8.3f", and "*" for a width or precision; ok is false when
// format has explicit argument indexes (%[2]d), which it does not follow.
// The session reads a forwarded format with it (HelperForward).
func OperandVerbs(format string) (verbs []string, ok bool) {
	directives, indexed := formatDirectives(format)
	for _, v := range directives {
		for len(verbs) < v.arg {
			verbs = append(verbs, "*")
		}
		verbs = append(verbs, v.text)
	}
	return verbs, !indexed
}

// formatDirectives is formatVerbs, and whether it stopped at an explicit
// argument index.
func formatDirectives(format string) (out []verb, indexed bool) {
	next := 0 // the next operand
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
			case c == '*':
				next++
			case c == '[':
				return out, true
			default:
				break flags
			}
		}
		if j >= len(format) {
			return out, false
		}
		i = j
		if format[j] == '%' {
			continue
		}
		v.verb = rune(format[j])
		v.text = format[start : j+1]
		v.pos = j
		v.arg = next
		next++
		out = append(out, v)
	}
	return out, false
}

// operandsUsed is the number of operands verbs take.
func operandsUsed(verbs []verb) int {
	if len(verbs) == 0 {
		return 0
	}
	return verbs[len(verbs)-1].arg + 1
}

// convertedOperand returns x of e, a conversion to an interface type
// (error(x), also nested), when x is of a type declared in a cell; nil
// otherwise.
func convertedOperand(m *model, e ast.Expr) ast.Expr {
	var inner ast.Expr
	for {
		c, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || len(c.Args) != 1 || c.Ellipsis.IsValid() {
			break
		}
		if tv := m.info.Types[c.Fun]; !tv.IsType() || !types.IsInterface(tv.Type) {
			break
		}
		e = c.Args[0]
		inner = e
	}
	if inner == nil || !declaredInCell(m.info.Types[inner].Type) {
		return nil
	}
	return inner
}
