package session

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/gocurve/gocurve/kernel/cell"
)

// variadicTable lists the compiled funcs and methods with a variadic
// interface parameter, found by reflection over the symbol tables.
var variadicTable = func() map[string][]variadicInfo {
	m := map[string][]variadicInfo{}
	check := func(t reflect.Type, skip int) (int, reflect.Type, bool) {
		if !t.IsVariadic() {
			return 0, nil, false
		}
		last := t.In(t.NumIn() - 1).Elem()
		if last.Kind() != reflect.Interface || last.NumMethod() == 0 || last.PkgPath() == "" {
			return 0, nil, false
		}
		return t.NumIn() - 1 - skip, last, true
	}
	for key, syms := range exports {
		slash := strings.LastIndexByte(key, '/')
		if slash < 0 {
			continue
		}
		pkg := key[:slash]
		for name, v := range syms {
			if v.Kind() == reflect.Func {
				if fixed, it, ok := check(v.Type(), 0); ok {
					m[pkg+"."+name] = append(m[pkg+"."+name], variadicInfo{fixed: fixed, iface: it})
				}
			}
			if v.Kind() == reflect.Ptr && v.IsNil() && v.Type().Elem().Kind() != reflect.Interface {
				t := v.Type()
				for i := 0; i < t.NumMethod(); i++ {
					meth := t.Method(i)
					if fixed, it, ok := check(meth.Type, 1); ok {
						m[meth.Name] = append(m[meth.Name], variadicInfo{recv: t, fixed: fixed, iface: it})
					}
				}
			}
		}
	}
	return m
}()

// ifaceHelper is the name of the interpreted func that returns its argument
// as interface t: yaegi converts an interpreted value to a compiled interface
// when it is passed to an interpreted func, not when it is passed to a
// compiled variadic one.
func ifaceHelper(t reflect.Type) string {
	r := strings.NewReplacer("/", "_", ".", "_", "-", "_")
	return "__gocurve_as_" + r.Replace(t.PkgPath()) + "_" + t.Name()
}

// ifaceHelpers is the source of the helpers ifaceHelper names.
func ifaceHelpers() string {
	var b strings.Builder
	seen := map[reflect.Type]bool{}
	b.WriteString("package main\n")
	var types []reflect.Type
	for _, infos := range variadicTable {
		for _, in := range infos {
			if !seen[in.iface] {
				seen[in.iface] = true
				types = append(types, in.iface)
			}
		}
	}
	sort.Slice(types, func(i, j int) bool { return ifaceHelper(types[i]) < ifaceHelper(types[j]) })
	for i, t := range types {
		fmt.Fprintf(&b, "import __gocurve_p%d %q\n", i, t.PkgPath())
	}
	for i, t := range types {
		fmt.Fprintf(&b, "func %s(v __gocurve_p%d.%s) __gocurve_p%d.%s { return v }\n", ifaceHelper(t), i, t.Name(), i, t.Name())
	}
	return b.String()
}

type variadicInfo struct {
	recv  reflect.Type // nil for a func
	fixed int
	iface reflect.Type
}

// variadics is variadicTable in the form package cell takes, with the
// package names of imports.
func variadics(imports []binding) map[string][]cell.Variadic {
	out := map[string][]cell.Variadic{}
	for key, infos := range variadicTable {
		name := key
		if i := strings.LastIndexByte(key, '.'); i > 0 {
			pkg := key[:i]
			j := -1
			for k, b := range imports {
				if b.path == pkg {
					j = k
				}
			}
			if j < 0 {
				continue
			}
			name = imports[j].name + key[i:]
		}
		for _, in := range infos {
			v := cell.Variadic{Fixed: in.fixed, Iface: ifaceHelper(in.iface)}
			if in.recv != nil {
				v.Recv = in.recv.Elem().PkgPath() + "." + in.recv.Elem().Name()
			}
			out[name] = append(out[name], v)
		}
	}
	return out
}
