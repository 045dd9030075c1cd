package session

import (
	"fmt"
	"go/token"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/gocurve/gocurve/kernel/cell"
	"github.com/gocurve/gocurve/kernel/importer"
)

// A hint is a line added to a cell's error that says what to write instead,
// for mistakes the compiler's words do not explain to a student: a struct
// whose methods have pointer receivers used as a value, a value passed
// where what one of its methods returns is wanted, a method or package
// symbol that does not exist (another major version of the package has
// it, or a name differing in case), and values of two packages' types of
// the same name (math/rand's *rand.Rand where math/rand/v2's is wanted).
// Hints are derived from the packages' symbol tables by reflection, not
// written per name. Both yaegi's wording and go/types' are recognised.
var hintRules = []struct {
	re   *regexp.Regexp
	hint func(x *hinter, m []string, src string, col int) string
}{
	// yaegi: cannot use type optim.GD as type optim.Optimizer
	{regexp.MustCompile(`cannot use type (\S+) as type (\S+)`), func(x *hinter, m []string, src string, col int) string {
		return x.conversionHint(m[1], m[2], src, col)
	}},
	// go/types: cannot use optim.GD{…} (value of struct type optim.GD) as optim.Optimizer value in …
	{regexp.MustCompile(`cannot use .* \((?:variable|value) of (?:\w+ )*type (\S+)\) as (\S+) value`), func(x *hinter, m []string, src string, col int) string {
		return x.conversionHint(m[1], m[2], src, col)
	}},
	// go/types: q.Hessian undefined (type *hessian.Quadratic has no field or method Hessian…
	{regexp.MustCompile(`(\S+)\.(\w+) undefined \(type (\S+) has no field or method`), func(x *hinter, m []string, _ string, _ int) string {
		return x.methodHint(m[1], m[3], m[2])
	}},
	// yaegi: undefined selector: Hessian (the column is the receiver's)
	{regexp.MustCompile(`undefined selector: (\w+)`), func(x *hinter, m []string, src string, col int) string {
		recv := strings.TrimSuffix(operandAt(src, col), "."+m[1])
		return x.methodHint(recv, x.typeOfVar(recv), m[1])
	}},
	// yaegi: package rand "math/rand/v2" has no symbol NewSource
	{regexp.MustCompile(`package (\w+) "([^"]+)" has no symbol (\w+)`), func(x *hinter, m []string, _ string, _ int) string {
		return symbolHint(m[1], m[2], m[3])
	}},
	// go/types: undefined: rand.NewSource
	{regexp.MustCompile(`undefined: (\w+)\.(\w+)`), func(x *hinter, m []string, _ string, _ int) string {
		if path := x.importPath(m[1]); path != "" {
			return symbolHint(m[1], path, m[2])
		}
		return ""
	}},
	// go/types: cannot use … (value of type *"math/rand".Rand) as *"math/rand/v2".Rand value
	{regexp.MustCompile(`type (\*?)"([^"]+)"\.(\w+)\) as \*?"[^"]+"\.(\w+) value`), func(x *hinter, m []string, _ string, _ int) string {
		if m[3] != m[4] {
			return ""
		}
		return x.sameNameHint(m[1] + importer.DefaultName(m[2]) + "." + m[3])
	}},
	// a reflect call given a value of another package's type of the same name
	{regexp.MustCompile(`reflect: Call using (\S+) as type (\S+)`), func(x *hinter, m []string, _ string, _ int) string {
		if m[1] != m[2] {
			return ""
		}
		return x.sameNameHint(m[1])
	}},
}

// hinter is what a hint is derived from: the packages in scope, the
// session's variables and the cell's lines.
type hinter struct {
	imports []binding   // the session's, preloaded first
	items   []cell.Item // the cell's, nil if it did not parse
	vars    []variable
	lines   []string
}

var msgPos = regexp.MustCompile(`^(\d+):(\d+): `)

// hinter returns the hinter of a cell: of its execution x, or of the
// session alone if the cell did not parse (x nil).
func (s *Session) hinter(x *execution, code string) *hinter {
	h := &hinter{imports: s.imports, vars: s.vars, lines: strings.Split(code, "\n")}
	if x != nil {
		h.imports = append(slices.Clone(x.imports), s.imports...)
		h.vars = append(slices.Clone(x.vars), s.vars...)
		if x.c != nil {
			h.items = x.c.Items
		}
	}
	return h
}

// add adds to e's traceback the hint for its message, if one applies. A
// failure to derive one never hides the error itself.
func (x *hinter) add(e *cellError) *cellError {
	defer func() { _ = recover() }()
	src, col := "", 0
	if m := msgPos.FindStringSubmatch(e.msg); m != nil {
		l, _ := strconv.Atoi(m[1])
		col, _ = strconv.Atoi(m[2])
		if l >= 1 && l <= len(x.lines) {
			src = x.lines[l-1]
		}
	}
	for _, r := range hintRules {
		m := r.re.FindStringSubmatch(e.msg)
		if m == nil {
			continue
		}
		if h := r.hint(x, m, src, col); h != "" {
			e.trace = append(e.trace, "hint: "+h)
			return e
		}
	}
	return e
}

// conversionHint explains why a value of type have is not a want (an
// interface) where a pointer or a method's result would be.
func (x *hinter) conversionHint(have, want, src string, col int) string {
	ht, wt := x.lookupType(have), x.lookupType(want)
	if ht == nil || wt == nil || wt.Kind() != reflect.Interface || ht.Implements(wt) {
		return ""
	}
	if ht.Kind() != reflect.Pointer && reflect.PointerTo(ht).Implements(wt) {
		return fmt.Sprintf("write &%s{…}: the methods of %s (%s) have pointer receivers, so only a *%s satisfies %s",
			have, have, strings.Join(missingMethods(ht, wt), ", "), have, want)
	}
	operand := operandAt(src, col)
	if operand == "" {
		operand = "the value"
	}
	for i := range ht.NumMethod() {
		mt := ht.Method(i)
		if mt.Type.NumIn() == 1 && mt.Type.NumOut() == 1 && mt.Type.Out(0).Implements(wt) {
			return fmt.Sprintf("%s is not a %s, but its method %s gives one: write %s.%s()", have, want, mt.Name, operand, mt.Name)
		}
	}
	return ""
}

// missingMethods lists the methods of interface i that t lacks.
func missingMethods(t, i reflect.Type) []string {
	var out []string
	for j := range i.NumMethod() {
		if _, ok := t.MethodByName(i.Method(j).Name); !ok {
			out = append(out, i.Method(j).Name)
		}
	}
	return out
}

// methodHint says what to write for recv.name where recv's type (typ)
// has no such method: the value itself where name is an interface of the
// type's package that the type already implements, else a method of a
// near name.
func (x *hinter) methodHint(recv, typ, name string) string {
	t := x.lookupType(typ)
	if t == nil {
		return ""
	}
	if pkg, _, ok := strings.Cut(strings.TrimPrefix(typ, "*"), "."); ok {
		if it := x.lookupType(pkg + "." + name); it != nil && it.Kind() == reflect.Interface && t.Implements(it) {
			return fmt.Sprintf("%s is a %s.%s itself: write %s where a %s.%s is wanted", typ, pkg, name, recv, pkg, name)
		}
	}
	var names []string
	for i := range t.NumMethod() {
		names = append(names, t.Method(i).Name)
	}
	if near := nearest(name, names); near != "" {
		return fmt.Sprintf("%s has no method %s; did you mean %s.%s?", typ, name, recv, near)
	}
	if len(names) > 0 && len(names) <= 12 {
		return fmt.Sprintf("the methods of %s are %s", typ, strings.Join(names, ", "))
	}
	return ""
}

// symbolHint says where a package symbol that is not in the package at
// path (named pkg in the cell) is: under a name differing only in case, or
// in another major version of the package, with that version's way to
// get what the symbol gave.
func symbolHint(pkg, path, name string) string {
	syms := exports[path+"/"+importer.DefaultName(path)]
	if syms == nil {
		return ""
	}
	var names []string
	for n := range syms {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		if strings.EqualFold(n, name) {
			return fmt.Sprintf("did you mean %s.%s?", pkg, n)
		}
	}
	for _, other := range siblingVersions(path) {
		v, ok := exports[other+"/"+importer.DefaultName(other)][name]
		if !ok {
			continue
		}
		h := fmt.Sprintf("%s.%s is in %q, not %q; import %q for it", pkg, name, other, path, other)
		if alt := sameResult(v, syms, pkg); alt != "" {
			h += fmt.Sprintf("; with %q, %s", path, alt)
		}
		return h
	}
	return ""
}

// sameResult names the funcs of syms that make, from plain values, a type
// of the name v's (a func) result has, e.g. math/rand/v2's NewPCG and
// NewChaCha8 for math/rand's NewSource (all give a Source).
func sameResult(v reflect.Value, syms map[string]reflect.Value, pkg string) string {
	if v.Kind() != reflect.Func || v.Type().NumOut() != 1 {
		return ""
	}
	want := v.Type().Out(0).Name()
	wt, ok := syms[want]
	if want == "" || !ok || wt.Kind() != reflect.Pointer {
		return ""
	}
	target := wt.Type().Elem()
	var alts []string
	for n, f := range syms {
		if f.Kind() != reflect.Func || f.Type().NumOut() != 1 || !token.IsExported(n) {
			continue
		}
		if !plainParams(f.Type()) {
			continue
		}
		out := f.Type().Out(0)
		if out == target || target.Kind() == reflect.Interface && out.Implements(target) {
			alts = append(alts, fmt.Sprintf("%s.%s(%s)", pkg, n, params(f.Type())))
		}
	}
	if len(alts) == 0 {
		return ""
	}
	slices.Sort(alts)
	return fmt.Sprintf("%s gives a %s.%s", strings.Join(alts, " or "), pkg, want)
}

// plainParams reports whether every parameter of func type t is of a
// predeclared type or a composite of them (numbers, strings, arrays).
func plainParams(t reflect.Type) bool {
	for i := range t.NumIn() {
		p := t.In(i)
		for p.Kind() == reflect.Array || p.Kind() == reflect.Slice {
			p = p.Elem()
		}
		if p.PkgPath() != "" || p.Kind() == reflect.Interface || p.Kind() == reflect.Pointer {
			return false
		}
	}
	return true
}

// params writes a func's parameter types, e.g. "uint64, uint64".
func params(t reflect.Type) string {
	ps := make([]string, t.NumIn())
	for i := range ps {
		ps[i] = t.In(i).String()
	}
	return strings.Join(ps, ", ")
}

// siblingVersions returns the other major versions of path in the symbol
// tables: math/rand for math/rand/v2 and the reverse.
func siblingVersions(path string) []string {
	base := path
	if b := importer.DefaultName(path); !strings.HasSuffix(path, "/"+b) {
		base = path[:strings.LastIndex(path, "/")]
	}
	var out []string
	for k := range exports {
		p, _ := splitKey(k)
		if p == path {
			continue
		}
		if p == base || strings.HasPrefix(p, base+"/v") && importer.DefaultName(p) == importer.DefaultName(base) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// sameNameHint explains a value of one package's type passed where
// another package's type of the same printed name (typ) is wanted.
func (x *hinter) sameNameHint(typ string) string {
	pkg, name, ok := strings.Cut(strings.TrimPrefix(typ, "*"), ".")
	if !ok {
		return ""
	}
	var paths []string
	for k, syms := range exports {
		p, _ := splitKey(k)
		if importer.DefaultName(p) == pkg {
			if _, ok := syms[name]; ok {
				paths = append(paths, p)
			}
		}
	}
	if len(paths) < 2 {
		return ""
	}
	slices.Sort(paths)
	h := fmt.Sprintf("%s of %s are different types", typ, quoteAll(paths))
	if have := x.importPath(pkg); have != "" {
		others := slices.DeleteFunc(slices.Clone(paths), func(p string) bool { return p == have })
		h += fmt.Sprintf(": the value is %q's, and the func takes %s's; import %s instead", have, quoteAll(others), quoteAll(others))
	}
	return h
}

// splitKey splits a symbol table's key, "path/name", into path and name.
func splitKey(k string) (path, name string) {
	i := strings.LastIndex(k, "/")
	if i < 0 {
		return "", k
	}
	return k[:i], k[i+1:]
}

func quoteAll(ps []string) string {
	q := make([]string, len(ps))
	for i, p := range ps {
		q[i] = fmt.Sprintf("%q", p)
	}
	return strings.Join(q, " and ")
}

// importPath returns the path of the package the cell or the session
// knows by name, or "".
func (x *hinter) importPath(name string) string {
	{
		for _, it := range x.items {
			if it.Kind == cell.Import && (it.ImportName == name || it.ImportName == "" && importer.DefaultName(it.ImportPath) == name) {
				return it.ImportPath
			}
		}
	}
	for i := len(x.imports) - 1; i >= 0; i-- {
		if x.imports[i].name == name {
			return x.imports[i].path
		}
	}
	for _, b := range preloaded {
		if b.name == name {
			return b.path
		}
	}
	return ""
}

// lookupType returns the reflect type written as typ ("pkg.Name" or
// "*pkg.Name") from the symbol tables, or nil.
func (x *hinter) lookupType(typ string) reflect.Type {
	ptr := strings.HasPrefix(typ, "*")
	pkg, name, ok := strings.Cut(strings.TrimPrefix(typ, "*"), ".")
	if !ok {
		return nil
	}
	path := x.importPath(pkg)
	if path == "" {
		return nil
	}
	v, ok := exports[path+"/"+importer.DefaultName(path)][name]
	if !ok || v.Kind() != reflect.Pointer || !v.IsNil() {
		return nil // not a type: types are stored as (*T)(nil)
	}
	t := v.Type().Elem()
	if ptr {
		t = reflect.PointerTo(t)
	}
	return t
}

// typeOfVar returns the Go type of the session's variable name, or "".
func (x *hinter) typeOfVar(name string) string {
	for _, v := range x.vars {
		if v.name == name {
			return v.typ
		}
	}
	return ""
}

var operand = regexp.MustCompile(`^[\p{L}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)*`)

// operandAt returns the identifier or selector starting at column col
// (1-based, in bytes) of src, or "".
func operandAt(src string, col int) string {
	if col < 1 || col > len(src) {
		return ""
	}
	return operand.FindString(src[col-1:])
}

// nearest returns the name of names nearest to name — equal but for
// case, or one edit away — or "".
func nearest(name string, names []string) string {
	for _, n := range names {
		if strings.EqualFold(n, name) {
			return n
		}
	}
	allowed := 1
	if len(name) > 5 {
		allowed = 2
	}
	for _, n := range names {
		if editDistance(strings.ToLower(n), strings.ToLower(name)) <= allowed {
			return n
		}
	}
	return ""
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
