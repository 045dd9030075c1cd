package kernel

import (
	"encoding/json"
	"path"
	"sync"
)

// HistoryLimits bound what the kernel keeps of its cells for
// history_request: the oldest entries go first once either bound is passed.
// The zero value means the defaults (DefaultHistoryEntries,
// DefaultHistoryBytes); a negative field means no bound of that kind.
type HistoryLimits struct {
	// Entries is the number of cells kept, as IPython's history_length.
	Entries int
	// Bytes bounds the cells' inputs and outputs together.
	Bytes int
}

// The default history bounds: IPython's history_length (10,000 entries),
// and 16 MiB, so that a semester of cells printing large outputs cannot
// grow the kernel process without bound.
const (
	DefaultHistoryEntries = 10000
	DefaultHistoryBytes   = 16 << 20
)

// history keeps the latest cells of this kernel session for
// history_request. Session number 0 means "this session", as in IPython.
type history struct {
	mu      sync.Mutex
	limits  HistoryLimits
	entries []historyEntry // oldest first; entries[first:] are kept
	first   int
	bytes   int // of the kept entries' inputs and outputs
}

type historyEntry struct {
	line          int
	input, output string
}

func newHistory(limits HistoryLimits) *history {
	if limits.Entries == 0 {
		limits.Entries = DefaultHistoryEntries
	}
	if limits.Bytes == 0 {
		limits.Bytes = DefaultHistoryBytes
	}
	return &history{limits: limits}
}

func (h *history) add(line int, input, output string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.entries = append(h.entries, historyEntry{line, input, output})
	h.bytes += len(input) + len(output)
	for h.first < len(h.entries)-1 &&
		(h.limits.Entries > 0 && len(h.entries)-h.first > h.limits.Entries ||
			h.limits.Bytes > 0 && h.bytes > h.limits.Bytes) {
		e := &h.entries[h.first]
		h.bytes -= len(e.input) + len(e.output)
		*e = historyEntry{}
		h.first++
	}
	if h.first > len(h.entries)/2 {
		// Drop the forgotten entries' slots: amortised O(1) per add.
		h.entries = append([]historyEntry(nil), h.entries[h.first:]...)
		h.first = 0
	}
}

type historyRequest struct {
	Output         bool   `json:"output"`
	Raw            bool   `json:"raw"`
	HistAccessType string `json:"hist_access_type"`
	Session        int    `json:"session"`
	Start          int    `json:"start"`
	Stop           *int   `json:"stop"`
	N              int    `json:"n"`
	Pattern        string `json:"pattern"`
	Unique         bool   `json:"unique"`
}

// reply answers a history_request: tail, range or search, with outputs
// when asked.
func (h *history) reply(content json.RawMessage) map[string]any {
	var r historyRequest
	if err := json.Unmarshal(content, &r); err != nil {
		return map[string]any{"status": "error", "ename": "BadRequest", "evalue": err.Error(), "traceback": []string{}, "history": []any{}}
	}
	h.mu.Lock()
	all := append([]historyEntry(nil), h.entries[h.first:]...)
	h.mu.Unlock()

	var picked []historyEntry
	switch r.HistAccessType {
	case "range":
		if r.Session == 0 || r.Session == 1 {
			for _, e := range all {
				if e.line >= r.Start && (r.Stop == nil || e.line < *r.Stop) {
					picked = append(picked, e)
				}
			}
		}
	case "search":
		pattern := r.Pattern
		if pattern == "" {
			pattern = "*"
		}
		seen := map[string]bool{}
		for i := len(all) - 1; i >= 0; i-- {
			if ok, _ := path.Match(pattern, all[i].input); !ok {
				continue
			}
			if r.Unique && seen[all[i].input] {
				continue
			}
			seen[all[i].input] = true
			picked = append([]historyEntry{all[i]}, picked...)
			if r.N > 0 && len(picked) == r.N {
				break
			}
		}
	default: // "tail"
		picked = all
		if r.N > 0 && len(picked) > r.N {
			picked = picked[len(picked)-r.N:]
		}
	}
	out := make([]any, len(picked))
	for i, e := range picked {
		if r.Output {
			out[i] = []any{1, e.line, []any{e.input, e.output}}
		} else {
			out[i] = []any{1, e.line, e.input}
		}
	}
	return map[string]any{"status": "ok", "history": out}
}
