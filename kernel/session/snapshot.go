package session

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"

	"github.com/gocurve/gocurve/kernel/cell"
	"github.com/traefik/yaegi/interp"
)

// A snapshot is kept as records, one per import, declaration and variable,
// so that what a cell changed is encoded and sent alone: encoding every
// variable and declaration after each cell made a cell's cost grow with the
// session. The wire form of a whole snapshot is a JSON array of records
// (see JoinRecords); Restore reads it.

// Record is one entry of a session snapshot. Data nil means the entry is
// gone.
type Record struct {
	Key  string          `json:"key"`
	Data json.RawMessage `json:"data,omitempty"`
}

// record is the content of a Record: exactly one of its fields is set.
// Seq orders declarations as the table does and variables as they were
// declared.
type record struct {
	Seq    int          `json:"seq,omitempty"`
	Import *snapBinding `json:"import,omitempty"`
	Item   *cell.Item   `json:"item,omitempty"`
	// Waiting is a declaration that waits for names (pending.go).
	Waiting *cell.Item  `json:"waiting,omitempty"`
	Var     *snapVar    `json:"var,omitempty"`
	Shared  [][]string  `json:"shared,omitempty"`
	Points  []snapPoint `json:"points,omitempty"`
}

// snapPoint says that variable Ptr held the address of variable To.
type snapPoint struct{ Ptr, To string }

// records is a session's snapshot, encoded entry by entry. Between
// rebuilds the table and the variables only grow at their ends (a
// redefinition rebuilds), so a cell's update looks at the new entries, the
// variables the cell may have changed and those holding references, not at
// the whole session.
type records struct {
	in      *interp.Interpreter // the interpreter they were read from; another one means all are read again
	data    map[string][]byte   // key → encoded record
	seq     map[string]int      // key → order
	src     map[string]string   // declaration key → the source it was encoded from
	refs    map[string]bool     // variables whose values hold references: they may change without being named
	targets map[string]bool     // variables another variable points to
	next    int                 // the next Seq
	dirty   map[string]bool     // keys changed since Changes last ran
	sent    bool                // Changes has sent the whole snapshot once
	touched map[string]bool     // variables the cells since the last update may have changed
	all     bool                // every variable may have changed
	// tableLen and varsLen are how much of the table and the variables
	// were seen; lastSrc is the source of the last table item seen.
	tableLen, varsLen int
	lastSrc           string
	// varAt and declAt index the variables and declarations by name,
	// checked on use and extended as they grow.
	varAt, declAt map[string]int
	hasMethods    map[string]bool // types with methods
	waiting       map[string]bool // keys of the declarations that wait
	indexed       int             // table items indexed in declAt
}

// JoinRecords writes records (in any order) as one snapshot for Restore.
func JoinRecords(recs map[string]json.RawMessage) []byte {
	keys := make([]string, 0, len(recs))
	for k := range recs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b bytes.Buffer
	b.WriteByte('[')
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(recs[k])
	}
	b.WriteByte(']')
	return b.Bytes()
}

// Changes returns the snapshot records that changed since the last call;
// full is set when recs is the whole snapshot and replaces all earlier
// records (the first call, and after a restore). It waits for a running
// Execute to finish.
func (s *Session) Changes() (recs []Record, full bool) {
	s.exec.Lock()
	defer s.exec.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.update()
	r := &s.recs
	if !r.sent {
		r.sent, full = true, true
		all := s.allRecords()
		for k, d := range all {
			recs = append(recs, Record{Key: k, Data: d})
		}
	} else {
		for k := range r.dirty {
			recs = append(recs, Record{Key: k, Data: r.data[k]})
		}
	}
	clear(r.dirty)
	r.dropSent()
	slices.SortFunc(recs, func(a, b Record) int { return strings.Compare(a.Key, b.Key) })
	return recs, full
}

// dropSent forgets the encodings of the declarations (table items) sent:
// a declaration is encoded again only when its source changes (put), so
// its bytes are not needed to notice a change, and allRecords makes them
// again from the table for a whole snapshot. They were about 0.6 KB of the
// worker's heap per declaring cell, kept for the life of the session.
func (r *records) dropSent() {
	for k, d := range r.data {
		if d != nil && strings.HasPrefix(k, declPrefix) {
			r.data[k] = nil
		}
	}
}

// allRecords returns the encoding of every record, making again those of
// the declarations dropSent forgot (Seq and the item are as they were
// encoded: table items are never changed in place).
func (s *Session) allRecords() map[string]json.RawMessage {
	r := &s.recs
	out := make(map[string]json.RawMessage, len(r.data))
	var items map[string]*cell.Item
	for k, d := range r.data {
		if d == nil {
			if items == nil {
				items = make(map[string]*cell.Item, len(s.table))
				for i := range s.table {
					it := &s.table[i]
					if k := declKey(it); r.src[k] == it.Src {
						items[k] = it
					}
				}
			}
			it := items[k]
			if it == nil {
				continue // not in the session (update drops such keys)
			}
			b, err := json.Marshal(record{Seq: r.seq[k], Item: it})
			if err != nil {
				continue
			}
			d = b
		}
		out[k] = d
	}
	return out
}

// touch notes the variables a committed cell may have changed: those it
// names, those the declarations it calls name (transitively), and all of
// them when it calls something whose effects cannot be followed by name
// (a func value, a method).
func (r *records) touch(items, table []cell.Item, vars []variable) {
	if r.all {
		return
	}
	if r.touched == nil {
		r.touched = map[string]bool{}
	}
	seen := map[string]bool{}
	var visit func(names []string)
	visit = func(names []string) {
		for _, n := range names {
			if seen[n] || r.all {
				continue
			}
			seen[n] = true
			if v := r.variable(vars, n); v != nil {
				r.touched[n] = true
				if v.funcLit != "" || v.typ == "" || strings.HasPrefix(v.typ, "func") || r.methods(table, strings.TrimLeft(v.typ, "*")) {
					r.all = true // a func value or a method: what it changes is not known by name
				}
				continue
			}
			if it := r.decl(table, n); it != nil {
				if it.Kind == cell.Type && r.methods(table, n) {
					r.all = true
				}
				visit(it.Uses)
			}
		}
	}
	for _, it := range items {
		visit(it.Names)
		visit(it.Uses)
	}
}

// variable returns the variable named n, or nil.
func (r *records) variable(vars []variable, n string) *variable {
	if i, ok := r.varAt[n]; ok && i < len(vars) && vars[i].name == n {
		return &vars[i]
	}
	if k := len(r.varAt); k > 0 && k < len(vars) {
		if i, ok := r.varAt[vars[k-1].name]; ok && i == k-1 {
			// Variables were added since: index only them (a variable
			// is removed or moved only with a new interpreter, and a
			// stale entry is caught above).
			for i := k; i < len(vars); i++ {
				r.varAt[vars[i].name] = i
			}
		}
	}
	if len(r.varAt) == len(vars) {
		if _, ok := r.varAt[n]; !ok {
			return nil // indexed, and not a variable
		}
	}
	r.varAt = make(map[string]int, len(vars))
	for i, v := range vars {
		r.varAt[v.name] = i
	}
	if i, ok := r.varAt[n]; ok {
		return &vars[i]
	}
	return nil
}

// decl returns the declaration of table named n, or nil.
func (r *records) decl(table []cell.Item, n string) *cell.Item {
	r.indexDecls(table)
	if i, ok := r.declAt[n]; ok {
		return &table[i]
	}
	return nil
}

// methods reports whether the table declares methods on type t.
func (r *records) methods(table []cell.Item, t string) bool {
	r.indexDecls(table)
	return r.hasMethods[t]
}

// indexDecls indexes the declarations of table by name: the items added
// since the last call, or all when the table is not the one indexed.
func (r *records) indexDecls(table []cell.Item) {
	valid := r.declAt != nil && r.indexed <= len(table)
	// (a declaration of _ alone names nothing to check by)
	if valid && r.indexed > 0 && len(table[r.indexed-1].Names) > 0 {
		last := &table[r.indexed-1]
		i, ok := r.declAt[last.Names[0]]
		valid = ok && i == r.indexed-1
	}
	if !valid {
		r.declAt, r.hasMethods, r.indexed = map[string]int{}, map[string]bool{}, 0
	}
	for i := r.indexed; i < len(table); i++ {
		for _, d := range table[i].Names {
			r.declAt[d] = i
		}
		if table[i].Kind == cell.Method {
			r.hasMethods[table[i].Recv] = true
		}
	}
	r.indexed = len(table)
}

// touchAll notes that every variable may have changed.
func (r *records) touchAll() { r.all = true }

// update brings the records up to date with the session: the whole
// session after a rebuild, else the declarations and variables added since,
// and the variables that may have changed.
func (s *Session) update() {
	r := &s.recs
	if r.data == nil {
		*r = records{data: map[string][]byte{}, seq: map[string]int{}, src: map[string]string{},
			refs: map[string]bool{}, targets: map[string]bool{}, dirty: map[string]bool{}, sent: r.sent}
	}
	whole := r.in != s.in || len(s.table) < r.tableLen || len(s.vars) < r.varsLen ||
		(r.tableLen > 0 && s.table[r.tableLen-1].Src != r.lastSrc)
	if whole {
		// A new interpreter (a rebuild or restore): declarations stay as
		// encoded where their source is the same, every variable is read
		// again, and entries no longer in the session go.
		r.in, r.all, r.tableLen, r.varsLen = s.in, true, 0, 0
		clear(r.refs)
	}
	var keys map[string]bool
	if whole {
		keys = map[string]bool{"shared": true, "points": true}
	}
	for _, b := range s.imports {
		k := "i:" + b.name
		if keys != nil {
			keys[k] = true
		}
		r.put(k, b.path, func(seq int) record { return record{Seq: seq, Import: &snapBinding{b.name, b.path}} })
	}
	for i := r.tableLen; i < len(s.table); i++ {
		it := &s.table[i]
		k := declKey(it)
		if keys != nil {
			keys[k] = true
		}
		r.put(k, it.Src, func(seq int) record { return record{Seq: seq, Item: it} })
	}
	r.tableLen = len(s.table)
	r.putWaiting(s.pending, keys)
	if r.tableLen > 0 {
		r.lastSrc = s.table[r.tableLen-1].Src
	}
	running := s.cellGoroutines()
	read := func(v *variable) {
		k := "v:" + v.name
		if keys != nil {
			keys[k] = true
		}
		val, err := s.value(v.name)
		ok := err == nil && val.IsValid() && val.CanInterface()
		// A goroutine a cell started may be writing a map the variable
		// holds: reading it now is a fatal error of Go's runtime
		// (concurrent map iteration and map write), which would take the
		// worker down. It is recorded as not carried (a restore names it)
		// and read again after a later cell.
		busy := ok && running && holdsMap(val, map[reflect.Type]bool{})
		sv := encodeVar(v, val, ok && !busy)
		if busy || ok && !fixedType(val.Type()) {
			r.refs[v.name] = true
		} else {
			delete(r.refs, v.name)
		}
		seq, have := r.seq[k]
		if !have {
			seq = r.nextSeq()
			r.seq[k] = seq
		}
		r.set(k, record{Seq: seq, Var: &sv})
	}
	done := map[string]bool{}
	for i := range s.vars {
		v := &s.vars[i]
		if i >= r.varsLen || r.all || r.touched[v.name] || r.refs[v.name] || r.targets[v.name] {
			if !done[v.name] {
				done[v.name] = true
				read(v)
			}
		}
	}
	r.varsLen = len(s.vars)
	var mem memory
	var pointers []variable
	for name := range r.refs {
		if val, err := s.value(name); err == nil && val.IsValid() {
			mem.note(name, val)
			if val.Kind() == reflect.Pointer {
				pointers = append(pointers, variable{name: name})
			}
		}
	}
	if shared := mem.shared(); len(shared) > 0 {
		r.set("shared", record{Shared: shared})
	} else {
		r.drop("shared")
	}
	var points []snapPoint
	if len(pointers) > 0 && s.cache.in == s.in {
		slices.SortFunc(pointers, func(a, b variable) int { return strings.Compare(a.name, b.name) })
		points = pointsAmong(pointers, s.cache.ptrs)
	}
	clear(r.targets)
	for _, p := range points {
		r.targets[p.To] = true
	}
	if len(points) > 0 {
		r.set("points", record{Points: points})
	} else {
		r.drop("points")
	}
	if keys != nil {
		for k := range r.data {
			if !keys[k] {
				r.drop(k)
				delete(r.seq, k)
				delete(r.src, k)
			}
		}
	}
	r.touched, r.all = nil, false
}

// cellGoroutines reports whether goroutines that cells started (go
// statements, which run through the prelude's __gocurve_go) still run.
func (s *Session) cellGoroutines() bool { return s.goroutines.Load() > 0 }

// holdsMap reports whether v holds a map: in itself, or through pointers,
// interfaces, slices, arrays and struct fields (the types seen so far are
// not walked again).
func holdsMap(v reflect.Value, seen map[reflect.Type]bool) bool {
	switch v.Kind() {
	case reflect.Map:
		return true
	case reflect.Interface, reflect.Pointer:
		return !v.IsNil() && holdsMap(v.Elem(), seen)
	}
	return typeHoldsMap(v.Type(), seen)
}

// typeHoldsMap reports whether values of t may hold a map.
func typeHoldsMap(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Map, reflect.Interface:
		return true
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return typeHoldsMap(t.Elem(), seen)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if typeHoldsMap(t.Field(i).Type, seen) {
				return true
			}
		}
	}
	return false
}

// declPrefix begins the snapshot key of every table item.
const declPrefix = "t:"

// declKey is the snapshot key of a table item.
func declKey(it *cell.Item) string {
	return declPrefix + it.Kind.String() + ":" + strings.Join(it.Names, ",")
}

// put encodes a declaration record unless it is there from the same source.
func (r *records) put(key, src string, rec func(seq int) record) {
	if old, ok := r.src[key]; ok && old == src {
		return
	}
	seq := r.nextSeq() // a changed declaration moves to the end, as in the table
	r.seq[key], r.src[key] = seq, src
	r.set(key, rec(seq))
}

// set encodes a record, noting its key as changed if its encoding did.
func (r *records) set(key string, rec record) {
	b, err := json.Marshal(rec)
	if err != nil {
		return
	}
	if old, ok := r.data[key]; !ok || !bytes.Equal(old, b) {
		r.data[key] = b
		r.dirty[key] = true
	}
}

func (r *records) drop(key string) {
	if _, ok := r.data[key]; ok {
		delete(r.data, key)
		r.dirty[key] = true
	}
}

func (r *records) nextSeq() int {
	r.next++
	return r.next
}

// encodeVar is the snapshot entry of variable v with value val (ok false:
// no value to read).
func encodeVar(v *variable, val reflect.Value, ok bool) snapVar {
	sv := snapVar{Name: v.name, Declared: v.declared, Type: v.typ, Static: v.static, Doc: v.doc, FuncLit: v.funcLit}
	if !ok {
		return sv
	}
	if n := sizeOf(val, maxCarried); n > maxCarried {
		sv.Size = n
	} else if binaryTypes[v.typ] {
		if !val.IsNil() {
			sv.Binary = marshalMatrix(val.Interface())
		}
	} else if carryable(val.Type()) && !holdsFunc(val) {
		if b, err := json.Marshal(val.Interface()); err == nil {
			sv.Value = b
		}
	}
	return sv
}

// fixedType reports whether values of t hold no references (pointers,
// slices, maps, interfaces, funcs, channels): such a variable changes only
// in cells that name it.
func fixedType(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128, reflect.String:
		return true
	case reflect.Array:
		return fixedType(t.Elem())
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if !fixedType(t.Field(i).Type) {
				return false
			}
		}
		return true
	}
	return false
}
