package session

import (
	"fmt"
	"reflect"

	"github.com/gocurve/gocurve/kernel/cell"
	"github.com/traefik/yaegi/interp"
)

// carried is a variable on its way into a new interpreter, from an old
// interpreter (rebuild) or from a snapshot (Restore).
type carried struct {
	v variable
	// texpr is the type the variable is declared with; "" leaves it
	// undeclared (a later statement of the running cell defines it).
	texpr string
	// skip, when set, is why the variable is not declared at all.
	skip string
	// fill sets the declared variable's value and returns why it could
	// not, or ""; nil leaves the zero value.
	fill func(dst reflect.Value) string
	// remake: the value is made again from v.funcLit once the funcs are
	// declared (a closure is tied to its interpreter).
	remake bool
}

// replay is the one path by which a session moves to a new interpreter:
// imports, the declarations of old (then the cell's, whose errors carry
// cell lines), the variables with their values, the variables made from
// func literals, and the pointers between variables. typesReady, if set, is
// called once the types exist. verb says what is done in notices ("carry
// over", "restore"). It returns the variables declared and notices naming
// what could not be brought over.
func (s *Session) replay(imports []binding, old, cellDecls []cell.Item, vars []carried, points []snapPoint, verb string, typesReady func(*interp.Interpreter)) (*interp.Interpreter, []variable, []string, error) {
	var notices []string
	typesOld, funcsOld := splitDecls(old)
	typesNew, funcsNew := splitDecls(cellDecls)
	in, err := s.newInterp(imports)
	if err != nil {
		return nil, nil, nil, err
	}
	if err := s.evalReplay(in, typesOld, typesNew); err != nil {
		return nil, nil, nil, err
	}
	s.rt.setShapes(namedTypes(in, append(append([]cell.Item(nil), typesOld...), typesNew...)))
	if typesReady != nil {
		typesReady(in)
	}
	var declared []variable
	for _, c := range vars {
		if c.skip != "" {
			notices = append(notices, c.skip)
			continue
		}
		if c.texpr == "" {
			declared = append(declared, c.v)
			continue
		}
		if _, err := evalSafe(in, fmt.Sprintf("package main; var %s %s", c.v.name, c.texpr)); err != nil {
			notices = append(notices, fmt.Sprintf("could not %s %s (%v)", verb, c.v.name, err))
			continue
		}
		declared = append(declared, c.v)
		if c.fill == nil {
			continue
		}
		p, err := evalSafe(in, "&"+c.v.name)
		if err != nil || p.Kind() != reflect.Ptr {
			notices = append(notices, fmt.Sprintf("could not %s %s", verb, c.v.name))
			continue
		}
		if why := c.fill(p.Elem()); why != "" {
			notices = append(notices, why)
		}
	}
	if err := s.evalReplay(in, funcsOld, funcsNew); err != nil {
		return nil, nil, notices, err
	}
	// Variables holding a func literal get it again, now closing over the
	// new interpreter's variables.
	for _, c := range vars {
		if !c.remake {
			continue
		}
		if _, err := s.evalDecls(in, ";"+c.v.name+" = "+c.v.funcLit); err != nil {
			notices = append(notices, fmt.Sprintf("could not %s %s (%v)", verb, c.v.name, err))
		}
	}
	notices = append(notices, relink(in, points, declared)...)
	return in, declared, notices, nil
}

// relink makes each pointer variable of points hold the address of its
// target again: values alone carry a copy of the target, or the address of
// the old interpreter's variable. The notices name the links that could
// not be made.
func relink(in *interp.Interpreter, points []snapPoint, vars []variable) []string {
	var notices []string
	for _, p := range points {
		have := 0
		for _, v := range vars {
			if v.name == p.Ptr || v.name == p.To {
				have++
			}
		}
		if have == 2 {
			if _, err := evalSafe(in, ";"+p.Ptr+" = &"+p.To); err == nil {
				continue
			}
		}
		notices = append(notices, fmt.Sprintf("%s pointed to %s before; it points to a separate copy now", p.Ptr, p.To))
	}
	return notices
}

// pointsAmong finds the variables whose value is the address of another
// variable (p := &x), given pointers to the variables' storage.
func pointsAmong(vars []variable, ptrs map[string]reflect.Value) []snapPoint {
	var out []snapPoint
	var at map[uintptr]string
	for _, v := range vars {
		p, ok := ptrs[v.name]
		if !ok || p.Elem().Kind() != reflect.Pointer || p.Elem().IsNil() {
			continue
		}
		if at == nil {
			at = make(map[uintptr]string, len(ptrs))
			for name, q := range ptrs {
				at[q.Pointer()] = name
			}
		}
		if to, ok := at[p.Elem().Pointer()]; ok && to != v.name {
			out = append(out, snapPoint{Ptr: v.name, To: to})
		}
	}
	return out
}

// storage returns pointers to the named variables' storage in in. It reads
// the interpreter's globals, compiling nothing (an Eval per name would stay
// in the interpreter for good); after a failed compile has left a global
// without storage, yaegi's Globals panics, and each name is evaluated.
func storage(in *interp.Interpreter, names []string) map[string]reflect.Value {
	out := make(map[string]reflect.Value, len(names))
	if globals, ok := globalsSafe(in); ok {
		for _, n := range names {
			if g, ok := globals[n]; ok && g.CanAddr() {
				out[n] = g.Addr()
			}
		}
		return out
	}
	for _, n := range names {
		if p, err := evalSafe(in, "&"+n); err == nil && p.IsValid() && p.Kind() == reflect.Ptr {
			out[n] = p
		}
	}
	return out
}

// fewNames is the most variables storageOf evaluates one by one, and
// manyGlobals the session size from which it does.
const (
	fewNames    = 2
	manyGlobals = 256
)

// storageOf is storage for the variables a cell defined, in a session of
// about globals names. yaegi's Globals makes a map of every global of the
// session on each call, so in a large session a cell's cost would grow
// with it; there, up to fewNames names are each evaluated instead (a small
// expression the interpreter keeps, about 2 KB, which a small session
// does not need to pay).
func storageOf(in *interp.Interpreter, names []string, globals int) map[string]reflect.Value {
	if len(names) > fewNames || globals < manyGlobals {
		return storage(in, names)
	}
	out := make(map[string]reflect.Value, len(names))
	for _, n := range names {
		p, err := evalSafe(in, "&"+n)
		if err != nil || !p.IsValid() || p.Kind() != reflect.Ptr {
			return storage(in, names)
		}
		out[n] = p
	}
	return out
}

func globalsSafe(in *interp.Interpreter) (g map[string]reflect.Value, ok bool) {
	defer func() {
		if recover() != nil {
			g, ok = nil, false
		}
	}()
	return in.Globals(), true
}
