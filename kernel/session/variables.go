package session

import (
	"reflect"
	"sort"
)

// Variable is a session variable and a pointer to its value.
type Variable struct {
	Name string
	// Ptr points to the variable's storage in the interpreter.
	Ptr reflect.Value
}

// Variables returns the session's variables, sorted by name: those of the
// finished cells, and those the running cell's finished statements have
// defined. Call it only while no cell runs or while the running cell is
// stopped in the debugger: the values are read, not copied.
func (s *Session) Variables() []Variable {
	s.mu.Lock()
	defer s.mu.Unlock()
	ptrs := map[string]reflect.Value{}
	if s.cache.in == s.in {
		for _, v := range s.vars {
			if p, ok := s.cache.ptrs[v.name]; ok {
				ptrs[v.name] = p
			}
		}
	}
	if x := s.running; x != nil {
		for n, p := range x.kept {
			ptrs[n] = p
		}
	}
	out := make([]Variable, 0, len(ptrs))
	for n, p := range ptrs {
		out = append(out, Variable{Name: n, Ptr: p})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func (s *Session) setRunning(x *execution) {
	s.mu.Lock()
	s.running = x
	s.mu.Unlock()
}
