// Package comm is the interpreter's side of Jupyter comms: long-lived,
// two-way channels between code in the kernel and code in the front end,
// opened with comm_open, used with comm_msg and ended with comm_close (see
// the Jupyter messaging spec, "Custom messages"). Jupyter widgets are built
// on it.
//
// Either side may open a comm. The front end opens one for a target that
// kernel code has registered by name with Register; kernel code opens one
// with Open. What kernel code sends goes to the process's Transport, which
// the kernel's worker installs with SetTransport; what the front end sends
// is handed in by the worker in two steps: Arrive as soon as the message
// comes, even while a cell runs, and Deliver when no cell is running.
package comm

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
)

// Kind is the message type of a comm message.
type Kind string

// The three kinds of comm message.
const (
	KindOpen  Kind = "comm_open"
	KindMsg   Kind = "comm_msg"
	KindClose Kind = "comm_close"
)

// Message is the content of a comm_open, comm_msg or comm_close, with the
// message's metadata and binary buffers.
type Message struct {
	CommID string `json:"comm_id"`
	// TargetName is set on comm_open only.
	TargetName string          `json:"target_name,omitempty"`
	Data       json.RawMessage `json:"data"`
	Metadata   json.RawMessage `json:"metadata,omitempty"`
	Buffers    [][]byte        `json:"buffers,omitempty"`
}

// Transport carries what kernel code sends to the front end.
type Transport interface {
	Send(kind Kind, m Message)
}

// Comm is one open comm.
type Comm struct {
	id, target string

	mu       sync.Mutex
	closed   bool
	onArrive func(Message)
	onMsg    func(Message)
	onClose  func(Message)
}

// ErrClosed is returned when sending on a closed comm.
var ErrClosed = errors.New("comm: the comm is closed")

var (
	mu        sync.Mutex
	transport Transport = discard{}
	targets             = map[string]func(*Comm, Message){}
	comms               = map[string]*Comm{}
)

type discard struct{}

func (discard) Send(Kind, Message) {}

// SetTransport installs t as the carrier of every message kernel code sends
// from now on; nil discards them (outside a kernel there is no front end).
func SetTransport(t Transport) {
	if t == nil {
		t = discard{}
	}
	mu.Lock()
	transport = t
	mu.Unlock()
}

// Register makes target openable by the front end: open is called, when no
// cell is running, with each new comm for target and the comm_open message.
// Registering a target again replaces its handler; a nil open unregisters it.
func Register(target string, open func(c *Comm, m Message)) {
	mu.Lock()
	defer mu.Unlock()
	if open == nil {
		delete(targets, target)
		return
	}
	targets[target] = open
}

// Open opens a comm to target in the front end, with data and metadata
// (values encoded as JSON; nil metadata is {}).
func Open(target string, data, metadata any) (*Comm, error) {
	d, err := encode(data)
	if err != nil {
		return nil, fmt.Errorf("comm: opening %s: %w", target, err)
	}
	md, err := encode(metadata)
	if err != nil {
		return nil, fmt.Errorf("comm: opening %s: %w", target, err)
	}
	c := &Comm{id: newID(), target: target}
	mu.Lock()
	comms[c.id] = c
	t := transport
	mu.Unlock()
	t.Send(KindOpen, Message{CommID: c.id, TargetName: target, Data: d, Metadata: md})
	return c, nil
}

// ID returns the comm's id.
func (c *Comm) ID() string { return c.id }

// Target returns the comm's target name.
func (c *Comm) Target() string { return c.target }

// Send sends data (encoded as JSON) to the front end in a comm_msg.
func (c *Comm) Send(data any) error {
	return c.SendWith(data, nil, nil)
}

// SendWith sends data with metadata and binary buffers in a comm_msg.
func (c *Comm) SendWith(data, metadata any, buffers [][]byte) error {
	c.mu.Lock()
	closed := c.closed
	c.mu.Unlock()
	if closed {
		return ErrClosed
	}
	d, err := encode(data)
	if err != nil {
		return fmt.Errorf("comm: sending on %s: %w", c.id, err)
	}
	md, err := encode(metadata)
	if err != nil {
		return fmt.Errorf("comm: sending on %s: %w", c.id, err)
	}
	currentTransport().Send(KindMsg, Message{CommID: c.id, Data: d, Metadata: md, Buffers: buffers})
	return nil
}

// Close closes the comm, sending data in the comm_close. Closing a closed
// comm does nothing.
func (c *Comm) Close(data any) error {
	d, err := encode(data)
	if err != nil {
		return fmt.Errorf("comm: closing %s: %w", c.id, err)
	}
	if !c.markClosed() {
		return nil
	}
	currentTransport().Send(KindClose, Message{CommID: c.id, Data: d})
	return nil
}

// OnArrive sets f to be called with each comm_msg from the front end as
// soon as it arrives, possibly while a cell runs and concurrently with it.
// It is for cheap bookkeeping (a widget records its new value, so a running
// loop sees it); f must not run cell code.
func (c *Comm) OnArrive(f func(Message)) { c.mu.Lock(); c.onArrive = f; c.mu.Unlock() }

// OnMsg sets f to be called with each comm_msg from the front end, in
// order, when no cell is running.
func (c *Comm) OnMsg(f func(Message)) { c.mu.Lock(); c.onMsg = f; c.mu.Unlock() }

// OnClose sets f to be called when the front end closes the comm.
func (c *Comm) OnClose(f func(Message)) { c.mu.Lock(); c.onClose = f; c.mu.Unlock() }

func (c *Comm) markClosed() bool {
	c.mu.Lock()
	was := c.closed
	c.closed = true
	c.mu.Unlock()
	mu.Lock()
	delete(comms, c.id)
	mu.Unlock()
	return !was
}

// Arrive is the first step of receiving a message from the front end: it
// runs at once, even while a cell runs, and calls the comm's OnArrive
// function for a comm_msg.
func Arrive(kind Kind, m Message) {
	if kind != KindMsg {
		return
	}
	if c := lookup(m.CommID); c != nil {
		c.mu.Lock()
		f := c.onArrive
		c.mu.Unlock()
		if f != nil {
			f(m)
		}
	}
}

// Deliver is the second step of receiving a message from the front end,
// taken when no cell is running: it opens a comm for a registered target
// (and closes at once one for an unknown target, as ipykernel does), and
// calls the comm's OnMsg or OnClose function. The error says why a message
// was not handled; the front end has then been told if it needs to be.
func Deliver(kind Kind, m Message) error {
	switch kind {
	case KindOpen:
		mu.Lock()
		open, ok := targets[m.TargetName]
		mu.Unlock()
		if !ok {
			currentTransport().Send(KindClose, Message{CommID: m.CommID, Data: json.RawMessage("{}")})
			return fmt.Errorf("comm: no target %q is registered; closed comm %s", m.TargetName, m.CommID)
		}
		c := &Comm{id: m.CommID, target: m.TargetName}
		mu.Lock()
		comms[c.id] = c
		mu.Unlock()
		open(c, m)
		return nil
	case KindMsg, KindClose:
		c := lookup(m.CommID)
		if c == nil {
			return fmt.Errorf("comm: %s for unknown comm %s", kind, m.CommID)
		}
		c.mu.Lock()
		f := c.onMsg
		if kind == KindClose {
			f = c.onClose
		}
		c.mu.Unlock()
		if kind == KindClose {
			c.markClosed()
		}
		if f != nil {
			f(m)
		}
		return nil
	}
	return fmt.Errorf("comm: %q is not a comm message type", kind)
}

// Lookup returns the open comm with id, or nil.
func Lookup(id string) *Comm { return lookup(id) }

func lookup(id string) *Comm {
	mu.Lock()
	defer mu.Unlock()
	return comms[id]
}

func currentTransport() Transport {
	mu.Lock()
	defer mu.Unlock()
	return transport
}

func encode(v any) (json.RawMessage, error) {
	if v == nil {
		return json.RawMessage("{}"), nil
	}
	if r, ok := v.(json.RawMessage); ok {
		return r, nil
	}
	return json.Marshal(v)
}

func newID() string {
	var b [16]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
