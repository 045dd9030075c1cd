package cell

import (
	"go/ast"
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
			for _, v := range vs.Values {
				if p.intDivs[v] != "" {
					continue // written as its value
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
