package comm

import (
	"encoding/json"
	"reflect"
	"sync"
	"testing"
)

// recorder is a Transport that keeps what was sent.
type recorder struct {
	mu   sync.Mutex
	sent []sent
}

type sent struct {
	kind Kind
	m    Message
}

func (r *recorder) Send(kind Kind, m Message) {
	r.mu.Lock()
	r.sent = append(r.sent, sent{kind, m})
	r.mu.Unlock()
}

func (r *recorder) kinds() []Kind {
	r.mu.Lock()
	defer r.mu.Unlock()
	var ks []Kind
	for _, s := range r.sent {
		ks = append(ks, s.kind)
	}
	return ks
}

func withRecorder(t *testing.T) *recorder {
	r := &recorder{}
	SetTransport(r)
	t.Cleanup(func() { SetTransport(nil) })
	return r
}

func TestKernelOpenedComm(t *testing.T) {
	r := withRecorder(t)
	c, err := Open("t.kernel", map[string]int{"x": 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var arrived, got []string
	c.OnArrive(func(m Message) { arrived = append(arrived, string(m.Data)) })
	c.OnMsg(func(m Message) { got = append(got, string(m.Data)) })
	closed := false
	c.OnClose(func(Message) { closed = true })
	if err := c.Send("hi"); err != nil {
		t.Fatal(err)
	}
	in := Message{CommID: c.ID(), Data: json.RawMessage(`{"y":2}`)}
	Arrive(KindMsg, in)
	if len(arrived) != 1 || len(got) != 0 {
		t.Fatalf("after Arrive: arrived %v, delivered %v; want one arrived, none delivered", arrived, got)
	}
	if err := Deliver(KindMsg, in); err != nil {
		t.Fatal(err)
	}
	if err := Deliver(KindClose, Message{CommID: c.ID()}); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, []string{`{"y":2}`}) || !closed {
		t.Fatalf("delivered %v, closed %v", got, closed)
	}
	if err := c.Send("late"); err != ErrClosed {
		t.Fatalf("Send after the front end closed: %v, want ErrClosed", err)
	}
	if Lookup(c.ID()) != nil {
		t.Fatal("a closed comm is still looked up")
	}
	if want := []Kind{KindOpen, KindMsg}; !reflect.DeepEqual(r.kinds(), want) {
		t.Fatalf("sent %v, want %v", r.kinds(), want)
	}
	if r.sent[0].m.TargetName != "t.kernel" || string(r.sent[0].m.Data) != `{"x":1}` || string(r.sent[0].m.Metadata) != "{}" {
		t.Fatalf("comm_open = %+v", r.sent[0].m)
	}
}

func TestFrontEndOpenedComm(t *testing.T) {
	tests := []struct {
		name      string
		target    string
		wantErr   bool
		wantSent  []Kind
		wantOpen  bool
		wantClose bool
	}{
		{name: "registered", target: "t.front", wantSent: []Kind{KindMsg, KindClose}, wantOpen: true},
		{name: "unknown target is closed", target: "t.none", wantErr: true, wantSent: []Kind{KindClose}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := withRecorder(t)
			opened := false
			Register("t.front", func(c *Comm, m Message) {
				opened = true
				c.Send(json.RawMessage(m.Data)) // echo
				c.Close(nil)
			})
			t.Cleanup(func() { Register("t.front", nil) })
			err := Deliver(KindOpen, Message{CommID: "id-" + tt.name, TargetName: tt.target, Data: json.RawMessage(`{"a":1}`)})
			if (err != nil) != tt.wantErr {
				t.Fatalf("Deliver: %v, want error %v", err, tt.wantErr)
			}
			if opened != tt.wantOpen || !reflect.DeepEqual(r.kinds(), tt.wantSent) {
				t.Fatalf("opened %v, sent %v; want %v, %v", opened, r.kinds(), tt.wantOpen, tt.wantSent)
			}
		})
	}
}

func TestDeliverToUnknownComm(t *testing.T) {
	withRecorder(t)
	if err := Deliver(KindMsg, Message{CommID: "nobody"}); err == nil {
		t.Fatal("a message for an unknown comm was delivered")
	}
	if err := Deliver("comm_nonsense", Message{CommID: "x"}); err == nil {
		t.Fatal("an unknown kind was delivered")
	}
}

func TestTable(t *testing.T) {
	var tb Table
	tb.Note(1, KindOpen, Message{CommID: "a", TargetName: "w"})
	tb.Note(1, KindOpen, Message{CommID: "b", TargetName: "v"})
	tb.Note(1, KindMsg, Message{CommID: "a"})
	tb.Note(1, KindClose, Message{CommID: "b"})
	if got, want := tb.Info(1, ""), map[string]map[string]string{"a": {"target_name": "w"}}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Info = %v, want %v", got, want)
	}
	if got := tb.Info(1, "v"); len(got) != 0 {
		t.Fatalf("Info(v) = %v, want none", got)
	}
	if got := tb.Info(2, ""); len(got) != 0 {
		t.Fatalf("after a restart Info = %v, want none", got)
	}
}
