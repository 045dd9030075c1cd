package gate_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"

	"github.com/gocurve/gocurve/kernel/gate"
)

// refusals receives the gate's log lines.
var refusals = make(chan string, 100)

func init() {
	lim := gate.Limits{
		Handshake:  300 * time.Millisecond,
		MaxFrame:   1 << 10,
		MaxMessage: 1 << 11,
		MaxFrames:  8,
		Log:        func(format string, args ...any) { refusals <- fmt.Sprintf(format, args...) },
	}
	if err := gate.Register("gate-test", "tcp", lim); err != nil {
		panic(err)
	}
}

// listen returns a guarded ROUTER and the plain tcp:// endpoint peers dial.
func listen(t *testing.T) (zmq4.Socket, string) {
	t.Helper()
	r := zmq4.NewRouter(context.Background(), zmq4.WithTimeout(5*time.Second))
	t.Cleanup(func() { r.Close() })
	if err := r.Listen("gate-test://127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	return r, "tcp://" + r.Addr().String()
}

func dealer(t *testing.T, ep string) zmq4.Socket {
	t.Helper()
	d := zmq4.NewDealer(context.Background(), zmq4.WithTimeout(5*time.Second))
	t.Cleanup(func() { d.Close() })
	if err := d.Dial(ep); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestLimits(t *testing.T) {
	tests := []struct {
		name   string
		frames [][]byte
		ok     bool
	}{
		{"small", [][]byte{[]byte("a"), []byte("b")}, true},
		{"a frame at the limit", [][]byte{make([]byte, 1<<10)}, true},
		{"a frame over the limit", [][]byte{make([]byte, 1<<10+1)}, false},
		{"a message over the limit", [][]byte{make([]byte, 1<<10), make([]byte, 1<<10), []byte("x")}, false},
		{"too many frames", bytes.Split([]byte("a,b,c,d,e,f,g,h,i"), []byte(",")), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ep := listen(t)
			d := dealer(t, ep)
			if err := d.SendMulti(zmq4.NewMsgFrom(tt.frames...)); err != nil {
				t.Fatal(err)
			}
			// zmq4's ROUTER drops a failed connection without a word; a
			// second peer's message shows what came through first. (Only
			// then: two peers' messages may arrive in either order.)
			if !tt.ok {
				if err := dealer(t, ep).Send(zmq4.NewMsgString("after")); err != nil {
					t.Fatal(err)
				}
			}
			got, err := r.Recv()
			if err != nil {
				t.Fatal(err)
			}
			if !tt.ok {
				if len(got.Frames) != 2 || string(got.Frames[1]) != "after" {
					t.Fatalf("got %d frames first, want the refused message dropped", len(got.Frames))
				}
				// other tests' peers (a silent one timing out) log too:
				// wait for this refusal among them
				deadline := time.After(10 * time.Second)
				for {
					select {
					case line := <-refusals:
						if strings.Contains(line, gate.ErrTooLarge.Error()) {
							return
						}
						t.Logf("another refusal: %s", line)
					case <-deadline:
						t.Fatalf("the gate logged no refusal naming %v", gate.ErrTooLarge)
					}
				}
			}
			if len(got.Frames) != len(tt.frames)+1 { // the router adds the identity
				t.Fatalf("got %d frames, want %d", len(got.Frames), len(tt.frames)+1)
			}
		})
	}
}

// A peer that never greets is dropped after the handshake deadline, and
// others are served meanwhile.
func TestSilentPeer(t *testing.T) {
	r, ep := listen(t)
	silent, err := net.Dial("tcp", ep[len("tcp://"):])
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	d := dealer(t, ep)
	if err := d.Send(zmq4.NewMsgString("hello")); err != nil {
		t.Fatal(err)
	}
	if m, err := r.Recv(); err != nil || string(m.Frames[1]) != "hello" {
		t.Fatalf("Recv = %q, %v", m.Frames, err)
	}
	// The gate sent its greeting at once; after the deadline it closes.
	if err := silent.SetReadDeadline(time.Now().Add(30 * time.Second)); err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(silent)
	if err != nil {
		t.Fatalf("the silent peer was not closed: %v", err)
	}
	if len(got) != 64 || got[0] != 0xFF || got[9] != 0x7F {
		t.Errorf("the silent peer received %d bytes %x, want the 64-byte greeting", len(got), got)
	}
}

// TestAdmitted: a peer's identity is known once the gate has handed its
// connection to zmq4, and a message the ROUTER then sends to it arrives.
func TestAdmitted(t *testing.T) {
	r, ep := listen(t)
	id := []byte("front-end-7")
	if gate.Admitted(r.Addr().String(), id) {
		t.Fatal("admitted before any peer connected")
	}
	d := zmq4.NewDealer(context.Background(), zmq4.WithTimeout(5*time.Second), zmq4.WithID(zmq4.SocketIdentity(id)))
	t.Cleanup(func() { d.Close() })
	if err := d.Dial(ep); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for !gate.Admitted(r.Addr().String(), id) {
		if time.Now().After(deadline) {
			t.Fatal("the peer's identity was never admitted")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if gate.Admitted(r.Addr().String(), []byte("someone-else")) {
		t.Error("an identity no peer gave is admitted")
	}
	if err := r.Send(zmq4.NewMsgFrom(id, []byte("hello"))); err != nil {
		t.Fatal(err)
	}
	got, err := d.Recv()
	if err != nil || len(got.Frames) != 1 || string(got.Frames[0]) != "hello" {
		t.Fatalf("the dealer got %q, %v", got.Frames, err)
	}
}
