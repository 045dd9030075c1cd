package kernel

import (
	"bytes"
	"log"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gocurve/gocurve/kernel/worker"
)

// An input_reply that arrives before the cell's Input reads it (the
// front end answers at once, the cell's goroutine is slower) reaches the
// cell; one that arrives with no cell waiting is logged and dropped.
func TestInputReplyBeforeTheCellReads(t *testing.T) {
	var logged bytes.Buffer
	e := newExecutor(&Kernel{log: log.New(&logged, "", 0)})
	reply, stop := e.await()
	e.input("Ada")
	if v := <-reply; v != "Ada" {
		t.Fatalf("the cell got %q, want Ada", v)
	}
	stop()
	if logged.Len() != 0 {
		t.Fatalf("logged %q for a reply a cell waited for", logged.String())
	}
	e.input("late")
	if !strings.Contains(logged.String(), "no cell waiting") {
		t.Fatalf("a reply with no cell waiting was not logged: %q", logged.String())
	}
}

// Each line a cell reads is an input_request answered at once: none of
// the replies is lost, however soon it comes back after its request.
func TestEveryInputReplyReachesTheCell(t *testing.T) {
	c := startKernel(t, worker.Options{})
	const lines = 300
	id := c.send(c.shell, "execute_request", map[string]any{"code": "sc := bufio.NewScanner(os.Stdin)\nsum := 0\nfor sc.Scan() && sc.Text() != \"end\" {\n\tn, _ := strconv.Atoi(sc.Text())\n\tsum += n\n}\nfmt.Println(sum)", "silent": false, "store_history": true, "user_expressions": map[string]any{}, "allow_stdin": true, "stop_on_error": true})
	for i := 1; i <= lines+1; i++ {
		req := c.recv(c.stdin, 30*time.Second)
		if req.Header.MsgType != "input_request" {
			t.Fatalf("got %s on stdin, want input_request", req.Header.MsgType)
		}
		v := strconv.Itoa(i)
		if i > lines {
			v = "end"
		}
		c.send(c.stdin, "input_reply", map[string]any{"value": v})
	}
	rep := c.recv(c.shell, 30*time.Second)
	if rep.Parent == nil || rep.Parent.MsgID != id {
		t.Fatalf("reply to the wrong request: %+v", rep.Parent)
	}
	run := cellRun{outputs: c.outputs(id, 30*time.Second)}
	if got, want := run.stream("stdout"), strconv.Itoa(lines*(lines+1)/2)+"\n"; got != want {
		t.Fatalf("the cell printed %q, want %q", got, want)
	}
}
