// Package importer gives go/types the packages a notebook cell can import,
// built from the interpreter's symbol tables: the maps of reflect.Values
// that yaegi's stdlib.Symbols and the kernel's symbols.Symbols hold.
//
// The types come from reflect, so they are the types of the compiled code
// the interpreter calls, in the binary that runs it. Chosen over export
// data (go list -export, x/tools/go/packages) because the installed kernel
// is one binary in an image without the go command or a module cache (see
// the Dockerfile's runtime stage), and the tables are already in it. What reflect cannot show is
// left out rather than guessed: generic funcs and types (the tables cannot
// hold them), unexported methods (an interface keeps only its exported
// ones, so a check is never stricter than Go). A cell that uses a missing
// member gets "undefined: pkg.Name" from the checker; callers must treat
// that as "the model does not know", not as an error of the cell.
package importer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"path"
	"reflect"
	"slices"
	"strings"
	"sync"
)

// Importer is a types.Importer over symbol tables. It is safe for
// concurrent use; each package is built once, on its first import.
type Importer struct {
	mu      sync.Mutex
	tables  map[string]map[string]reflect.Value // import path -> members
	names   map[string]string                   // import path -> package name
	pkgs    map[string]*types.Package
	named   map[reflect.Type]*types.Named
	pending []reflect.Type // named types whose methods are still to add

	stdOnce sync.Once
	std     map[string]string // StdPath's answers, by name
}

// New returns an importer over tables keyed "import/path/name", as
// interp.Exports is.
func New(tables map[string]map[string]reflect.Value) *Importer {
	im := &Importer{
		tables: map[string]map[string]reflect.Value{},
		names:  map[string]string{},
		pkgs:   map[string]*types.Package{},
		named:  map[reflect.Type]*types.Named{},
	}
	for key, syms := range tables {
		i := strings.LastIndexByte(key, '/')
		if i < 0 {
			continue
		}
		im.tables[key[:i]] = syms
		im.names[key[:i]] = key[i+1:]
	}
	return im
}

// Has reports whether the tables have the package path.
func (im *Importer) Has(path string) bool {
	_, ok := im.tables[path]
	return ok
}

// StdPath returns the import path of the one standard package named name
// in the tables, "" when there is none or more than one (rand, template).
// It is cell.Options.ImportFor: a cell that uses such a name as a package
// without importing it gets the import, as goimports would write it.
func (im *Importer) StdPath(name string) string {
	im.stdOnce.Do(func() {
		im.std = map[string]string{}
		seen := map[string]int{}
		for path, n := range im.names {
			first, _, _ := strings.Cut(path, "/")
			if strings.Contains(first, ".") || strings.Contains(path, "internal") || strings.Contains(path, "vendor") {
				continue // not the standard library's, or not importable
			}
			if n != DefaultName(path) {
				continue
			}
			seen[n]++
			im.std[n] = path
		}
		for n, k := range seen {
			if k > 1 {
				delete(im.std, n)
			}
		}
	})
	return im.std[name]
}

// DefaultName is the name a package of path p is imported under by
// default: its last element, or the one before a major version ("v2").
func DefaultName(p string) string {
	name := path.Base(p)
	if strings.HasPrefix(name, "v") && len(name) > 1 && name[1] >= '0' && name[1] <= '9' {
		name = path.Base(path.Dir(p))
	}
	return name
}

// Import returns the complete package of path, or an error when the
// tables do not have it.
func (im *Importer) Import(path string) (*types.Package, error) {
	im.mu.Lock()
	defer im.mu.Unlock()
	syms, ok := im.tables[path]
	if !ok {
		return nil, fmt.Errorf("importer: package %q is not available in the interpreter", path)
	}
	pkg := im.pkg(path)
	if pkg.Complete() {
		return pkg, nil
	}
	scope := pkg.Scope()
	for name, v := range syms {
		if strings.HasPrefix(name, "_") || scope.Lookup(name) != nil {
			continue // yaegi's interface wrappers, or a type already built
		}
		if obj := im.object(pkg, name, v); obj != nil {
			scope.Insert(obj)
		}
	}
	im.finish()
	if src, ok := standIns[path]; ok {
		if err := checkInto(pkg, src); err != nil {
			return nil, fmt.Errorf("importer: the stand-ins of %s: %w", path, err)
		}
	}
	pkg.SetImports(referenced(pkg))
	pkg.MarkComplete()
	return pkg, nil
}

// standIns are generic members the symbol tables cannot hold for which
// package cell writes an interpreted stand-in (kernel/cell/atomicptr.go),
// declared here as Go declares them so that the model checks their uses
// and names their types; bodies do not matter to the model.
var standIns = map[string]string{
	"sync/atomic": `package atomic
type Pointer[T any] struct{ _ [0]*T; v *T }
func (x *Pointer[T]) Load() *T { return x.v }
func (x *Pointer[T]) Store(val *T) { x.v = val }
func (x *Pointer[T]) Swap(new *T) (old *T) { old, x.v = x.v, new; return old }
func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool) { return false }
`,
}

// checkInto type-checks src's declarations into pkg (go/types adds them
// to pkg's scope).
func checkInto(pkg *types.Package, src string) error {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "standin.go", src, parser.SkipObjectResolution)
	if err != nil {
		return err
	}
	return types.NewChecker(&types.Config{}, fset, pkg, nil).Files([]*ast.File{f})
}

// referenced returns the packages whose named types pkg's members use, in
// path order, as pkg's imports: go/types writes a type's package as its
// quoted path when two packages it can see share a name (*"math/rand".Rand
// against *"math/rand/v2".Rand), as go build does, and it finds them
// through the imports.
func referenced(pkg *types.Package) []*types.Package {
	deps := map[*types.Package]bool{}
	seen := map[types.Type]bool{}
	var walk func(t types.Type)
	walk = func(t types.Type) {
		if t == nil || seen[t] {
			return
		}
		seen[t] = true
		switch t := t.(type) {
		case *types.Named:
			if p := t.Obj().Pkg(); p != nil && p != pkg {
				deps[p] = true
				return
			}
			walk(t.Underlying())
			for m := range t.Methods() {
				walk(m.Type())
			}
		case *types.Pointer:
			walk(t.Elem())
		case *types.Slice:
			walk(t.Elem())
		case *types.Array:
			walk(t.Elem())
		case *types.Map:
			walk(t.Key())
			walk(t.Elem())
		case *types.Chan:
			walk(t.Elem())
		case *types.Signature:
			walk(t.Params())
			walk(t.Results())
		case *types.Tuple:
			for v := range t.Variables() {
				walk(v.Type())
			}
		case *types.Struct:
			for f := range t.Fields() {
				walk(f.Type())
			}
		case *types.Interface:
			for m := range t.Methods() {
				walk(m.Type())
			}
		}
	}
	for _, name := range pkg.Scope().Names() {
		walk(pkg.Scope().Lookup(name).Type())
	}
	imports := make([]*types.Package, 0, len(deps))
	for p := range deps {
		imports = append(imports, p)
	}
	slices.SortFunc(imports, func(a, b *types.Package) int { return strings.Compare(a.Path(), b.Path()) })
	return imports
}

// object is the package member name whose table entry is v: a var is an
// addressable value, a type a nil pointer to it, an untyped constant a
// constant.Value, a func a func value, anything else a typed constant.
func (im *Importer) object(pkg *types.Package, name string, v reflect.Value) types.Object {
	if !v.IsValid() {
		return nil
	}
	t := v.Type()
	switch {
	case v.CanAddr():
		return types.NewVar(0, pkg, name, im.typ(t))
	case t.Kind() == reflect.Pointer && v.IsNil():
		et := t.Elem()
		n, ok := im.typ(et).(*types.Named)
		if !ok || n.Obj().Pkg() != pkg || n.Obj().Name() != name {
			// an alias (type A = B) or a name the tables give another type
			return types.NewTypeName(0, pkg, name, im.typ(et))
		}
		return n.Obj()
	case t.Implements(constantValue):
		c := v.Interface().(constant.Value)
		return types.NewConst(0, pkg, name, types.Typ[untypedKind(c.Kind())], c)
	case t.Kind() == reflect.Func:
		sig, ok := im.typ(t).(*types.Signature)
		if !ok {
			return nil
		}
		return types.NewFunc(0, pkg, name, sig)
	}
	c := constantOf(v)
	if c == nil {
		return nil
	}
	return types.NewConst(0, pkg, name, im.typ(t), c)
}

var constantValue = reflect.TypeFor[constant.Value]()

func untypedKind(k constant.Kind) types.BasicKind {
	switch k {
	case constant.Bool:
		return types.UntypedBool
	case constant.String:
		return types.UntypedString
	case constant.Float:
		return types.UntypedFloat
	case constant.Complex:
		return types.UntypedComplex
	}
	return types.UntypedInt
}

// constantOf is the constant value of a typed constant's reflect value.
func constantOf(v reflect.Value) constant.Value {
	switch v.Kind() {
	case reflect.Bool:
		return constant.MakeBool(v.Bool())
	case reflect.String:
		return constant.MakeString(v.String())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return constant.MakeInt64(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return constant.MakeUint64(v.Uint())
	case reflect.Float32, reflect.Float64:
		return constant.MakeFloat64(v.Float())
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		return constant.BinaryOp(constant.MakeFloat64(real(c)), token.ADD, constant.MakeImag(constant.MakeFloat64(imag(c))))
	}
	return nil
}

// pkg returns the package of path, made (empty) on first use.
func (im *Importer) pkg(p string) *types.Package {
	if pkg, ok := im.pkgs[p]; ok {
		return pkg
	}
	name, ok := im.names[p]
	if !ok {
		name = DefaultName(p)
	}
	pkg := types.NewPackage(p, name)
	im.pkgs[p] = pkg
	return pkg
}

// typ converts a reflect type; named types are made once and their
// methods added by finish, so recursive types terminate.
func (im *Importer) typ(t reflect.Type) types.Type {
	if t.Name() != "" {
		if t.PkgPath() == "" {
			return predeclared(t)
		}
		return im.namedType(t)
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map, reflect.Chan, reflect.Func:
		return im.unnamed(t)
	case reflect.Interface:
		return im.iface(t)
	case reflect.Struct:
		return im.strct(t)
	}
	return predeclared(t)
}

// predeclared is the basic type of an unnamed-package reflect type.
func predeclared(t reflect.Type) types.Type {
	if t.Name() == "error" && t.Kind() == reflect.Interface {
		return types.Universe.Lookup("error").Type()
	}
	if k, ok := basicKinds[t.Kind()]; ok {
		return types.Typ[k]
	}
	return types.Typ[types.Invalid]
}

var basicKinds = map[reflect.Kind]types.BasicKind{
	reflect.Bool: types.Bool, reflect.Int: types.Int, reflect.Int8: types.Int8,
	reflect.Int16: types.Int16, reflect.Int32: types.Int32, reflect.Int64: types.Int64,
	reflect.Uint: types.Uint, reflect.Uint8: types.Uint8, reflect.Uint16: types.Uint16,
	reflect.Uint32: types.Uint32, reflect.Uint64: types.Uint64, reflect.Uintptr: types.Uintptr,
	reflect.Float32: types.Float32, reflect.Float64: types.Float64,
	reflect.Complex64: types.Complex64, reflect.Complex128: types.Complex128,
	reflect.String: types.String, reflect.UnsafePointer: types.UnsafePointer,
}

func (im *Importer) namedType(t reflect.Type) types.Type {
	if n, ok := im.named[t]; ok {
		return n
	}
	pkg := im.pkg(t.PkgPath())
	obj := types.NewTypeName(0, pkg, t.Name(), nil)
	n := types.NewNamed(obj, nil, nil)
	im.named[t] = n
	if !strings.Contains(t.Name(), "[") && pkg.Scope().Lookup(t.Name()) == nil {
		pkg.Scope().Insert(obj) // an instance of a generic type is no member
	}
	u := t
	switch u.Kind() {
	case reflect.Struct:
		n.SetUnderlying(im.strct(u))
	case reflect.Interface:
		n.SetUnderlying(im.iface(u))
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map, reflect.Chan, reflect.Func:
		n.SetUnderlying(im.unnamed(u))
	default:
		n.SetUnderlying(types.Typ[basicKinds[u.Kind()]])
	}
	if u.Kind() != reflect.Interface {
		im.pending = append(im.pending, t)
	}
	return n
}

// unnamed converts a pointer, slice, array, map, chan or func type: an
// unnamed type, or the structure of a named one (its underlying type).
func (im *Importer) unnamed(t reflect.Type) types.Type {
	switch t.Kind() {
	case reflect.Pointer:
		return types.NewPointer(im.typ(t.Elem()))
	case reflect.Slice:
		return types.NewSlice(im.typ(t.Elem()))
	case reflect.Array:
		return types.NewArray(im.typ(t.Elem()), int64(t.Len()))
	case reflect.Map:
		return types.NewMap(im.typ(t.Key()), im.typ(t.Elem()))
	case reflect.Chan:
		dir := types.SendRecv
		switch t.ChanDir() {
		case reflect.SendDir:
			dir = types.SendOnly
		case reflect.RecvDir:
			dir = types.RecvOnly
		}
		return types.NewChan(dir, im.typ(t.Elem()))
	}
	return im.signature(nil, t, 0)
}

// finish adds the methods of the named types made so far: those of T's
// method set have value receivers, the extra ones of *T pointer receivers.
// Promoted methods are added too (reflect lists them); a method found on
// the type itself is what go/types would find through the embedding.
func (im *Importer) finish() {
	for len(im.pending) > 0 {
		t := im.pending[0]
		im.pending = im.pending[1:]
		n := im.named[t]
		val := map[string]bool{}
		for i := range t.NumMethod() {
			m := t.Method(i)
			val[m.Name] = true
			recv := types.NewVar(0, n.Obj().Pkg(), "", n)
			n.AddMethod(types.NewFunc(0, n.Obj().Pkg(), m.Name, im.signature(recv, m.Type, 1)))
		}
		pt := reflect.PointerTo(t)
		for i := range pt.NumMethod() {
			m := pt.Method(i)
			if val[m.Name] {
				continue
			}
			recv := types.NewVar(0, n.Obj().Pkg(), "", types.NewPointer(n))
			n.AddMethod(types.NewFunc(0, n.Obj().Pkg(), m.Name, im.signature(recv, m.Type, 1)))
		}
	}
}

// signature converts a func type, skipping its first skip parameters
// (the receiver of a method's func type).
func (im *Importer) signature(recv *types.Var, t reflect.Type, skip int) *types.Signature {
	var params, results []*types.Var
	for i := skip; i < t.NumIn(); i++ {
		params = append(params, types.NewVar(0, nil, "", im.typ(t.In(i))))
	}
	for i := range t.NumOut() {
		results = append(results, types.NewVar(0, nil, "", im.typ(t.Out(i))))
	}
	return types.NewSignatureType(recv, nil, nil, types.NewTuple(params...), types.NewTuple(results...), t.IsVariadic())
}

// iface converts an interface type with its exported methods: a compiled
// interface's unexported methods cannot be met by a cell's types anyway,
// and leaving them out keeps compiled types that have them assignable.
func (im *Importer) iface(t reflect.Type) *types.Interface {
	if t.Name() == "error" && t.PkgPath() == "" {
		return types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	}
	var methods []*types.Func
	for i := range t.NumMethod() {
		m := t.Method(i)
		if m.PkgPath != "" {
			continue
		}
		var pkg *types.Package
		if t.PkgPath() != "" {
			pkg = im.pkg(t.PkgPath())
		}
		methods = append(methods, types.NewFunc(0, pkg, m.Name, im.signature(nil, m.Type, 0)))
	}
	return types.NewInterfaceType(methods, nil).Complete()
}

// strct converts a struct type with all its fields, unexported ones in
// the package that declares them.
func (im *Importer) strct(t reflect.Type) *types.Struct {
	fields := make([]*types.Var, t.NumField())
	tags := make([]string, t.NumField())
	for i := range fields {
		f := t.Field(i)
		var pkg *types.Package
		if f.PkgPath != "" {
			pkg = im.pkg(f.PkgPath)
		} else if t.PkgPath() != "" {
			pkg = im.pkg(t.PkgPath())
		}
		fields[i] = types.NewField(0, pkg, f.Name, im.typ(f.Type), f.Anonymous)
		tags[i] = string(f.Tag)
	}
	return types.NewStruct(fields, tags)
}

// Loader makes an Importer and imports a list of packages into it once,
// in the background: Start begins the loading without waiting for it (a
// kernel's start does not get slower), and Wait returns the importer once
// loaded, so that every check, the first one included, sees the same types.
type Loader struct {
	once   sync.Once
	done   chan struct{}
	im     *Importer // set before done is closed
	tables map[string]map[string]reflect.Value
	paths  []string
}

// NewLoader returns a loader of tables (as for New) that imports paths
// when started.
func NewLoader(tables map[string]map[string]reflect.Value, paths []string) *Loader {
	return &Loader{done: make(chan struct{}), tables: tables, paths: paths}
}

// Start begins the loading in a goroutine; later calls do nothing.
func (l *Loader) Start() {
	l.once.Do(func() {
		go func() {
			defer close(l.done)
			im := New(l.tables)
			for _, p := range l.paths {
				if im.Has(p) {
					_, _ = im.Import(p) // cannot fail for a path it has
				}
			}
			l.im = im
		}()
	})
}

// Wait starts the loading if needed and returns the importer when loaded.
func (l *Loader) Wait() *Importer {
	l.Start()
	<-l.done
	return l.im
}
