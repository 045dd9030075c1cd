package widget

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/gocurve/gocurve/kernel/comm"
	"github.com/gocurve/gocurve/kernel/display"
)

// recorder is a comm transport that keeps the widget updates sent.
type recorder struct {
	mu    sync.Mutex
	opens int
	msgs  []map[string]any
}

func (r *recorder) Send(kind comm.Kind, m comm.Message) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch kind {
	case comm.KindOpen:
		r.opens++
	case comm.KindMsg:
		var d map[string]any
		json.Unmarshal(m.Data, &d)
		r.msgs = append(r.msgs, d)
	}
}

func withRecorder(t *testing.T) *recorder {
	r := &recorder{}
	comm.SetTransport(r)
	t.Cleanup(func() { comm.SetTransport(nil) })
	return r
}

// frontEnd sends value updates for w as the front end does: each arrives,
// then all are delivered, as when they queue up behind a slow redraw.
func frontEnd(w Widget, values ...any) {
	var ms []comm.Message
	for _, v := range values {
		data, _ := json.Marshal(map[string]any{"method": "update", "state": map[string]any{"value": v}, "buffer_paths": []any{}})
		m := comm.Message{CommID: w.ModelID(), Data: data}
		comm.Arrive(comm.KindMsg, m)
		ms = append(ms, m)
	}
	for _, m := range ms {
		comm.Deliver(comm.KindMsg, m)
	}
}

func TestInteractCoalescesToTheLatestValue(t *testing.T) {
	r := withRecorder(t)
	a := NewFloatSlider("a", Float{Value: 1, Min: 0, Max: 10})
	b := NewCheckbox("neg", false)
	var calls []string
	box := Interact(func(a float64, neg bool) string {
		s := fmt.Sprint(a)
		if neg {
			s = "-" + s
		}
		calls = append(calls, s)
		return s
	}, a, b)
	frontEnd(a, 2.0, 3.0, 4.5)
	frontEnd(b, true)
	if want := []string{"1", "4.5", "-4.5"}; strings.Join(calls, " ") != strings.Join(want, " ") {
		t.Fatalf("f ran with %v, want %v (the first value, then only the latest of each batch)", calls, want)
	}
	last := r.msgs[len(r.msgs)-1]["state"].(map[string]any)["outputs"].([]any)[0].(map[string]any)
	if got := last["data"].(map[string]any)["text/plain"]; got != "-4.5" {
		t.Fatalf("the output area shows %v, want -4.5", got)
	}
	if got := box.Bundle().Data["text/plain"]; !strings.HasSuffix(got.(string), "\n-4.5") {
		t.Fatalf("the box's text fallback is %q", got)
	}
}

func TestInteractRejectsMismatchedControls(t *testing.T) {
	withRecorder(t)
	x := NewIntSlider("x", Int{Max: 3})
	tests := []struct {
		name string
		f    any
		want string
	}{
		{"not a func", 3, "the first argument must be a func, not int"},
		{"too few controls", func(a, b int) int { return a }, "takes 2 parameters but 1 controls were given"},
		{"wrong type", func(a float64) float64 { return a }, "parameter 1 of the func is float64 but control 0 (IntSlider) gives int"},
		{"bad results", func(a int) (int, int) { return a, a }, "must return nothing, one value, or a value and an error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				r := recover()
				if r == nil || !strings.Contains(fmt.Sprint(r), tt.want) {
					t.Fatalf("panic %v, want one saying %q", r, tt.want)
				}
			}()
			Interact(tt.f, x)
		})
	}
}

func TestObserversRunForTheLatestValueOnly(t *testing.T) {
	withRecorder(t)
	n := NewIntSlider("n", Int{Value: 1, Min: 0, Max: 100})
	var seen []int
	n.Observe(func(v int) { seen = append(seen, v) })
	frontEnd(n, 5.0, 7.0)
	frontEnd(n, 9.0)
	n.SetValue(11)
	if fmt.Sprint(seen) != "[7 9 11]" {
		t.Fatalf("observer saw %v, want [7 9 11]", seen)
	}
}

func Example() {
	// Outside a kernel the widget messages go nowhere; the values still work.
	lr := NewFloatLogSlider("lr", Float{Value: 0.01, Min: -4, Max: 0, Step: 0.1})
	lr.Observe(func(v float64) { fmt.Printf("lr = %g\n", v) })
	lr.SetValue(0.1)
	fmt.Println(lr.Bundle().Data["text/plain"])
	// Output:
	// lr = 0.1
	// FloatLogSlider(lr = 0.1 in [1e-4, 1e0])
}

func TestOutputCarriesItsLastDisplayAsFallback(t *testing.T) {
	withRecorder(t)
	o := NewOutput()
	if _, ok := o.Bundle().Data["text/html"]; ok {
		t.Fatal("an empty area has a fallback")
	}
	o.Show(display.Bundle{Data: map[string]any{"text/html": "<b>hi</b>", "text/plain": "hi"}})
	b := o.Bundle()
	if b.Data["text/html"] != "<b>hi</b>" || b.Data["text/plain"] != "hi" || b.Data[MIMEView] == nil {
		t.Fatalf("bundle %v", b.Data)
	}
}

// displays is a display.Publisher that keeps what is published.
type displays struct {
	mu  sync.Mutex
	got []published
}

type published struct {
	b      display.Bundle
	id     string
	update bool
}

func (d *displays) Publish(b display.Bundle, id string, update bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.got = append(d.got, published{b, id, update})
}

func (d *displays) ClearOutput(bool) {}

// The display of an Interact's box has an id, and once the controls rest
// after a redraw it is updated in place with the new output as its static
// fallback; a redraw after which another move has come updates nothing
// (the next redraw will).
func TestInteractUpdatesItsFallback(t *testing.T) {
	withRecorder(t)
	d := &displays{}
	display.SetPublisher(d)
	t.Cleanup(func() { display.SetPublisher(nil) })
	old := fallbackQuiet
	fallbackQuiet = 0
	t.Cleanup(func() { fallbackQuiet = old })

	a := NewFloatSlider("a", Float{Value: 1, Min: 0, Max: 10})
	moved := false
	box := Interact(func(v float64) string {
		if v == 2 && !moved {
			moved = true
			frontEndArrives(a, 3.0) // the reader moves on while this redraw runs
		}
		return fmt.Sprintf("a = %v", v)
	}, a)
	id := box.Bundle().ID
	if id == "" {
		t.Fatal("the box's bundle has no display id")
	}
	if len(d.got) != 0 {
		t.Fatalf("Interact published %d displays before any move; the cell's value shows the box", len(d.got))
	}
	frontEnd(a, 2.0)
	if len(d.got) != 0 {
		t.Fatalf("the redraw after which a move arrived updated the display: %+v", d.got)
	}
	comm.Deliver(comm.KindMsg, pending)
	if len(d.got) != 1 {
		t.Fatalf("%d displays published after the controls rested, want 1", len(d.got))
	}
	p := d.got[0]
	if !p.update || p.id != id {
		t.Errorf("published id %q update %v, want an update of %q", p.id, p.update, id)
	}
	if got := p.b.Data[display.MIMEText]; !strings.HasSuffix(got.(string), "a = 3") {
		t.Errorf("the updated fallback is %q, want the last output a = 3", got)
	}
	if _, ok := p.b.Data[MIMEView]; !ok {
		t.Errorf("the update has no widget view: %v", p.b.Data)
	}
}

// pending is the message frontEndArrives let arrive without delivering it.
var pending comm.Message

// frontEndArrives lets a value update for w arrive (as it does at once,
// while a callback runs) without delivering it yet.
func frontEndArrives(w Widget, v any) {
	data, _ := json.Marshal(map[string]any{"method": "update", "state": map[string]any{"value": v}, "buffer_paths": []any{}})
	pending = comm.Message{CommID: w.ModelID(), Data: data}
	comm.Arrive(comm.KindMsg, pending)
}

// A redraw that shows what the display's fallback already holds (the front
// end sending back the value it was given) does not update the display.
func TestInteractSkipsAnUnchangedFallback(t *testing.T) {
	withRecorder(t)
	d := &displays{}
	display.SetPublisher(d)
	t.Cleanup(func() { display.SetPublisher(nil) })
	old := fallbackQuiet
	fallbackQuiet = 0
	t.Cleanup(func() { fallbackQuiet = old })

	a := NewFloatSlider("a", Float{Value: 1, Min: 0, Max: 10})
	Interact(func(v float64) string { return fmt.Sprintf("a = %v", v) }, a)
	frontEnd(a, 1.0)
	if len(d.got) != 0 {
		t.Fatalf("an unchanged output updated the display: %+v", d.got)
	}
	frontEnd(a, 2.0)
	frontEnd(a, 2.0)
	if len(d.got) != 1 {
		t.Fatalf("%d updates after a move and its repeat, want 1", len(d.got))
	}
}
