package kernel

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// The history keeps the latest cells within its bounds, oldest dropped
// first, and always the latest cell, however large.
func TestHistoryBounds(t *testing.T) {
	tests := []struct {
		name      string
		limits    HistoryLimits
		cells     int
		size      int // bytes of each cell's input and of its output
		wantFirst int // the first line kept
	}{
		{"under both bounds", HistoryLimits{Entries: 10, Bytes: 1 << 20}, 8, 10, 1},
		{"entries", HistoryLimits{Entries: 10, Bytes: 1 << 20}, 25, 10, 16},
		{"bytes", HistoryLimits{Entries: 100, Bytes: 1000}, 30, 100, 26},
		{"one cell over the byte bound", HistoryLimits{Entries: 100, Bytes: 10}, 3, 100, 3},
		{"no entry bound", HistoryLimits{Entries: -1, Bytes: -1}, 300, 1, 1},
		{"defaults", HistoryLimits{}, DefaultHistoryEntries + 5, 1, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHistory(tt.limits)
			for i := 1; i <= tt.cells; i++ {
				h.add(i, fmt.Sprintf("%0*d", tt.size, i), strings.Repeat("o", tt.size))
			}
			reply := h.reply(json.RawMessage(`{"hist_access_type":"tail","output":false}`))
			got := reply["history"].([]any)
			if want := tt.cells - tt.wantFirst + 1; len(got) != want {
				t.Fatalf("%d entries kept, want %d", len(got), want)
			}
			if first := got[0].([]any)[1].(int); first != tt.wantFirst {
				t.Errorf("first line kept %d, want %d", first, tt.wantFirst)
			}
			if last := got[len(got)-1].([]any)[1].(int); last != tt.cells {
				t.Errorf("last line kept %d, want %d", last, tt.cells)
			}
		})
	}
}
