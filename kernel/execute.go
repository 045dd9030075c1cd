package kernel

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"time"

	"github.com/gocurve/gocurve/kernel/display"
	"github.com/gocurve/gocurve/kernel/gate"
	"github.com/gocurve/gocurve/kernel/wire"
	"github.com/gocurve/gocurve/kernel/worker"
)

// executor runs execute requests one at a time, in the order they came.
type executor struct {
	k *Kernel

	mu      sync.Mutex
	queue   []*wire.Message
	arrived map[*wire.Message]time.Time // when each queued request was received
	wake    chan struct{}

	count int // execution_count of the last stored cell

	waiting chan string // where the input_reply for the cell waiting on stdin goes; nil when none waits (guarded by mu)
}

func newExecutor(k *Kernel) *executor {
	return &executor{k: k, wake: make(chan struct{}, 1)}
}

func (e *executor) enqueue(m *wire.Message, at time.Time) {
	e.mu.Lock()
	e.queue = append(e.queue, m)
	if e.arrived == nil {
		e.arrived = map[*wire.Message]time.Time{}
	}
	e.arrived[m] = at
	e.mu.Unlock()
	select {
	case e.wake <- struct{}{}:
	default:
	}
}

func (e *executor) next() *wire.Message {
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.queue) == 0 {
		return nil
	}
	m := e.queue[0]
	e.queue = e.queue[1:]
	return m
}

func (e *executor) run(ctx context.Context) {
	for {
		m := e.next()
		if m == nil {
			select {
			case <-e.wake:
				continue
			case <-ctx.Done():
				return
			}
		}
		e.execute(ctx, m)
	}
}

// input hands an input_reply to a cell waiting for it. The cell is
// waiting from before its input_request is sent, so a reply that comes
// back at once is not lost.
func (e *executor) input(v string) {
	e.mu.Lock()
	ch := e.waiting
	e.waiting = nil
	e.mu.Unlock()
	if ch == nil {
		e.k.log.Printf("stdin: input_reply with no cell waiting for input")
		return
	}
	ch <- v // buffered: never blocks
}

// await makes the executor hand the next input_reply to the channel it
// returns; the func it returns stops that.
func (e *executor) await() (<-chan string, func()) {
	ch := make(chan string, 1)
	e.mu.Lock()
	e.waiting = ch
	e.mu.Unlock()
	return ch, func() {
		e.mu.Lock()
		if e.waiting == ch {
			e.waiting = nil
		}
		e.mu.Unlock()
	}
}

type executeRequest struct {
	Code            string            `json:"code"`
	Silent          bool              `json:"silent"`
	StoreHistory    *bool             `json:"store_history"`
	UserExpressions map[string]string `json:"user_expressions"`
	AllowStdin      *bool             `json:"allow_stdin"`
	StopOnError     *bool             `json:"stop_on_error"`
}

func orTrue(b *bool) bool { return b == nil || *b }

func (e *executor) execute(ctx context.Context, m *wire.Message) {
	k := e.k
	k.status(m, "busy")
	defer k.status(m, "idle")

	var req executeRequest
	if err := json.Unmarshal(m.Content, &req); err != nil {
		k.reply(k.shell, m, "execute_reply", map[string]any{
			"status": "error", "execution_count": e.count, "ename": "BadRequest",
			"evalue": "execute_request content: " + err.Error(), "traceback": []string{},
		})
		return
	}
	store := orTrue(req.StoreHistory) && !req.Silent
	if store {
		e.count++
	}
	count := e.count
	if !req.Silent {
		k.publish(m, "execute_input", map[string]any{"code": req.Code, "execution_count": count})
	}
	allowStdin := orTrue(req.AllowStdin)
	e.mu.Lock()
	arrived := e.arrived[m]
	delete(e.arrived, m)
	e.mu.Unlock()
	sink := &cellSink{e: e, req: m, silent: req.Silent, allowStdin: allowStdin, done: make(chan struct{})}
	o := k.sup.Execute(ctx, worker.Request{
		Type: "execute", Code: req.Code, UserExpressions: req.UserExpressions, AllowStdin: allowStdin,
		Received: arrived, Sent: sentAt(m),
	}, sink)
	close(sink.done) // an input request of this cell that is still waiting gives up
	for _, n := range o.Notices {
		sink.Stream("stderr", worker.NoticePrefix+n+"\n")
	}

	var output string
	if o.Status == "ok" {
		if o.Display != nil && !req.Silent {
			if o.Display.ID != "" {
				// A display that changes later (an Interact's static
				// fallback): front ends map display ids of display_data only.
				sink.Display(*o.Display, o.Display.ID, false)
			} else {
				k.publish(m, "execute_result", map[string]any{
					"execution_count": count, "data": o.Display.Data, "metadata": nonNilMap(o.Display.Metadata),
				})
			}
			if s, ok := o.Display.Data["text/plain"].(string); ok {
				output = s
			}
		}
		ue := map[string]any{}
		for name, v := range o.UserExpressions {
			ue[name] = v
		}
		payload := sink.payload
		if payload == nil {
			payload = []any{}
		}
		k.reply(k.shell, m, "execute_reply", map[string]any{
			"status": "ok", "execution_count": count, "user_expressions": ue, "payload": payload,
		})
	} else {
		// Only what was queued when the cell failed is aborted: the front end
		// may send new cells as soon as it sees this reply.
		var aborted []*wire.Message
		if orTrue(req.StopOnError) {
			aborted = e.takeQueued()
		}
		defer e.abort(aborted)
		tb := o.Traceback
		if len(tb) == 0 {
			tb = []string{o.Ename + ": " + o.Evalue}
		}
		if !req.Silent {
			k.publish(m, "error", map[string]any{"ename": o.Ename, "evalue": o.Evalue, "traceback": tb})
		}
		k.reply(k.shell, m, "execute_reply", map[string]any{
			"status": "error", "execution_count": count, "ename": o.Ename, "evalue": o.Evalue, "traceback": tb,
		})
	}
	if store {
		k.history.add(count, req.Code, output)
	}
}

// takeQueued empties the queue and returns what was in it.
func (e *executor) takeQueued() []*wire.Message {
	e.mu.Lock()
	defer e.mu.Unlock()
	queued := e.queue
	e.queue = nil
	for _, m := range queued {
		delete(e.arrived, m)
	}
	return queued
}

// abort answers each of queued with status "aborted", as a front end
// expects after a failed cell with stop_on_error.
func (e *executor) abort(queued []*wire.Message) {
	for _, m := range queued {
		e.k.status(m, "busy")
		e.k.reply(e.k.shell, m, "execute_reply", map[string]any{"status": "aborted", "execution_count": e.count})
		e.k.status(m, "idle")
	}
}

// cellSink publishes a cell's output on iopub with the request as parent.
type cellSink struct {
	e          *executor
	req        *wire.Message
	silent     bool
	allowStdin bool
	payload    []any         // page payloads for the execute reply
	done       chan struct{} // closed when the cell has ended
}

func (s *cellSink) Stream(name, text string) {
	if s.silent {
		return
	}
	s.e.k.publish(s.req, "stream", map[string]string{"name": name, "text": text})
}

func (s *cellSink) Display(b display.Bundle, id string, update bool) {
	if s.silent {
		return
	}
	content := map[string]any{"data": b.Data, "metadata": nonNilMap(b.Metadata), "transient": map[string]any{}}
	if id != "" {
		content["transient"] = map[string]any{"display_id": id}
	}
	msgType := "display_data"
	if update && id != "" {
		msgType = "update_display_data"
	}
	s.e.k.publish(s.req, msgType, content)
}

func (s *cellSink) ClearOutput(wait bool) {
	if !s.silent {
		s.e.k.publish(s.req, "clear_output", map[string]bool{"wait": wait})
	}
}

func (s *cellSink) Page(b display.Bundle) {
	s.payload = append(s.payload, map[string]any{"source": "page", "data": b.Data, "start": 0})
}

var errNoStdin = errors.New("the front end does not accept input (allow_stdin is false)")

func (s *cellSink) Input(prompt string, password bool) (string, error) {
	if !s.allowStdin {
		return "", errNoStdin
	}
	k := s.e.k
	reply, stop := s.e.await()
	defer stop()
	k.awaitStdinPeer(s.req.Identities, s.done)
	k.sendTo(k.stdin, s.req.Identities, s.req, "input_request", map[string]any{"prompt": prompt, "password": password}, nil)
	select {
	case v := <-reply:
		return v, nil
	case <-s.done:
		// Interrupted or crashed while waiting: a later reply belongs to a later cell.
		return "", errCellEnded
	}
}

var errCellEnded = errors.New("the cell ended before the input arrived")

// stdinWait bounds how long an input_request waits for the front end's
// stdin channel to connect.
const stdinWait = 30 * time.Second

// awaitStdinPeer waits until the front end whose messages carry ids has
// connected its stdin channel (up to stdinWait, or until done closes): a
// client connects its channels together, and on a loaded machine the
// first cell's input_request could go out before its stdin channel was
// there, which zmq4's ROUTER drops without a word, leaving the cell
// waiting for good.
func (k *Kernel) awaitStdinPeer(ids [][]byte, done <-chan struct{}) {
	addr := k.stdin.Addr()
	if len(ids) == 0 || addr == nil || gate.Admitted(addr.String(), ids[0]) {
		return
	}
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(stdinWait)
	for !gate.Admitted(addr.String(), ids[0]) {
		select {
		case <-tick.C:
		case <-deadline:
			k.log.Printf("stdin: no channel of the front end connected in %v; sending the input_request anyway", stdinWait)
			return
		case <-done:
			return
		}
	}
}

func nonNilMap(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}

// sentAt is when the front end sent m (its header's date), zero if unknown.
func sentAt(m *wire.Message) time.Time {
	t, err := time.Parse(time.RFC3339Nano, m.Header.Date)
	if err != nil {
		return time.Time{}
	}
	return t
}
