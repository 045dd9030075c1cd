package session

import (
	"maps"
	"reflect"
	"sort"
	"strings"
)

// keep remembers where the variables names live, for an interrupt.
func (x *execution) keep(names []string) {
	if x.kept == nil {
		x.kept = map[string]reflect.Value{}
	}
	maps.Copy(x.kept, storage(x.s.in, names))
}

// recover restores the state before a failed cell: a fresh interpreter with
// the old declarations, carrying the values variables have now. An
// interrupted cell keeps, as IPython does, its declarations and the
// variables its finished statements defined, with their values at the
// interrupt.
func (s *Session) recover(x *execution) []string {
	if !x.dirty {
		return nil
	}
	if x.interrupted && !x.exited && len(x.kept) > 0 {
		if notices, ok := s.recoverInterrupted(x); ok {
			return notices
		}
	}
	var cached *liveCache
	if x.interrupted {
		cached = &s.cache
	}
	in, notices, err := s.rebuild(s.in, s.imports, s.table, s.vars, nil, cached)
	if err != nil {
		return append(notices, "session could not be restored: "+err.Error())
	}
	s.cache.refresh(in, s.table, s.vars, nil, nil)
	s.in = in
	return notices
}

// recoverInterrupted rebuilds the session from an interrupted cell with
// what it defined before the interrupt; false if that failed (recover then
// goes back to the state before the cell).
func (s *Session) recoverInterrupted(x *execution) ([]string, bool) {
	cached := &liveCache{ptrs: map[string]reflect.Value{}, types: map[string]reflect.Type{}}
	for k, v := range s.cache.ptrs {
		cached.ptrs[k] = v
	}
	for k, v := range s.cache.types {
		cached.types[k] = v
	}
	for k, v := range x.keptTypes {
		cached.types[k] = v
	}
	var vars []variable
	var kept []string
	for _, v := range x.vars {
		_, old := s.cache.ptrs[v.name]
		if p, ok := x.kept[v.name]; ok {
			cached.ptrs[v.name] = p
			kept = append(kept, v.name)
		} else if !old {
			continue // defined by a statement that did not finish
		}
		vars = append(vars, v)
	}
	in, notices, err := s.rebuild(s.in, x.imports, x.table, vars, nil, cached)
	if err != nil {
		return nil, false
	}
	s.mu.Lock()
	s.imports, s.table, s.pending, s.vars = x.imports, x.table, x.pending, vars
	s.gen++
	s.in = in
	s.cache.refresh(in, s.table, s.vars, nil, nil)
	s.mu.Unlock()
	sort.Strings(kept)
	return append(notices, "kept what the cell defined before the interrupt: "+strings.Join(kept, ", ")), true
}
