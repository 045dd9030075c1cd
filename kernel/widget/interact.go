package widget

import (
	"fmt"
	"reflect"
	"strings"
)

// Control is a widget with a value a function can take: a *FloatSlider
// (float64), an *IntSlider (int), a *Checkbox (bool) or a *Dropdown (string).
type Control interface {
	Widget
	controlValue() any
	observe(func())
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
// The box's display carries the first output as a static image or text, so
// the notebook shows it where widgets are not drawn (nbconvert's HTML
// without a live kernel, GitHub).
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
	// A panic when a control moves shows in the area, where the reader looks.
	run := func() {
		defer func() {
			if r := recover(); r != nil {
				out.Show(fmt.Errorf("panic: %v", r))
			}
		}()
		call()
	}
	children := make([]Widget, 0, len(controls)+1)
	for _, c := range controls {
		children = append(children, c)
		c.observe(run)
	}
	box := VBox(append(children, out)...)
	call()
	return box
}
