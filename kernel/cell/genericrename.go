package cell

import (
	"fmt"
	"go/ast"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/refactor/satisfy"
)

// yaegi v0.16.1 keeps the instances of generic methods by the method's
// name and the type arguments alone (checkSharedMethods): Set[int].Len
// ran Stack[int].Len's body. Where a cell declares a method of a generic
// type with the name of another generic type's method, the interpreter
// gets it under a name of its own (Len__gocurve_Set), and every selector
// the type model resolves to it is written so: the method's name is
// Go's everywhere the program can see it, as long as no interface asks
// for it by that name. A conversion to an interface with the method, a
// constraint that needs it, or an assertion to such an interface, is
// refused (renamedSeen), as are names the standard library looks up at
// run time (String, Error, …), which keep the refusal of a shared name.

// dynamicMethods are the method names compiled packages look up on a
// value at run time (fmt, errors, encoding/json, io): a method renamed
// for the interpreter would not be found.
var dynamicMethods = map[string]bool{
	"String": true, "Error": true, "Format": true, "GoString": true, "Unwrap": true, "Is": true, "As": true,
	"MarshalJSON": true, "UnmarshalJSON": true, "MarshalText": true, "UnmarshalText": true,
	"MarshalBinary": true, "UnmarshalBinary": true, "MarshalXML": true, "UnmarshalXML": true,
	"Scan": true, "Read": true, "Write": true, "WriteTo": true, "ReadFrom": true, "Close": true,
}

// renamedMethod is the interpreter's name of the method m of the generic
// type t when another generic type has a method m.
func renamedMethod(t, m string) string { return m + "__gocurve_" + t }

// canRenameMethod reports whether a method m may get a name of the
// interpreter's own: the model resolves the selectors to write, and no
// compiled package looks m up by name.
func (p *parse) canRenameMethod(m string) bool {
	return p.model != nil && p.model.real && p.model.pkg != nil && !dynamicMethods[m]
}

// renamedName is the interpreter's name of the method fn of a generic
// type, "" where it has Go's, and its key "T.M".
func (p *parse) renamedName(fn *types.Func) (name, key string) {
	fn = fn.Origin()
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || fn.Pkg() == nil || p.model == nil || fn.Pkg() != p.model.pkg {
		return "", ""
	}
	t := sig.Recv().Type()
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return "", ""
	}
	key = n.Origin().Obj().Name() + "." + fn.Name()
	if r := p.renamedMethods[key]; r != "" {
		return r, key
	}
	return p.opts.Renamed[key], key
}

// renameSelections writes each renamed method's declaration and
// selectors with the interpreter's name. A method the cell would rename
// that the program asks for by its name (renamedSeen) keeps its name (a
// call of it is then refused, checkSharedMethods); where the session's
// renamed method is asked for, the cell is refused.
func (p *parse) renameSelections() error {
	if len(p.renamedMethods) == 0 && len(p.opts.Renamed) == 0 {
		return nil
	}
	m := p.model
	if m == nil || !m.real {
		// (no model: the cell's selectors of a renamed method could
		// not be written; a cell that names none is unaffected)
		names := methodNames(p.opts.Renamed)
		var err error
		ast.Inspect(p.ast, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok && names[sel.Sel.Name] && err == nil {
				err = ErrorList{p.refusalError(refusal{sel.Sel.Pos(), fmt.Sprintf("%s: the interpreter knows a method of this name by another name, and the types of the cell's packages have not loaded to tell which; run the cell again", sel.Sel.Name)})}
			}
			return err == nil
		})
		return err
	}
	for {
		r, key := p.renamedSeen(m)
		if r == nil {
			break
		}
		if _, mine := p.renamedMethods[key]; !mine {
			return ErrorList{p.refusalError(*r)}
		}
		delete(p.renamedMethods, key)
	}
	if p.renames == nil {
		p.renames = map[*ast.Ident]string{}
	}
	for _, d := range p.ast.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && len(fd.Recv.List) == 1 {
			if name := p.renamedMethods[recvName(fd.Recv.List[0].Type)+"."+fd.Name.Name]; name != "" {
				p.renames[fd.Name] = name
			}
		}
	}
	for sel, s := range m.info.Selections {
		if !p.inCell(sel.Pos()) {
			continue
		}
		if fn, ok := s.Obj().(*types.Func); ok {
			if name, _ := p.renamedName(fn); name != "" {
				p.renames[sel.Sel] = name
			}
		}
	}
	return nil
}

// renamedSeen is the first place where the program could see a renamed
// method by its name: a value whose method set has it made an interface
// that asks for it (satisfy's constraints: assignments, arguments,
// results, conversions), a type argument for a constraint that asks for
// it, or an assertion or type switch to an interface that asks for it.
func (p *parse) renamedSeen(m *model) (found *refusal, key string) {
	defer func() {
		if r := recover(); r != nil {
			// (satisfy wants a well-typed cell)
			found = &refusal{p.ast.Pos(), fmt.Sprintf("the cell's check of methods the interpreter knows by other names failed (%v); give the generic types' methods of one name different names", r)}
		}
	}()
	names := methodNames(p.renamedMethods, p.opts.Renamed)                // the renamed methods' Go names
	seen := func(v types.Type, iface *types.Interface) (string, string) { // (the name; the key)
		ms := types.NewMethodSet(v)
		if _, isPtr := v.Underlying().(*types.Pointer); !isPtr && !types.IsInterface(v) {
			ms = types.NewMethodSet(types.NewPointer(v))
		}
		for i := range iface.NumMethods() {
			name := iface.Method(i).Name()
			if !names[name] {
				continue
			}
			if sel := ms.Lookup(iface.Method(i).Pkg(), name); sel != nil {
				if fn, ok := sel.Obj().(*types.Func); ok {
					if r, k := p.renamedName(fn); r != "" {
						return name, k
					}
				}
			}
		}
		return "", ""
	}
	refuse := func(pos ast.Node, what, name, k string) *refusal {
		key = k
		return &refusal{pos.Pos(), fmt.Sprintf("%s, which asks for the method %s by its name: another generic type has a method %[2]s too, and the interpreter (yaegi v0.16.1), which keeps one instance of a generic method per name and type arguments, knows %[3]s by another name; give the generic types' methods %[2]s different names",
			what, name, k)}
	}
	// (the cell as the model checked it: its statements one func)
	var f satisfy.Finder
	f.Find(m.info, []*ast.File{m.file})
	for c := range f.Result {
		iface, ok := c.LHS.Underlying().(*types.Interface)
		if !ok {
			continue
		}
		if name, owner := seen(c.RHS, iface); name != "" {
			what := "a " + types.TypeString(c.RHS, types.RelativeTo(m.pkg)) + " made " + types.TypeString(c.LHS, types.RelativeTo(m.pkg))
			var at ast.Node = p.ast
			for e, tv := range m.info.Types {
				if p.inCell(e.Pos()) && tv.Type != nil && types.Identical(tv.Type, c.RHS) && (at == p.ast || e.Pos() < at.Pos()) {
					at = e
				}
			}
			return refuse(at, what, name, owner), key
		}
	}
	for id, inst := range m.info.Instances {
		if !p.inCell(id.Pos()) {
			continue
		}
		var tps *types.TypeParamList
		switch t := inst.Type.(type) {
		case *types.Signature:
			if fn, ok := m.info.Uses[id].(*types.Func); ok {
				tps = fn.Type().(*types.Signature).TypeParams()
			}
		case *types.Named:
			tps = t.Origin().TypeParams()
		}
		for i := 0; tps != nil && i < tps.Len() && i < inst.TypeArgs.Len(); i++ {
			if iface, ok := tps.At(i).Constraint().Underlying().(*types.Interface); ok {
				if name, owner := seen(inst.TypeArgs.At(i), iface); name != "" {
					return refuse(id, id.Name+" with the type argument "+types.TypeString(inst.TypeArgs.At(i), types.RelativeTo(m.pkg))+" for a constraint", name, owner), key
				}
			}
		}
	}
	ast.Inspect(p.ast, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		var typs []ast.Expr
		switch n := n.(type) {
		case *ast.TypeAssertExpr:
			typs = append(typs, n.Type)
		case *ast.CaseClause:
			typs = n.List
		}
		for _, t := range typs {
			if iface, ok := m.info.Types[t].Type.(interface{ Underlying() types.Type }); ok && t != nil {
				if it, ok := iface.Underlying().(*types.Interface); ok {
					for i := range it.NumMethods() {
						if name := it.Method(i).Name(); names[name] {
							found = refuse(t, "an assertion to "+types.ExprString(t), name, renamedKey(name, p.renamedMethods, p.opts.Renamed))
							return false
						}
					}
				}
			}
		}
		return true
	})
	return found, key
}

// methodNames are the method names M of the keys "T.M" of renamed.
func methodNames(renamed ...map[string]string) map[string]bool {
	names := map[string]bool{}
	for _, r := range renamed {
		for k := range r {
			names[k[strings.IndexByte(k, '.')+1:]] = true
		}
	}
	return names
}

// renamedKey is a "T.M" of the renamed methods named name, the cell's
// first (which it can keep the name instead).
func renamedKey(name string, mine, session map[string]string) string {
	for _, keys := range []map[string]string{mine, session} {
		for _, k := range slices.Sorted(maps.Keys(keys)) {
			if strings.HasSuffix(k, "."+name) {
				return k
			}
		}
	}
	return ""
}
