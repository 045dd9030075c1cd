package cell

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"
)

// relaxations are the errors go build reports that a notebook cell may
// have anyway: the one list of them (docs/known-limits.md, "Type errors", explains them). A cell
// is a piece of a program that is still being written, whose top level is
// the notebook's, not a func's.
var relaxations = []struct {
	what  string
	allow func(m *model, e types.Error) bool
}{
	{"a variable declared at the cell's top level and not used (a later cell may use it)",
		func(m *model, e types.Error) bool {
			return strings.HasPrefix(e.Msg, "declared and not used") && m.topLevelDef(e.Pos)
		}},
	{"a variable declared and not used at the top of code the kernel wraps in a func (the body of %timeit)",
		func(m *model, e types.Error) bool {
			return strings.HasPrefix(e.Msg, "declared and not used") && m.wrappedDef(e.Pos)
		}},
	{"an import not used (imports are the session's, for later cells too)",
		func(m *model, e types.Error) bool {
			return strings.HasSuffix(e.Msg, "imported and not used") || strings.Contains(e.Msg, " imported as ") && strings.HasSuffix(e.Msg, "and not used")
		}},
	{"a generic type naming a type a later cell declares (the interpreter resolves a generic type's names when it is instantiated, as cells pasted in a program's order need)",
		func(m *model, e types.Error) bool {
			return strings.HasPrefix(e.Msg, "undefined: ") && m.inGenericType(e.Pos)
		}},
	{"a value at the cell's top level that is not used (the final one is displayed)",
		func(m *model, e types.Error) bool {
			_, ok := m.topLevelStmt(e.Pos).(*ast.ExprStmt)
			return ok && strings.HasSuffix(e.Msg, "is not used")
		}},
}

// typeErrors are the cell's type errors as refusals, first one first, or
// none where the model cannot be sure the interpreter would not run the
// cell right (see unsure). sure reports whether the model's types of the
// cell's variables are Go's where they are valid: real packages, no name
// declared twice, no variable whose type it guessed.
func (p *parse) typeErrors(m *model) (out []refusal, sure bool) {
	if !m.real {
		return nil, false
	}
	var refused []types.Error
	missing := false
	for _, e := range m.errs {
		if unsure, typesOK := p.unsure(m, e); unsure {
			if !typesOK {
				return nil, false
			}
			missing = true
			continue
		}
		relaxed := false
		for _, r := range relaxations {
			if r.allow(m, e) {
				relaxed = true
				break
			}
		}
		if !relaxed {
			refused = append(refused, e)
		}
	}
	if m.usesGuessed() {
		return nil, false
	}
	if missing {
		return nil, true
	}
	// The first error is the one shown: an error of what the code means
	// before one of what it leaves unused (declared and not used).
	sort.SliceStable(refused, func(i, j int) bool {
		if refused[i].Soft != refused[j].Soft {
			return !refused[i].Soft
		}
		return refused[i].Pos < refused[j].Pos
	})
	for _, e := range refused {
		out = append(out, refusal{e.Pos, e.Msg})
	}
	return out, true
}

// unsure reports whether an error may come from what the model does not
// know, rather than from the cell: a name the model lacks (a member of a
// package: a generic func of a compiled package, which the symbol tables
// cannot hold, or of a package the interpreter gives from source; a
// session name the model left out, such as a variable whose type the
// session could not write), or a top-level name declared twice, which a
// notebook does (the model then has the first one's type). typesOK
// reports whether the model's other types still stand: what uses a
// missing name is invalid to go/types, but a name declared twice has the
// wrong type.
func (p *parse) unsure(m *model, e types.Error) (unsure, typesOK bool) {
	if name, ok := strings.CutPrefix(e.Msg, "undefined: "); ok {
		// A name no scope has is the cell's mistake unless the session or
		// the cell's top level has it (the model may have left it out).
		missing := strings.Contains(name, ".") || p.top[name] || p.opts.Shadowed[name] || implicitPackages[name]
		if p.top[name] && p.definedLater(m, name, e.Pos) {
			// a top-level statement using a variable the cell defines
			// only after it (total = compute() + offset in a var block
			// before offset): Go's undefined, as in a func's body; the
			// interpreter ran it with the variable's zero value
			missing = false
		}
		return missing, true
	}
	if strings.HasPrefix(e.Msg, "no new variables") || strings.HasSuffix(e.Msg, "redeclared in this block") ||
		strings.Contains(e.Msg, "already declared") {
		return m.topLevelStmt(e.Pos) != nil || strings.Contains(e.Msg, "already declared"), false
	}
	return false, true
}

// definedLater reports whether pos is in a top-level statement of the
// cell, outside a func literal, and the cell defines name in a top-level
// statement after pos, not before it, nor as a variable of the session.
func (p *parse) definedLater(m *model, name string, pos token.Pos) bool {
	st := m.topLevelStmt(pos)
	if st == nil || p.opts.Vars[name] {
		return false
	}
	inLit := false // (a func literal reads it when called, as the session's global)
	ast.Inspect(st, func(n ast.Node) bool {
		if fl, ok := n.(*ast.FuncLit); ok && fl.Pos() <= pos && pos < fl.End() {
			inLit = true
		}
		return !inLit
	})
	if inLit {
		return false
	}
	later := false
	for id, obj := range m.info.Defs {
		if _, ok := obj.(*types.Var); !ok || id.Name != name || !p.inCell(id.Pos()) || m.topLevelStmt(id.Pos()) == nil || obj.Parent() != m.info.Scopes[m.body.Type] {
			continue
		}
		if id.Pos() < pos {
			return false
		}
		later = true
	}
	return later
}

// usesGuessed reports whether the cell uses a session variable whose type
// the model guessed from its value.
func (m *model) usesGuessed() bool {
	for _, obj := range m.info.Uses {
		if m.guessed[obj] {
			return true
		}
	}
	return false
}

// topLevelStmt is the cell's top-level statement that holds pos, or nil.
func (m *model) topLevelStmt(pos token.Pos) ast.Stmt {
	if m.body == nil {
		return nil
	}
	for _, st := range m.body.Body.List {
		if st.Pos() <= pos && pos < st.End() {
			return st
		}
	}
	return nil
}

// topLevelDef reports whether pos is the name of a variable the cell
// declares at its top level.
func (m *model) topLevelDef(pos token.Pos) bool {
	if m.body == nil {
		return false
	}
	scope := m.info.Scopes[m.body.Type]
	for id, obj := range m.info.Defs {
		if id.Pos() == pos && obj != nil {
			return obj.Parent() == scope
		}
	}
	return false
}

// wrappedDef reports whether pos is the name of a variable declared at the
// top of a func literal the kernel wrote around a cell's code: one assigned
// to a name of the kernel's (__gocurve_timeit := func() { code }).
func (m *model) wrappedDef(pos token.Pos) bool {
	if m.body == nil {
		return false
	}
	found := false
	ast.Inspect(m.body.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if found || !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			return !found
		}
		id, ok := as.Lhs[0].(*ast.Ident)
		fl, isLit := as.Rhs[0].(*ast.FuncLit)
		if !ok || !isLit || !strings.HasPrefix(id.Name, "__gocurve_") || pos < fl.Body.Pos() || pos >= fl.Body.End() {
			return true
		}
		scope := m.info.Scopes[fl.Type]
		for d, obj := range m.info.Defs {
			if d.Pos() == pos && obj != nil && obj.Parent() == scope {
				found = true
			}
		}
		return !found
	})
	return found
}

// inGenericType reports whether pos is inside the declaration of a type
// with type parameters at the cell's top level.
func (m *model) inGenericType(pos token.Pos) bool {
	for _, d := range m.file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, sp := range gd.Specs {
			if ts := sp.(*ast.TypeSpec); ts.TypeParams != nil && ts.Pos() <= pos && pos < ts.End() {
				return true
			}
		}
	}
	return false
}
