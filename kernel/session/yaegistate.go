package session

// This is the one file that reaches yaegi's unexported state. It is written
// against yaegi v0.16.1 (the go.mod pin) and checks the layout it relies on
// before touching anything: TestYaegiLayout fails loudly when an upgrade
// changes it, and at run time a changed layout turns the sweep off (the
// session then keeps what yaegi keeps, as before).
//
// What yaegi v0.16.1 keeps for the life of an interpreter, and why the sweep
// may drop it (interp/interp.go, cfg.go, ast.go, run.go):
//
//   - Interpreter.frame.data, the global frame: one slot per package-level
//     variable, but also one per temporary of every top-level statement ever
//     compiled (cfg.go gives each call result, composite literal and func
//     value at a cell's top level a slot with scope.add), and the slot of a
//     variable stays when a later cell declares the name again (a new slot).
//     The frame is never shrunk or cleared, so every value a cell's top level
//     made stays alive. Compiled code reads a global slot only through the
//     symbol it resolved when it was compiled (node.findex with level
//     globalFrame, or level 0 in the top-level statement itself). A
//     temporary is read only by the statement that made it, which never runs
//     again; a replaced variable's old slot only by code compiled while it
//     was current that names it: funcs, methods and func literals. The sweep
//     therefore gives a fresh zero value to every slot that no symbol of any
//     package scope owns, except the old slots of names that a func body or
//     literal compiled since the slot's declaration mentions (mentions). Storage is never
//     written: a pointer taken to an old variable (p := &x) and the copies of
//     the frame that func values hold (frame.clone, for closures over
//     block-local variables) still see what they saw.
//   - scope.child of a package scope: every block and func scope compiled
//     in it, appended by scope.push and read only by the debugger's
//     scanScope, which walks down from the scope of the frame it shows (a
//     func's, or the running statement's, compiled in the running cell),
//     never from a package scope of an earlier cell. A func keeps its scope
//     through its nodes.
//   - Interpreter.roots, the syntax tree of every Eval: read only by
//     interp.PathBreakpointTarget and AllBreakpointTarget (debugger.go), which
//     gocurve does not use (kernel/debug keeps each chunk's *interp.Program and
//     sets breakpoints with ProgramBreakpointTarget). Funcs and func literals
//     keep their own nodes through their symbols and values.

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"unsafe"

	"github.com/traefik/yaegi/interp"
)

// yaegiLayoutErr is nil when yaegi's unexported fields are as this file
// expects; otherwise it says what differs and the sweep does nothing.
var yaegiLayoutErr = checkYaegiLayout()

// checkYaegiLayout verifies the fields and types the sweep reads and writes.
func checkYaegiLayout() error {
	it := reflect.TypeOf(interp.Interpreter{})
	want := func(t reflect.Type, name string, kind reflect.Kind) (reflect.StructField, error) {
		f, ok := t.FieldByName(name)
		if !ok {
			return f, fmt.Errorf("yaegi %s has no field %s", t, name)
		}
		if f.Type.Kind() != kind {
			return f, fmt.Errorf("yaegi %s.%s is a %s, not a %s", t, name, f.Type.Kind(), kind)
		}
		return f, nil
	}
	frame, err := want(it, "frame", reflect.Pointer)
	if err != nil {
		return err
	}
	ft := frame.Type.Elem()
	data, err := want(ft, "data", reflect.Slice)
	if err != nil {
		return err
	}
	if data.Type != reflect.TypeOf([]reflect.Value(nil)) {
		return fmt.Errorf("yaegi frame.data is %s, not []reflect.Value", data.Type)
	}
	mu, err := want(ft, "mutex", reflect.Struct)
	if err != nil {
		return err
	}
	if mu.Type != reflect.TypeOf(sync.RWMutex{}) {
		return fmt.Errorf("yaegi frame.mutex is %s, not sync.RWMutex", mu.Type)
	}
	universe, err := want(it, "universe", reflect.Pointer)
	if err != nil {
		return err
	}
	st := universe.Type.Elem()
	types, err := want(st, "types", reflect.Slice)
	if err != nil {
		return err
	}
	if types.Type != reflect.TypeOf([]reflect.Type(nil)) {
		return fmt.Errorf("yaegi scope.types is %s, not []reflect.Type", types.Type)
	}
	scopes, err := want(it, "scopes", reflect.Map)
	if err != nil {
		return err
	}
	if scopes.Type.Key().Kind() != reflect.String || scopes.Type.Elem() != universe.Type {
		return fmt.Errorf("yaegi Interpreter.scopes is %s, not map[string]*scope", scopes.Type)
	}
	sym, err := want(st, "sym", reflect.Map)
	if err != nil {
		return err
	}
	if sym.Type.Key().Kind() != reflect.String || sym.Type.Elem().Kind() != reflect.Pointer {
		return fmt.Errorf("yaegi scope.sym is %s, not map[string]*symbol", sym.Type)
	}
	symt := sym.Type.Elem().Elem()
	if _, err := want(symt, "index", reflect.Int); err != nil {
		return err
	}
	child, err := want(st, "child", reflect.Slice)
	if err != nil {
		return err
	}
	if child.Type.Elem() != universe.Type {
		return fmt.Errorf("yaegi scope.child is %s, not []*scope", child.Type)
	}
	if _, err := want(it, "roots", reflect.Slice); err != nil {
		return err
	}
	return nil
}

// field is the named field of the struct v (addressable), readable and
// writable although unexported.
func field(v reflect.Value, name string) reflect.Value {
	f := v.FieldByName(name)
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
}

// frameSweeper gives fresh zero values to the global-frame slots of an
// interpreter that nothing can read any more (see the top of this file).
// It is used between cells only, when no code of the session runs on the
// main goroutine; goroutines a cell left running read only slots it keeps.
type frameSweeper struct {
	in    *interp.Interpreter
	done  int            // slots below this one were looked at
	owned map[int]string // slot → the package-level name owning it at the last sweep
	next  map[int]string
	since map[int]int // slot → the epoch (mentions) it was first seen owned
}

// sweep clears what in's global frame holds for no one, and in's roots.
// The old slot of a variable declared again is kept when a func body or
// literal given to in named it since the slot was declared (mentions). It
// returns the number of slots cleared.
func (sw *frameSweeper) sweep(in *interp.Interpreter) int {
	if yaegiLayoutErr != nil || in == nil {
		return 0
	}
	if in != sw.in {
		sw.in, sw.done, sw.owned, sw.since = in, 0, map[int]string{}, map[int]int{}
	}
	epoch := mentions.nextEpoch(in) - 1 // the epoch of the cell just run
	iv := reflect.ValueOf(in).Elem()
	if sw.next == nil {
		sw.next = map[int]string{}
	}
	clear(sw.next)
	scopes := field(iv, "scopes")
	for it := scopes.MapRange(); it.Next(); {
		sc := it.Value().Elem()
		child := field(sc, "child")
		child.Set(reflect.Zero(child.Type()))
		syms := field(sc, "sym")
		var gens []reflect.Value
		for si := syms.MapRange(); si.Next(); {
			if strings.HasPrefix(si.Key().String(), litPrefix) {
				gens = append(gens, si.Key())
				continue
			}
			// Not only global symbols: yaegi declares some top-level
			// variables (x, err := f()) in the package scope without the
			// flag, and later cells read them at level 0, the global frame.
			s := si.Value().Elem()
			if i := int(field(s, "index").Int()); i >= 0 {
				sw.next[i] = si.Key().String()
				if _, ok := sw.since[i]; !ok {
					sw.since[i] = epoch
				}
			}
		}
		for _, k := range gens {
			syms.SetMapIndex(k, reflect.Value{}) // called once, by the statement that ran
		}
	}
	types := *(*[]reflect.Type)(unsafe.Pointer(field(field(iv, "universe").Elem(), "types").UnsafeAddr()))
	fv := field(iv, "frame").Elem()
	mu := (*sync.RWMutex)(unsafe.Pointer(field(fv, "mutex").UnsafeAddr()))
	data := (*[]reflect.Value)(unsafe.Pointer(field(fv, "data").UnsafeAddr()))
	cleared := 0
	mu.Lock()
	d := *data
	reset := func(i int) {
		if i < len(d) && i < len(types) && d[i].IsValid() && !d[i].IsZero() {
			d[i] = reflect.New(types[i]).Elem()
			cleared++
		}
	}
	for i := sw.done; i < len(d); i++ {
		if _, ok := sw.next[i]; !ok {
			reset(i) // a temporary of a top-level statement
		}
	}
	for i, name := range sw.owned {
		if _, ok := sw.next[i]; !ok {
			if !mentions.since(in, name, sw.since[i]) {
				reset(i) // a variable declared again since
			}
			delete(sw.since, i)
		}
	}
	sw.done = len(d)
	mu.Unlock()
	sw.owned, sw.next = sw.next, sw.owned
	roots := field(iv, "roots")
	roots.Set(reflect.Zero(roots.Type()))
	child := field(field(iv, "universe").Elem(), "child")
	child.Set(reflect.Zero(child.Type()))
	return cleared
}
