package comm

import "sync"

// Table records the comms open between a kernel and its front ends, from
// the messages passing through, to answer comm_info_request. The zero
// value is an empty table. Each call says the generation of the process
// that holds the kernel's side of the comms (it counts restarts of that
// process): when it changes, the comms died with the process before and
// are forgotten.
type Table struct {
	mu   sync.Mutex
	open map[string]string // comm id -> target name
	gen  uint64
}

// Note records a message that passed between kernel and front end.
func (t *Table) Note(gen uint64, kind Kind, m Message) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.since(gen)
	switch kind {
	case KindOpen:
		if t.open == nil {
			t.open = map[string]string{}
		}
		t.open[m.CommID] = m.TargetName
	case KindClose:
		delete(t.open, m.CommID)
	}
}

// Info returns the open comms as comm_info_reply lists them, id -> {"target_name": …},
// only those of target if target is not empty.
func (t *Table) Info(gen uint64, target string) map[string]map[string]string {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.since(gen)
	out := map[string]map[string]string{}
	for id, name := range t.open {
		if target == "" || name == target {
			out[id] = map[string]string{"target_name": name}
		}
	}
	return out
}

func (t *Table) since(gen uint64) {
	if gen != t.gen {
		t.open, t.gen = nil, gen
	}
}
