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
