package cell

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
)

// constLit reports whether e is a literal number (possibly signed or in
// parentheses) and its kind.
func constLit(e ast.Expr) (token.Token, bool) {
	switch x := e.(type) {
	case *ast.BasicLit:
		return x.Kind, x.Kind == token.INT || x.Kind == token.FLOAT
	case *ast.ParenExpr:
		return constLit(x.X)
	case *ast.UnaryExpr:
		if x.Op == token.SUB || x.Op == token.ADD {
			return constLit(x.X)
		}
	case *ast.BinaryExpr:
		k1, ok1 := constLit(x.X)
		k2, ok2 := constLit(x.Y)
		if k2 == token.FLOAT {
			k1 = k2
		}
		return k1, ok1 && ok2
	}
	return token.ILLEGAL, false
}

// runeConst types a constant expression with a rune literal as rune:
// yaegi makes r := 'A' + 2 an int.
func (p *parse) runeConst(e ast.Expr) []edit {
	hasChar := false
	ok := true
	ast.Inspect(e, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.BasicLit:
			if x.Kind == token.CHAR {
				hasChar = true
			}
		case *ast.BinaryExpr, *ast.ParenExpr, *ast.UnaryExpr, nil:
		default:
			ok = false
		}
		return ok
	})
	if !hasChar || !ok {
		return nil
	}
	s, en := p.span(e)
	return []edit{{s, s, "rune("}, {en, en, ")"}}
}

// isConstSpec reports whether vs is a spec of a const declaration of the
// cell (the cell is walked once, for all).
func (p *parse) isConstSpec(vs *ast.ValueSpec) bool {
	if p.constSpecs == nil {
		p.constSpecs = map[*ast.ValueSpec]bool{}
		ast.Inspect(p.ast, func(n ast.Node) bool {
			if d, ok := n.(*ast.GenDecl); ok && d.Tok == token.CONST {
				for _, sp := range d.Specs {
					p.constSpecs[sp.(*ast.ValueSpec)] = true
				}
			}
			return true
		})
	}
	return p.constSpecs[vs]
}

// constRepeat writes out a const group's iota and implicit repetitions:
// in spec k, iota becomes the literal k, and a spec without values gets the
// previous values (and type) written out. yaegi gets implicit repetition
// wrong for several names per spec ("constant definition loop", or wrong
// values); with every value explicit it is right.
// iotaDeclaredBefore reports whether the cell declares a constant named
// iota before pos.
func (p *parse) iotaDeclaredBefore(pos token.Pos) bool {
	found := false
	ast.Inspect(p.ast, func(n ast.Node) bool {
		if vs, ok := n.(*ast.ValueSpec); ok && vs.Pos() < pos {
			for _, id := range vs.Names {
				found = found || id.Name == "iota"
			}
		}
		return !found
	})
	return found
}

// iotas are the uses of the predeclared iota in e: per the type model
// where it has one, else every identifier iota that is not a selector's
// name (A.iota) or a key.
func (p *parse) iotas(e ast.Expr) []*ast.Ident {
	m := p.typeModel()
	universe := types.Universe.Lookup("iota")
	var out []*ast.Ident
	var visit func(ast.Node) bool
	visit = func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.SelectorExpr:
			ast.Inspect(x.X, visit)
			return false
		case *ast.KeyValueExpr:
			ast.Inspect(x.Value, visit)
			return false
		case *ast.Ident:
			if x.Name != "iota" {
				return true
			}
			if m != nil && m.pkg != nil {
				if obj := m.info.Uses[x]; obj != nil && obj != universe {
					return true
				}
			}
			out = append(out, x)
		}
		return true
	}
	ast.Inspect(e, visit)
	return out
}

func (p *parse) constRepeat(d *ast.GenDecl) []edit {
	if d.Tok != token.CONST || !d.Lparen.IsValid() {
		return nil
	}
	// A group that declares a constant named iota means that one by it,
	// not the predeclared counter: leave the group as written.
	for _, sp := range d.Specs {
		for _, n := range sp.(*ast.ValueSpec).Names {
			if n.Name == "iota" {
				return nil
			}
		}
	}
	var eds []edit
	var last *ast.ValueSpec
	// A constant named iota declared before (in any scope of the cell: a
	// guess without scopes) is what later iotas refer to.
	localIota := p.iotaDeclaredBefore(d.Pos())
	for k, sp := range d.Specs {
		vs := sp.(*ast.ValueSpec)
		declaresIota := false
		for _, n := range vs.Names {
			declaresIota = declaresIota || n.Name == "iota"
		}
		if len(vs.Values) > 0 {
			last = vs
			for i, v := range vs.Values {
				if p.intDivs[v] != "" {
					continue // written as its value
				}
				if _, folded := p.foldedSpec(vs, nil, i); folded {
					continue // written as its value (rewrite.go)
				}
				for _, id := range p.iotas(v) {
					if !localIota {
						s, e := p.span(id)
						eds = append(eds, edit{s, e, "(" + strconv.Itoa(k) + ")"})
					}
				}
			}
			localIota = localIota || declaresIota
			continue
		}
		if last == nil || vs.Type != nil {
			continue
		}
		vals := make([]string, len(last.Values))
		for i, v := range last.Values {
			if i < len(vs.Names) && p.constLits[vs.Names[i]] != "" {
				vals[i] = p.constLits[vs.Names[i]]
				continue
			}
			if text, ok := p.foldedSpec(vs, last, i); ok {
				vals[i] = text
				continue
			}
			vStart, vEnd := p.span(v)
			if strings.Contains(p.src[vStart:vEnd], "\n") {
				break // a line more would move the cell's later lines
			}
			var iotas []edit
			for _, id := range p.iotas(v) {
				if is, ie := p.span(id); !localIota {
					iotas = append(iotas, edit{is, ie, "(" + strconv.Itoa(k) + ")"})
				}
			}
			vals[i] = apply(p.src, vStart, vEnd, iotas)
		}
		if slices.Contains(vals, "") {
			continue
		}
		typ := ""
		if last.Type != nil {
			typ = " " + p.text0(last.Type)
		}
		at := p.cellOffset(vs.Names[len(vs.Names)-1].End())
		eds = append(eds, edit{at, at, typ + " = " + strings.Join(vals, ", ")})
		localIota = localIota || declaresIota
	}
	return eds
}

// basicType reports whether typ is a predeclared basic type.
func (p *parse) basicType(typ ast.Expr) bool {
	if m := p.typeModel(); m != nil && m.pkg != nil {
		if t := m.info.Types[typ].Type; !invalid(t) {
			_, basic := t.(*types.Basic)
			return basic
		}
	}
	return isBasicName(typ)
}

// isBasicName reports whether typ names a predeclared type (int, string),
// by its syntax.
func isBasicName(typ ast.Expr) bool {
	id, ok := typ.(*ast.Ident)
	if !ok {
		return false
	}
	_, basic := types.Universe.Lookup(id.Name).(*types.TypeName)
	return basic
}

// foldedConst returns the value of the constant name, declared by a spec
// of type typ (as the cell wrote it; "" where the spec has none), written
// as a literal from the type model (typ(literal) where the spec has no
// type), and whether it is one of those
// yaegi v0.16.1 gets wrong: a constant of a defined type whose value is
// an untyped expression with an operator (const W Flag = 1 << 1, iota + 1,
// 1 + 2) prints right, but == finds it equal to nothing, its own value
// included (W == 2, f == W|X and a var holding it were false); one of a
// string type made with + (const S Name = "a" + "b") is "\x00". A
// literal of the type is right. With no type written (const S =
// Name("a" + "b")), the value's conversion names it.
func (p *parse) foldedConst(name *ast.Ident, typ string, v ast.Expr) (string, bool) {
	m := p.typeModel()
	if m == nil || m.pkg == nil {
		return "", false
	}
	c, ok := m.info.Defs[name].(*types.Const)
	if !ok {
		return "", false
	}
	if _, defined := types.Unalias(c.Type()).(*types.Named); !defined {
		return "", false
	}
	if v != nil {
		if _, lit := ast.Unparen(v).(*ast.BasicLit); lit {
			return "", false
		}
	}
	written := typ != ""
	if !written {
		call, ok := ast.Unparen(v).(*ast.CallExpr)
		if !ok || len(call.Args) != 1 || !m.info.Types[call.Fun].IsType() {
			return "", false
		}
		typ = p.text0(call.Fun)
	}
	b, ok := c.Type().Underlying().(*types.Basic)
	if !ok {
		return "", false
	}
	val := c.Val()
	var lit string
	switch {
	case val.Kind() == constant.Bool:
		lit = val.ExactString()
	case val.Kind() == constant.String:
		lit = strconv.Quote(constant.StringVal(val))
	case val.Kind() == constant.Int:
		lit = val.ExactString()
	case val.Kind() == constant.Float && b.Info()&types.IsFloat != 0:
		f, _ := constant.Float64Val(val)
		bits := 64
		if b.Kind() == types.Float32 {
			bits = 32
		}
		lit = strconv.FormatFloat(f, 'g', -1, bits)
	default:
		return "", false
	}
	if written {
		return lit, true // the spec's type makes it one of typ (a conversion of a type declared later is "incomplete type" in yaegi)
	}
	return typ + "(" + lit + ")", true
}

// foldedSpec returns the value text of vs's i-th name where foldedConst
// writes it (vs's explicit value, or, with values from last, the
// implicit repetition of last's), and whether it does.
func (p *parse) foldedSpec(vs, last *ast.ValueSpec, i int) (string, bool) {
	src := vs
	if len(vs.Values) == 0 {
		src = last
	}
	if src == nil || i >= len(src.Values) || i >= len(vs.Names) || p.intDivs[src.Values[i]] != "" {
		return "", false
	}
	typ := ""
	if src.Type != nil {
		if p.basicType(src.Type) {
			return "", false
		}
		typ = p.text0(src.Type)
	}
	return p.foldedConst(vs.Names[i], typ, src.Values[i])
}

// untypedVarValue converts v, the value of a var declared without a type,
// to its default type where it is an untyped constant that names a
// compiled package's constant (var xstar = math.Ln2): yaegi v0.16.1 gave
// such a package-level variable of a program pasted whole the constant's
// exact value (constant.ratVal), and x - xstar in a func declared with it
// did not compile ("mismatched types float64 and constant.ratVal").
func (p *parse) untypedVarValue(v ast.Expr) []edit {
	m := p.typeModel()
	if m == nil || m.pkg == nil || !namesPkgConst(m, v) {
		return nil
	}
	// (the model records the constant with the var's type, its default)
	tv := m.info.Types[v]
	b, ok := types.Default(tv.Type).(*types.Basic)
	if tv.Value == nil || !ok || b.Kind() == types.UntypedNil || b.Kind() == types.Invalid {
		return nil
	}
	s, e := p.span(v)
	return []edit{{s, s, types.Default(b).String() + "("}, {e, e, ")"}}
}

// namesPkgConst reports whether e names a constant of another package.
func namesPkgConst(m *model, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if c, ok := m.info.Uses[sel.Sel].(*types.Const); ok && c.Pkg() != m.pkg {
				found = true
			}
		}
		return !found
	})
	return found
}
