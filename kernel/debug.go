package kernel

import (
	"encoding/json"

	"github.com/gocurve/gocurve/kernel/wire"
)

// debugRequest forwards a debug_request's DAP request to the worker and
// returns the DAP response for the debug_reply. A worker that cannot answer
// gets a failed response in DAP form, which the front end shows.
func (k *Kernel) debugRequest(m *wire.Message) json.RawMessage {
	reply, err := k.sup.Debug(m.Content)
	if err == nil {
		return reply
	}
	var req struct {
		Seq     int    `json:"seq"`
		Command string `json:"command"`
	}
	json.Unmarshal(m.Content, &req)
	k.log.Printf("debug_request %s: %v", req.Command, err)
	b, _ := json.Marshal(map[string]any{
		"type": "response", "request_seq": req.Seq, "command": req.Command,
		"success": false, "message": "gocurve's debugger: " + err.Error(),
	})
	return b
}

// debugEvent publishes a DAP event of the worker's on iopub, as ipykernel
// does: without a parent.
func (k *Kernel) debugEvent(e json.RawMessage) {
	k.publish(nil, "debug_event", e)
}
