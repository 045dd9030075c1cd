package widget

import (
	"encoding/json"
	"fmt"
	"math"
)

// Float is the range and starting value of a slider over float64. A zero
// Step means a hundredth of the range.
type Float struct {
	Value, Min, Max, Step float64
}

// FloatSlider is a slider over a float64 (FloatSlider or FloatLogSlider).
type FloatSlider struct {
	*model
	log bool
}

// NewFloatSlider returns a slider from r.Min to r.Max in steps of r.Step,
// at r.Value, labelled description. It panics if the range is empty or
// the value outside it.
func NewFloatSlider(description string, r Float) *FloatSlider {
	r = r.check("NewFloatSlider")
	s := &FloatSlider{model: newModel(common("FloatSliderModel", "FloatSliderView", described(description,
		"SliderStyleModel", state{"description_width": "", "handle_color": nil},
		sliderState(r.Value, r.Min, r.Max, r.Step, ".2f"))))}
	s.text = func() string {
		return fmt.Sprintf("FloatSlider(%s = %g in [%g, %g])", description, s.Value(), r.Min, r.Max)
	}
	return s
}

// NewFloatLogSlider returns a slider whose position is the base-10
// logarithm of its value: r.Min, r.Max and r.Step are exponents (-4, 0 and
// 0.1 go from 0.0001 to 1 in tenths of a decade), and r.Value is the value.
func NewFloatLogSlider(description string, r Float) *FloatSlider {
	if r.Value <= 0 {
		panic(fmt.Sprintf("widget.NewFloatLogSlider: the value %g must be positive (Min and Max are base-10 exponents)", r.Value))
	}
	exp := Float{Value: math.Log10(r.Value), Min: r.Min, Max: r.Max, Step: r.Step}.check("NewFloatLogSlider")
	st := sliderState(r.Value, exp.Min, exp.Max, exp.Step, ".3g")
	st["base"] = 10.0
	s := &FloatSlider{model: newModel(common("FloatLogSliderModel", "FloatLogSliderView", described(description,
		"SliderStyleModel", state{"description_width": "", "handle_color": nil}, st))), log: true}
	s.text = func() string {
		return fmt.Sprintf("FloatLogSlider(%s = %g in [1e%g, 1e%g])", description, s.Value(), exp.Min, exp.Max)
	}
	return s
}

func (r Float) check(fn string) Float {
	r.Step = checkRange(fn, r.Value, r.Min, r.Max, r.Step, (r.Max-r.Min)/100)
	return r
}

// checkRange panics with what to write instead if value, min, max and step
// do not make a range; it returns the step, def for a zero one.
func checkRange[T int | float64](fn string, value, min, max, step, def T) T {
	if !(max > min) {
		panic(fmt.Sprintf("widget.%s: Max (%v) must be greater than Min (%v)", fn, max, min))
	}
	if value < min || value > max {
		panic(fmt.Sprintf("widget.%s: Value %v is outside [Min, Max] = [%v, %v]", fn, value, min, max))
	}
	if step < 0 {
		panic(fmt.Sprintf("widget.%s: Step (%v) must not be negative", fn, step))
	}
	if step == 0 {
		return def
	}
	return step
}

func sliderState(value, min, max, step any, format string) state {
	return state{
		"behavior": "drag-tap", "continuous_update": true, "disabled": false,
		"max": max, "min": min, "orientation": "horizontal", "readout": true,
		"readout_format": format, "step": step, "value": value,
	}
}

// Value returns the slider's value.
func (s *FloatSlider) Value() float64 { return number(s.get("value")) }

// SetValue moves the slider to v and runs the observers.
func (s *FloatSlider) SetValue(v float64) { s.set(state{"value": v}, true) }

// Observe calls f with the new value each time the slider moves.
func (s *FloatSlider) Observe(f func(v float64)) { s.observe(func() { f(s.Value()) }) }

func (s *FloatSlider) controlValue() any { return s.Value() }

// Int is the range and starting value of a control over int. A zero Step
// means 1.
type Int struct {
	Value, Min, Max, Step int
}

func (r Int) check(fn string) Int {
	r.Step = checkRange(fn, r.Value, r.Min, r.Max, r.Step, 1)
	return r
}

// IntSlider is a control over an int: a slider, or a Play button that
// steps the value on a timer in the front end.
type IntSlider struct{ *model }

// NewIntSlider returns a slider over the integers of r, labelled description.
func NewIntSlider(description string, r Int) *IntSlider {
	r = r.check("NewIntSlider")
	s := &IntSlider{newModel(common("IntSliderModel", "IntSliderView", described(description,
		"SliderStyleModel", state{"description_width": "", "handle_color": nil},
		sliderState(r.Value, r.Min, r.Max, r.Step, "d"))))}
	s.text = func() string {
		return fmt.Sprintf("IntSlider(%s = %d in [%d, %d])", description, s.Value(), r.Min, r.Max)
	}
	return s
}

// NewPlay returns a play button that counts from r.Min to r.Max in steps
// of r.Step, one step every interval milliseconds, like an animation's
// frame counter; link it to a slider with Link to see the frame.
func NewPlay(r Int, interval int) *IntSlider {
	r = r.check("NewPlay")
	if interval <= 0 {
		panic(fmt.Sprintf("widget.NewPlay: the interval (%d ms) must be positive", interval))
	}
	s := &IntSlider{newModel(common("PlayModel", "PlayView", described("", "DescriptionStyleModel",
		state{"description_width": ""}, state{
			"disabled": false, "interval": interval, "max": r.Max, "min": r.Min, "playing": false,
			"repeat": false, "show_repeat": true, "step": r.Step, "value": r.Value,
		})))}
	s.text = func() string { return fmt.Sprintf("Play(%d in [%d, %d])", s.Value(), r.Min, r.Max) }
	return s
}

// Value returns the control's value.
func (s *IntSlider) Value() int { return int(math.Round(number(s.get("value")))) }

// SetValue moves the control to v and runs the observers.
func (s *IntSlider) SetValue(v int) { s.set(state{"value": v}, true) }

// Observe calls f with the new value each time the control moves.
func (s *IntSlider) Observe(f func(v int)) { s.observe(func() { f(s.Value()) }) }

func (s *IntSlider) controlValue() any { return s.Value() }

// Checkbox is a check box.
type Checkbox struct{ *model }

// NewCheckbox returns a check box labelled description.
func NewCheckbox(description string, value bool) *Checkbox {
	c := &Checkbox{newModel(common("CheckboxModel", "CheckboxView", described(description,
		"CheckboxStyleModel", state{"background": nil, "description_width": ""},
		state{"disabled": false, "indent": true, "value": value})))}
	c.text = func() string { return fmt.Sprintf("Checkbox(%s = %v)", description, c.Value()) }
	return c
}

// Value reports whether the box is checked.
func (c *Checkbox) Value() bool { b, _ := c.get("value").(bool); return b }

// SetValue checks or unchecks the box and runs the observers.
func (c *Checkbox) SetValue(v bool) { c.set(state{"value": v}, true) }

// Observe calls f with the new value each time the box is clicked.
func (c *Checkbox) Observe(f func(v bool)) { c.observe(func() { f(c.Value()) }) }

func (c *Checkbox) controlValue() any { return c.Value() }

// Dropdown chooses one of a list of strings.
type Dropdown struct {
	*model
	options []string
}

// NewDropdown returns a drop-down list of options, options[index] chosen.
func NewDropdown(description string, options []string, index int) *Dropdown {
	if len(options) == 0 {
		panic("widget.NewDropdown: needs at least one option")
	}
	if index < 0 || index >= len(options) {
		panic(fmt.Sprintf("widget.NewDropdown: index %d is outside the %d options", index, len(options)))
	}
	opts := append([]string(nil), options...)
	d := &Dropdown{model: newModel(common("DropdownModel", "DropdownView", described(description,
		"DescriptionStyleModel", state{"description_width": ""},
		state{"_options_labels": opts, "disabled": false, "index": index}))), options: opts}
	d.text = func() string { return fmt.Sprintf("Dropdown(%s = %q)", description, d.Value()) }
	return d
}

// Index returns the position of the chosen option.
func (d *Dropdown) Index() int {
	i := int(number(d.get("index")))
	if i < 0 || i >= len(d.options) {
		return 0
	}
	return i
}

// Value returns the chosen option.
func (d *Dropdown) Value() string { return d.options[d.Index()] }

// SetIndex chooses options[i] and runs the observers.
func (d *Dropdown) SetIndex(i int) {
	if i < 0 || i >= len(d.options) {
		panic(fmt.Sprintf("widget.Dropdown.SetIndex: index %d is outside the %d options", i, len(d.options)))
	}
	d.set(state{"index": i}, true)
}

// Observe calls f with the chosen option each time the choice changes.
func (d *Dropdown) Observe(f func(v string)) { d.observe(func() { f(d.Value()) }) }

func (d *Dropdown) controlValue() any { return d.Value() }

// Button is a push button.
type Button struct{ *model }

// NewButton returns a button labelled description.
func NewButton(description string) *Button {
	b := &Button{newModel(common("ButtonModel", "ButtonView", state{
		"button_style": "", "description": description, "disabled": false, "icon": "",
		"style": ref(newStyle("ButtonStyleModel", state{
			"button_color": nil, "font_family": nil, "font_size": nil, "font_style": nil,
			"font_variant": nil, "font_weight": nil, "text_color": nil, "text_decoration": nil,
		})),
	}))}
	b.text = func() string { return fmt.Sprintf("Button(%s)", description) }
	return b
}

// OnClick calls f each time the button is clicked.
func (b *Button) OnClick(f func()) {
	callbacks.Add(1)
	b.mu.Lock()
	prev := b.onCustom
	b.onCustom = func(content json.RawMessage) {
		if prev != nil {
			prev(content)
		}
		var c struct {
			Event string `json:"event"`
		}
		if json.Unmarshal(content, &c) == nil && c.Event == "click" {
			f()
		}
	}
	b.mu.Unlock()
}

// Label is a line of text.
type Label struct{ *model }

// NewLabel returns a label showing text.
func NewLabel(text string) *Label {
	l := &Label{newModel(common("LabelModel", "LabelView", described("", "LabelStyleModel", state{
		"background": nil, "description_width": "", "font_family": nil, "font_size": nil, "font_style": nil,
		"font_variant": nil, "font_weight": nil, "text_color": nil, "text_decoration": nil,
	}, state{"placeholder": "\u200b", "value": text})))}
	l.text = func() string { return l.Value() }
	return l
}

// Value returns the label's text.
func (l *Label) Value() string { s, _ := l.get("value").(string); return s }

// SetValue changes the label's text.
func (l *Label) SetValue(text string) { l.set(state{"value": text}, false) }
