package worker

import (
	"encoding/json"
	"fmt"
	"sync"

	"github.com/gocurve/gocurve/kernel/display"
)

// Display caps, like the supervisor's OutputLimit for streams: a cell that
// displays 50 MB of HTML must not take the kernel's memory or the front
// end's with it.
const (
	// MaxBundle is the largest display bundle sent as it is.
	MaxBundle = 32 << 20
	// MaxDisplayPerCell is how many display bytes one cell may send.
	MaxDisplayPerCell = 128 << 20
)

// displayBudget counts a cell's display bytes and replaces what is over
// the caps by a notice.
type displayBudget struct {
	mu   sync.Mutex
	sent int
	over bool // the cell has used its budget: nothing more is shown
}

func (d *displayBudget) reset() {
	d.mu.Lock()
	d.sent, d.over = 0, false
	d.mu.Unlock()
}

// admit returns b, or a text bundle that says why b is not shown.
func (d *displayBudget) admit(b display.Bundle) display.Bundle {
	n := bundleSize(b)
	d.mu.Lock()
	defer d.mu.Unlock()
	switch {
	case d.over:
		return display.Bundle{} // one notice per cell said so
	case n > MaxBundle:
		return noticeBundle(fmt.Sprintf("[gocurve: a display of %s was not shown: one display may have at most %s]", byteSize(n), byteSize(MaxBundle)))
	case d.sent+n > MaxDisplayPerCell:
		d.over = true
		return noticeBundle(fmt.Sprintf("[gocurve: displays truncated: this cell already sent %s of displays, the limit of a cell; later ones are not shown]", byteSize(d.sent)))
	}
	d.sent += n
	return b
}

func noticeBundle(s string) display.Bundle {
	return display.Bundle{Data: map[string]any{display.MIMEText: s}, Metadata: map[string]any{}}
}

// bundleSize is the size of b's data as sent: strings by length, other
// values by their JSON encoding.
func bundleSize(b display.Bundle) int {
	n := 0
	for _, v := range b.Data {
		if s, ok := v.(string); ok {
			n += len(s)
			continue
		}
		j, _ := json.Marshal(v)
		n += len(j)
	}
	return n
}
