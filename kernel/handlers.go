package kernel

import (
	"encoding/json"
	"runtime"
	"strings"
	"time"

	"github.com/gocurve/gocurve/kernel/magic"
	"github.com/gocurve/gocurve/kernel/wire"
)

// handleShell dispatches a shell request. Executes are queued for the
// executor; everything else is answered at once, even while a cell runs.
func (k *Kernel) handleShell(m *wire.Message) {
	switch m.Header.MsgType {
	case "execute_request":
		k.exec.enqueue(m, time.Now())
		return
	case "comm_open", "comm_msg", "comm_close":
		k.commIn(m) // its own busy/idle: idle when the worker has handled it
		return
	}
	k.status(m, "busy")
	defer k.status(m, "idle")
	switch m.Header.MsgType {
	case "kernel_info_request":
		k.reply(k.shell, m, "kernel_info_reply", k.kernelInfo())
	case "complete_request":
		k.reply(k.shell, m, "complete_reply", k.complete(m))
	case "inspect_request":
		k.reply(k.shell, m, "inspect_reply", k.inspect(m))
	case "is_complete_request":
		var c struct {
			Code string `json:"code"`
		}
		json.Unmarshal(m.Content, &c)
		status, indent := magic.IsComplete(c.Code, k.sup.Decls())
		content := map[string]string{"status": status}
		if status == "incomplete" {
			content["indent"] = indent
		}
		k.reply(k.shell, m, "is_complete_reply", content)
	case "history_request":
		k.reply(k.shell, m, "history_reply", k.history.reply(m.Content))
	case "comm_info_request":
		k.reply(k.shell, m, "comm_info_reply", k.commInfo(m))
	case "shutdown_request", "interrupt_request":
		// Front ends should use control, but older ones sent these on shell.
		k.handleControlMessage(k.shell, m)
	default:
		k.unknown(k.shell, m)
	}
}

func (k *Kernel) handleControl(m *wire.Message) {
	k.status(m, "busy")
	defer k.status(m, "idle")
	k.handleControlMessage(k.control, m)
}

func (k *Kernel) handleControlMessage(s *socket, m *wire.Message) {
	switch m.Header.MsgType {
	case "shutdown_request":
		var c struct {
			Restart bool `json:"restart"`
		}
		json.Unmarshal(m.Content, &c)
		k.reply(s, m, "shutdown_reply", map[string]any{"status": "ok", "restart": c.Restart})
		k.status(m, "idle")
		k.log.Printf("shutdown requested (restart=%v)", c.Restart)
		k.shutdown()
	case "interrupt_request":
		// Received now: a cell whose request came later is not the one meant.
		k.sup.InterruptAt(time.Now(), sentAt(m))
		k.reply(s, m, "interrupt_reply", map[string]any{"status": "ok"})
	case "kernel_info_request":
		k.reply(s, m, "kernel_info_reply", k.kernelInfo())
	case "debug_request":
		k.reply(s, m, "debug_reply", k.debugRequest(m))
	default:
		k.unknown(s, m)
	}
}

// unknown logs a message type the kernel does not handle and, for a
// request, answers with an error reply so the front end does not wait.
func (k *Kernel) unknown(s *socket, m *wire.Message) {
	k.log.Printf("%s: unknown message type %q", s.name, m.Header.MsgType)
	if base, ok := strings.CutSuffix(m.Header.MsgType, "_request"); ok && base != "" {
		k.reply(s, m, base+"_reply", map[string]any{"status": "error", "ename": "UnknownRequest", "evalue": "gocurve does not handle " + m.Header.MsgType, "traceback": []string{}})
	}
}

func (k *Kernel) handleStdin(m *wire.Message) {
	if m.Header.MsgType != "input_reply" {
		k.log.Printf("stdin: unexpected %q", m.Header.MsgType)
		return
	}
	var c struct {
		Value string `json:"value"`
	}
	if err := json.Unmarshal(m.Content, &c); err != nil {
		k.log.Printf("stdin: %v", err)
	}
	k.exec.input(c.Value)
}

func (k *Kernel) kernelInfo() map[string]any {
	return map[string]any{
		"status":                 "ok",
		"protocol_version":       wire.ProtocolVersion,
		"implementation":         "gocurve",
		"implementation_version": Version,
		"language_info": map[string]any{
			"name":               "go",
			"version":            runtime.Version()[2:],
			"mimetype":           "text/x-go",
			"file_extension":     ".go",
			"pygments_lexer":     "go",
			"codemirror_mode":    "go",
			"nbconvert_exporter": "script",
		},
		"banner":   "gocurve " + Version + ": Go (" + runtime.Version() + ", interpreted by yaegi) with a curvature and optimizer library",
		"debugger": true,
		"help_links": []map[string]string{
			{"text": "Go documentation", "url": "https://go.dev/doc/"},
			{"text": "gonum", "url": "https://pkg.go.dev/gonum.org/v1/gonum"},
			{"text": "gonum/plot", "url": "https://pkg.go.dev/gonum.org/v1/plot"},
		},
	}
}

type codeRequest struct {
	Code        string `json:"code"`
	CursorPos   int    `json:"cursor_pos"`
	DetailLevel int    `json:"detail_level"`
}

func (k *Kernel) complete(m *wire.Message) map[string]any {
	var c codeRequest
	if err := json.Unmarshal(m.Content, &c); err != nil {
		return map[string]any{"status": "error", "ename": "BadRequest", "evalue": err.Error(), "traceback": []string{}}
	}
	res := magic.Complete(c.Code, c.CursorPos, k.sup.Decls())
	matches := make([]string, len(res.Matches))
	types := make([]map[string]any, len(res.Matches))
	for i, mt := range res.Matches {
		matches[i] = mt.Text
		types[i] = map[string]any{"text": mt.Text, "type": mt.Kind, "signature": mt.Signature, "start": res.Start, "end": res.End}
	}
	return map[string]any{
		"status":       "ok",
		"matches":      matches,
		"cursor_start": res.Start,
		"cursor_end":   res.End,
		"metadata":     map[string]any{"_jupyter_types_experimental": types},
	}
}

func (k *Kernel) inspect(m *wire.Message) map[string]any {
	var c codeRequest
	if err := json.Unmarshal(m.Content, &c); err != nil {
		return map[string]any{"status": "error", "ename": "BadRequest", "evalue": err.Error(), "traceback": []string{}}
	}
	decls := k.sup.Decls()
	text, found := magic.Inspect(c.Code, c.CursorPos, decls)
	data := map[string]any{}
	if found {
		data["text/plain"] = text
		if md, ok := magic.InspectMarkdown(c.Code, c.CursorPos, decls); ok {
			data["text/markdown"] = md
		}
		k.addValue(c.Code, c.CursorPos, decls, data)
	}
	return map[string]any{"status": "ok", "found": found, "data": data, "metadata": map[string]any{}}
}
