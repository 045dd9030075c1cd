package display

import (
	"crypto/rand"
	"encoding/hex"
)

// Handle is a display that can be changed after it is shown: Update replaces
// its content in place (Jupyter's update_display_data), wherever in the
// notebook it appears.
type Handle struct {
	id string
}

// New shows v as Render(v) shows it and returns a handle to change it later.
func New(v any) *Handle {
	h := &Handle{id: newID()}
	publish(Render(v), h.id, false)
	return h
}

// NewHandle returns a handle to a display not shown yet: a value whose
// bundle carries h.ID() as its ID, ended a cell with, is shown with that id,
// and h.Update changes it wherever it is shown.
func NewHandle() *Handle { return &Handle{id: newID()} }

// ID returns the display id, unique within the process.
func (h *Handle) ID() string { return h.id }

// Update replaces the display's content with Render(v).
func (h *Handle) Update(v any) { publish(Render(v), h.id, true) }

// String describes the handle, so a handle left as a cell's final
// expression shows as one short line.
func (h *Handle) String() string { return "display " + h.id }

// newID returns 16 random bytes in hex, like the uuid4 hex ids IPython uses.
func newID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("display: reading random bytes: " + err.Error())
	}
	return hex.EncodeToString(b[:])
}
