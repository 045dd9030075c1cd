package worker

import (
	"strings"
	"testing"
)

func TestDebuggerCause(t *testing.T) {
	const crash = "\x00GOCURVE-SYNC-10\x00panic: assignment to entry in nil map [recovered, repanicked]\n" +
		"\tpanic: runtime error: invalid memory address or nil pointer dereference [recovered, repanicked]\n" +
		"[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0xa9c810]\n"
	tests := []struct {
		name, tail, want string
	}{
		{"the debugger's call hook", "output\n" + crash, "a goroutine of the session panicked (assignment to entry in nil map) while the debugger was on"},
		{"a cell's text before it", "panic: printed by a cell\n" + crash, "(assignment to entry in nil map)"},
		{"another crash", "panic: boom\n\ngoroutine 1 [running]:\n", "other"},
		{"no panic", "fatal error: all goroutines are asleep - deadlock!\n", "other"},
	}
	for _, tt := range tests {
		p := &process{tail: []byte(tt.tail)}
		if got := p.debuggerCause("other"); !strings.Contains(got, tt.want) {
			t.Errorf("%s: debuggerCause = %q, want it to contain %q", tt.name, got, tt.want)
		}
	}
}
