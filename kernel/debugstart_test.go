package kernel

import (
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/gocurve/gocurve/kernel/worker"
)

// A debug_request that comes while the kernel's first worker is still
// starting waits for it, as a cell does; it is not refused.
func TestDebugRequestWhileTheWorkerStarts(t *testing.T) {
	slow := []string{"/bin/sh", "-c", `sleep 1; exec "$0"`, os.Args[0]}
	c := startKernel(t, worker.Options{Command: slow})
	id := c.send(c.control, "debug_request", map[string]any{
		"type": "request", "seq": 1, "command": "initialize",
		"arguments": map[string]any{"clientID": "test", "adapterID": "go"},
	})
	rep := c.recv(c.control, 20*time.Second)
	if rep.Header.MsgType != "debug_reply" || rep.Parent.MsgID != id {
		t.Fatalf("got %s", rep.Header.MsgType)
	}
	var dap struct {
		Success bool   `json:"success"`
		Message string `json:"message"`
	}
	if err := json.Unmarshal(rep.Content, &dap); err != nil {
		t.Fatal(err)
	}
	if !dap.Success {
		t.Errorf("initialize while the worker starts: %s", dap.Message)
	}
}
