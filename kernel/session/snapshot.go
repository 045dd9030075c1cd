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
	Var    *snapVar     `json:"var,omitempty"`
	Shared [][]string   `json:"shared,omitempty"`
	Points []snapPoint  `json:"points,omitempty"`
}

// snapPoint says that variable Ptr held the address of variable To.
type snapPoint struct{ Ptr, To string }

// records is a session's snapshot, encoded entry by entry.
type records struct {
	in      *interp.Interpreter // the interpreter they were read from; another one means all are read again
	data    map[string][]byte   // key → encoded record
	seq     map[string]int      // key → order
	src     map[string]string   // declaration key → the source it was encoded from
	fixed   map[string]bool     // variables whose values only change by naming them (no references inside)
	targets map[string]bool     // variables another variable points to
	next    int                 // the next Seq
	sent    map[string][]byte   // what Changes last returned, by key; nil before the first call
	touched map[string]bool     // variables the cells since the last snapshot may have changed
	all     bool                // every variable may have changed
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
	if r.sent == nil {
		r.sent = map[string][]byte{}
		full = true
	}
	for k, d := range r.data {
		if old, ok := r.sent[k]; !ok || !bytes.Equal(old, d) {
			recs = append(recs, Record{Key: k, Data: d})
			r.sent[k] = d
		}
	}
	for k := range r.sent {
		if _, ok := r.data[k]; !ok {
			recs = append(recs, Record{Key: k})
			delete(r.sent, k)
		}
	}
	slices.SortFunc(recs, func(a, b Record) int { return strings.Compare(a.Key, b.Key) })
	return recs, full
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
	isVar := make(map[string]*variable, len(vars))
	for i := range vars {
		isVar[vars[i].name] = &vars[i]
	}
	var decls map[string]*cell.Item // by name; "T." for a type T with methods
	decl := func(n string) *cell.Item {
		if decls == nil {
			decls = make(map[string]*cell.Item, len(table))
			for i := range table {
				it := &table[i]
				for _, d := range it.Names {
					decls[d] = it
				}
				if it.Kind == cell.Method {
					decls[it.Recv+"."] = it
				}
			}
		}
		return decls[n]
	}
	seen := map[string]bool{}
	var visit func(names []string)
	visit = func(names []string) {
		for _, n := range names {
			if seen[n] || r.all {
				continue
			}
			seen[n] = true
			if v := isVar[n]; v != nil {
				r.touched[n] = true
				if v.funcLit != "" || v.typ == "" || strings.HasPrefix(v.typ, "func") || decl(strings.TrimLeft(v.typ, "*")+".") != nil {
					r.all = true // a func value or a method: what it changes is not known by name
				}
				continue
			}
			if it := decl(n); it != nil {
				if it.Kind == cell.Type && decl(n+".") != nil {
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

// touchAll notes that every variable may have changed.
func (r *records) touchAll() { r.all = true }

// update brings the records up to date with the session: declarations
// whose source changed, and variables that may have changed.
func (s *Session) update() {
	r := &s.recs
	if r.data == nil {
		*r = records{data: map[string][]byte{}, seq: map[string]int{}, src: map[string]string{},
			fixed: map[string]bool{}, targets: map[string]bool{}, sent: r.sent}
	}
	if r.in != s.in {
		// A new interpreter (a rebuild): declarations stay as encoded,
		// every variable is read again.
		r.in, r.all = s.in, true
	}
	keys := map[string]bool{}
	for _, b := range s.imports {
		k := "i:" + b.name
		keys[k] = true
		r.put(k, b.path, func(seq int) record { return record{Seq: seq, Import: &snapBinding{b.name, b.path}} })
	}
	for i := range s.table {
		it := &s.table[i]
		k := "t:" + it.Kind.String() + ":" + strings.Join(it.Names, ",")
		keys[k] = true
		r.put(k, it.Src, func(seq int) record { return record{Seq: seq, Item: it} })
	}
	var mem memory
	for i := range s.vars {
		v := &s.vars[i]
		k := "v:" + v.name
		keys[k] = true
		val, err := s.value(v.name)
		ok := err == nil && val.IsValid() && val.CanInterface()
		if ok {
			mem.note(v.name, val)
		}
		if _, have := r.data[k]; have && !r.all && !r.touched[v.name] && r.fixed[v.name] && !r.targets[v.name] {
			continue
		}
		sv := encodeVar(v, val, ok)
		r.fixed[v.name] = ok && fixedType(val.Type())
		seq, have := r.seq[k]
		if !have {
			seq = r.nextSeq()
			r.seq[k] = seq
		}
		r.data[k], _ = json.Marshal(record{Seq: seq, Var: &sv})
	}
	for k := range r.data {
		if !keys[k] && (k[0] == 'i' || k[0] == 't' || k[0] == 'v') {
			delete(r.data, k)
			delete(r.seq, k)
			delete(r.src, k)
		}
	}
	r.setOrDrop("shared", record{Shared: mem.shared()}, len(mem.shared()) > 0)
	points := s.points()
	clear(r.targets)
	for _, p := range points {
		r.targets[p.To] = true
	}
	r.setOrDrop("points", record{Points: points}, len(points) > 0)
	r.touched, r.all = nil, false
}

// put encodes a declaration record unless it is there from the same source.
func (r *records) put(key, src string, rec func(seq int) record) {
	if old, ok := r.src[key]; ok && old == src {
		return
	}
	seq := r.nextSeq() // a changed declaration moves to the end, as in the table
	r.seq[key], r.src[key] = seq, src
	r.data[key], _ = json.Marshal(rec(seq))
}

func (r *records) setOrDrop(key string, rec record, set bool) {
	if !set {
		delete(r.data, key)
		return
	}
	r.data[key], _ = json.Marshal(rec)
}

func (r *records) nextSeq() int {
	r.next++
	return r.next
}

// encodeVar is the snapshot entry of variable v with value val (ok false:
// no value to read).
func encodeVar(v *variable, val reflect.Value, ok bool) snapVar {
	sv := snapVar{Name: v.name, Declared: v.declared, Type: v.typ, Doc: v.doc, FuncLit: v.funcLit}
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

// points finds the variables that hold the address of another variable
// (p := &x), an identity a snapshot of values alone would lose.
func (s *Session) points() []snapPoint {
	if s.cache.in != s.in {
		return nil
	}
	var out []snapPoint
	var at map[uintptr]string
	for _, v := range s.vars {
		p, ok := s.cache.ptrs[v.name]
		if !ok || p.Elem().Kind() != reflect.Pointer || p.Elem().IsNil() {
			continue
		}
		if at == nil {
			at = make(map[uintptr]string, len(s.cache.ptrs))
			for name, q := range s.cache.ptrs {
				at[q.Pointer()] = name
			}
		}
		if to, ok := at[p.Elem().Pointer()]; ok && to != v.name {
			out = append(out, snapPoint{Ptr: v.name, To: to})
		}
	}
	slices.SortFunc(out, func(a, b snapPoint) int { return strings.Compare(a.Ptr, b.Ptr) })
	return out
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
