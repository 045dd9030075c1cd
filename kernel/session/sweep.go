package session

import (
	"go/scanner"
	"go/token"
	"strings"
	"sync"
)

// bodyNames are the identifiers that func bodies and func literals given to
// any interpreter of this process mention: a variable of that name, once
// declared again, may still be read in its old slot by a func compiled while
// it was current, so the sweep keeps old slots of these names
// (yaegistate.go). The set is a superset (every identifier after a chunk's
// first func keyword) and only grows; it is bounded by the vocabulary of the
// code run, not by the number of cells.
var bodyNames = nameSet{m: map[string]bool{}}

type nameSet struct {
	mu sync.Mutex
	m  map[string]bool
}

// note adds the identifiers of src from its first func keyword on.
func (ns *nameSet) note(src string) {
	i := strings.Index(src, "func")
	if i < 0 {
		return
	}
	var sc scanner.Scanner
	fs := token.NewFileSet()
	b := []byte(src)
	sc.Init(fs.AddFile("", -1, len(b)), b, nil, 0)
	seen := false
	var names []string
	for {
		_, tok, lit := sc.Scan()
		if tok == token.EOF {
			break
		}
		switch {
		case tok == token.FUNC:
			seen = true
		case seen && tok == token.IDENT:
			names = append(names, lit)
		}
	}
	if len(names) == 0 {
		return
	}
	ns.mu.Lock()
	for _, n := range names {
		ns.m[n] = true
	}
	ns.mu.Unlock()
}

// has reports whether a noted func body may mention name.
func (ns *nameSet) has(name string) bool {
	ns.mu.Lock()
	defer ns.mu.Unlock()
	return ns.m[name]
}

// sweep drops what the session's interpreter keeps for no one (the
// temporaries of earlier cells' top-level statements, the old values of
// variables declared again, the syntax trees of chunks run): see
// yaegistate.go. It runs after each successful cell.
func (s *Session) sweep() int {
	return s.sweeper.sweep(s.in, bodyNames.has)
}
