package kernel

import (
	"bytes"
	"log"
	"strings"
	"testing"
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
