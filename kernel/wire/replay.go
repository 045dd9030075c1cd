package wire

import "sync"

// ReplayGuard remembers the signatures of recently accepted messages so a
// captured message sent again is refused. It holds at most Size signatures
// and forgets the oldest first, like ipykernel's digest history.
type ReplayGuard struct {
	mu   sync.Mutex
	seen map[string]struct{}
	ring []string
	next int
}

// DefaultReplayWindow is how many signatures a guard made by NewReplayGuard(0) remembers.
const DefaultReplayWindow = 1 << 16

// NewReplayGuard returns a guard remembering size signatures (DefaultReplayWindow if size ≤ 0).
func NewReplayGuard(size int) *ReplayGuard {
	if size <= 0 {
		size = DefaultReplayWindow
	}
	return &ReplayGuard{seen: make(map[string]struct{}, size), ring: make([]string, size)}
}

// Accept records sig and reports whether it was new. Empty signatures
// (unsigned sessions) are always accepted: there is nothing to remember.
func (g *ReplayGuard) Accept(sig string) bool {
	if sig == "" {
		return true
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if _, dup := g.seen[sig]; dup {
		return false
	}
	if old := g.ring[g.next]; old != "" {
		delete(g.seen, old)
	}
	g.ring[g.next] = sig
	g.seen[sig] = struct{}{}
	g.next = (g.next + 1) % len(g.ring)
	return true
}
