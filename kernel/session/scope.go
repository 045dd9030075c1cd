package session

import (
	"maps"
	"path"
	"reflect"
	"slices"
	"strings"

	"github.com/gocurve/gocurve/kernel/cell"
)

func (s *Session) cellOptions() *cell.Options {
	s.names.sync(s)
	o := s.names.options()
	o.TypeGen = s.typeGen
	o.Context = s.modelContext
	o.FileSet = s.fset
	if im := modelTypes.Wait(); im != nil {
		o.Importer, o.ImportFor = im, im.StdPath
	}
	shared := true // o.Shadowed is the kept map: copy it before adding
	for _, b := range s.imports {
		if cell.Implicit(b.name) { // another package under that name
			if shared {
				o.Shadowed, shared = maps.Clone(o.Shadowed), false
			}
			o.Shadowed[b.name] = true
		}
	}
	return o
}

// modelContext is the session for the cells' type model, made again when
// the session changed.
func (s *Session) modelContext() *cell.Context {
	if s.ctx != nil && s.ctxGen == s.gen {
		return s.ctx
	}
	var imports [][2]string
	for _, b := range s.imports {
		imports = append(imports, [2]string{b.name, b.path})
	}
	decls := make([]cell.ContextDecl, 0, len(s.table)+len(s.vars))
	for _, it := range s.table {
		if it.Synthetic && it.Recv != "" {
			continue // promoted-method forwarders
		}
		decls = append(decls, cell.ContextDecl{Names: it.Names, Src: it.Src})
	}
	for _, v := range s.vars {
		if src, ok := v.modelDecl(); ok {
			_, guessed := v.modelType()
			decls = append(decls, cell.ContextDecl{Names: []string{v.name}, Src: src, Guessed: guessed})
		}
	}
	s.ctx, s.ctxGen = cell.NewContext(s.fset, imports, decls, s.ctx), s.gen
	return s.ctx
}

// modelType is the type the cells' type model gives v: the declared one,
// else the one the model found (error, not *errors.errorString), else its
// value's, which is then guessed.
func (v *variable) modelType() (t string, guessed bool) {
	switch {
	case v.declared != "":
		return v.declared, false
	case v.static != "":
		return v.static, false
	}
	return v.typ, v.typ != ""
}

// modelDecl is v's declaration for the cells' type model; ok is false
// when its type cannot be written (none known, or an interpreted struct).
func (v *variable) modelDecl() (src string, ok bool) {
	t, _ := v.modelType()
	if t == "" || strings.Contains(t, "struct {") {
		return "", false
	}
	return "var " + v.name + " " + t, true
}

// unbindShadowed drops the package names the cell declares as its own
// names (func check, var plot, ...) from the session's imports, unless the
// cell imports them itself: in Go a declaration in the package block and
// an import of the same name cannot coexist, and the notebook's preloaded
// packages must not stop a user from naming things. It reports whether
// any was dropped (the interpreter must then be made again).
func (x *execution) unbindShadowed() bool {
	imported := map[string]bool{}
	for _, it := range x.c.Items {
		if it.Kind == cell.Import {
			name := it.ImportName
			if name == "" {
				name = pathBase(it.ImportPath)
			}
			imported[name] = true
		}
	}
	dropped := false
	for _, it := range x.c.Items {
		if it.Kind == cell.Import || it.Kind == cell.Method {
			continue
		}
		for _, n := range it.Names {
			if i := bindingIndex(x.imports, n); i >= 0 && !imported[n] {
				x.imports = slices.Delete(x.imports, i, i+1)
				dropped = true
			}
		}
	}
	return dropped
}

func bindingIndex(bs []binding, name string) int {
	for i, b := range bs {
		if b.name == name {
			return i
		}
	}
	return -1
}

// typeString writes t with package names as cells import them.
func typeString(t reflect.Type, imports []binding) string {
	str := t.String()
	for _, b := range imports {
		base := path.Base(b.path)
		if base != b.name {
			str = strings.ReplaceAll(str, base+".", b.name+".")
		}
	}
	return str
}
