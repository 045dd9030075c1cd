package cell

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// yaegi v0.16.1 builds a cell's struct type with reflect.StructOf, which
// cannot hold an unexported field: it exports it under another name (age
// becomes Xage). encoding/json and encoding/xml, which skip an unexported
// field in Go, would then read and write it. hiddenTagKeys are the tag keys
// of those encoders: each unexported field of a struct type written in a
// cell is tagged key:"-" for each of them, which makes both skip it as Go
// does. The tag as written is kept beside (WrittenTagKey), and a read of a
// reflect.StructField's Tag gives it back (HelperTag).
var hiddenTagKeys = []string{"json", "xml"}

// WrittenTagKey keeps, in the tag fieldTagEdits gives a field, the tag
// as written (maybe empty): WrittenTag reads it back.
const WrittenTagKey = "gocurve"

// fieldTagEdits tags the unexported fields of st (hiddenTagKeys). An
// embedded field is left alone: Go's encoders look into an embedded
// struct of an unexported type, and checkEncoding refuses what yaegi
// builds of it. A field whose tag cannot be read as key:"value" pairs is
// left as written, and checkEncoding refuses encoding it.
func (p *parse) fieldTagEdits(st *ast.StructType) []edit {
	var eds []edit
	for _, f := range st.Fields.List {
		if len(f.Names) == 0 || !slices.ContainsFunc(f.Names, isUnexported) {
			continue // embedded, or exported
		}
		tag, ok := tagHideable(f.Tag)
		if !ok {
			continue
		}
		switch {
		case len(f.Names) > 1 && slices.ContainsFunc(f.Names, (*ast.Ident).IsExported):
			// a, B int: one tag for both; written as a field each
			ts, te := p.span(f.Type)
			typ := p.rewrite(ts, te, f.Type)
			var fields []string
			for _, n := range f.Names {
				field := n.Name + " " + typ
				if !n.IsExported() {
					field += " " + tagLiteral(tag)
				} else if f.Tag != nil {
					field += " " + f.Tag.Value
				}
				fields = append(fields, field)
			}
			s, e := p.span(f)
			eds = append(eds, edit{s, e, strings.Join(fields, "; ")})
		case f.Tag == nil:
			_, e := p.span(f.Type)
			eds = append(eds, edit{e, e, " " + tagLiteral(tag)})
		default:
			s, e := p.span(f.Tag)
			eds = append(eds, edit{s, e, tagLiteral(tag)})
		}
	}
	return eds
}

func isUnexported(id *ast.Ident) bool { return !id.IsExported() }

// tagHideable is the tag lit with hiddenTagKeys' values "-" (lit nil: no
// tag), or false where lit is not a list of key:"value" pairs.
func tagHideable(lit *ast.BasicLit) (string, bool) {
	if lit == nil {
		return hideFieldsIn("")
	}
	old, err := strconv.Unquote(lit.Value)
	if err != nil {
		return "", false
	}
	return hideFieldsIn(old)
}

// hideFields is tag with key:"-" appended for each key of hiddenTagKeys.
func hideFields(tag string) string {
	for _, k := range hiddenTagKeys {
		if tag != "" {
			tag += " "
		}
		tag += k + `:"-"`
	}
	return tag
}

// hideFieldsIn is tag with the value of each key of hiddenTagKeys set to
// "-" (added where the key is missing) and tag itself under
// WrittenTagKey, or false where tag is not a list of key:"value" pairs as
// reflect.StructTag reads them.
func hideFieldsIn(tag string) (string, bool) {
	var kept []string
	rest := strings.TrimLeft(tag, " ")
	for rest != "" {
		// a pair as reflect.StructTag.Lookup reads it: key:"quoted"
		i := strings.IndexByte(rest, ':')
		if i <= 0 || i+1 >= len(rest) || rest[i+1] != '"' || strings.ContainsAny(rest[:i], " \"") {
			return "", false
		}
		key := rest[:i]
		j := i + 2
		for j < len(rest) && rest[j] != '"' {
			if rest[j] == '\\' {
				j++
			}
			j++
		}
		if j >= len(rest) {
			return "", false
		}
		if !slices.Contains(hiddenTagKeys, key) {
			kept = append(kept, rest[:j+1])
		}
		rest = strings.TrimLeft(rest[j+1:], " ")
	}
	return hideFields(strings.Join(kept, " ")) + " " + WrittenTagKey + ":" + strconv.Quote(tag), true
}

// WrittenTag is the tag a field was written with, from the one
// fieldTagEdits gave it (the same tag where it gave none). HelperTag
// answers with it, and the type model reads it: it reads the earlier
// cells' rewritten text.
func WrittenTag(tag string) string {
	if orig, ok := reflect.StructTag(tag).Lookup(WrittenTagKey); ok {
		return orig
	}
	return tag
}

// checkTagReads records the reads of a reflect.StructField's Tag, which
// HelperTag answers with the tag as written (p.tagReads: true where the
// field is read through a pointer).
func (p *parse) checkTagReads(m *model) {
	assigned := map[ast.Expr]bool{}
	ast.Inspect(p.ast, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				assigned[ast.Unparen(l)] = true
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				assigned[ast.Unparen(n.X)] = true // &f.Tag
			}
		case *ast.IncDecStmt:
			assigned[ast.Unparen(n.X)] = true
		case *ast.SelectorExpr:
			if n.Sel.Name != "Tag" || assigned[n] || !p.inCell(n.Pos()) {
				return true
			}
			t := m.info.Types[n.X].Type
			ptr, isPtr := types.Unalias(t).(*types.Pointer)
			if isPtr {
				t = ptr.Elem()
			}
			if isReflectType(t, "StructField") {
				if p.tagReads == nil {
					p.tagReads = map[*ast.SelectorExpr]bool{}
				}
				p.tagReads[n] = isPtr // HelperTag takes the value
			}
		}
		return true
	})
}

// isReflectType reports whether t is reflect's type name.
func isReflectType(t types.Type, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "reflect" && n.Obj().Name() == name
}

// tagLiteral is tag as a Go string literal, raw where it can be.
func tagLiteral(tag string) string {
	if strings.ContainsAny(tag, "`\r") || !strconv.CanBackquote(tag) {
		return strconv.Quote(tag)
	}
	return "`" + tag + "`"
}
