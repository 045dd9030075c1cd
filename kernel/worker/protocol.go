// Package worker runs cell code in a child process and supervises it.
//
// The kernel process never runs user code. It starts a worker — the same
// binary in another mode — that owns the interpreter session. User code can
// kill a Go process in ways no recover catches (infinite recursion, a panic
// in a goroutine, running out of memory, a compiled call that ignores
// cancellation); then only the worker dies, the Supervisor reports the
// cause on the running cell and starts a new worker from the last snapshot.
//
// The two processes speak JSON lines: requests on the worker's fd 3, events
// on its fd 4. The worker's fds 1 and 2 are pipes the supervisor reads, so
// everything any code prints arrives even if the worker then crashes. To
// keep prints and displays in the order a cell made them, the worker writes
// a sync marker with a sequence number to both pipes before each event, and
// the supervisor holds each event until both streams have reached its marker.
package worker

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/gocurve/gocurve/kernel/comm"
	"github.com/gocurve/gocurve/kernel/display"
	"github.com/gocurve/gocurve/kernel/session"
)

// Request is a message from the kernel to the worker.
type Request struct {
	// Type is "execute", "input_reply", "restore", "comm", "preview"
	// (a variable's value as a line of text; Code is its name) or
	// "interrupt" (of the cell Cell, or of the comm delivery Token).
	Type string `json:"type"`
	// Cell is the supervisor's id of the cell ("execute", "interrupt").
	Cell uint64 `json:"cell,omitempty"`
	// Received is when the kernel received the execute request: an
	// interrupt received before it was not meant for this cell.
	Received time.Time `json:"-"`
	// Sent is when the front end sent the execute request (its header's
	// date), zero if unknown.
	Sent time.Time `json:"-"`
	// Token names the comm delivery to interrupt ("interrupt"), or the
	// input_request event answered ("input_reply").
	Token uint64 `json:"token,omitempty"`
	// Code, UserExpressions and AllowStdin belong to "execute".
	Code            string            `json:"code,omitempty"`
	UserExpressions map[string]string `json:"user_expressions,omitempty"`
	AllowStdin      bool              `json:"allow_stdin,omitempty"`
	// Value is the text the user typed ("input_reply").
	Value string `json:"value,omitempty"`
	// State is a session snapshot to restore ("restore").
	State []byte `json:"state,omitempty"`
	// Comm is a comm message from the front end ("comm").
	Comm *CommMessage `json:"comm,omitempty"`
	// Debug is a DAP request ("debug"), answered at once, also while a
	// cell runs or is stopped.
	Debug json.RawMessage `json:"debug,omitempty"`
}

// CommMessage is a comm message between the worker and the front end.
type CommMessage struct {
	Kind comm.Kind `json:"kind"`
	comm.Message
	// Token names, in a request, the delivery whose output the
	// comm_begin and comm_end events bracket.
	Token uint64 `json:"token,omitempty"`
}

// Event is a message from the worker to the kernel.
type Event struct {
	// Type is "ready", "display", "clear_output", "page", "input_request",
	// Type is "ready", "display", "clear_output", "page", "input_request",
	// "log" (Text goes to the kernel's log, not to the cell), "started" (an
	// execute request was taken), "result", "preview" (Name and Text are a
	// variable and its value), "comm" (a comm message for the front end), or
	// "comm_begin" and "comm_end" around the handling of a comm message from
	// the front end (the output between them belongs to that message).
	Type string `json:"type"`
	// Seq orders the event after everything printed before it.
	Seq uint64 `json:"seq"`

	Bundle    *display.Bundle `json:"bundle,omitempty"`
	DisplayID string          `json:"display_id,omitempty"`
	Update    bool            `json:"update,omitempty"`
	Wait      bool            `json:"wait,omitempty"`
	Prompt    string          `json:"prompt,omitempty"`
	Password  bool            `json:"password,omitempty"`
	Text      string          `json:"text,omitempty"`
	Outcome   *Outcome        `json:"outcome,omitempty"`
	Comm      *CommMessage    `json:"comm,omitempty"`
	// Token names a comm delivery ("comm_begin"), or an input_request,
	// which its input_reply names again.
	Token uint64 `json:"token,omitempty"`
	// Name is a "preview" event's variable.
	Name string `json:"name,omitempty"`
	// Debug is a DAP response ("debug_reply") or event ("debug_event").
	Debug json.RawMessage `json:"debug,omitempty"`
}

// Outcome is how a cell (or a restore) ended.
type Outcome struct {
	// Status is "ok" or "error".
	Status    string          `json:"status"`
	Display   *display.Bundle `json:"display,omitempty"`
	Ename     string          `json:"ename,omitempty"`
	Evalue    string          `json:"evalue,omitempty"`
	Traceback []string        `json:"traceback,omitempty"`
	Notices   []string        `json:"notices,omitempty"`
	// Retire asks the supervisor to replace the worker after this cell,
	// whose process the cell has left unfit (it closed os.Stdout).
	Retire bool `json:"retire,omitempty"`
	// UserExpressions holds the results of execute's user_expressions,
	// each shaped as the messaging spec's user_expressions entries.
	UserExpressions map[string]json.RawMessage `json:"user_expressions,omitempty"`
	// State holds the records of the session snapshot that changed;
	// with StateFull they replace all earlier ones.
	State     []session.Record `json:"state,omitempty"`
	StateFull bool             `json:"state_full,omitempty"`
}

// Error names the kernel reports beyond the session's own.
const (
	// EnameCrash is the ename of a cell during which the worker died.
	EnameCrash = "WorkerCrash"
	// EnameInterrupted is the ename of an interrupted cell.
	EnameInterrupted = "Interrupted"
	// EnameInternal is the ename of a cell the kernel's own code failed on:
	// a bug in gocurve, not in the cell.
	EnameInternal = "GocurveBug"
)

// NoticePrefix starts each line of the kernel's own notices on stderr.
const NoticePrefix = "[gocurve] "

const markerPrefix = "\x00GOCURVE-SYNC-"

func marker(seq uint64) []byte {
	return []byte(markerPrefix + strconv.FormatUint(seq, 10) + "\x00")
}
