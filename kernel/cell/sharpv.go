package cell

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"log"
	"strconv"
	"strings"
)

// HelperSharpV is func(desc string, resolvers ...any) func(any) string:
// the text Go's %#v prints for a value whose static type desc describes
// (a JSON SharpType). resolvers are the interpreted funcs its "iface"
// nodes name: func(T) any, giving HelperSharpDyn of the value behind an
// interface T (nil for nil). yaegi v0.16.1 gives the types declared in cells anonymous
// runtime types, so compiled fmt would print struct { X int }{X:1} where
// Go prints main.P{X:1}; the helper walks the value with the names the
// type model knows and leaves the compiled values inside to fmt.
const HelperSharpV = "__gocurve_sharpv"

// HelperSharpDyn is func(node int, v any) any: the dynamic value v of an
// interface for HelperSharpV, with the node of its type (-1 for a
// compiled type).
const HelperSharpDyn = "__gocurve_sharpdyn"

// SharpType describes a static type for HelperSharpV: its nodes, the
// first being the type itself. A node refers to others by index, so a
// recursive type (through a pointer) is finite.
type SharpType []SharpNode

// SharpNode is one type of a SharpType.
type SharpNode struct {
	// Kind is one of:
	//   - "leaf": a basic or compiled type, printed by fmt (a type
	//     declared in a cell with a basic underlying type prints its
	//     bare value in Go too);
	//   - "struct", "array", "slice", "map", "ptr": walked;
	//   - "addr": a func or chan, printed as (T)(0x...);
	//   - "iface": an interface with methods; Resolver tells the cell
	//     types behind it (one it does not name is compiled).
	Kind string `json:"k"`
	// Name is the type as Go's reflect writes it (main.P, []main.P).
	Name string `json:"n,omitempty"`
	// Fields are a struct's fields, in order.
	Fields []SharpField `json:"f,omitempty"`
	// Key and Elem index a map's key and a map's, slice's, array's or
	// pointer's element.
	Key  int `json:"key,omitempty"`
	Elem int `json:"e,omitempty"`
	// Resolver is 1 + the index of an "iface" node's resolver, or 0
	// when no cell type implements it.
	Resolver int `json:"r,omitempty"`
}

// SharpField is a struct field of a SharpNode: its name as %#v prints it
// (an embedded field's is its type's name) and its type's node.
type SharpField struct {
	Name string `json:"n"`
	Type int    `json:"t"`
}

// sharpCall returns the source of the func that gives the text %#v
// prints for an operand of type t (HelperSharpV(desc, resolvers...), or
// a func literal resolving an interface operand first), or an error
// saying why %#v of a t cannot be printed as Go prints it.
func sharpCall(m *model, t types.Type) (string, error) {
	b := &sharpBuilder{m: m, index: map[*types.Named]int{}, open: map[*types.Named]int{}, resolverOf: map[string]int{}}
	if _, err := b.node(t); err != nil {
		return "", err
	}
	desc, err := json.Marshal(b.nodes)
	if err != nil {
		return "", fmt.Errorf("describing %s: %w", t, err)
	}
	call := HelperSharpV + "(" + strconv.Quote(string(desc))
	for _, r := range b.resolvers {
		call += ", " + r
	}
	call += ")"
	if r := b.nodes[0].Resolver; r > 0 {
		ts, _ := m.typeString(t) // a resolver was written with it
		return fmt.Sprintf("func(__gocurve_x %s) string { return %s(%s(__gocurve_x)) }", ts, call, b.resolvers[r-1]), nil
	}
	return call, nil
}

// sharpBuilder builds a SharpType.
type sharpBuilder struct {
	m     *model
	nodes SharpType
	index map[*types.Named]int // the nodes of named types
	open  map[*types.Named]int // named types being built, with b.ptrs then
	ptrs  int                  // pointers and interfaces on the path from the root
	// resolvers are the sources of the "iface" nodes' resolvers, by
	// the interface's type in resolverOf
	resolvers  []string
	resolverOf map[string]int
}

// errSharpIface is the reason an interface inside a value is refused.
var errSharpIface = errors.New("it is or holds an interface without methods, which may hold a value of a type declared in a cell (or a slice of them) whose type the interpreter does not show to fmt")

// node adds the node of t and returns its index.
func (b *sharpBuilder) node(t types.Type) (int, error) {
	t = types.Unalias(t)
	if n, ok := t.(*types.Named); ok {
		if i, seen := b.index[n]; seen {
			if at, building := b.open[n]; building && at == b.ptrs {
				return 0, fmt.Errorf("%s holds itself through a slice, map or array, which the interpreter represents with a placeholder type", b.text(n))
			}
			return i, nil
		}
		local := n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main"
		if n.TypeArgs().Len() > 0 && (local || mentionsCellType(n, map[types.Type]bool{})) {
			return 0, fmt.Errorf("%s is generic", b.text(n))
		}
		if local && (hasMethod(n, "GoString") || hasMethod(n, "Format")) {
			return 0, fmt.Errorf("%s has a GoString or Format method, which compiled fmt cannot call", b.text(n))
		}
		if types.IsInterface(n) {
			return b.iface(n)
		}
		if _, basic := n.Underlying().(*types.Basic); basic || !local {
			return b.add(SharpNode{Kind: "leaf"}), nil
		}
		i := b.add(SharpNode{})
		b.index[n] = i
		b.open[n] = b.ptrs
		defer delete(b.open, n)
		nd, err := b.composite(n.Underlying(), b.name(n))
		if err != nil {
			return 0, err
		}
		b.nodes[i] = nd
		return i, nil
	}
	if _, basic := t.(*types.Basic); basic {
		return b.add(SharpNode{Kind: "leaf"}), nil
	}
	if _, isParam := t.(*types.TypeParam); isParam {
		return 0, fmt.Errorf("%s is a type parameter, which may stand for a type declared in a cell", b.text(t))
	}
	if _, isIface := t.(*types.Interface); isIface {
		return b.iface(t)
	}
	i := b.add(SharpNode{})
	nd, err := b.composite(t, b.name(t))
	if err != nil {
		return 0, err
	}
	b.nodes[i] = nd
	return i, nil
}

// iface adds the node of the interface type t: its dynamic value is
// told by a resolver, an interpreted func asserting it to each cell type
// t may hold (yaegi hands compiled code its own wrapper of such values),
// where their shapes tell them apart.
func (b *sharpBuilder) iface(t types.Type) (int, error) {
	it := t.Underlying().(*types.Interface)
	if it.Empty() {
		return 0, errSharpIface // a []T of a cell type T would print as the interpreter's
	}
	nd := SharpNode{Kind: "iface", Name: b.name(t)}
	if strings.Contains(nd.Name, "\x00") {
		return 0, fmt.Errorf("%s cannot be named as Go's reflect names it", b.text(t))
	}
	cands := holdable(cellTypes(b.m), t)
	if len(cands) == 0 && !declaredInCell(t) {
		return b.add(nd), nil
	}
	if !assertable(t, cands) {
		return 0, fmt.Errorf("%s may hold types declared in cells that the interpreter cannot tell apart (two of one shape, or one shaped as a compiled value: type Celsius float64 behind an any)", b.text(t))
	}
	ts, ok := b.m.typeString(t)
	if !ok || mentionsTypeParam(t) {
		return 0, fmt.Errorf("%s cannot be written in the cell", b.text(t))
	}
	if r, seen := b.resolverOf[ts]; seen {
		nd.Resolver = r
		return b.add(nd), nil
	}
	i := b.add(nd)
	b.resolvers = append(b.resolvers, "")
	r := len(b.resolvers)
	b.resolverOf[ts] = r
	b.nodes[i].Resolver = r
	var src strings.Builder
	fmt.Fprintf(&src, "func(__gocurve_v %s) any { if __gocurve_v == nil { return nil }; ", ts)
	b.ptrs++ // the interpreter holds a value behind an interface as it is
	defer func() { b.ptrs-- }()
	for _, c := range cands {
		cs, ok := b.m.typeString(c)
		if !ok {
			return 0, fmt.Errorf("%s cannot be written in the cell", b.text(c))
		}
		k, err := b.node(c)
		if err != nil {
			return 0, err
		}
		fmt.Fprintf(&src, "if __gocurve_c, ok := __gocurve_v.(%s); ok { return %s(%d, __gocurve_c) }; ", cs, HelperSharpDyn, k)
	}
	fmt.Fprintf(&src, "return %s(-1, __gocurve_v) }", HelperSharpDyn)
	b.resolvers[r-1] = src.String()
	return i, nil
}

// holdsCellIface reports whether a value of type t holds, through
// unnamed slices, arrays, maps, pointers and structs, an interface that
// may hold a type declared in a cell ([]any, map[string]error): %#v of it
// names that type in Go.
func holdsCellIface(m *model, t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	if types.IsInterface(t) {
		return holdsCellType(m, t)
	}
	if _, named := types.Unalias(t).(*types.Named); named {
		return false // a cell type is handled as one; a compiled one is fmt's
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return holdsCellIface(m, u.Elem(), seen)
	case *types.Slice:
		return holdsCellIface(m, u.Elem(), seen)
	case *types.Array:
		return holdsCellIface(m, u.Elem(), seen)
	case *types.Map:
		return holdsCellIface(m, u.Key(), seen) || holdsCellIface(m, u.Elem(), seen)
	case *types.Struct:
		for i := range u.NumFields() {
			if holdsCellIface(m, u.Field(i).Type(), seen) {
				return true
			}
		}
	}
	return false
}

// holdsIface reports whether a value of type t holds an interface value:
// t is one, or a struct or array of them (compiled named types aside).
func holdsIface(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] || types.IsInterface(t) {
		return !seen[t]
	}
	seen[t] = true
	if n, ok := types.Unalias(t).(*types.Named); ok && (n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main") {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Array:
		return holdsIface(u.Elem(), seen)
	case *types.Struct:
		for i := range u.NumFields() {
			if holdsIface(u.Field(i).Type(), seen) {
				return true
			}
		}
	}
	return false
}

// composite is the node of an unnamed composite type u named name.
func (b *sharpBuilder) composite(u types.Type, name string) (SharpNode, error) {
	nd := SharpNode{Name: name}
	var err error
	switch u := u.(type) {
	case *types.Struct:
		nd.Kind = "struct"
		for i := range u.NumFields() {
			f := u.Field(i)
			ti, err := b.node(f.Type())
			if err != nil {
				return nd, err
			}
			nd.Fields = append(nd.Fields, SharpField{f.Name(), ti})
		}
	case *types.Array:
		nd.Kind = "array"
		nd.Elem, err = b.node(u.Elem())
	case *types.Slice:
		nd.Kind = "slice"
		nd.Elem, err = b.node(u.Elem())
	case *types.Map:
		nd.Kind = "map"
		if holdsIface(u.Key(), map[types.Type]bool{}) {
			// fmt would order the interpreter's wrappers, not the values
			return nd, fmt.Errorf("%s is keyed by an interface", b.text(u))
		}
		if nd.Key, err = b.node(u.Key()); err == nil {
			nd.Elem, err = b.node(u.Elem())
		}
	case *types.Pointer:
		nd.Kind = "ptr"
		b.ptrs++
		nd.Elem, err = b.node(u.Elem())
		b.ptrs--
	case *types.Signature, *types.Chan:
		nd.Kind = "addr"
	default:
		return nd, fmt.Errorf("%s is not a type %%#v can print here", b.text(u))
	}
	if err == nil && strings.Contains(name, "\x00") {
		err = fmt.Errorf("%s cannot be named as Go's reflect names it", b.text(u))
	}
	return nd, err
}

// text is t as messages write it.
func (b *sharpBuilder) text(t types.Type) string {
	return types.TypeString(t, types.RelativeTo(b.m.pkg))
}

func (b *sharpBuilder) add(n SharpNode) int {
	b.nodes = append(b.nodes, n)
	return len(b.nodes) - 1
}

// name writes t as Go's reflect.Type.String does (main.P, []main.P,
// struct { X int }, func(int) string); a part it cannot write is "\x00".
func (b *sharpBuilder) name(t types.Type) string {
	var s strings.Builder
	reflectName(&s, t)
	return s.String()
}

func reflectName(s *strings.Builder, t types.Type) { reflectNameIn(s, t, false) }

// reflectNameIn is reflectName; inArgs is set in the type arguments of an
// instance of a generic type, where reflect qualifies a named type with
// its package's path (main.Box[*math/big.Int]) and lists the arguments
// without spaces (main.Pair[int,string]).
func reflectNameIn(s *strings.Builder, t types.Type, inArgs bool) {
	switch t := types.Unalias(t).(type) {
	case *types.Basic:
		if t.Kind() == types.UnsafePointer {
			s.WriteString("unsafe.Pointer")
			return
		}
		s.WriteString(types.Typ[t.Kind()].Name()) // byte is uint8, rune int32
	case *types.Named:
		if pkg := t.Obj().Pkg(); pkg != nil && inArgs {
			s.WriteString(pkg.Path() + ".")
		} else if pkg != nil {
			s.WriteString(pkg.Name() + ".")
		}
		s.WriteString(t.Obj().Name())
		if args := t.TypeArgs(); args.Len() > 0 {
			if o := t.Obj(); o.Pkg() == nil || o.Parent() != o.Pkg().Scope() {
				s.WriteByte(0) // a type declared in a func: reflect adds its index
			}
			s.WriteByte('[')
			for i := range args.Len() {
				if i > 0 {
					s.WriteByte(',')
				}
				reflectNameIn(s, args.At(i), true)
			}
			s.WriteByte(']')
		}
	case *types.Pointer:
		s.WriteByte('*')
		reflectNameIn(s, t.Elem(), inArgs)
	case *types.Slice:
		s.WriteString("[]")
		reflectNameIn(s, t.Elem(), inArgs)
	case *types.Array:
		s.WriteString("[" + strconv.FormatInt(t.Len(), 10) + "]")
		reflectNameIn(s, t.Elem(), inArgs)
	case *types.Map:
		s.WriteString("map[")
		reflectNameIn(s, t.Key(), inArgs)
		s.WriteByte(']')
		reflectNameIn(s, t.Elem(), inArgs)
	case *types.Chan:
		switch t.Dir() {
		case types.SendRecv:
			s.WriteString("chan ")
			if c, ok := types.Unalias(t.Elem()).(*types.Chan); ok && c.Dir() == types.RecvOnly {
				s.WriteByte(0)
			}
		case types.SendOnly:
			s.WriteString("chan<- ")
		case types.RecvOnly:
			s.WriteString("<-chan ")
		}
		reflectNameIn(s, t.Elem(), inArgs)
	case *types.Signature:
		s.WriteString("func(")
		for i := range t.Params().Len() {
			if i > 0 {
				s.WriteString(", ")
			}
			pt := t.Params().At(i).Type()
			if t.Variadic() && i == t.Params().Len()-1 {
				s.WriteString("...")
				pt = pt.(*types.Slice).Elem()
			}
			reflectNameIn(s, pt, inArgs)
		}
		s.WriteByte(')')
		switch r := t.Results(); r.Len() {
		case 0:
		case 1:
			s.WriteByte(' ')
			reflectNameIn(s, r.At(0).Type(), inArgs)
		default:
			s.WriteString(" (")
			for i := range r.Len() {
				if i > 0 {
					s.WriteString(", ")
				}
				reflectNameIn(s, r.At(i).Type(), inArgs)
			}
			s.WriteByte(')')
		}
	case *types.Struct:
		if t.NumFields() == 0 {
			s.WriteString("struct {}")
			return
		}
		s.WriteString("struct {")
		for i := range t.NumFields() {
			if i > 0 {
				s.WriteByte(';')
			}
			f := t.Field(i)
			if f.Embedded() {
				s.WriteByte(0)
			}
			s.WriteString(" " + f.Name() + " ")
			reflectNameIn(s, f.Type(), inArgs)
			if tag := WrittenTag(t.Tag(i)); tag != "" {
				s.WriteString(" " + strconv.Quote(tag))
			}
		}
		s.WriteString(" }")
	case *types.Interface:
		if t.Empty() {
			s.WriteString("interface {}")
			return
		}
		s.WriteByte(0)
	default:
		s.WriteByte(0)
	}
}

// sharpV records the %#v operand arg of type t, to be printed through
// HelperSharpV (the caller makes the verb %s), and reports whether it
// could; otherwise it records a refusal saying why.
func (p *parse) sharpV(m *model, arg ast.Expr, t types.Type) bool {
	call, err := sharpCall(m, t)
	if err != nil {
		p.refusals = append(p.refusals, refusal{arg.Pos(), fmt.Sprintf("%%#v of a %s cannot print what Go prints (main.T{...}) in the interpreter: %v; use %%+v, or print the type's name with %%T beside it",
			types.TypeString(t, types.RelativeTo(m.pkg)), err)})
		return false
	}
	if p.wraps == nil {
		p.wraps = map[ast.Expr]string{}
	}
	p.wraps[arg] = call
	return true
}

// checkIndexedFormat refuses the operands args of a cell type (or of an
// interface that may hold one) given to format, a constant whose
// directives formatVerbs does not follow to the end (an explicit argument
// index, %[1]#v, or a * width): their verbs are unknown here, and %#v,
// %+v or %T of them would print the interpreter's structure.
func (p *parse) checkIndexedFormat(m *model, format string, args []ast.Expr) {
	if !indexedFormat(format) {
		return
	}
	for _, arg := range args {
		t := m.info.Types[arg].Type
		if t == nil || !mentionsCellType(t, map[types.Type]bool{}) && !holdsCellType(m, t) {
			continue
		}
		p.refusals = append(p.refusals, refusal{arg.Pos(), fmt.Sprintf("a %s printed through a format with an argument index: if its verb is %%#v, %%+v or %%T, the interpreter prints its own structure, not Go's; write the verbs in the operands' order without [n]",
			types.TypeString(t, types.RelativeTo(m.pkg)))})
		return
	}
}

// indexedFormat reports whether a directive of format has an explicit
// argument index.
func indexedFormat(format string) bool {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("-+# 0123456789.", format[j]) >= 0 {
			j++
		}
		for j < len(format) && (format[j] == '*' || format[j] == '.' || format[j] >= '0' && format[j] <= '9') {
			j++ // a * width or precision: formatVerbs follows it
		}
		if j < len(format) && format[j] == '[' {
			return true
		}
		i = j // past the verb (or a %%)
	}
	return false
}

// checkLogFormat refuses a call of log.Printf, log.Fatalf or log.Panicf
// with a constant format whose %#v, %+v or %T operand names a type
// declared in a cell: log formats with compiled fmt, which prints the
// interpreter's structure and renamed fields, and the rewrites of fmt's
// calls do not reach it. (A *log.Logger's methods are not seen: the
// model does not have the types of the interpreter's log package.)
func (p *parse) checkLogFormat(m *model, c *ast.CallExpr) {
	p.checkLogFlags(m, c)
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok || len(c.Args) < 2 || c.Ellipsis.IsValid() {
		return
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return
	}
	pn, ok := m.info.Uses[id].(*types.PkgName)
	name := sel.Sel.Name
	if !ok || pn.Imported().Path() != "log" || name != "Printf" && name != "Fatalf" && name != "Panicf" {
		return
	}
	tv := m.info.Types[c.Args[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return
	}
	for _, v := range formatVerbs(constant.StringVal(tv.Value)) {
		if v.arg+1 >= len(c.Args) {
			break
		}
		arg := c.Args[v.arg+1]
		t := m.info.Types[arg].Type
		if t == nil || !(v.verb == 'T' || v.verb == 'v' && (v.plus || v.sharp)) {
			continue
		}
		if mentionsCellType(t, map[types.Type]bool{}) || holdsCellType(m, t) || holdsCellIface(m, t, map[types.Type]bool{}) {
			p.refusals = append(p.refusals, refusal{arg.Pos(), fmt.Sprintf("log.%s with %%%s of a %s: log formats with compiled fmt, which prints the interpreter's structure of a type declared in a cell; format the text with fmt first: log.%s(fmt.Sprintf(...))",
				name, v.text, types.TypeString(t, types.RelativeTo(m.pkg)), strings.TrimSuffix(name, "f"))})
			return
		}
	}
}

// checkLogFlags refuses log.SetFlags and log.New with log.Lshortfile or
// log.Llongfile: log names the file and line of its caller's caller,
// which in a cell is the interpreter's (it printed "value.go:586").
func (p *parse) checkLogFlags(m *model, c *ast.CallExpr) {
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return
	}
	pn, ok := m.info.Uses[id].(*types.PkgName)
	if !ok || pn.Imported().Path() != "log" {
		return
	}
	var flags ast.Expr
	switch {
	case sel.Sel.Name == "SetFlags" && len(c.Args) == 1:
		flags = c.Args[0]
	case sel.Sel.Name == "New" && len(c.Args) == 3:
		flags = c.Args[2]
	default:
		return
	}
	tv := m.info.Types[flags]
	if tv.Value == nil {
		return
	}
	if v, exact := constant.Int64Val(constant.ToInt(tv.Value)); exact && v&(log.Lshortfile|log.Llongfile) != 0 {
		p.refusals = append(p.refusals, refusal{flags.Pos(), fmt.Sprintf("log.%s with log.Lshortfile or log.Llongfile: log names the file and line of the code that called it, and in a cell that code is the interpreter's (it printed value.go:586); drop the flag, and put the place in the message if you need it", sel.Sel.Name)})
	}
}
