package session

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/types"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/gocurve/gocurve/kernel/cell"
	"github.com/traefik/yaegi/interp"
)

// rebuild makes a fresh interpreter: imports, the declarations of table
// (with those of cellDecls replacing the ones of the same name), and the
// variables of vars with the values they have in old. Errors in cellDecls
// carry cell positions; the notices name what could not be carried.
//
// With cached set, old may still be running an interrupted cell (yaegi's
// EvalWithContext returns before its goroutine ends): nothing is compiled in
// it, values are read through the pointers and types cached after the last
// successful cell.
func (s *Session) rebuild(old *interp.Interpreter, imports []binding, table []cell.Item, vars []variable, cellDecls []cell.Item, cached *liveCache) (*interp.Interpreter, []string, error) {
	var oldTypes map[string]reflect.Type
	// Closures made by an interrupted interpreter are dead: yaegi's stop
	// bumps its run id and they turn into silent no-ops returning zeros.
	stale := cached != nil
	ptrs := map[string]reflect.Value{} // the old variables' storage
	if cached != nil {
		oldTypes = cached.types
		ptrs = cached.ptrs
	} else if old != nil {
		oldTypes = namedTypes(old, table)
		names := make([]string, len(vars))
		for i, v := range vars {
			names[i] = v.name
		}
		ptrs = storage(old, names)
	}
	var kept []cell.Item
	redefined := map[string]bool{}
	for _, it := range cellDecls {
		if it.Kind == cell.Type {
			redefined[it.Names[0]] = true
		}
	}
	var aliases []cell.Item // of instances of a redefined type: declared after it
	for _, it := range table {
		if tableIndex(cellDecls, it) < 0 && !(it.Synthetic && redefined[it.Recv]) {
			if slices.ContainsFunc(it.Uses, func(u string) bool { return redefined[u] && instAliasOf(it, u) }) {
				aliases = append(aliases, it)
				continue
			}
			kept = append(kept, it)
		}
	}
	if len(aliases) > 0 {
		cellDecls = append(slices.Clip(cellDecls), aliases...)
	}
	byName := map[reflect.Type]string{}
	for name, t := range oldTypes {
		byName[t] = name
	}
	conv := &converter{byName: byName, done: map[ptrKey]reflect.Value{}}
	typesReady := func(in *interp.Interpreter) { conv.newTypes = namedTypes(in, append(kept, cellDecls...)) }
	concrete := func(name string) bool { // a type of the cells that is neither an interface nor a func
		t, ok := oldTypes[name]
		return ok && t.Kind() != reflect.Interface && t.Kind() != reflect.Func
	}
	cs := make([]carried, len(vars))
	for i, v := range vars {
		var val reflect.Value
		if p, ok := ptrs[v.name]; ok {
			val = p.Elem()
		}
		cs[i] = carry(v, val, conv, imports, stale, concrete)
	}
	in, _, notices, err := s.replay(imports, kept, cellDecls, cs, pointsAmong(vars, ptrs), "carry over", typesReady)
	return in, notices, err
}

// evalDecls evaluates what a replay compiles (declarations, the func
// literals variables hold) through Options.Replay when it is set.
func (s *Session) evalDecls(in *interp.Interpreter, src string) (reflect.Value, error) {
	if s.opts.Replay != nil {
		return s.opts.Replay(in, src)
	}
	return evalSafe(in, src)
}

func splitDecls(items []cell.Item) (types, funcs []cell.Item) {
	for _, it := range items {
		if it.Kind == cell.Type || it.Kind == cell.Const {
			types = append(types, it)
		} else {
			funcs = append(funcs, it)
		}
	}
	return types, funcs
}

// evalReplay evaluates earlier declarations and then a cell's, padded so
// errors in the cell's carry cell lines (see mapError), through
// Options.Replay when it is set.
func (s *Session) evalReplay(in *interp.Interpreter, old, cellItems []cell.Item) error {
	if len(old) == 0 && len(cellItems) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString("package main;")
	for _, it := range old {
		b.WriteString(it.Src)
		b.WriteString(";\n")
	}
	base := strings.Count(b.String(), "\n")
	src := b.String() + strings.TrimPrefix(declChunk(cellItems), "package main;")
	_, err := s.evalDecls(in, src)
	if err == nil {
		return nil
	}
	msg := err.Error()
	if m := errPos.FindStringSubmatch(msg); m != nil {
		l, _ := strconv.Atoi(m[1])
		if l > base {
			return fmt.Errorf("%d:%s: %s", l-base, m[2], m[3])
		}
		return fmt.Errorf("replaying an earlier declaration: %s", m[3])
	}
	return err
}

// namedTypes maps the names of the (non-generic) types of table to their
// reflect types in the interpreter.
func namedTypes(in *interp.Interpreter, table []cell.Item) map[string]reflect.Type {
	m := map[string]reflect.Type{}
	if in == nil {
		return m
	}
	for _, it := range table {
		if it.Kind != cell.Type || strings.Contains(it.Orig, "[") && strings.Index(it.Orig, "[") < strings.IndexAny(it.Orig+" ", " \t") {
			continue
		}
		name := it.Names[0]
		v, err := evalSafe(in, "(*"+name+")(nil)")
		if err == nil && v.IsValid() && v.Kind() == reflect.Ptr {
			m[name] = v.Type().Elem()
		}
	}
	return m
}

// carry says how v, whose value in the old interpreter is val, moves to
// the new one: declared with its type, and val converted to the new
// interpreter's types.
func carry(v variable, val reflect.Value, conv *converter, imports []binding, stale bool, concrete func(string) bool) carried {
	c := carried{v: v}
	// A value that must be made again from its expression is declared and
	// remade; without an expression it is not carried.
	funcs := remake(val, stale)
	if funcs && v.funcLit == "" {
		c.skip = fmt.Sprintf("could not carry over %s (it holds a function made by an earlier cell: run that cell again)", v.name)
		return c
	}
	c.texpr = v.declared
	if c.texpr == "" && concreteType(v.static, concrete) {
		// (not from the value's reflect type: an int is a type W int of
		// the cells to the interpreter, which has no runtime type of its
		// own: var n = 27 came back a W, a map[transition]State a
		// map[transition]Event)
		c.texpr = v.static
	}
	if c.texpr == "" {
		if !val.IsValid() {
			return c // not defined yet: a later statement of the running cell defines it
		}
		var ok bool
		c.texpr, ok = typeExpr(val.Type(), conv.byName, imports)
		if !ok {
			c.skip = fmt.Sprintf("could not carry over %s (type %s cannot be named here)", v.name, val.Type())
			return c
		}
	}
	c.remake = funcs
	if !val.IsValid() || funcs {
		return c
	}
	c.fill = func(dst reflect.Value) string {
		if why := conv.convert(dst, val); why != "" {
			return fmt.Sprintf("could not carry over %s (%s)", v.name, why)
		}
		return ""
	}
	return c
}

// concreteType reports whether the type expression t names only
// predeclared types, compiled packages' and the cells' concrete types
// (named: []float64, map[transition]State, *mat.Dense), none an
// interface or a func type, whose values are carried as they are.
func concreteType(t string, named func(string) bool) bool {
	e, err := parser.ParseExpr(t)
	if t == "" || err != nil {
		return false
	}
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			return false // pkg.T
		case *ast.Ident:
			tn, isType := types.Universe.Lookup(n.Name).(*types.TypeName)
			if !named(n.Name) && (!isType || types.IsInterface(tn.Type())) { // (error, any: the value's own type is carried)
				ok = false
			}
		case *ast.StructType, *ast.InterfaceType, *ast.FuncType:
			ok = false
		}
		return ok
	})
	return ok
}

// typeExpr writes t as Go source in the new interpreter: interpreted named
// types by name, compiled ones with the package names cells use.
func typeExpr(t reflect.Type, byName map[reflect.Type]string, imports []binding) (string, bool) {
	if n, ok := byName[t]; ok {
		return n, true
	}
	if t.Name() != "" {
		if t.PkgPath() == "" {
			return t.Name(), true
		}
		for _, b := range imports {
			if b.path == t.PkgPath() {
				return b.name + "." + t.Name(), true
			}
		}
		return "", false
	}
	switch t.Kind() {
	case reflect.Ptr:
		e, ok := typeExpr(t.Elem(), byName, imports)
		return "*" + e, ok
	case reflect.Slice:
		e, ok := typeExpr(t.Elem(), byName, imports)
		return "[]" + e, ok
	case reflect.Array:
		e, ok := typeExpr(t.Elem(), byName, imports)
		return fmt.Sprintf("[%d]%s", t.Len(), e), ok
	case reflect.Map:
		k, ok1 := typeExpr(t.Key(), byName, imports)
		e, ok2 := typeExpr(t.Elem(), byName, imports)
		return "map[" + k + "]" + e, ok1 && ok2
	case reflect.Chan:
		e, ok := typeExpr(t.Elem(), byName, imports)
		return "chan " + e, ok && t.ChanDir() == reflect.BothDir
	case reflect.Func:
		var ins, outs []string
		for i := 0; i < t.NumIn(); i++ {
			e, ok := typeExpr(t.In(i), byName, imports)
			if !ok {
				return "", false
			}
			if t.IsVariadic() && i == t.NumIn()-1 {
				e = "..." + strings.TrimPrefix(e, "[]")
			}
			ins = append(ins, e)
		}
		for i := 0; i < t.NumOut(); i++ {
			e, ok := typeExpr(t.Out(i), byName, imports)
			if !ok {
				return "", false
			}
			outs = append(outs, e)
		}
		s := "func(" + strings.Join(ins, ", ") + ")"
		if len(outs) == 1 {
			s += " " + outs[0]
		} else if len(outs) > 1 {
			s += " (" + strings.Join(outs, ", ") + ")"
		}
		return s, true
	case reflect.Interface:
		if t.NumMethod() == 0 {
			return "any", true
		}
	}
	return "", false // anonymous structs are interpreted types we cannot name
}

// A converter converts all the variables of a session as one graph: each
// pointer or map of the old interpreter is converted once, so values that
// share one stay shared, and cyclic values (type Node struct{ next *Node })
// end.
type converter struct {
	byName   map[reflect.Type]string
	newTypes map[string]reflect.Type
	done     map[ptrKey]reflect.Value
}

type ptrKey struct {
	p uintptr
	t reflect.Type
}

// convert sets dst to src, rebuilding values of interpreted types (whose
// reflect types differ between interpreters) field by field. It returns why
// it could not, or "".
func (c *converter) convert(dst, src reflect.Value) string {
	byName := c.byName
	if !src.IsValid() {
		return ""
	}
	if src.Type().AssignableTo(dst.Type()) && dst.Kind() != reflect.Func {
		if _, interpreted := byName[src.Type()]; !interpreted || src.Type() == dst.Type() {
			dst.Set(src)
			return ""
		}
	}
	switch dst.Kind() {
	case reflect.Func:
		return "interpreted func value"
	case reflect.Chan:
		if src.Type().AssignableTo(dst.Type()) {
			dst.Set(src)
			return ""
		}
		return "channel"
	case reflect.Ptr:
		if src.Kind() != reflect.Ptr {
			return "type changed"
		}
		if src.IsNil() {
			return ""
		}
		key := ptrKey{src.Pointer(), src.Type()}
		if done, ok := c.done[key]; ok && done.Type() == dst.Type() {
			dst.Set(done)
			return ""
		}
		n := reflect.New(dst.Type().Elem())
		c.done[key] = n
		if why := c.convert(n.Elem(), src.Elem()); why != "" {
			return why
		}
		dst.Set(n)
	case reflect.Slice:
		if src.Kind() != reflect.Slice {
			return "type changed"
		}
		if src.IsNil() {
			return ""
		}
		n := reflect.MakeSlice(dst.Type(), src.Len(), src.Len())
		for i := 0; i < src.Len(); i++ {
			if why := c.convert(n.Index(i), src.Index(i)); why != "" {
				return why
			}
		}
		dst.Set(n)
	case reflect.Array:
		if src.Kind() != reflect.Array || src.Len() != dst.Len() {
			return "type changed"
		}
		for i := 0; i < src.Len(); i++ {
			if why := c.convert(dst.Index(i), src.Index(i)); why != "" {
				return why
			}
		}
	case reflect.Map:
		if src.Kind() != reflect.Map {
			return "type changed"
		}
		if src.IsNil() {
			return ""
		}
		key := ptrKey{src.Pointer(), src.Type()}
		if done, ok := c.done[key]; ok && done.Type() == dst.Type() {
			dst.Set(done)
			return ""
		}
		n := reflect.MakeMapWithSize(dst.Type(), src.Len())
		c.done[key] = n
		it := src.MapRange()
		for it.Next() {
			k := reflect.New(dst.Type().Key()).Elem()
			e := reflect.New(dst.Type().Elem()).Elem()
			if why := c.convert(k, it.Key()); why != "" {
				return why
			}
			if why := c.convert(e, it.Value()); why != "" {
				return why
			}
			n.SetMapIndex(k, e)
		}
		dst.Set(n)
	case reflect.Struct:
		if src.Kind() != reflect.Struct {
			return "type changed"
		}
		for i := 0; i < dst.NumField(); i++ {
			f := dst.Type().Field(i)
			sf := src.FieldByName(f.Name)
			if !sf.IsValid() || !dst.Field(i).CanSet() {
				continue // a new field keeps its zero value
			}
			if sf.Kind() == reflect.Func {
				continue
			}
			if why := c.convert(dst.Field(i), sf); why != "" {
				return why
			}
		}
	case reflect.Interface:
		if src.Kind() == reflect.Interface {
			if src.IsNil() {
				return ""
			}
			src = src.Elem()
		}
		if _, interpreted := byName[src.Type()]; interpreted {
			return "interpreted value in an interface"
		}
		if src.Type().AssignableTo(dst.Type()) {
			dst.Set(src)
			return ""
		}
		return "type changed"
	default:
		if src.Type().ConvertibleTo(dst.Type()) {
			dst.Set(src.Convert(dst.Type()))
			return ""
		}
		return "type changed"
	}
	return ""
}

// liveCache holds pointers to the session's variables and the reflect types
// of its named types in the current interpreter, for reading them while an
// interrupted cell may still be running there.
type liveCache struct {
	in    *interp.Interpreter
	ptrs  map[string]reflect.Value
	types map[string]reflect.Type
}

// refresh updates the cache after a successful cell: everything when the
// interpreter changed, else the names the cell defined. It compiles nothing
// for variables (their storage is read from the interpreter's globals) and
// evaluates only the types the cell declared, so its cost does not grow
// with the session.
//
// known, if set, holds pointers to the defined variables already read
// (a defined variable it lacks has no storage to read), so that the
// variables need no pass.
func (c *liveCache) refresh(in *interp.Interpreter, table []cell.Item, vars []variable, defined map[string]bool, known map[string]reflect.Value) {
	all := c.in != in
	if all {
		c.in = in
		c.ptrs = map[string]reflect.Value{}
		c.types = map[string]reflect.Type{}
	}
	var names []string
	switch {
	case !all && known != nil:
		for n := range defined {
			if _, ok := known[n]; ok { // (known holds variables only)
				names = append(names, n)
			}
		}
	default:
		for _, v := range vars {
			if all || defined[v.name] {
				names = append(names, v.name)
			}
		}
	}
	if len(names) > 0 {
		if known == nil {
			known = storage(in, names)
		}
		for _, n := range names {
			if p, ok := known[n]; ok {
				c.ptrs[n] = p
			}
		}
	}
	if !all && len(defined) == 0 {
		return
	}
	var declared []cell.Item
	for _, it := range table {
		if it.Kind == cell.Type && (all || defined[it.Names[0]]) {
			declared = append(declared, it)
		}
	}
	maps.Copy(c.types, namedTypes(in, declared))
}

// remake reports whether a variable's value cannot move to a new
// interpreter and must be made again: a func (an interpreted closure is
// tied to its interpreter), or, after an interrupt (stale), any value that
// holds one, such as hessian.Func(…) or a plot with a plotter.Function.
func remake(val reflect.Value, stale bool) bool {
	if !val.IsValid() {
		return false
	}
	return val.Kind() == reflect.Func || (stale && holdsFunc(val))
}

// holdsFunc reports whether v is, or holds through pointers, interfaces,
// structs (exported or not), slices, arrays or maps, a non-nil func.
func holdsFunc(v reflect.Value) bool {
	return holdsFuncSeen(v, map[uintptr]bool{}, 0)
}

func holdsFuncSeen(v reflect.Value, seen map[uintptr]bool, depth int) bool {
	if !v.IsValid() || depth > 64 {
		return false
	}
	switch v.Kind() {
	case reflect.Func:
		return !v.IsNil()
	case reflect.Interface:
		return holdsFuncSeen(v.Elem(), seen, depth+1)
	case reflect.Ptr:
		if v.IsNil() || seen[v.Pointer()] {
			return false
		}
		seen[v.Pointer()] = true
		return holdsFuncSeen(v.Elem(), seen, depth+1)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if holdsFuncSeen(v.Field(i), seen, depth+1) {
				return true
			}
		}
	case reflect.Slice, reflect.Array:
		if !mayHoldFunc(v.Type().Elem()) {
			return false
		}
		for i := 0; i < v.Len(); i++ {
			if holdsFuncSeen(v.Index(i), seen, depth+1) {
				return true
			}
		}
	case reflect.Map:
		if !mayHoldFunc(v.Type().Elem()) {
			return false
		}
		it := v.MapRange()
		for it.Next() {
			if holdsFuncSeen(it.Value(), seen, depth+1) {
				return true
			}
		}
	}
	return false
}

// mayHoldFunc reports whether values of t can hold a func, so long slices
// of numbers are not walked element by element.
func mayHoldFunc(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128, reflect.String:
		return false
	case reflect.Array, reflect.Slice:
		return mayHoldFunc(t.Elem())
	}
	return true
}
