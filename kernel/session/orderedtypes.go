package session

import (
	"fmt"
	"maps"
	"path"
	"reflect"
	"slices"
	"strings"
	"sync"
)

// compiledBasics are the named types of the packages cells can import
// (exports) whose underlying type is an ordered basic type (time.Duration,
// vg.Length, token.Pos, …), as the interpreter names them once
// interpPrelude has imported their packages under names of its own. yaegi v0.16.1 admits
// through a constraint's ~int64 the types the cells declare, not compiled
// ones (slices.Sort of a []time.Duration failed to compile): the
// prelude's __gocurve_ordered and the cells' ~int64 terms name them too
// (cell.Options.CompiledTerms).
type compiledBasics struct {
	imports []binding
	// byBasic lists them by their underlying type's names ("int64";
	// "uint8" and "byte")
	byBasic map[string][]string
	all     []string
}

var basics = sync.OnceValue(func() compiledBasics {
	c := compiledBasics{byBasic: map[string][]string{}}
	for i, key := range slices.Sorted(maps.Keys(exports)) { // ("path/name")
		syms := exports[key]
		alias := fmt.Sprintf("__gocurve_ordpkg%d", i)
		used := false
		for _, name := range slices.Sorted(maps.Keys(syms)) {
			v := syms[name]
			// (a table holds a type T as a nil *T)
			if v.Kind() != reflect.Pointer || !v.IsNil() || v.Type().Elem().Name() != name || v.Type().Elem().PkgPath() == "" {
				continue
			}
			basic := basicNames[v.Type().Elem().Kind()]
			if basic == nil {
				continue
			}
			used = true
			term := alias + "." + name
			c.all = append(c.all, term)
			for _, b := range basic {
				c.byBasic[b] = append(c.byBasic[b], term)
			}
		}
		if used {
			c.imports = append(c.imports, binding{alias, path.Dir(key)})
		}
	}
	return c
})

// basicNames are the names of the ordered basic types of each kind.
var basicNames = map[reflect.Kind][]string{
	reflect.Int: {"int"}, reflect.Int8: {"int8"}, reflect.Int16: {"int16"}, reflect.Int32: {"int32", "rune"}, reflect.Int64: {"int64"},
	reflect.Uint: {"uint"}, reflect.Uint8: {"uint8", "byte"}, reflect.Uint16: {"uint16"}, reflect.Uint32: {"uint32"}, reflect.Uint64: {"uint64"},
	reflect.Uintptr: {"uintptr"}, reflect.Float32: {"float32"}, reflect.Float64: {"float64"}, reflect.String: {"string"},
}

// interpPrelude is prelude as the interpreter gets it: with the packages
// of compiledBasics imported, and its constraint __gocurve_ordered (min,
// max, cmp.Ordered, slices.Sort, …) naming their types beside its ~int …
// ~string terms. The type model's cmp.Ordered is the prelude's: go/types
// would refuse the names added (overlapping terms); Go's type set is the
// same.
var interpPrelude = sync.OnceValue(func() string {
	c := basics()
	var imports strings.Builder
	for _, b := range c.imports {
		fmt.Fprintf(&imports, "import %s %q\n", b.name, b.path)
	}
	const rt = "import __gocurve_rt \"gocurve.internal/rt\"\n"
	const last = "~float32 | ~float64 | ~string"
	if !strings.Contains(prelude, rt) || strings.Count(prelude, last) != 1 {
		panic("session: the prelude's import or its __gocurve_ordered changed; interpPrelude must follow")
	}
	src := strings.Replace(prelude, rt, rt+imports.String(), 1)
	return strings.Replace(src, last, last+" | "+strings.Join(c.all, " | "), 1)
})
