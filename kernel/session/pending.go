package session

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gocurve/gocurve/kernel/cell"
)

// Declarations that wait. A Go package's declarations come in any order,
// and cells pasted in a program's order declare a func before the helper
// it calls. Such a declaration (cell.Item.Waits) is not compiled, nor
// refused: the session keeps it aside, tells the user what it waits for,
// and gives it to every later cell's check (cell.Options.Pending). The
// cell that declares what it waits for gets it back ready, and compiles
// it with its own declarations, in one chunk (so the two may call each
// other), before its statements run. A statement that uses a declaration
// that waits is refused. The snapshot keeps them as it keeps the table,
// so they survive a new worker.

// setAsideWaiting moves the cell's declarations that wait out of the cell
// into x.pending, with the session's others that the cell does not
// declare again (a new declaration of the name replaces one that waits),
// and notes each new one and each that is ready now.
func (x *execution) setAsideWaiting() {
	items := x.c.Items
	defined := map[string]bool{}
	for _, it := range items {
		for _, n := range it.Names {
			defined[n] = true
		}
	}
	var pending []cell.Item
	for _, it := range x.s.pending {
		if !slices.ContainsFunc(it.Names, func(n string) bool { return defined[n] }) {
			pending = append(pending, it)
		}
	}
	ready := items[:0:0]
	for _, it := range items {
		switch {
		case len(it.Waits) > 0:
			if !it.Earlier {
				verb := "is declared but waits"
				if len(it.Names) > 1 {
					verb = "are declared but wait"
				}
				x.notices = append(x.notices, fmt.Sprintf("%s %s for %s, which no cell has declared yet",
					strings.Join(it.Names, ", "), verb, strings.Join(it.Waits, ", ")))
			}
			it.Earlier = false
			pending = append(pending, it)
		case it.Earlier:
			if old := x.s.waitingFor(it.Names); len(old) > 0 {
				x.notices = append(x.notices, fmt.Sprintf("%s waited for %s: declared now", strings.Join(it.Names, ", "), strings.Join(old, ", ")))
			}
			ready = append(ready, it)
		default:
			ready = append(ready, it)
		}
	}
	if len(ready) < len(items) {
		x.c = &cell.Cell{Items: ready}
	}
	x.pending = pending
}

// waitingFor returns what the session's declaration that waits named by
// names waited for, or nil.
func (s *Session) waitingFor(names []string) []string {
	for _, it := range s.pending {
		if slices.Equal(it.Names, names) {
			return it.Waits
		}
	}
	return nil
}

// putWaiting brings the snapshot's records of the declarations that wait
// up to date; keys, when set, collects the keys of the whole snapshot.
func (r *records) putWaiting(pending []cell.Item, keys map[string]bool) {
	live := make(map[string]bool, len(pending))
	for i := range pending {
		it := &pending[i]
		k := "w:" + it.Kind.String() + ":" + strings.Join(it.Names, ",")
		live[k] = true
		if keys != nil {
			keys[k] = true
		}
		r.put(k, it.Orig+"\x00"+strings.Join(it.Waits, ","), func(seq int) record { return record{Seq: seq, Waiting: it} })
	}
	for k := range r.waiting {
		if !live[k] {
			r.drop(k)
			delete(r.seq, k)
			delete(r.src, k)
		}
	}
	r.waiting = live
}
