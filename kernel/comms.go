package kernel

import (
	"encoding/json"

	"github.com/gocurve/gocurve/kernel/comm"
	"github.com/gocurve/gocurve/kernel/wire"
)

// commIn forwards a comm_open, comm_msg or comm_close from the front end to
// the worker, whose handlers run when no cell is running; their output has
// m as parent.
func (k *Kernel) commIn(m *wire.Message) {
	var c comm.Message
	if err := json.Unmarshal(m.Content, &c); err != nil || c.CommID == "" {
		k.log.Printf("%s without a comm_id: dropped (%v)", m.Header.MsgType, err)
		return
	}
	c.Metadata = m.Metadata
	c.Buffers = m.Buffers
	kind := comm.Kind(m.Header.MsgType)
	k.comms.Note(k.sup.Generation(), kind, c)
	noInput := make(chan struct{})
	close(noInput) // a comm handler cannot ask for input
	sink := &cellSink{e: k.exec, req: m, done: noInput}
	k.status(m, "busy")
	idle := func() { k.status(m, "idle") }
	// A widget's front end sends a model's next update only when the kernel
	// is idle for its last one: idle as soon as an update is forwarded, so
	// updates keep coming at the pace of the mouse and the worker redraws
	// for the latest of them. Anything else is busy until its handlers have
	// run, as with ipykernel, so a client that waits for idle has their output.
	var data struct {
		Method string `json:"method"`
	}
	json.Unmarshal(c.Data, &data)
	early := kind == comm.KindMsg && data.Method == "update"
	done := idle
	if early {
		done = nil
	}
	err := k.sup.Comm(kind, c, sink, done)
	if err != nil {
		k.log.Printf("%s %s: %v", kind, c.CommID, err)
		if kind == comm.KindOpen {
			sink.Comm(comm.KindClose, comm.Message{CommID: c.CommID, Data: json.RawMessage("{}")})
		}
	}
	if early || err != nil {
		idle()
	}
}

// commInfo answers a comm_info_request from the comms open now.
func (k *Kernel) commInfo(m *wire.Message) map[string]any {
	var c struct {
		TargetName string `json:"target_name"`
	}
	json.Unmarshal(m.Content, &c)
	return map[string]any{"status": "ok", "comms": k.comms.Info(k.sup.Generation(), c.TargetName)}
}

// Comm publishes a comm message from the worker on iopub, with the cell or
// comm message being handled as parent.
func (s *cellSink) Comm(kind comm.Kind, m comm.Message) {
	k := s.e.k
	k.comms.Note(k.sup.Generation(), kind, m)
	content := map[string]any{"comm_id": m.CommID, "data": rawOr(m.Data)}
	if kind == comm.KindOpen {
		content["target_name"] = m.TargetName
	}
	var meta any
	if len(m.Metadata) > 0 {
		meta = json.RawMessage(m.Metadata)
	}
	k.publishMeta(s.req, string(kind), content, meta)
}

func rawOr(r json.RawMessage) json.RawMessage {
	if len(r) == 0 {
		return json.RawMessage("{}")
	}
	return r
}
