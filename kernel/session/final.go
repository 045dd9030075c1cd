package session

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"github.com/gocurve/gocurve/kernel/cell"
	"github.com/gocurve/gocurve/kernel/display"
)

// final runs the cell's last expression statement and renders its value
// unless it is a call of something without results. The value is kept in
// variables __gocurve_v0, ... whose static types are the expression's, so
// the interpreted methods HTML, Markdown, LaTeX, SVG, PNG and String can be
// called in the interpreter (reflection on the value cannot see them).
func (x *execution) final(it cell.Item) error {
	n := 1
	switch {
	case it.Void:
		n = 0
	case it.Results > 0: // the type model's count
		n = it.Results
	case it.Call != "":
		n = x.results(it.Call)
	}
	x.dirty = true
	x.cur = &it
	if n == 0 {
		return x.evalStmt(it)
	}
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("__gocurve_v%d", i)
	}
	def := it
	h := strings.Join(names, ", ") + " := "
	// h goes on the line before, so the expression keeps its cell line
	// and column in the interpreter's messages.
	def.Src = h + "\n" + strings.Repeat(" ", max(it.Col-1, 0)) + it.Src
	def.Line, def.Col = it.Line-1, 1
	def.Names = names
	if err := x.evalStmt(def); err != nil {
		return err
	}
	x.cur = nil
	var parts []string
	var b display.Bundle
	for i, name := range names {
		v, err := evalSafe(x.s.in, name)
		if err != nil {
			return x.mapError(err)
		}
		var val any
		if v.IsValid() && v.CanInterface() {
			val = v.Interface()
		}
		if n == 1 {
			b = display.Render(val)
			x.richMethods(name, &b)
		} else {
			bi := display.Render(val)
			x.richMethods(names[i], &bi)
			parts = append(parts, fmt.Sprint(bi.Data["text/plain"]))
		}
	}
	if n > 1 {
		b = display.Render(display.Bundle{Data: map[string]any{"text/plain": strings.Join(parts, " ")}})
	}
	x.s.rt.shown = &b
	return nil
}

// richMethods adds what the interpreted display methods of the variable
// name return to b. Only methods the session declared are tried.
func (x *execution) richMethods(name string, b *display.Bundle) {
	declared := map[string]bool{}
	for _, it := range x.table {
		if it.Kind == cell.Method {
			declared[it.Names[0][strings.IndexByte(it.Names[0], '.')+1:]] = true
		}
	}
	for _, m := range []struct{ method, mime string }{
		{"String", "text/plain"}, {"HTML", "text/html"}, {"Markdown", "text/markdown"},
		{"LaTeX", "text/latex"}, {"SVG", "image/svg+xml"}, {"PNG", "image/png"},
	} {
		if !declared[m.method] {
			continue
		}
		// A compile error here means the value has no such method; nothing ran.
		v, err := evalSafe(x.s.in, name+"."+m.method+"()")
		if err != nil || !v.IsValid() {
			continue
		}
		switch r := v.Interface().(type) {
		case string:
			b.Data[m.mime] = r
		case []byte:
			if m.mime == "image/png" {
				b.Data[m.mime] = display.Render(pngOnly(r)).Data["image/png"]
			} else {
				b.Data[m.mime] = string(r)
			}
		}
	}
}

// results decides how many results a call's callee returns, from the
// declaration table, the symbol tables, or the callee's value; 1 when unsure.
func (x *execution) results(callee string) int {
	for _, it := range x.table {
		if it.Kind == cell.Func && it.Names[0] == callee {
			return it.Results
		}
		if it.Kind == cell.Type && it.Names[0] == callee {
			return 1 // a conversion
		}
	}
	if isBuiltinValue(callee) {
		return 1
	}
	if _, ok := types.Universe.Lookup(callee).(*types.TypeName); ok {
		return 1 // a conversion to a predeclared type: float64(x), string(rs)
	}
	if pkg, name, ok := strings.Cut(callee, "."); ok && !x.s.cellOptions().Shadowed[pkg] {
		// slices.Sort and friends are the prelude's generic funcs, which
		// cannot be evaluated uninstantiated to read their results.
		if n, ok := helperResults["__gocurve_"+pkg+"_"+name]; ok {
			return n
		}
	}
	if i := strings.IndexByte(callee, '.'); i > 0 && strings.Contains(callee[i:], "Print") {
		if j := bindingIndex(x.imports, callee[:i]); j >= 0 && x.imports[j].path == "fmt" {
			return 0 // their (n, err) results are noise
		}
	}
	if strings.ContainsAny(callee, "()[]{} \t\n") {
		return 1
	}
	v, err := evalSafe(x.s.in, callee)
	if err != nil || !v.IsValid() {
		return 1
	}
	if v.Kind() == reflect.Func {
		return v.Type().NumOut()
	}
	return 1
}

// helperResults are the numbers of results of the prelude's funcs, by name.
var helperResults = func() map[string]int {
	m := map[string]int{}
	for _, src := range []string{slicesSrc, mapsSrc, iterSrc, errorsSrc} {
		f, err := parser.ParseFile(token.NewFileSet(), "prelude.go", src, parser.SkipObjectResolution)
		if err != nil {
			panic("session: the prelude does not parse: " + err.Error())
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil {
				m[fd.Name.Name] = fd.Type.Results.NumFields()
			}
		}
	}
	return m
}()

func isBuiltinValue(name string) bool {
	switch name {
	case "len", "cap", "append", "make", "new", "complex", "real", "imag", "min", "max", "recover":
		return true
	}
	return false
}
