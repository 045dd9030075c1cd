package session

import (
	"fmt"
	"maps"
	"path"
	"reflect"
	"slices"
	"strings"

	"github.com/gocurve/gocurve/kernel/cell"
	"github.com/gocurve/gocurve/kernel/importer"
)

func (s *Session) cellOptions() *cell.Options {
	s.names.sync(s)
	o := s.names.options()
	o.TypeGen = s.typeGen
	o.Panicked, o.PanickedAny = s.panicked, s.panickedAny
	o.Context = s.modelContext
	o.FileSet = s.fset
	if im := modelTypes.Wait(); im != nil {
		o.Importer, o.ImportFor = im, im.StdPath
		if pkgs, err := implicitTypes(); err == nil { // (TestImplicitTypes: it is nil)
			o.Importer = withImplicit{im, pkgs}
			o.ImportFor = func(name string) string {
				if cell.Implicit(name) {
					return name // slices, maps and cmp need no import in a cell
				}
				return im.StdPath(name)
			}
		}
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

// modelContext is the session for the cells' type model, brought up to
// date when the session changed. Between two cells the session's table
// and variables usually only grow at their end (upsert and ownVars copy
// before changing an earlier entry, so the same array means the same
// entries up to the length last seen): then only the new entries are
// added, and a declaring cell's cost does not depend on the session's
// size. Otherwise the context is made again from the whole session
// (reusing what it parsed before).
func (s *Session) modelContext() *cell.Context {
	if s.ctx != nil && s.ctxGen == s.gen {
		return s.ctx
	}
	if s.ctx != nil && slices.Equal(s.imports, s.ctxImports) && grown(s.table, s.ctxTable) && sameModelVars(s.vars, s.ctxVars) {
		s.ctx.Add(modelDecls(s.table[len(s.ctxTable):], s.vars[len(s.ctxVars):]))
	} else {
		var imports [][2]string
		for _, b := range s.imports {
			imports = append(imports, [2]string{b.name, b.path})
		}
		s.ctx = cell.NewContext(s.fset, imports, modelDecls(s.table, s.vars), s.ctx)
	}
	s.ctxGen, s.ctxImports, s.ctxTable, s.ctxVars = s.gen, s.imports, s.table, s.vars // (a cell changes a copy of the imports)
	return s.ctx
}

// grown reports whether s is old with entries appended: the same array,
// as long or longer.
func grown[E any](s, old []E) bool {
	return len(s) >= len(old) && (len(old) == 0 || &s[0] == &old[0])
}

// sameModelVars reports whether vars are old with variables appended, as
// the type model sees them: the same array, or a copy (a cell that defined
// an earlier variable again) whose earlier entries have the same names and
// types. The copy is compared entry by entry, which costs far less than
// the copy did.
func sameModelVars(vars, old []variable) bool {
	if grown(vars, old) {
		return true
	}
	if len(vars) < len(old) {
		return false
	}
	for i, v := range old {
		w := vars[i]
		if w.name != v.name || w.declared != v.declared || w.static != v.static || w.typ != v.typ {
			return false
		}
	}
	return true
}

// modelDecls are the declarations of table and vars for the type model.
func modelDecls(table []cell.Item, vars []variable) []cell.ContextDecl {
	decls := make([]cell.ContextDecl, 0, len(table)+len(vars))
	for _, it := range table {
		if it.Synthetic && it.Recv != "" {
			continue // promoted-method forwarders
		}
		src := it.Src
		if (it.Kind == cell.Func || it.Kind == cell.Method || it.Synthetic) && it.Orig != "" {
			// as written: the model checks against Go's signature, which
			// a rewrite for the interpreter may change (a generic func's
			// Vec[T] written []T, its instance's name lost); a stand-in
			// the cells declared, as what it stands in for
			src = it.Orig
		} else if it.Kind == cell.Type && it.Orig != "" {
			// as written too: a constraint cmp.Ordered, a field of type
			// iter.Seq[T] (the interpreter's text has neither)
			src = it.Orig
			if !strings.HasPrefix(strings.TrimSpace(src), "type") {
				src = "type " + src // a spec of a group
			}
		}
		decls = append(decls, cell.ContextDecl{Names: it.Names, Src: src})
	}
	for _, v := range vars {
		if src, ok := v.modelDecl(); ok {
			_, guessed := v.modelType()
			decls = append(decls, cell.ContextDecl{Names: []string{v.name}, Src: src, Guessed: guessed})
		}
	}
	return decls
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
	return restrictedTypes.Replace(v.typ), v.typ != ""
}

// restrictedTypes writes the types of yaegi's restricted packages, which
// the interpreter gives values (log.New returns a *stdlib.logLogger), as
// the types a cell writes for them.
var restrictedTypes = strings.NewReplacer("stdlib.logLogger", "log.Logger")

// modelDecl is v's declaration for the cells' type model; ok is false
// when its type cannot be written (none known, or only the interpreter's
// struct type of its value: a struct type the cell wrote is Go's).
func (v *variable) modelDecl() (src string, ok bool) {
	t, guessed := v.modelType()
	if t == "" || guessed && strings.Contains(t, "struct {") {
		return "", false
	}
	return "var " + v.name + " " + t, true
}

// unbindShadowed drops the package names the cell declares as its own
// names (func check, var plot, ...) from the session's imports, unless the
// cell imports them itself: in Go a declaration in the package block and
// an import of the same name cannot coexist, and the notebook's preloaded
// packages must not stop a user from naming things. It reports whether
// any was dropped (the interpreter must then be made again), and refuses
// the cell where an earlier cell's declaration, which stays, uses the
// package: made again without it, the interpreter could not compile that
// declaration.
func (x *execution) unbindShadowed() (bool, error) {
	imported := map[string]bool{}
	redeclared := map[string]bool{}
	for _, it := range x.c.Items {
		if it.Kind == cell.Import {
			name := it.ImportName
			if name == "" {
				name = importer.DefaultName(it.ImportPath)
			}
			imported[name] = true
		}
		for _, n := range it.Names {
			redeclared[n] = true
		}
	}
	dropped := false
	for _, it := range x.c.Items {
		if it.Kind == cell.Import || it.Kind == cell.Method {
			continue
		}
		for _, n := range it.Names {
			i := bindingIndex(x.imports, n)
			if i < 0 || imported[n] {
				continue
			}
			for _, d := range x.table {
				if !d.Synthetic && len(d.Names) > 0 && !redeclared[d.Names[0]] && slices.Contains(d.Uses, n) {
					return false, compileError(it.Line, it.Col, fmt.Sprintf("%s is the package %q in %s, which an earlier cell declared, and a name declared at the top of a cell takes the package's place in the session: the interpreter, made again without the package, could not compile %[3]s; give this %[1]s another name (%[1]sVal)",
						n, x.imports[i].path, d.Names[0]), "")
				}
			}
			x.imports = slices.Delete(x.imports, i, i+1)
			dropped = true
		}
	}
	return dropped, nil
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

// noteCell adds what the parsed cell c tells about the session before it
// runs: what its panic calls may be given (cell.Options.Panicked),
// whether it declares types in a func's body, and its types with Error
// or String methods (the runtime's, for forward).
func (s *Session) noteCell(c *cell.Cell) {
	s.panickedAny = s.panickedAny || c.PanickedAny
	for _, name := range c.Panicked {
		if s.panicked == nil {
			s.panicked = map[string]bool{}
		}
		s.panicked[name] = true
	}
	if c.LocalTypes {
		s.rt.localTypes.Store(true)
	}
	printers := s.names.printers
	for _, it := range c.Items {
		if it.Kind == cell.Method {
			printers = addPrinter(printers, it)
		}
	}
	s.rt.printers.Store(&printers)
}
