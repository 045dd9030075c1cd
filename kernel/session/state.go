package session

import (
	"cmp"
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/gocurve/gocurve/kernel/cell"
	"gonum.org/v1/gonum/mat"
)

type snapshot struct {
	Imports []snapBinding
	Table   []cell.Item
	Pending []cell.Item // declarations that wait (pending.go)
	Vars    []snapVar
	// Shared lists the groups of variables whose values shared memory
	// (b := a for slices, maps or pointers); a restore makes them copies.
	Shared [][]string
	// Points lists the variables that held the address of another.
	Points []snapPoint
}

type snapBinding struct{ Name, Path string }

type snapVar struct {
	Name, Declared, Type, Doc string
	// Static is the type the cells' type model gave the variable, when
	// it differs from its value's ("error"), for the editor's model.
	Static  string          `json:",omitempty"`
	FuncLit string          `json:",omitempty"`
	Binary  []byte          `json:",omitempty"` // MarshalBinary of a gonum matrix or vector
	Value   json.RawMessage `json:",omitempty"`
	// Size is set, instead of a value, for a value over maxCarried bytes.
	Size int64 `json:",omitempty"`
}

// maxCarried bounds the value of one variable that a snapshot carries.
// Larger values are left out, so that the snapshot taken after each cell
// costs the same however large the session's values are; a restore names
// them.
const maxCarried = 1 << 20

// binaryTypes are the compiled types carried by their binary encoding.
var binaryTypes = map[string]bool{"*mat.Dense": true, "*mat.SymDense": true, "*mat.VecDense": true}

// State returns an opaque snapshot: the declarations to replay and the
// variable values that can be carried (numbers, strings, bools, slices, maps,
// arrays and structs of them, *mat.Dense, *mat.SymDense, *mat.VecDense).
// It is cheap when nothing changed since the last call, and otherwise
// encodes only what may have changed (see Changes). It waits for a running
// Execute to finish.
func (s *Session) State() []byte {
	s.exec.Lock()
	defer s.exec.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.snap != nil && s.snapGen == s.gen {
		return s.snap
	}
	s.update()
	s.snap, s.snapGen = JoinRecords(s.allRecords()), s.gen
	return s.snap
}

// Touched notes that code ran outside Execute (a widget callback): any
// variable may have changed since the last snapshot.
func (s *Session) Touched() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.recs.touchAll()
	s.gen++
}

// parseSnapshot reads the records of a snapshot from State or JoinRecords
// in their order.
func parseSnapshot(state []byte) (snapshot, error) {
	var recs []record
	if err := json.Unmarshal(state, &recs); err != nil {
		return snapshot{}, err
	}
	slices.SortStableFunc(recs, func(a, b record) int { return cmp.Compare(a.Seq, b.Seq) })
	var snap snapshot
	for _, r := range recs {
		switch {
		case r.Import != nil:
			snap.Imports = append(snap.Imports, *r.Import)
		case r.Item != nil:
			snap.Table = append(snap.Table, *r.Item)
		case r.Waiting != nil:
			snap.Pending = append(snap.Pending, *r.Waiting)
		case r.Var != nil:
			snap.Vars = append(snap.Vars, *r.Var)
		case r.Shared != nil:
			snap.Shared = r.Shared
		case r.Points != nil:
			snap.Points = r.Points
		}
	}
	return snap, nil
}

// number reports whether t is a boolean or numeric kind, which holds no
// references and has a fixed size.
func number(t reflect.Type) bool {
	k := t.Kind()
	return k != reflect.Invalid && k <= reflect.Complex128
}

// sizeOf estimates the bytes of v's data, counting no further once past
// limit; its cost is bounded by limit, not by v's size.
func sizeOf(v reflect.Value, limit int64) int64 {
	switch m := v.Interface().(type) {
	case *mat.Dense:
		if m == nil {
			return 0
		}
		r, c := m.Dims()
		return int64(r) * int64(c) * 8
	case *mat.SymDense:
		if m == nil {
			return 0
		}
		n := m.SymmetricDim()
		return int64(n) * int64(n) * 8
	case *mat.VecDense:
		if m == nil {
			return 0
		}
		return int64(m.Len()) * 8
	}
	var n int64
	seen := map[[2]uintptr]bool{} // pointers, maps and slices already counted: values may be cyclic
	visit := func(v reflect.Value) bool {
		k := [2]uintptr{v.Pointer(), 0}
		if v.Kind() == reflect.Slice {
			k[1] = uintptr(v.Len())
		}
		if seen[k] {
			return false
		}
		seen[k] = true
		return true
	}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		if n > limit {
			return
		}
		switch v.Kind() {
		case reflect.String:
			n += int64(v.Len())
		case reflect.Slice, reflect.Array:
			if number(v.Type().Elem()) {
				n += int64(v.Len()) * int64(v.Type().Elem().Size())
				return
			}
			if v.Kind() == reflect.Slice && !visit(v) {
				return
			}
			for i := 0; i < v.Len() && n <= limit; i++ {
				walk(v.Index(i))
			}
		case reflect.Map:
			if !visit(v) {
				return
			}
			if kt, et := v.Type().Key(), v.Type().Elem(); number(kt) && number(et) {
				// map[int]float64 and the like: the entries' size, without
				// a walk (a session's big map would cost every cell).
				n += int64(v.Len()) * int64(kt.Size()+et.Size())
				return
			}
			it := v.MapRange()
			for it.Next() && n <= limit {
				walk(it.Key())
				walk(it.Value())
			}
		case reflect.Pointer:
			if !v.IsNil() && visit(v) {
				walk(v.Elem())
			}
		case reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := 0; i < v.NumField() && n <= limit; i++ {
				walk(v.Field(i))
			}
		default:
			n += int64(v.Type().Size())
		}
	}
	walk(v)
	return n
}

// memory finds variables whose values share memory: slices whose backing
// arrays overlap, and equal maps or pointers.
type memory struct {
	spans []span
}

type span struct {
	name       string
	start, end uintptr
}

func (m *memory) note(name string, v reflect.Value) {
	switch v.Kind() {
	case reflect.Slice:
		if v.Cap() > 0 {
			start := v.Pointer()
			m.spans = append(m.spans, span{name, start, start + uintptr(v.Cap())*v.Type().Elem().Size()})
		}
	case reflect.Map, reflect.Pointer:
		if !v.IsNil() {
			m.spans = append(m.spans, span{name, v.Pointer(), v.Pointer() + 1})
		}
	}
}

// shared returns the groups of names whose spans overlap, sweeping the
// spans in address order; each group and the list are sorted by name.
func (m *memory) shared() [][]string {
	slices.SortFunc(m.spans, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	var groups [][]string
	var group []string
	var end uintptr
	for _, sp := range m.spans {
		if len(group) > 0 && sp.start < end {
			group = append(group, sp.name)
			end = max(end, sp.end)
			continue
		}
		if len(group) > 1 {
			groups = append(groups, group)
		}
		group, end = []string{sp.name}, sp.end
	}
	if len(group) > 1 {
		groups = append(groups, group)
	}
	// by name, not by address: the notices that name them read the same
	// in every run
	for _, g := range groups {
		slices.Sort(g)
	}
	slices.SortFunc(groups, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return groups
}

// mib formats n bytes in MiB, the unit of maxCarried.
func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

// value returns a variable's value, read through the pointer the live
// cache holds for it: evaluating the name would compile a new chunk into the
// interpreter for every variable after every cell, a cost that grows with
// the session and is never freed.
func (s *Session) value(name string) (reflect.Value, error) {
	if p, ok := s.cache.ptrs[name]; ok && s.cache.in == s.in {
		return p.Elem(), nil
	}
	return evalSafe(s.in, name)
}

// carryable reports whether values of t survive a JSON round trip. A
// recursive type (type Node struct{ next *Node }) does not: its values may
// be cyclic.
func carryable(t reflect.Type) bool { return carryableSeen(t, map[reflect.Type]bool{}) }

func carryableSeen(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	defer delete(seen, t)
	carryable := func(t reflect.Type) bool { return carryableSeen(t, seen) }
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64, reflect.String:
		return true
	case reflect.Slice, reflect.Array, reflect.Ptr:
		return carryable(t.Elem())
	case reflect.Map:
		return t.Key().Kind() == reflect.String && carryable(t.Elem())
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			// a field json skips (the cells' unexported ones: kernel/cell
			// tags them so) would come back as its zero value
			f := t.Field(i)
			if !f.IsExported() || f.Tag.Get("json") == "-" || !carryable(f.Type) {
				return false
			}
		}
		return true
	}
	return false
}

// Restore replays a snapshot from State into this (fresh) session, as after
// a worker crash. The notices name what could not be restored.
func (s *Session) Restore(state []byte) ([]string, error) {
	s.exec.Lock()
	defer s.exec.Unlock()
	snap, err := parseSnapshot(state)
	if err != nil {
		return nil, fmt.Errorf("session: restore: %w", err)
	}
	// the restored funcs' panics and local types were not seen by this
	// session
	s.panickedAny = true
	s.rt.localTypes.Store(true)
	var imports []binding
	for _, b := range snap.Imports {
		imports = append(imports, binding{b.Name, b.Path})
	}
	var vars []carried
	for _, sv := range snap.Vars {
		c := carried{v: variable{name: sv.Name, declared: sv.Declared, typ: sv.Type, static: sv.Static, doc: sv.Doc, funcLit: sv.FuncLit}}
		c.texpr = sv.Declared
		if c.texpr == "" {
			c.texpr = sv.Type
		}
		switch {
		case c.texpr == "" || strings.Contains(c.texpr, "struct {"):
			c.skip = fmt.Sprintf("could not restore %s (interpreted type)", sv.Name)
		case sv.Size > 0:
			c.fill = func(reflect.Value) string {
				return fmt.Sprintf("%s (%s, %s) was not restored: values over %s are not kept across worker restarts; run the cell that made it again", sv.Name, c.texpr, mib(sv.Size), mib(maxCarried))
			}
		case sv.Binary != nil:
			c.fill = func(dst reflect.Value) string {
				if why := setBinary(dst, sv.Binary); why != "" {
					return fmt.Sprintf("could not restore %s (%s)", sv.Name, why)
				}
				return ""
			}
		case sv.Value != nil:
			c.fill = func(dst reflect.Value) string {
				if err := json.Unmarshal(sv.Value, dst.Addr().Interface()); err != nil {
					return fmt.Sprintf("could not restore %s (%v)", sv.Name, err)
				}
				return ""
			}
		case sv.FuncLit != "":
			c.remake = true // no stored value (it holds a function): made again from its expression
		default:
			c.fill = func(reflect.Value) string {
				return fmt.Sprintf("could not restore the value of %s (type %s)", sv.Name, c.texpr)
			}
		}
		vars = append(vars, c)
	}
	in, declared, notices, err := s.replay(imports, snap.Table, nil, vars, snap.Points, "restore", nil)
	if err != nil {
		return notices, fmt.Errorf("session: restore: %w", err)
	}
	for _, group := range snap.Shared {
		notices = append(notices, fmt.Sprintf("%s shared memory before the restart and are separate copies now", strings.Join(group, " and ")))
	}
	s.mu.Lock()
	s.in, s.imports, s.table, s.pending, s.vars = in, imports, snap.Table, snap.Pending, declared
	s.gen++
	s.cache.refresh(in, s.table, s.vars, nil, nil)
	s.mu.Unlock()
	return notices, nil
}

// marshalMatrix encodes a *mat.Dense, *mat.VecDense or *mat.SymDense (the
// latter as a dense matrix: SymDense has no binary form).
func marshalMatrix(v any) []byte {
	var m encoding.BinaryMarshaler
	switch v := v.(type) {
	case *mat.Dense:
		m = v
	case *mat.VecDense:
		m = v
	case *mat.SymDense:
		m = mat.DenseCopyOf(v)
	default:
		return nil
	}
	b, err := m.MarshalBinary()
	if err != nil {
		return nil
	}
	return b
}

func setBinary(dst reflect.Value, data []byte) string {
	switch dst.Type() {
	case reflect.TypeOf((*mat.Dense)(nil)):
		var d mat.Dense
		if err := d.UnmarshalBinary(data); err != nil {
			return err.Error()
		}
		dst.Set(reflect.ValueOf(&d))
	case reflect.TypeOf((*mat.VecDense)(nil)):
		var d mat.VecDense
		if err := d.UnmarshalBinary(data); err != nil {
			return err.Error()
		}
		dst.Set(reflect.ValueOf(&d))
	case reflect.TypeOf((*mat.SymDense)(nil)):
		var d mat.Dense
		if err := d.UnmarshalBinary(data); err != nil {
			return err.Error()
		}
		n, _ := d.Dims()
		sym := mat.NewSymDense(n, nil)
		for i := 0; i < n; i++ {
			for j := i; j < n; j++ {
				sym.SetSym(i, j, d.At(i, j))
			}
		}
		dst.Set(reflect.ValueOf(sym))
	default:
		return "unsupported type"
	}
	return ""
}
