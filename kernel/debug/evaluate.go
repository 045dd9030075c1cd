package debug

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gocurve/gocurve/kernel/symbols"
	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// The debug console evaluates a Go expression in an interpreter of its
// own: the session's may be stopped in the middle of a statement, and
// every chunk compiled into it would stay there for good. The variables in
// scope are handed to it as the variables of a package (scopePath), the
// preloaded packages the expression names are imported, and funcs and
// types declared in cells are out of its reach: it says so.

// scopePath is the import path of the package holding the variables.
const scopePath = "gocurvescope"

// evalTimeout bounds an evaluation (a console expression can loop).
const evalTimeout = 5 * time.Second

// evalExpr evaluates the Go expression expr over the variables of scope
// (the innermost of a name first), the preloaded packages and Go's
// builtins. Output the expression prints is returned with its value.
func evalExpr(expr string, scope []named) (reflect.Value, string, error) {
	e, err := parser.ParseExpr(expr)
	if err != nil {
		return reflect.Value{}, "", fmt.Errorf("not a Go expression: %w", err)
	}
	byName := map[string]reflect.Value{}
	for _, n := range scope {
		if _, ok := byName[n.name]; !ok {
			byName[n.name] = n.v
		}
	}
	preloaded := map[string]string{}
	for _, p := range symbols.Preloaded {
		preloaded[p.Name] = p.Path
	}
	vars := interp.Exports{}
	exported := map[string]reflect.Value{}
	alias := map[string]string{}
	imports := map[string]string{}
	var unknown []string
	for _, id := range freeIdents(e) {
		name := id.Name
		switch v, ok := byName[name]; {
		case ok:
			if _, done := alias[name]; !done {
				alias[name] = "V" + strconv.Itoa(len(alias))
				exported[alias[name]] = addressable(v)
			}
			id.Name = "__scope." + alias[name]
		case preloaded[name] != "":
			imports[name] = preloaded[name]
		case name == "_" || types.Universe.Lookup(name) != nil:
		default:
			if !slices.Contains(unknown, name) {
				unknown = append(unknown, name)
			}
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return reflect.Value{}, "", fmt.Errorf("the debug console does not know %s: it evaluates Go expressions over the variables in scope, the preloaded packages (fmt, math, mat, …) and Go's builtins; funcs and types declared in cells are not in its reach (call them in a cell)", strings.Join(unknown, ", "))
	}
	vars[scopePath+"/"+scopePath] = exported
	for _, p := range imports {
		key, t := symbolTable(p)
		if t == nil {
			return reflect.Value{}, "", fmt.Errorf("the debug console cannot import %s", p)
		}
		vars[key] = t
	}
	var out bytes.Buffer
	in := interp.New(interp.Options{Stdout: &out, Stderr: &out})
	if err := in.Use(vars); err != nil {
		return reflect.Value{}, "", fmt.Errorf("the debug console: %w", err)
	}
	var src strings.Builder
	fmt.Fprintf(&src, "import (\n__scope %q\n", scopePath)
	for name, p := range imports {
		fmt.Fprintf(&src, "%s %q\n", name, p)
	}
	src.WriteString(")\n")
	if _, err := evalGuarded(context.Background(), in, src.String()); err != nil {
		return reflect.Value{}, "", fmt.Errorf("the debug console: %w", err)
	}
	var b strings.Builder
	if err := printer.Fprint(&b, token.NewFileSet(), e); err != nil {
		return reflect.Value{}, "", err
	}
	ctx, cancel := context.WithTimeout(context.Background(), evalTimeout)
	defer cancel()
	v, err := evalGuarded(ctx, in, b.String())
	if errors.Is(err, context.DeadlineExceeded) {
		err = fmt.Errorf("the expression did not finish within %v", evalTimeout)
	}
	if err != nil {
		// The names in yaegi's messages are the console's own: say the user's.
		msg := err.Error()
		for name, a := range alias {
			msg = strings.ReplaceAll(msg, "__scope."+a, name)
		}
		return reflect.Value{}, out.String(), errors.New(msg)
	}
	return v, out.String(), nil
}

// evalGuarded is EvalWithContext with the compiler's panics returned as
// errors.
func evalGuarded(ctx context.Context, in *interp.Interpreter, src string) (v reflect.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return in.EvalWithContext(ctx, src)
}

// freeIdents are the identifiers of e that name something of the scope:
// not a selector's field or method, not a composite literal's field key,
// not a func literal's own parameters (those are left to the compiler).
func freeIdents(e ast.Expr) []*ast.Ident {
	var out []*ast.Ident
	skip := map[*ast.Ident]bool{}
	ast.Inspect(e, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.SelectorExpr:
			skip[x.Sel] = true
		case *ast.CompositeLit:
			for _, el := range x.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok {
						skip[id] = true
					}
				}
			}
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			if !skip[x] {
				out = append(out, x)
			}
		}
		return true
	})
	return out
}

// addressable is v, or a copy of it that can be addressed: a package's
// variable is exported as an addressable value.
func addressable(v reflect.Value) reflect.Value {
	if !v.IsValid() || v.CanAddr() {
		return v
	}
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	return c
}

// symbolTable is the symbol table of the package at path and its key
// ("path/name"), nil if there is none.
func symbolTable(path string) (string, map[string]reflect.Value) {
	for _, tables := range []interp.Exports{symbols.Symbols, stdlib.Symbols} {
		for key, t := range tables {
			if name, ok := strings.CutPrefix(key, path+"/"); ok && !strings.Contains(name, "/") {
				return key, t
			}
		}
	}
	return "", nil
}
