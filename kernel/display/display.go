// Package display shows values in a notebook: images, plots, HTML, Markdown,
// LaTeX, JSON, matrices, and progress bars that update in place.
//
// Cells call it without an import line:
//
//	display.Show(p)              // a *plot.Plot, a matrix, any value
//	display.HTML("<b>hi</b>")
//	h := display.New("starting") // a display that later changes
//	h.Update("done")
//
// What a cell displays goes to the process's Publisher, which the kernel's
// worker installs with SetPublisher; without one, text/plain goes to os.Stdout.
// A value's look is decided by Render, by duck typing like IPython's _repr_*_
// methods: a value with an HTML() string method is shown as HTML, and so on.
package display

import (
	"encoding/base64"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
)

// Bundle is a Jupyter MIME bundle.
type Bundle struct {
	Data     map[string]any `json:"data"`     // MIME type -> string (text types; base64 for images) or JSON value
	Metadata map[string]any `json:"metadata"` // never nil when published, e.g. {"image/png": {"width": 600, "height": 400}}
	// ID, when set on the bundle of a cell's final value, is the display id
	// it is shown with (a display_data rather than an execute_result), so
	// that a Handle of that id updates it later. Publishers take the id as
	// an argument and ignore this field.
	ID string `json:"display_id,omitempty"`
}

// Publisher receives what cell code displays. The kernel's worker installs
// one; it is process state, like os.Stdout.
//
// Publish is called with update=false and a possibly empty displayID for a
// new display (display_data), and with update=true for a later change of the
// display displayID (update_display_data). Implementations must be safe for
// concurrent use: a Progress flushes its last state from a timer goroutine.
type Publisher interface {
	Publish(b Bundle, displayID string, update bool)
	ClearOutput(wait bool)
}

// The publisher is process state because os.Stdout, which it stands for, is.
var (
	pubMu sync.RWMutex
	pub   Publisher = stdoutPublisher{}
)

// SetPublisher installs p as the receiver of everything displayed from now
// on. A nil p restores the default, which prints text/plain to os.Stdout.
func SetPublisher(p Publisher) {
	if p == nil {
		p = stdoutPublisher{}
	}
	pubMu.Lock()
	pub = p
	pubMu.Unlock()
}

func publisher() Publisher {
	pubMu.RLock()
	defer pubMu.RUnlock()
	return pub
}

func publish(b Bundle, id string, update bool) {
	if b.Metadata == nil {
		b.Metadata = map[string]any{}
	}
	publisher().Publish(b, id, update)
}

// stdoutPublisher prints the text/plain part of each bundle, so display calls
// made outside a kernel (go test, a command-line program) still show something.
// A nil w means os.Stdout as it is at the time of the call.
type stdoutPublisher struct{ w io.Writer }

func (s stdoutPublisher) Publish(b Bundle, _ string, _ bool) {
	w := s.w
	if w == nil {
		w = os.Stdout
	}
	text, _ := b.Data[MIMEText].(string)
	fmt.Fprintln(w, text)
}

func (stdoutPublisher) ClearOutput(bool) {}

// MIME types used in bundles.
const (
	MIMEText     = "text/plain"
	MIMEHTML     = "text/html"
	MIMEMarkdown = "text/markdown"
	MIMELaTeX    = "text/latex"
	MIMESVG      = "image/svg+xml"
	MIMEPNG      = "image/png"
	MIMEJPEG     = "image/jpeg"
	MIMEJSON     = "application/json"
)

// Show displays v as Render(v) shows it, with the display id its bundle
// carries, if any (see Bundle.ID).
func Show(v any) {
	b := Render(v)
	publish(b, b.ID, false)
}

// Text displays s as plain text.
func Text(s string) { publish(textBundle(s), "", false) }

// HTML displays s as HTML, with s itself as the plain-text fallback (a
// summary if s is long).
func HTML(s string) { publish(withText(MIMEHTML, s, fallback("HTML", s)), "", false) }

// Markdown displays s as Markdown, with s itself as the plain-text
// fallback (a summary if s is long).
func Markdown(s string) { publish(withText(MIMEMarkdown, s, fallback("Markdown", s)), "", false) }

// LaTeX displays s as LaTeX, e.g. `$$\nabla^2 J = Q \Lambda Q^\top$$`; the
// front end renders it with MathJax, so math must be delimited by $ or $$.
func LaTeX(s string) { publish(withText(MIMELaTeX, s, fallback("LaTeX", s)), "", false) }

// fallback is the text/plain of rich text s: s itself when short, else a
// one-line summary, so a long document is not sent twice.
func fallback(kind, s string) string {
	if len(s) <= maxText {
		return s
	}
	return fmt.Sprintf("<%s, %d bytes>", kind, len(s))
}

// SVG displays an SVG document.
func SVG(svg []byte) { publish(svgBundle(svg), "", false) }

// PNG displays a PNG-encoded image. Its pixel size is read from the header
// and written to the metadata.
func PNG(png []byte) { publish(pngBundle(png), "", false) }

// JPEG displays a JPEG-encoded image.
func JPEG(jpeg []byte) { publish(imageBundle(MIMEJPEG, jpeg), "", false) }

// JSON displays v as application/json (the front end shows a tree), with its
// indented encoding as the plain-text fallback. A v that cannot be encoded
// is shown as the error's text.
func JSON(v any) { publish(jsonBundle(v), "", false) }

// ClearOutput clears the cell's output. With wait set, the front end clears
// it only when the next output arrives, which avoids flicker in animations.
func ClearOutput(wait bool) { publisher().ClearOutput(wait) }

func textBundle(s string) Bundle {
	return Bundle{Data: map[string]any{MIMEText: s}, Metadata: map[string]any{}}
}

func withText(mime, s, text string) Bundle {
	b := textBundle(text)
	b.Data[mime] = s
	return b
}

func svgBundle(svg []byte) Bundle {
	return withText(MIMESVG, string(svg), fmt.Sprintf("<SVG image, %d bytes>", len(svg)))
}

func imageBundle(mime string, data []byte) Bundle {
	kind := strings.ToUpper(strings.TrimPrefix(mime, "image/"))
	return withText(mime, base64.StdEncoding.EncodeToString(data), fmt.Sprintf("<%s image, %d bytes>", kind, len(data)))
}
