package kernel

import (
	"encoding/json"
	"path"
	"sync"
)

// history keeps the cells of this kernel session for history_request.
// Session number 0 means "this session", as in IPython.
type history struct {
	mu      sync.Mutex
	entries []historyEntry
}

type historyEntry struct {
	line          int
	input, output string
}

func newHistory() *history { return &history{} }

func (h *history) add(line int, input, output string) {
	h.mu.Lock()
	h.entries = append(h.entries, historyEntry{line, input, output})
	h.mu.Unlock()
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
	all := append([]historyEntry(nil), h.entries...)
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
