package widget

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/gocurve/gocurve/kernel/display"
)

// Control is a widget with a value a function can take: a *FloatSlider
// (float64), an *IntSlider (int), a *Checkbox (bool) or a *Dropdown (string).
type Control interface {
	Widget
	controlValue() any
	observe(func())
	arrivals() uint64
}

// Interact returns a box of the controls above an output area; it calls f
// with their values, shows what f returns in the area (a plot, a matrix,
// any value display.Render shows), and calls f again each time a control
// moves, replacing the output in place. Show the box as a cell's last
// expression, or with display.Show.
//
// f takes one parameter per control, in order, of the control's value
// type, and returns one value, or a value and an error (a non-nil error is
// shown instead of the value), or nothing (it displays what it wants).
// While f runs, further moves of a control are coalesced: f next runs with
// the latest values, so dragging stays smooth however long f takes.
//
// The box's display carries the output as a static image or text, so the
// notebook shows it where widgets are not drawn (nbconvert's HTML without
// the widget state, GitHub). The box shown as a cell's last value keeps
// that fallback current: once the controls have rested for 0.4 s (fallbackQuiet)
// after a redraw, the display is updated in place (update_display_data),
// so a notebook saved after dragging holds the last plot. JupyterLab
// draws the box's widgets again then, which is why it waits for the drag
// to end.
func Interact(f any, controls ...Control) *Box {
	fv := reflect.ValueOf(f)
	if fv.Kind() != reflect.Func {
		panic(fmt.Sprintf("widget.Interact: the first argument must be a func, not %T", f))
	}
	ft := fv.Type()
	if ft.NumIn() != len(controls) {
		panic(fmt.Sprintf("widget.Interact: the func takes %d parameters but %d controls were given; pass one control per parameter, in order", ft.NumIn(), len(controls)))
	}
	for i, c := range controls {
		if c == nil {
			panic(fmt.Sprintf("widget.Interact: control %d is nil", i))
		}
		want := reflect.TypeOf(c.controlValue())
		if got := ft.In(i); got != want {
			panic(fmt.Sprintf("widget.Interact: parameter %d of the func is %v but control %d (%s) gives %v", i+1, got, i, strings.TrimPrefix(fmt.Sprintf("%T", c), "*widget."), want))
		}
	}
	errType := reflect.TypeOf((*error)(nil)).Elem()
	if ft.NumOut() > 2 || ft.NumOut() == 2 && ft.Out(1) != errType {
		panic("widget.Interact: the func must return nothing, one value, or a value and an error")
	}
	out := NewOutput()
	fallback := display.NewHandle()
	call := func() {
		args := make([]reflect.Value, len(controls))
		for i, c := range controls {
			args[i] = reflect.ValueOf(c.controlValue())
		}
		res := fv.Call(args)
		switch {
		case len(res) == 2 && !res[1].IsNil():
			out.Show(res[1].Interface())
		case len(res) >= 1:
			out.Show(res[0].Interface())
		}
	}
	var box *Box
	// A panic when a control moves shows in the area, where the reader looks.
	redraw := func() {
		defer func() {
			if r := recover(); r != nil {
				out.Show(fmt.Errorf("panic: %v", r))
			}
		}()
		call()
	}
	// shown is the output the display's fallback holds: unchanged, it is
	// not sent again (JupyterLab would draw the widgets again for nothing,
	// as when it sends a slider's value back on drawing it).
	var shown map[string]any
	run := func() {
		seen := arrivals(controls)
		redraw()
		if now := out.Last().Data; !reflect.DeepEqual(now, shown) && rested(controls, seen) {
			shown = now
			fallback.Update(box)
		}
	}
	children := make([]Widget, 0, len(controls)+1)
	for _, c := range controls {
		children = append(children, c)
		c.observe(run)
	}
	box = VBox(append(children, out)...)
	box.fallback = fallback
	call()
	shown = out.Last().Data
	return box
}

// fallbackQuiet is how long the controls of an Interact must rest after a
// redraw before the static fallback of its display is updated.
var fallbackQuiet = 400 * time.Millisecond

// arrivals counts the front end's updates of cs so far.
func arrivals(cs []Control) uint64 {
	var n uint64
	for _, c := range cs {
		n += c.arrivals()
	}
	return n
}

// rested reports whether no update of cs arrives, beyond the seen ones,
// within fallbackQuiet; it returns false as soon as one does (the next
// redraw is then queued behind this one).
func rested(cs []Control, seen uint64) bool {
	deadline := time.Now().Add(fallbackQuiet)
	for {
		if arrivals(cs) != seen {
			return false
		}
		if !time.Now().Before(deadline) {
			return true
		}
		time.Sleep(10 * time.Millisecond)
	}
}
