package display

import (
	"fmt"
	"html"
	"strings"
	"sync"
	"time"
)

// progressInterval is the least time between two updates of a progress bar:
// at most 10 messages a second, whatever the loop's speed.
const progressInterval = 100 * time.Millisecond

// Progress is a progress bar for long loops. It shows as an HTML <progress>
// element with a text fallback and updates in place; updates are limited to
// about ten a second, and the latest state is always shown in the end, so a
// tight loop may call Set or Add on every iteration.
//
// Its methods are safe for concurrent use.
type Progress struct {
	mu          sync.Mutex
	label       string
	note        string // shown after the counts, e.g. "loss 0.012"
	total       int
	done        int
	start       time.Time
	last        time.Time // when the last update was published
	shown       int       // the done count last published
	pending     bool      // a state newer than the one shown waits for the timer
	noteChanged bool      // the note differs from the one shown
	timer       stopper
	h           *Handle
	closed      bool

	// clock and afterFunc are time.Now and time.AfterFunc; tests replace them.
	clock     func() time.Time
	afterFunc func(time.Duration, func()) stopper
}

type stopper interface{ Stop() bool }

// NewProgress shows a progress bar at 0 of total, with a label such as
// "training". A total ≤ 0 means unknown: the bar shows a count only.
func NewProgress(total int, label string) *Progress {
	return newProgress(total, label, time.Now, func(d time.Duration, f func()) stopper { return time.AfterFunc(d, f) })
}

func newProgress(total int, label string, clock func() time.Time, afterFunc func(time.Duration, func()) stopper) *Progress {
	p := &Progress{label: label, total: total, clock: clock, afterFunc: afterFunc}
	p.start = clock()
	p.last = p.start
	p.h = New(p.bundle(0, 0))
	return p
}

// Set records that done of total steps are complete. It publishes at most
// once per 100 ms; a state it skips is published by a timer once the interval
// has passed, unless a later call publishes first. Reaching total publishes at once.
func (p *Progress) Set(done int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	p.done = done
	p.update(false)
}

// Add records n more completed steps.
func (p *Progress) Add(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	p.done += n
	p.update(false)
}

// Note sets a short text shown after the counts, such as the current loss;
// it is published with the next update, under the same rate limit.
//
//	pb.Note(fmt.Sprintf("loss %.3g", loss))
func (p *Progress) Note(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	p.note = s
	p.noteChanged = true
	p.update(false)
}

// Done publishes the final state if it has not been shown yet, and stops
// the bar: later calls to Set and Add are ignored.
func (p *Progress) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	if p.pending || p.done != p.shown || p.noteChanged {
		p.update(true)
	}
	p.closed = true
}

// Func returns a callback for library loops that report progress as
// func(done, total int); it sets the total from the callback's and calls Set.
func (p *Progress) Func() func(done, total int) {
	return func(done, total int) {
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.closed {
			return
		}
		if total > 0 {
			p.total = total
		}
		p.done = done
		p.update(false)
	}
}

// ID returns the display id of the bar.
func (p *Progress) ID() string { return p.h.ID() }

// String is the bar as text, so a Progress left as a cell's value reads well.
func (p *Progress) String() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.text(p.done, p.clock().Sub(p.start))
}

// update publishes the current state if forced, complete, or due; otherwise
// it arms the timer that publishes it when due. p.mu is held.
func (p *Progress) update(force bool) {
	now := p.clock()
	complete := p.total > 0 && p.done >= p.total && p.shown != p.done
	if force || complete || now.Sub(p.last) >= progressInterval {
		p.publishLocked(now)
		return
	}
	if (p.done == p.shown && !p.noteChanged) || p.pending {
		return
	}
	p.pending = true
	p.timer = p.afterFunc(progressInterval-now.Sub(p.last), p.flush)
}

// flush publishes a state that update skipped.
func (p *Progress) flush() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.pending && !p.closed {
		p.publishLocked(p.clock())
	}
}

func (p *Progress) publishLocked(now time.Time) {
	if p.timer != nil {
		p.timer.Stop()
		p.timer = nil
	}
	p.pending, p.noteChanged = false, false
	p.last, p.shown = now, p.done
	p.h.Update(p.bundle(p.done, now.Sub(p.start)))
}

func (p *Progress) bundle(done int, elapsed time.Duration) Bundle {
	text := p.text(done, elapsed)
	var sb strings.Builder
	sb.WriteString(`<div style="font-family:monospace">`)
	if p.label != "" {
		fmt.Fprintf(&sb, "%s ", html.EscapeString(p.label))
	}
	if p.total > 0 {
		fmt.Fprintf(&sb, `<progress value="%d" max="%d" style="width:40ch;vertical-align:middle"></progress> `, min(max(done, 0), p.total), p.total)
	} else {
		sb.WriteString(`<progress style="width:40ch;vertical-align:middle"></progress> `)
	}
	sb.WriteString(html.EscapeString(p.counts(done, elapsed)))
	if p.note != "" {
		sb.WriteString(" " + html.EscapeString(p.note))
	}
	sb.WriteString("</div>")
	return withText(MIMEHTML, sb.String(), text)
}

// text is the plain form: "training [#########...........] 45% 450/1000 1.2s<1.5s".
func (p *Progress) text(done int, elapsed time.Duration) string {
	var sb strings.Builder
	if p.label != "" {
		sb.WriteString(p.label + " ")
	}
	if p.total > 0 {
		const width = 20
		n := min(max(done*width/p.total, 0), width)
		sb.WriteString("[" + strings.Repeat("#", n) + strings.Repeat(".", width-n) + "] ")
	}
	sb.WriteString(p.counts(done, elapsed))
	if p.note != "" {
		sb.WriteString(" " + p.note)
	}
	return sb.String()
}

// counts is "45% 450/1000 1.2s<1.5s" (elapsed < estimated remaining).
func (p *Progress) counts(done int, elapsed time.Duration) string {
	el := elapsed.Round(100 * time.Millisecond)
	if p.total <= 0 {
		return fmt.Sprintf("%d %v", done, el)
	}
	s := fmt.Sprintf("%d%% %d/%d %v", 100*done/p.total, done, p.total, el)
	if done > 0 && done < p.total {
		left := time.Duration(float64(elapsed) * float64(p.total-done) / float64(done))
		s += "<" + left.Round(100*time.Millisecond).String()
	}
	return s
}
