package debug

import (
	"testing"
	"time"
)

func TestXGoPanic(t *testing.T) {
	for _, code := range []string{
		"func() {\n\tgo func() {\n\t\ttime.Sleep(50 * time.Millisecond)\n\t\tvar m map[string]int\n\t\tm[\"a\"] = 1\n\t}()\n\tn := 0\n\tfor n < 3 {\n\t\tn++\n\t}\n}()",
	} {
		h := newHarness(t)
		h.req("initialize", nil)
		h.setBreakpoints(code, 9)
		done := h.run(code)
		h.waitEvent("stopped")
		time.Sleep(300 * time.Millisecond)
		h.req("setBreakpoints", map[string]any{"source": map[string]string{"path": h.d.SourcePath(code)}, "breakpoints": []any{}})
		h.req("continue", map[string]any{"threadId": 1})
		t.Log(<-done)
	}
}
