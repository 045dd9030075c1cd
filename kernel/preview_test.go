package kernel

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/gocurve/gocurve/kernel/worker"
)

func TestInspectShowsValue(t *testing.T) {
	c := startKernel(t, worker.Options{})
	if r := c.execute("lr := 0.05\nv := []float64{1, 2, 3}", 30*time.Second); r.reply["status"] != "ok" {
		t.Fatalf("cell: %v", r.reply)
	}
	inspect := func(code string) (text string, found bool) {
		c.send(c.shell, "inspect_request", map[string]any{"code": code, "cursor_pos": len([]rune(code)), "detail_level": 0})
		rep := c.recv(c.shell, 10*time.Second)
		var content struct {
			Found bool
			Data  map[string]string
		}
		json.Unmarshal(rep.Content, &content)
		return content.Data["text/plain"], content.Found
	}
	if text, _ := inspect("lr"); !strings.HasSuffix(text, "\nvalue: 0.05") || !strings.Contains(text, "float64") {
		t.Fatalf("inspect lr = %q", text)
	}
	if text, _ := inspect("x := v"); !strings.HasSuffix(text, "\nvalue: [1 2 3]") {
		t.Fatalf("inspect v = %q", text)
	}
	// While a cell runs, the type without a value, at once.
	id := c.send(c.shell, "execute_request", map[string]any{"code": "time.Sleep(2 * time.Second)", "silent": false})
	time.Sleep(300 * time.Millisecond)
	text, found := inspect("lr")
	if !found || strings.Contains(text, "value:") || !strings.Contains(text, "float64") {
		t.Fatalf("inspect during a cell = %q, %v", text, found)
	}
	c.recv(c.shell, 30*time.Second)
	c.outputs(id, 30*time.Second)
}
