package comm

import "sync"

// Table records the comms open between a kernel and its front ends, from
// the messages passing through, to answer comm_info_request. The zero
// value is an empty table.
type Table struct {
	mu   sync.Mutex
	open map[string]string // comm id -> target name
}

// Note records a message that passed between kernel and front end.
func (t *Table) Note(kind Kind, m Message) {
	t.mu.Lock()
	defer t.mu.Unlock()
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
func (t *Table) Info(target string) map[string]map[string]string {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := map[string]map[string]string{}
	for id, name := range t.open {
		if target == "" || name == target {
			out[id] = map[string]string{"target_name": name}
		}
	}
	return out
}

// Target returns the target of the open comm id.
func (t *Table) Target(id string) (string, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	name, ok := t.open[id]
	return name, ok
}

// Reset forgets every comm, as when the process that held them died.
func (t *Table) Reset() {
	t.mu.Lock()
	t.open = nil
	t.mu.Unlock()
}
