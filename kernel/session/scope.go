package session

import (
	"maps"
	"path"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/gocurve/gocurve/kernel/cell"
)

func (s *Session) cellOptions() *cell.Options {
	s.names.sync(s)
	o := s.names.options()
	o.TypeGen = s.typeGen
	o.Context = s.modelContext
	o.FileSet = s.fset
	o.ImportFor = stdImportFor
	if im := modelTypes.Wait(); im != nil {
		o.Importer = im
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
		t, guessed := v.declared, false
		if t == "" {
			t = v.static
		}
		if t == "" {
			t, guessed = v.typ, true
		}
		if t == "" || strings.Contains(t, "struct {") {
			continue
		}
		decls = append(decls, cell.ContextDecl{Names: []string{v.name}, Src: "var " + v.name + " " + t, Guessed: guessed})
	}
	s.ctx, s.ctxGen = cell.NewContext(s.fset, imports, decls, s.ctx), s.gen
	return s.ctx
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

// stdImportFor is cell.Options.ImportFor: the standard packages the
// interpreter has symbols for, by name, where one package has that name.
func stdImportFor(name string) string { return stdPackages()[name] }

var stdPackages = sync.OnceValue(func() map[string]string {
	byName := map[string]string{}
	seen := map[string]int{}
	for key := range exports {
		slash := strings.LastIndexByte(key, '/')
		if slash < 0 {
			continue
		}
		path, name := key[:slash], key[slash+1:]
		first, _, _ := strings.Cut(path, "/")
		if strings.Contains(first, ".") || strings.Contains(path, "internal") || strings.Contains(path, "vendor") {
			continue // not the standard library's, or not importable
		}
		if name != pathBase(path) {
			continue
		}
		seen[name]++
		byName[name] = path
	}
	for name, n := range seen {
		if n > 1 {
			delete(byName, name)
		}
	}
	return byName
})
