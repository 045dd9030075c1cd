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
//     Except where a method of a cell's type is bound to a slot: when a value
//     of a type with interpreted methods becomes a compiled interface
//     (p.Add(dots{&n}) for a plot.Plotter) or a method value, yaegi's
//     wrapper (genInterfaceWrapper, genFunctionWrapper with a receiver,
//     genValueRecv in run.go and value.go) reads the receiver from the slot
//     of the expression that made it, in the live global frame, at every
//     call, long after its statement ran. So once the session declares a
//     method, slots are no longer cleared (the sweep still drops roots and
//     scope lists).
//   - The global frame's layout (universe.types, shared by the package
//     scopes' types) only grows: a top-level statement's temporaries take
//     new slots at every compile, so a notebook run fifty times has fifty
//     times the slots. After a chunk that leaves no code (no declaration,
//     no func literal kept, no goroutine; leavesCode) has run, nothing
//     reads the slots its compile added but its own nodes, which never run
//     again, and the symbols of package scopes that own one (a top-level
//     x := …), which later code finds by the symbol's index. So
//     reclaimSlots moves the owned ones down to the first of the chunk's
//     slots (the slot's reflect.Value, so the variable's storage stays
//     where it is, and the symbol's index with it), cuts the layout and the
//     frame after them, and the next chunk's compile takes the same indexes
//     again. Storage is not written (growFrame gives the next chunk new
//     values), so what pointers and copies see stays. Not once the
//     interpreter has a method (the wrappers below read a slot long after
//     its statement).
//   - symbol.node of a package-level variable or constant (var x = f(),
//     gta.go), its declaration's node: through the nodes' parent links it
//     holds the syntax tree of the whole chunk that declared it, some 2 KB
//     a variable. For a symbol with a frame slot (index >= 0) yaegi reads
//     the node only to order the initialisation of the variables of the
//     chunk being compiled (getVarDependencies, which only compares it
//     with that chunk's nodes: one of an earlier chunk never matches); the
//     value is read from the slot. The sweep puts an empty node in its
//     place, which compares the same way.
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
	"maps"
	"reflect"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"github.com/traefik/yaegi/interp"
)

// layout holds the offsets of the fields the sweep uses; yaegiLayoutErr is
// nil when yaegi's unexported fields are as this file expects, otherwise it
// says what differs and the sweep does nothing.
var layout, yaegiLayoutErr = checkYaegiLayout()

// offsets are byte offsets of fields in yaegi's structs (interp.go,
// scope.go, type.go): Interpreter.{frame, universe, scopes, roots},
// frame.{data, mutex}, scope.{types, sym, child}, symbol.{index, node},
// node.typ and itype.str; node is the type of *node, for dynamicType.
type offsets struct {
	frame, universe, scopes, roots uintptr
	data, mutex                    uintptr
	types, sym, child              uintptr
	index, symNode                 uintptr
	typ, str                       uintptr
	node                           reflect.Type
}

// checkYaegiLayout finds and verifies the fields the sweep reads and writes.
// The maps are read as map[string]unsafe.Pointer: a map of strings to
// pointers has the same layout whatever the pointers point to.
func checkYaegiLayout() (offsets, error) {
	var o offsets
	want := func(t reflect.Type, name string, typ reflect.Type, kind reflect.Kind) (reflect.StructField, error) {
		f, ok := t.FieldByName(name)
		switch {
		case !ok:
			return f, fmt.Errorf("yaegi %s has no field %s", t, name)
		case typ != nil && f.Type != typ:
			return f, fmt.Errorf("yaegi %s.%s is %s, not %s", t, name, f.Type, typ)
		case f.Type.Kind() != kind:
			return f, fmt.Errorf("yaegi %s.%s is a %s, not a %s", t, name, f.Type.Kind(), kind)
		}
		return f, nil
	}
	it := reflect.TypeOf(interp.Interpreter{})
	frame, err := want(it, "frame", nil, reflect.Pointer)
	if err != nil {
		return o, err
	}
	ft := frame.Type.Elem()
	data, err := want(ft, "data", reflect.TypeOf([]reflect.Value(nil)), reflect.Slice)
	if err != nil {
		return o, err
	}
	mu, err := want(ft, "mutex", reflect.TypeOf(sync.RWMutex{}), reflect.Struct)
	if err != nil {
		return o, err
	}
	universe, err := want(it, "universe", nil, reflect.Pointer)
	if err != nil {
		return o, err
	}
	scopePtr := universe.Type
	st := scopePtr.Elem()
	types, err := want(st, "types", reflect.TypeOf([]reflect.Type(nil)), reflect.Slice)
	if err != nil {
		return o, err
	}
	scopes, err := want(it, "scopes", reflect.MapOf(reflect.TypeOf(""), scopePtr), reflect.Map)
	if err != nil {
		return o, err
	}
	sym, err := want(st, "sym", nil, reflect.Map)
	if err != nil {
		return o, err
	}
	if sym.Type.Key().Kind() != reflect.String || sym.Type.Elem().Kind() != reflect.Pointer || sym.Type.Elem().Elem().Kind() != reflect.Struct {
		return o, fmt.Errorf("yaegi scope.sym is %s, not map[string]*symbol", sym.Type)
	}
	index, err := want(sym.Type.Elem().Elem(), "index", reflect.TypeOf(0), reflect.Int)
	if err != nil {
		return o, err
	}
	child, err := want(st, "child", reflect.SliceOf(scopePtr), reflect.Slice)
	if err != nil {
		return o, err
	}
	roots, err := want(it, "roots", nil, reflect.Slice)
	if err != nil {
		return o, err
	}
	if roots.Type.Elem().Kind() != reflect.Pointer {
		return o, fmt.Errorf("yaegi Interpreter.roots is %s, not []*node", roots.Type)
	}
	symNode, err := want(sym.Type.Elem().Elem(), "node", roots.Type.Elem(), reflect.Pointer)
	if err != nil {
		return o, err
	}
	typ, err := want(roots.Type.Elem().Elem(), "typ", nil, reflect.Pointer)
	if err != nil {
		return o, err
	}
	str, err := want(typ.Type.Elem(), "str", reflect.TypeOf(""), reflect.String)
	if err != nil {
		return o, err
	}
	return offsets{
		frame: frame.Offset, universe: universe.Offset, scopes: scopes.Offset, roots: roots.Offset,
		data: data.Offset, mutex: mu.Offset,
		types: types.Offset, sym: sym.Offset, child: child.Offset,
		index: index.Offset, symNode: symNode.Offset,
		typ: typ.Offset, str: str.Offset, node: roots.Type.Elem(),
	}, nil
}

// dynamicType returns the name yaegi gives the dynamic type of the value
// in the interface variable p points to ("main.Dog", "*main.Dog"), and
// whether it has one. yaegi v0.16.1 keeps a value of an interpreted type
// in an interface as a valueInterface whose node's itype names its type
// (itype.id, which yaegi's own type switch compares), except where it
// stored the bare representation: in an any straight from a composite
// literal, a conversion or a return, in a compiled container, and for a
// type without methods. A variable of an interface the cells declare
// (Animal) holds the valueInterface itself; passed as a value to compiled
// code it loses it, hence the pointer.
func dynamicType(p any) (string, bool) {
	v := reflect.ValueOf(p)
	if yaegiLayoutErr != nil || !v.IsValid() || v.Kind() != reflect.Pointer || v.IsNil() {
		return "", false
	}
	v = v.Elem()
	for v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	t := v.Type()
	if !isValueInterface(t) || t.NumField() != 2 || t.Field(0).Type != layout.node || t.Field(1).Type != reflect.TypeFor[reflect.Value]() {
		return "", false
	}
	c := reflect.New(t).Elem() // an addressable copy, to read the unexported field
	c.Set(v)
	node := *(*unsafe.Pointer)(unsafe.Pointer(c.Field(0).UnsafeAddr()))
	if node == nil {
		return "", false
	}
	itype := *at[unsafe.Pointer](node, layout.typ)
	if itype == nil {
		return "", false
	}
	name := *at[string](itype, layout.str)
	return name, name != ""
}

// stubNode is an empty node of yaegi's that the sweep puts in place of the
// declaration node of a package-level variable or constant (see the top of
// this file).
var stubNode = func() unsafe.Pointer {
	if yaegiLayoutErr != nil {
		return nil
	}
	return reflect.New(layout.node.Elem()).UnsafePointer()
}()

// at is the field at offset off of the struct p points to.
func at[T any](p unsafe.Pointer, off uintptr) *T { return (*T)(unsafe.Add(p, off)) }

// frameSweeper gives fresh zero values to the global-frame slots of an
// interpreter that nothing can read any more (see the top of this file).
// It is used between cells only, when no code of the session runs on the
// main goroutine; goroutines a cell left running read only slots it keeps.
//
// Finding the slots' owners walks every package-level symbol (about 15 ns
// each), so a sweep looks once the frame has grown by an eighth of the
// symbols since the last look, every fourth cell, or when the live heap has
// grown by 64 MiB: its cost per cell stays small as the session grows, and
// a temporary outlives its cell by at most three cells.
type frameSweeper struct {
	in      *interp.Interpreter
	done    int   // slots below this one were looked at
	symbols int   // package-level symbols at the last look
	epoch   int   // of mentions, at the last look
	cells   int   // sweeps since the last look
	heap    int64 // live heap bytes at the last look
	look    int32 // looks so far
	// seen[i] is the look at which slot i was last seen owned (0: never);
	// owned lists the slots owned at the last look, and owners their names
	// and earliest declaration epochs: a temporary costs the sweeper only its
	// seen entry.
	seen   []int32
	owned  []int
	owners map[int]owner
	// methods is set once the session's table holds a method (Session.sweep
	// looks at the entries after tableSeen): slots are then kept.
	methods   bool
	tableSeen int
}

// owner is what the sweeper knows of a slot a package-level symbol owns.
type owner struct {
	name  string
	since int // the earliest epoch of mentions the slot may have been declared in
}

// sweep clears what in's global frame holds for no one, in's roots and its
// package scopes' lists of inner scopes. The old slot of a variable declared
// again is kept when a func body or literal given to in named it since the
// slot was declared (mentions). It returns the number of slots cleared.
func (sw *frameSweeper) sweep(in *interp.Interpreter) int {
	if yaegiLayoutErr != nil || in == nil {
		return 0
	}
	if in != sw.in {
		*sw = frameSweeper{in: in, owners: map[int]owner{}, methods: sw.methods, tableSeen: sw.tableSeen}
	}
	epoch := mentions.nextEpoch(in) // the next cell's
	p := unsafe.Pointer(in)
	frame := *at[unsafe.Pointer](p, layout.frame)
	mu := at[sync.RWMutex](frame, layout.mutex)
	data := at[[]reflect.Value](frame, layout.data)
	mu.RLock()
	n := len(*data)
	mu.RUnlock()
	sw.cells++
	heap := liveHeap()
	if (n-sw.done)*8 < sw.symbols && sw.cells < 4 && heap < sw.heap+64<<20 {
		return 0
	}
	sw.look++
	var owned []int
	if n > len(sw.seen) {
		sw.seen = append(sw.seen, make([]int32, n-len(sw.seen))...)
	}
	symbols := 0
	for _, sc := range *at[map[string]unsafe.Pointer](p, layout.scopes) {
		*at[[]unsafe.Pointer](sc, layout.child) = nil
		syms := *at[map[string]unsafe.Pointer](sc, layout.sym)
		for name, sym := range syms {
			if strings.HasPrefix(name, litPrefix) {
				delete(syms, name) // called once, by the statement that ran
				continue
			}
			symbols++
			if node := at[unsafe.Pointer](sym, layout.symNode); *node != nil && *node != stubNode && *at[int](sym, layout.index) >= 0 {
				*node = stubNode // a package-level variable's or constant's declaration, run
			}
			// Not only global symbols: yaegi declares some top-level
			// variables (x, err := f()) in the package scope without the
			// flag, and later cells read them at level 0, the global frame.
			if i := *at[int](sym, layout.index); i >= 0 && i < n {
				if o, ok := sw.owners[i]; !ok || o.name != name {
					// declared after the last look (in a new slot, or in one
					// reclaimSlots gave back)
					sw.owners[i] = owner{name, sw.epoch}
				}
				sw.seen[i] = sw.look
				owned = append(owned, i)
			}
		}
	}
	universe := *at[unsafe.Pointer](p, layout.universe)
	*at[[]unsafe.Pointer](universe, layout.child) = nil
	types := *at[[]reflect.Type](universe, layout.types)
	cleared := 0
	mu.Lock()
	d := *data
	// A zero value from reflect.Zero is shared, not allocated (for values up
	// to 1 KiB): nothing reads or writes a slot once it is cleared.
	reset := func(i int) {
		if sw.methods {
			return // a method wrapper may read any slot (see the top of this file)
		}
		if i < len(d) && i < len(types) && d[i].IsValid() && !d[i].IsZero() {
			d[i] = reflect.Zero(types[i])
			cleared++
		}
	}
	for i := sw.done; i < n; i++ {
		if sw.seen[i] != sw.look {
			reset(i) // a temporary of a top-level statement
		}
	}
	for _, i := range sw.owned {
		if sw.seen[i] == sw.look {
			continue
		}
		if o := sw.owners[i]; !mentions.since(in, o.name, o.since) {
			reset(i) // a variable declared again since
		}
		delete(sw.owners, i)
	}
	mu.Unlock()
	*at[[]unsafe.Pointer](p, layout.roots) = nil
	sw.done, sw.owned, sw.symbols, sw.epoch, sw.cells, sw.heap = n, owned, symbols, epoch, 0, liveHeap()
	return cleared
}

// liveHeap is the heap the last garbage collection found live, in bytes.
func liveHeap() int64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}

// frameLayoutLen is the number of slots in in's global-frame layout.
func frameLayoutLen(in *interp.Interpreter) int {
	if yaegiLayoutErr != nil || in == nil {
		return 0
	}
	universe := *at[unsafe.Pointer](unsafe.Pointer(in), layout.universe)
	return len(*at[[]reflect.Type](universe, layout.types))
}

// reclaimSlots gives back the slots of in's global frame that the chunk
// just run added (from before on) and no package-level symbol owns, and
// returns how many. A slot a new variable owns is moved (its
// reflect.Value, so the variable's storage stays where pointers see it,
// and its symbol's index with it): back to the slot its name had before
// when nothing can read that one any more (no symbol owns it and no func
// body or kept literal compiled since it was declared names the variable,
// the sweep's test), else down to the first slots of the chunk; then the
// layout and the frame are cut after them. See the top of this file for
// when the caller may call it. Anything unexpected (a scope whose layout
// is another array, a symbol past the layout, a frame grown only in part)
// leaves all as it is.
func reclaimSlots(in *interp.Interpreter, before int) int {
	if yaegiLayoutErr != nil || in == nil || before <= 0 {
		return 0
	}
	p := unsafe.Pointer(in)
	universe := *at[unsafe.Pointer](p, layout.universe)
	types := at[[]reflect.Type](universe, layout.types)
	n := len(*types)
	if n <= before {
		return 0
	}
	type owner struct {
		name  string
		index *int
	}
	scopes := []unsafe.Pointer{universe}
	for _, sc := range *at[map[string]unsafe.Pointer](p, layout.scopes) {
		scopes = append(scopes, sc)
	}
	owners := map[int][]owner{} // by the chunk's slot they own
	sane := true
	for _, sc := range scopes {
		for name, sym := range *at[map[string]unsafe.Pointer](sc, layout.sym) {
			switch i := at[int](sym, layout.index); {
			case *i >= n:
				sane = false
			case *i >= before:
				owners[*i] = append(owners[*i], owner{name, i})
			}
		}
	}
	layouts := []*[]reflect.Type{types}
	for _, sc := range scopes[1:] {
		t := at[[]reflect.Type](sc, layout.types)
		if len(*t) <= before {
			continue
		}
		if len(*t) != n || unsafe.SliceData(*t) != unsafe.SliceData(*types) {
			sane = false
		}
		layouts = append(layouts, t)
	}
	frame := *at[unsafe.Pointer](p, layout.frame)
	mu := at[sync.RWMutex](frame, layout.mutex)
	data := at[[]reflect.Value](frame, layout.data)
	mu.Lock()
	defer mu.Unlock()
	d := *data
	grown := len(d) == n
	if !sane || !grown && len(d) > before {
		return 0
	}
	old := slices.Sorted(maps.Keys(owners))
	// back[j] = i: the chunk's slot i goes back to its variable's earlier
	// slot j (only where the frame was grown: the value moves with it).
	back := map[int]int{}
	for _, i := range old {
		if o := owners[i]; grown && len(o) == 1 {
			if was, ok := mentions.slot(in, o[0].name); ok && was.index < before && !mentions.since(in, o[0].name, was.epoch) {
				back[was.index] = i
			}
		}
	}
	if len(back) > 0 {
		for _, sc := range scopes {
			for _, sym := range *at[map[string]unsafe.Pointer](sc, layout.sym) {
				delete(back, *at[int](sym, layout.index)) // owned: someone reads it
			}
		}
	}
	t := *types
	move := func(i, j int) {
		t[j] = t[i]
		if grown {
			d[j] = d[i]
		}
		for _, o := range owners[i] {
			*o.index = j
			mentions.setSlot(in, o.name, j)
		}
	}
	for j, i := range back {
		move(i, j)
		delete(owners, i)
	}
	keep := before
	for _, i := range old { // keep <= i: a slot is moved down, never onto one still to move
		if _, ok := owners[i]; ok {
			move(i, keep)
			keep++
		}
	}
	clear(t[keep:n]) // the arrays keep nothing alive past the end
	for _, l := range layouts {
		*l = (*l)[:keep]
	}
	if grown {
		clear(d[keep:])
		*data = d[:keep]
	}
	return n - keep
}

// growFrame gives in's global frame the slots its layout (universe.types)
// has and the frame not yet: what yaegi v0.16.1's resizeFrame does when a
// program starts (interp/interp.go), but with room to spare. resizeFrame
// makes a slice of exactly the new length and copies the whole frame into
// it, at every Eval: in a notebook run fifty times, whose frame holds a
// slot per top-level temporary of every statement compiled, that was a
// copy of some 700 KB per chunk, and the garbage it made. Called between
// Compile and Execute, it leaves resizeFrame nothing to do, and appending
// makes the copies amortised.
func growFrame(in *interp.Interpreter) {
	if yaegiLayoutErr != nil {
		return
	}
	p := unsafe.Pointer(in)
	universe := *at[unsafe.Pointer](p, layout.universe)
	types := *at[[]reflect.Type](universe, layout.types)
	frame := *at[unsafe.Pointer](p, layout.frame)
	mu := at[sync.RWMutex](frame, layout.mutex)
	data := at[[]reflect.Value](frame, layout.data)
	mu.Lock()
	defer mu.Unlock()
	b := len(*data)
	if len(types) <= b {
		return
	}
	d := append(*data, make([]reflect.Value, len(types)-b)...)
	for j, t := range types[b:] {
		d[b+j] = reflect.New(t).Elem()
	}
	*data = d
}
