package complete

import (
	"fmt"
	"go/constant"
	"reflect"
	"sort"
	"strings"
	"sync"
)

// member is one exported name of a compiled package or type.
type member struct {
	name string
	kind string       // func, type, var, const, method, field
	typ  reflect.Type // func type, variable type, the type itself, const type (nil if untyped)
	sig  string       // one-line signature for completion metadata
	key  string       // docs key, e.g. "gonum.org/v1/gonum/mat.Dense.Mul"
	val  string       // constant value, if any
	// iface marks an interface method, whose reflect func type has no
	// receiver parameter
	iface bool
}

// pkgIndex is the index of one compiled package, built on first use.
type pkgIndex struct {
	c    *Completer
	path string
	name string
	syms map[string]reflect.Value

	once    sync.Once
	members []member // sorted by name
	byName  map[string]int
}

func newPkgIndex(c *Completer, path, name string, syms map[string]reflect.Value) *pkgIndex {
	return &pkgIndex{c: c, path: path, name: name, syms: syms}
}

func (p *pkgIndex) index() []member {
	p.once.Do(func() {
		docs := p.c.docs()
		p.byName = make(map[string]int, len(p.syms))
		for name, v := range p.syms {
			if strings.HasPrefix(name, "_") || !v.IsValid() {
				continue // yaegi's interface wrappers
			}
			m := member{name: name, key: p.path + "." + name}
			switch {
			case v.Type().Implements(constValueType):
				m.kind = "const"
				m.val = v.Interface().(constant.Value).ExactString()
			case v.Kind() == reflect.Func:
				m.kind, m.typ = "func", v.Type()
			case v.Kind() == reflect.Pointer && v.IsNil():
				m.kind, m.typ = "type", v.Type().Elem()
			case v.Kind() == reflect.Pointer:
				m.kind, m.typ = "var", v.Type().Elem()
			default:
				m.kind, m.typ = "const", v.Type()
				m.val = fmt.Sprint(v.Interface())
			}
			m.sig = memberSig(m, docs)
			p.members = append(p.members, m)
		}
		// names the reflect table lacks (generic funcs and types, which
		// yaegi extract skips, such as slices.Sort) come from the docs
		seen := make(map[string]bool, len(p.members))
		for _, m := range p.members {
			seen[m.name] = true
		}
		prefix := p.path + "."
		for key, d := range docs {
			name, ok := strings.CutPrefix(key, prefix)
			if !ok || strings.Contains(name, ".") || seen[name] {
				continue
			}
			kind, _, _ := strings.Cut(d.Sig, " ")
			switch kind {
			case "func", "type", "var", "const":
				p.members = append(p.members, member{name: name, kind: kind, key: key, sig: firstLine(d.Sig)})
			}
		}
		sort.Slice(p.members, func(i, j int) bool { return p.members[i].name < p.members[j].name })
		for i, m := range p.members {
			p.byName[m.name] = i
		}
	})
	return p.members
}

func (p *pkgIndex) lookup(name string) (member, bool) {
	p.index()
	i, ok := p.byName[name]
	if !ok {
		return member{}, false
	}
	return p.members[i], true
}

var constValueType = reflect.TypeOf((*constant.Value)(nil)).Elem()

// memberSig is the one-line signature of m: the generated one when there is
// one (it has parameter names), else one printed from reflect.
func memberSig(m member, docs map[string]docEntry) string {
	if d, ok := docs[m.key]; ok && d.Sig != "" {
		return firstLine(d.Sig)
	}
	switch m.kind {
	case "func", "method":
		return "func " + m.name + funcSig(m.typ, m.kind == "method" && !m.iface)
	case "type":
		return "type " + m.name + " " + kindWord(m.typ)
	case "var":
		return "var " + m.name + " " + m.typ.String()
	case "field":
		return m.name + " " + m.typ.String()
	case "const":
		if m.typ != nil {
			return "const " + m.name + " " + m.typ.String() + " = " + m.val
		}
		return "const " + m.name + " = " + m.val
	}
	return m.name
}

// firstLine shortens a multi-line declaration to its header.
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = strings.TrimRight(s[:i], " {") + " {...}"
	}
	return s
}

func kindWord(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Struct:
		return "struct{...}"
	case reflect.Interface:
		return "interface{...}"
	}
	return t.Kind().String()
}

// funcSig prints a func type's parameters and results, skipping a leading
// receiver when recv is set: "(int, int, []float64) *mat.Dense".
func funcSig(t reflect.Type, recv bool) string {
	var b strings.Builder
	b.WriteByte('(')
	first := 0
	if recv {
		first = 1
	}
	for i := first; i < t.NumIn(); i++ {
		if i > first {
			b.WriteString(", ")
		}
		in := t.In(i)
		if t.IsVariadic() && i == t.NumIn()-1 {
			b.WriteString("..." + in.Elem().String())
		} else {
			b.WriteString(in.String())
		}
	}
	b.WriteByte(')')
	switch t.NumOut() {
	case 0:
	case 1:
		b.WriteString(" " + t.Out(0).String())
	default:
		b.WriteString(" (")
		for i := 0; i < t.NumOut(); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(t.Out(i).String())
		}
		b.WriteByte(')')
	}
	return b.String()
}

// typeMembers lists the fields and methods reachable from a value of type t
// (a variable, so addressable: pointer methods count), sorted by name.
func (c *Completer) typeMembers(t reflect.Type) []member {
	if ms, ok := c.typeCache.Load(t); ok {
		return ms.([]member)
	}
	ms := c.buildTypeMembers(t)
	c.typeCache.Store(t, ms)
	return ms
}

func (c *Completer) buildTypeMembers(t reflect.Type) []member {
	docs := c.docs()
	seen := map[string]bool{}
	var out []member
	add := func(m member) {
		if seen[m.name] {
			return
		}
		seen[m.name] = true
		m.sig = memberSig(m, docs)
		out = append(out, m)
	}
	if t.Kind() == reflect.Interface {
		for i := 0; i < t.NumMethod(); i++ {
			f := t.Method(i)
			add(member{name: f.Name, kind: "method", typ: f.Type, key: docKey(t, f.Name), iface: true})
		}
		return sortMembers(out)
	}
	mt := t
	if t.Kind() != reflect.Pointer {
		mt = reflect.PointerTo(t)
	}
	for i := 0; i < mt.NumMethod(); i++ {
		f := mt.Method(i)
		add(member{name: f.Name, kind: "method", typ: f.Type, key: docKey(mt, f.Name)})
	}
	st := t
	if st.Kind() == reflect.Pointer {
		st = st.Elem()
	}
	if st.Kind() == reflect.Struct {
		for _, f := range reflect.VisibleFields(st) {
			if !f.IsExported() || len(f.Index) > 1 && seen[f.Name] {
				continue
			}
			add(member{name: f.Name, kind: "field", typ: f.Type, key: docKey(st, f.Name)})
		}
	}
	return sortMembers(out)
}

func sortMembers(ms []member) []member {
	sort.Slice(ms, func(i, j int) bool { return ms[i].name < ms[j].name })
	return ms
}

// docKey is the generated-docs key of a method or field of t: "path.Type.Name".
func docKey(t reflect.Type, name string) string {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.PkgPath() == "" || t.Name() == "" {
		return ""
	}
	return t.PkgPath() + "." + t.Name() + "." + name
}
