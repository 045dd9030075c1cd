// Package widget makes Jupyter widgets from Go: sliders, checkboxes,
// dropdowns, buttons, labels, output areas and boxes that JupyterLab's own
// widget manager draws, with no front-end extension of gocurve's. It speaks
// the Jupyter widget message protocol 2.1 over comms (target
// "jupyter.widget"), with the models of @jupyter-widgets/controls 2.0.0,
// @jupyter-widgets/output 1.0.0 and @jupyter-widgets/base 2.0.0, as
// ipywidgets 8 does; the model state each widget sends is ipywidgets'
// state for the same widget.
//
// Cells use it without an import line:
//
//	lr := widget.NewFloatSlider("α", widget.Float{Value: 0.1, Min: 0, Max: 1, Step: 0.01})
//	lr.Observe(func(v float64) { fmt.Println("α =", v) })
//	lr // the last expression of a cell shows the slider
//
// Interact re-runs a function whenever a control moves and shows what it
// returns in place; see its documentation.
//
// Messages from the front end change a widget's value as soon as they
// arrive, even while a cell runs (a running loop that reads Value sees the
// slider move). Observers and Interact functions run when no cell is
// running, and only for the latest of the changes that came while they
// waited: dragging a slider faster than a plot redraws skips the values in
// between instead of falling behind.
package widget

import (
	"encoding/json"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/gocurve/gocurve/kernel/comm"
	"github.com/gocurve/gocurve/kernel/display"
)

// Protocol constants of Jupyter widgets (ipywidgets 8).
const (
	// Target is the comm target of widget models.
	Target = "jupyter.widget"
	// ProtocolVersion is sent in each comm_open's metadata.
	ProtocolVersion = "2.1.0"
	// MIMEView is the MIME type of a widget's view in a display bundle.
	MIMEView = "application/vnd.jupyter.widget-view+json"
	// MIMEState is the MIME type of the widget state saved in a notebook's metadata.
	MIMEState = "application/vnd.jupyter.widget-state+json"

	controls        = "@jupyter-widgets/controls"
	controlsVersion = "2.0.0"
	base            = "@jupyter-widgets/base"
	baseVersion     = "2.0.0"
	output          = "@jupyter-widgets/output"
	outputVersion   = "1.0.0"
)

// Widget is anything shown as a Jupyter widget.
type Widget interface {
	// ModelID is the id of the widget's model, the id of its comm.
	ModelID() string
}

// state is a widget model's state, as JSON values by attribute name.
type state = map[string]any

// model is the kernel's copy of one widget model, kept in sync with the
// front end over its comm.
type model struct {
	comm *comm.Comm

	mu    sync.Mutex
	state state
	// arrived and delivered count the front end's updates, so observers
	// run only for the latest of those that queued up.
	arrived, delivered uint64
	observers          []func()
	onCustom           func(content json.RawMessage)
	// text is the model's text/plain form.
	text func() string
}

// callbacks counts the observers and click handlers ever registered; see
// HasCallbacks.
var callbacks atomic.Int64

// HasCallbacks reports whether any widget has an observer or click handler.
// The kernel then warns that redefining a func does not change the
// callbacks already given to widgets, which hold the func as it was.
func HasCallbacks() bool { return callbacks.Load() > 0 }

// models holds every model the kernel has opened, by id, for the front
// end's request for all states (see control).
var (
	modelsMu sync.Mutex
	models   = map[string]*model{}
)

// newModel opens a comm for a model with the given state.
func newModel(s state) *model {
	m := &model{state: s}
	c, err := comm.Open(Target, map[string]any{"state": s, "buffer_paths": []any{}}, map[string]any{"version": ProtocolVersion})
	if err != nil {
		panic(fmt.Sprintf("widget: opening a %v: %v", s["_model_name"], err))
	}
	m.comm = c
	c.OnArrive(m.arrive)
	c.OnMsg(m.deliver)
	c.OnClose(func(comm.Message) {
		modelsMu.Lock()
		delete(models, c.ID())
		modelsMu.Unlock()
	})
	modelsMu.Lock()
	models[c.ID()] = m
	modelsMu.Unlock()
	return m
}

// controlTarget is the comm target through which the front end asks for
// the state of every widget at once, when a notebook page is reloaded.
const controlTarget = "jupyter.widget.control"

func init() { comm.Register(controlTarget, control) }

// control answers "request_states" with "update_states", as ipywidgets does.
func control(c *comm.Comm, _ comm.Message) {
	c.OnMsg(func(cm comm.Message) {
		var msg message
		if json.Unmarshal(cm.Data, &msg) != nil || msg.Method != "request_states" {
			return
		}
		modelsMu.Lock()
		all := make([]*model, 0, len(models))
		for _, m := range models {
			all = append(all, m)
		}
		modelsMu.Unlock()
		states := map[string]any{}
		for _, m := range all {
			s := m.snapshot()
			states[m.ModelID()] = map[string]any{
				"model_name": s["_model_name"], "model_module": s["_model_module"],
				"model_module_version": s["_model_module_version"], "state": s,
			}
		}
		c.Send(map[string]any{"method": "update_states", "states": states, "buffer_paths": []any{}})
	})
}

// snapshot returns a copy of the model's state.
func (m *model) snapshot() state {
	m.mu.Lock()
	defer m.mu.Unlock()
	s := make(state, len(m.state))
	for k, v := range m.state {
		s[k] = v
	}
	return s
}

// ModelID returns the id of the widget's model.
func (m *model) ModelID() string { return m.comm.ID() }

// Bundle is the widget's display bundle: its view, and text as fallback.
func (m *model) Bundle() display.Bundle {
	text := fmt.Sprint(m.get("_model_name"))
	if m.text != nil {
		text = m.text()
	}
	return display.Bundle{
		Data: map[string]any{
			MIMEView:         map[string]any{"model_id": m.ModelID(), "version_major": 2, "version_minor": 0},
			display.MIMEText: text,
		},
		Metadata: map[string]any{},
	}
}

func (m *model) get(key string) any {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.state[key]
}

// set changes attributes in the kernel, tells the front end, and runs the
// observers if a watched attribute changed.
func (m *model) set(s state, notify bool) {
	m.mu.Lock()
	for k, v := range s {
		m.state[k] = v
	}
	obs := append([]func(){}, m.observers...)
	m.mu.Unlock()
	m.comm.Send(map[string]any{"method": "update", "state": s, "buffer_paths": []any{}})
	if notify {
		for _, f := range obs {
			f()
		}
	}
}

// arrivals counts the updates the front end has sent the model.
func (m *model) arrivals() uint64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.arrived
}

func (m *model) observe(f func()) {
	callbacks.Add(1)
	m.mu.Lock()
	m.observers = append(m.observers, f)
	m.mu.Unlock()
}

// message is the data of a widget comm_msg.
type message struct {
	Method  string          `json:"method"`
	State   state           `json:"state"`
	Content json.RawMessage `json:"content"`
}

// arrive records the front end's new values at once, even during a cell.
func (m *model) arrive(cm comm.Message) {
	var msg message
	if json.Unmarshal(cm.Data, &msg) != nil || msg.Method != "update" {
		return
	}
	m.mu.Lock()
	for k, v := range msg.State {
		m.state[k] = v
	}
	m.arrived++
	m.mu.Unlock()
}

// deliver answers a request for the state and runs observers or a custom
// message handler, between cells.
func (m *model) deliver(cm comm.Message) {
	var msg message
	if err := json.Unmarshal(cm.Data, &msg); err != nil {
		return
	}
	switch msg.Method {
	case "request_state":
		m.comm.Send(map[string]any{"method": "update", "state": m.snapshot(), "buffer_paths": []any{}})
	case "update":
		m.mu.Lock()
		m.delivered++
		latest := m.delivered == m.arrived
		obs := append([]func(){}, m.observers...)
		m.mu.Unlock()
		if latest {
			for _, f := range obs {
				f()
			}
		}
	case "custom":
		m.mu.Lock()
		f := m.onCustom
		m.mu.Unlock()
		if f != nil {
			f(msg.Content)
		}
	}
}

// common is the state every DOM widget of the controls module has.
func common(modelName, viewName string, extra state) state {
	s := state{
		"_dom_classes":          []string{},
		"_model_module":         controls,
		"_model_module_version": controlsVersion,
		"_model_name":           modelName,
		"_view_count":           nil,
		"_view_module":          controls,
		"_view_module_version":  controlsVersion,
		"_view_name":            viewName,
		"layout":                ref(newLayout()),
		"tabbable":              nil,
		"tooltip":               nil,
	}
	for k, v := range extra {
		s[k] = v
	}
	return s
}

// described adds the description attributes and a style model.
func described(description, styleModel string, styleExtra state, extra state) state {
	extra["description"] = description
	extra["description_allow_html"] = false
	extra["style"] = ref(newStyle(styleModel, styleExtra))
	return extra
}

func ref(m *model) string { return "IPY_MODEL_" + m.ModelID() }

var layoutKeys = []string{
	"align_content", "align_items", "align_self", "border_bottom", "border_left", "border_right",
	"border_top", "bottom", "display", "flex", "flex_flow", "grid_area", "grid_auto_columns",
	"grid_auto_flow", "grid_auto_rows", "grid_column", "grid_gap", "grid_row", "grid_template_areas",
	"grid_template_columns", "grid_template_rows", "height", "justify_content", "justify_items",
	"left", "margin", "max_height", "max_width", "min_height", "min_width", "object_fit",
	"object_position", "order", "overflow", "padding", "right", "top", "visibility", "width",
}

func newLayout() *model {
	s := state{
		"_model_module": base, "_model_module_version": baseVersion, "_model_name": "LayoutModel",
		"_view_count": nil, "_view_module": base, "_view_module_version": baseVersion, "_view_name": "LayoutView",
	}
	for _, k := range layoutKeys {
		s[k] = nil
	}
	return newModel(s)
}

func newStyle(modelName string, extra state) *model {
	s := state{
		"_model_module": controls, "_model_module_version": controlsVersion, "_model_name": modelName,
		"_view_count": nil, "_view_module": base, "_view_module_version": baseVersion, "_view_name": "StyleView",
	}
	for k, v := range extra {
		s[k] = v
	}
	return newModel(s)
}

// number reads a JSON number the front end sent (float64 after decoding).
func number(v any) float64 {
	switch x := v.(type) {
	case float64:
		return x
	case int:
		return float64(x)
	case json.Number:
		f, _ := x.Float64()
		return f
	}
	return 0
}
