package display

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// recorder is a Publisher that keeps what it receives.
type recorder struct {
	mu      sync.Mutex
	msgs    []message
	cleared []bool
}

type message struct {
	b      Bundle
	id     string
	update bool
}

func (r *recorder) Publish(b Bundle, id string, update bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.msgs = append(r.msgs, message{b, id, update})
}

func (r *recorder) ClearOutput(wait bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.cleared = append(r.cleared, wait)
}

// record installs a recorder for the test and restores the default after.
func record(t *testing.T) *recorder {
	t.Helper()
	r := &recorder{}
	SetPublisher(r)
	t.Cleanup(func() { SetPublisher(nil) })
	return r
}

func testPlot() *plot.Plot {
	p := plot.New()
	p.Title.Text = "parabola"
	l, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 1}, {X: 2, Y: 4}})
	if err != nil {
		panic(err)
	}
	p.Add(l)
	return p
}

func decodePNG(t *testing.T, b Bundle) image.Image {
	t.Helper()
	s, ok := b.Data[MIMEPNG].(string)
	if !ok {
		t.Fatalf("bundle has no image/png: keys %v", keys(b))
	}
	raw, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatalf("image/png is not base64: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("image/png does not decode: %v", err)
	}
	return img
}

func keys(b Bundle) []string {
	var ks []string
	for k := range b.Data {
		ks = append(ks, k)
	}
	return ks
}

func pngSize(t *testing.T, b Bundle) (w, h int) {
	t.Helper()
	m, ok := b.Metadata[MIMEPNG].(map[string]any)
	if !ok {
		t.Fatalf("no image/png metadata: %v", b.Metadata)
	}
	return m["width"].(int), m["height"].(int)
}

// withSettings sets the plot settings for the test.
func withSettings(t *testing.T, s PlotSettings) {
	old := SetPlotDefaults(s)
	t.Cleanup(func() { SetPlotDefaults(old) })
}

func TestRenderPlotIsPNGAtTwiceTheSize(t *testing.T) {
	withSettings(t, PlotSettings{Format: PNGFormat})
	b := Render(testPlot())
	img := decodePNG(t, b)
	if got := img.Bounds().Size(); got != (image.Point{X: 1200, Y: 800}) {
		t.Errorf("PNG is %v pixels, want 1200×800", got)
	}
	if w, h := pngSize(t, b); w != 600 || h != 400 {
		t.Errorf("metadata size %d×%d, want 600×400", w, h)
	}
	if text := b.Data[MIMEText].(string); !strings.Contains(text, "parabola") {
		t.Errorf("text/plain %q does not name the plot", text)
	}
}

func TestPlotSized(t *testing.T) {
	withSettings(t, PlotSettings{Format: PNGFormat})
	r := record(t)
	PlotSized(testPlot(), 4*vg.Inch, 3*vg.Inch)
	if len(r.msgs) != 1 {
		t.Fatalf("%d messages, want 1", len(r.msgs))
	}
	b := r.msgs[0].b
	if got := decodePNG(t, b).Bounds().Size(); got != (image.Point{X: 768, Y: 576}) {
		t.Errorf("PNG is %v pixels, want 768×576", got)
	}
	if w, h := pngSize(t, b); w != 384 || h != 288 {
		t.Errorf("metadata size %d×%d, want 384×288", w, h)
	}
	if r.msgs[0].update {
		t.Error("a new display was sent as an update")
	}
}

func TestPlotSVGParsesAsXML(t *testing.T) {
	r := record(t)
	PlotSVG(testPlot())
	s, ok := r.msgs[0].b.Data[MIMESVG].(string)
	if !ok {
		t.Fatalf("no image/svg+xml in %v", keys(r.msgs[0].b))
	}
	dec := xml.NewDecoder(strings.NewReader(s))
	root := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && root == "" {
			root = se.Name.Local
		}
	}
	if root != "svg" {
		t.Errorf("root element %q, want svg", root)
	}
	if _, ok := r.msgs[0].b.Data[MIMEText]; !ok {
		t.Error("no text/plain")
	}
}

func TestPlotErrorBecomesText(t *testing.T) {
	p := plot.New()
	p.Y.Scale = plot.LogScale{}
	p.Y.Min, p.Y.Max = -1, 1 // gonum/plot panics drawing a log axis over negatives
	b := Render(p)
	if _, ok := b.Data[MIMEPNG]; ok {
		t.Fatal("a plot that cannot be drawn produced a PNG")
	}
	if text := b.Data[MIMEText].(string); !strings.Contains(text, "rendering plot") {
		t.Errorf("text/plain %q does not report the failure", text)
	}
}

func TestMatrixLaTeX(t *testing.T) {
	b := Render(mat.NewDense(2, 2, []float64{1, -2.5, 3e-7, 4}))
	want := `$$\begin{bmatrix}1 & -2.5 \\ 3 \times 10^{-7} & 4\end{bmatrix}$$`
	if got := b.Data[MIMELaTeX]; got != want {
		t.Errorf("LaTeX\n got %v\nwant %s", got, want)
	}
}

func TestMatrixTextIsAligned(t *testing.T) {
	b := Render(mat.NewDense(3, 2, []float64{1, -2.5, 10, 3, -100, 0.25}))
	lines := strings.Split(b.Data[MIMEText].(string), "\n")
	if lines[0] != "mat.Dense 3×2" {
		t.Errorf("header %q, want %q", lines[0], "mat.Dense 3×2")
	}
	rows := lines[1:]
	if len(rows) != 3 {
		t.Fatalf("%d matrix rows, want 3: %q", len(rows), rows)
	}
	width := utf8.RuneCountInString(rows[0])
	for _, r := range rows {
		if n := utf8.RuneCountInString(r); n != width {
			t.Errorf("row %q is %d runes wide, first row %d", r, n, width)
		}
	}
	// Columns are right-aligned: each column's last digit is at the same rune.
	for _, col := range []struct{ vals []string }{{[]string{"1", "10", "-100"}}, {[]string{"-2.5", "3", "0.25"}}} {
		end := -1
		for i, r := range rows {
			rs := []rune(r)
			idx := strings.Index(r, col.vals[i])
			if idx < 0 {
				t.Fatalf("row %q lacks %q", r, col.vals[i])
			}
			e := utf8.RuneCountInString(r[:idx]) + utf8.RuneCountInString(col.vals[i])
			if end >= 0 && e != end {
				t.Errorf("column %v not right-aligned in %q (%d vs %d)", col.vals, string(rs), e, end)
			}
			end = e
		}
	}
}

func TestLargeMatrixSummary(t *testing.T) {
	n := 500
	s := mat.NewSymDense(n, nil)
	for i := range n {
		for j := i; j < n; j++ {
			s.SetSym(i, j, float64((i+j)%7)-3)
		}
	}
	s.SetSym(0, 0, 7)
	b := Render(s)
	text := b.Data[MIMEText].(string)
	for _, want := range []string{"mat.SymDense 500×500", "min -3", "max 7", "symmetric"} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}
	if _, ok := b.Data[MIMELaTeX]; ok {
		t.Error("a 500×500 matrix was rendered as LaTeX")
	}
	if lines := strings.Count(text, "\n"); lines > 12 {
		t.Errorf("summary has %d lines, want an excerpt", lines)
	}
	mean := fmt.Sprintf("mean %.4g", mat.Sum(s)/float64(n*n))
	if !strings.Contains(text, mean) {
		t.Errorf("summary lacks %q:\n%s", mean, text)
	}
}

type htmlV struct{}

func (htmlV) HTML() string { return "<b>h</b>" }

type mdV struct{}

func (mdV) Markdown() string { return "*m*" }

type texV struct{}

func (texV) LaTeX() string { return "$x^2$" }

type svgV struct{}

func (svgV) SVG() []byte { return []byte("<svg/>") }

type pngV struct{}

func (pngV) PNG() []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 3, 2))); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

type jpegV struct{}

func (jpegV) JPEG() []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, image.NewGray(image.Rect(0, 0, 3, 2)), nil); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

type twoV struct{ htmlV }

func (twoV) LaTeX() string  { return "$y$" }
func (twoV) String() string { return "two" }

func TestDuckTyping(t *testing.T) {
	tests := []struct {
		v    any
		mime string
		want string
	}{
		{htmlV{}, MIMEHTML, "<b>h</b>"},
		{mdV{}, MIMEMarkdown, "*m*"},
		{texV{}, MIMELaTeX, "$x^2$"},
		{svgV{}, MIMESVG, "<svg/>"},
		{pngV{}, MIMEPNG, base64.StdEncoding.EncodeToString(pngV{}.PNG())},
		{jpegV{}, MIMEJPEG, base64.StdEncoding.EncodeToString(jpegV{}.JPEG())},
		{twoV{}, MIMEHTML, "<b>h</b>"},
		{twoV{}, MIMELaTeX, "$y$"},
	}
	for _, tt := range tests {
		b := Render(tt.v)
		if got := b.Data[tt.mime]; got != tt.want {
			t.Errorf("Render(%T).Data[%s] = %v, want %v", tt.v, tt.mime, got, tt.want)
		}
		if _, ok := b.Data[MIMEText].(string); !ok {
			t.Errorf("Render(%T) has no text/plain", tt.v)
		}
		if b.Metadata == nil {
			t.Errorf("Render(%T) has nil metadata", tt.v)
		}
	}
	if w, h := pngSize(t, Render(pngV{})); w != 3 || h != 2 {
		t.Errorf("PNGer metadata %d×%d, want 3×2 from the header", w, h)
	}
	if got := Render(twoV{}).Data[MIMEText]; got != "two" {
		t.Errorf("text/plain of a Stringer = %v, want its String", got)
	}
}

type point struct {
	X, Y float64
	Name string
}

type nilStringer struct{ s string }

func (n *nilStringer) String() string { return n.s }

func TestRenderText(t *testing.T) {
	long := make([]int, 5000)
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"nil", nil, "<nil>"},
		{"int", 42, "42"},
		{"string", "hello", "hello"},
		{"struct", point{1, 2.5, "a"}, "{X:1 Y:2.5 Name:a}"},
		{"pointer to struct", &point{1, 2, "b"}, "&{X:1 Y:2 Name:b}"},
		{"error", errors.New("boom"), "boom"},
		{"nil Stringer", (*nilStringer)(nil), "<nil>"},
		{"nil matrix", (*mat.Dense)(nil), "<nil>"},
		{"slice", []float64{1, 2}, "[1 2]"},
	}
	for _, tt := range tests {
		b := Render(tt.v)
		if got := b.Data[MIMEText]; got != tt.want {
			t.Errorf("%s: text/plain %q, want %q", tt.name, got, tt.want)
		}
		if len(b.Data) != 1 {
			t.Errorf("%s: %d MIME types, want text/plain only", tt.name, len(b.Data))
		}
	}
	text := Render(long).Data[MIMEText].(string)
	if n := utf8.RuneCountInString(text); n > maxText+40 {
		t.Errorf("a 5000-element slice printed %d runes", n)
	}
	if !strings.Contains(text, "more characters") {
		t.Errorf("cut text does not say so: …%s", text[len(text)-40:])
	}
}

func TestRenderImage(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 5, 4))
	img.Set(1, 1, color.RGBA{R: 255, A: 255})
	b := Render(img)
	got := decodePNG(t, b)
	if got.Bounds() != img.Bounds() {
		t.Errorf("bounds %v, want %v", got.Bounds(), img.Bounds())
	}
	if r, _, _, _ := got.At(1, 1).RGBA(); r != 0xffff {
		t.Errorf("pixel (1,1) red = %#x, want 0xffff", r)
	}
}

func TestRenderBundle(t *testing.T) {
	b := Render(Bundle{Data: map[string]any{MIMEHTML: "<i>x</i>"}})
	if b.Data[MIMEHTML] != "<i>x</i>" || b.Data[MIMEText] == nil || b.Metadata == nil {
		t.Errorf("bundle not completed: %+v", b)
	}
}

func TestTextBundles(t *testing.T) {
	r := record(t)
	HTML("<b>hi</b>")
	Markdown("**hi**")
	LaTeX("$x$")
	Text("plain")
	SVG([]byte("<svg/>"))
	JSON(map[string]any{"a": []int{1, 2}})
	want := []string{MIMEHTML, MIMEMarkdown, MIMELaTeX, MIMEText, MIMESVG, MIMEJSON}
	if len(r.msgs) != len(want) {
		t.Fatalf("%d messages, want %d", len(r.msgs), len(want))
	}
	for i, m := range r.msgs {
		if _, ok := m.b.Data[want[i]]; !ok {
			t.Errorf("message %d lacks %s: %v", i, want[i], keys(m.b))
		}
		if _, ok := m.b.Data[MIMEText]; !ok || m.b.Metadata == nil {
			t.Errorf("message %d lacks text/plain or metadata", i)
		}
		if m.id != "" || m.update {
			t.Errorf("message %d: id %q update %v, want a plain display", i, m.id, m.update)
		}
	}
	tree, ok := r.msgs[5].b.Data[MIMEJSON].(map[string]any)
	if !ok || fmt.Sprint(tree["a"]) != "[1 2]" {
		t.Errorf("JSON data %#v, want the decoded tree", r.msgs[5].b.Data[MIMEJSON])
	}
	JSON(func() {})
	if text := r.msgs[6].b.Data[MIMEText].(string); !strings.Contains(text, "JSON") {
		t.Errorf("unencodable JSON shown as %q", text)
	}
}

func TestClearOutput(t *testing.T) {
	r := record(t)
	ClearOutput(true)
	ClearOutput(false)
	if fmt.Sprint(r.cleared) != "[true false]" {
		t.Errorf("cleared %v, want [true false]", r.cleared)
	}
}

func TestHandleUpdates(t *testing.T) {
	r := record(t)
	h := New("first")
	h.Update(mat.NewDense(1, 1, []float64{2}))
	h2 := New("other")
	if len(r.msgs) != 3 {
		t.Fatalf("%d messages, want 3", len(r.msgs))
	}
	if m := r.msgs[0]; m.id != h.ID() || m.update || m.b.Data[MIMEText] != "first" {
		t.Errorf("New sent %+v", m)
	}
	if m := r.msgs[1]; m.id != h.ID() || !m.update || m.b.Data[MIMELaTeX] == nil {
		t.Errorf("Update sent id %q update %v keys %v", m.id, m.update, keys(m.b))
	}
	if h.ID() == "" || h.ID() == h2.ID() {
		t.Errorf("ids %q and %q are not distinct", h.ID(), h2.ID())
	}
}

func TestDefaultPublisherPrintsText(t *testing.T) {
	var buf bytes.Buffer
	stdoutPublisher{w: &buf}.Publish(Render(htmlV{}), "", false)
	if got := buf.String(); got != "{}\n" {
		t.Errorf("default publisher printed %q, want the text/plain %q", got, "{}\n")
	}
}

// fakeClock is a clock that moves only when told, and a timer whose function
// the test calls.
type fakeClock struct {
	now     time.Time
	pending func()
	stopped int
}

type fakeTimer struct{ c *fakeClock }

func (t fakeTimer) Stop() bool { t.c.pending = nil; t.c.stopped++; return true }

func (c *fakeClock) afterFunc(d time.Duration, f func()) stopper {
	c.pending = f
	return fakeTimer{c}
}

func (c *fakeClock) fire() {
	if f := c.pending; f != nil {
		c.pending = nil
		f()
	}
}

func TestProgressRateLimit(t *testing.T) {
	tests := []struct {
		name     string
		step     time.Duration // clock advance per Set
		maxMsgs  int
		minMsgs  int
		wantLast string
	}{
		// 10 000 steps of 0.3 ms: 3 s, so about 30 updates at 10 a second.
		{"3 s loop", 300 * time.Microsecond, 35, 25, "10000/10000"},
		// A tight loop within one interval: the first display and the final state.
		{"instant loop", 0, 2, 2, "10000/10000"},
	}
	for _, tt := range tests {
		r := record(t)
		clk := &fakeClock{now: time.Unix(0, 0)}
		p := newProgress(10000, "training", func() time.Time { return clk.now }, clk.afterFunc)
		for i := 1; i <= 10000; i++ {
			clk.now = clk.now.Add(tt.step)
			p.Set(i)
		}
		clk.fire() // a pending flush after completion must not publish again
		n := len(r.msgs)
		if n > tt.maxMsgs || n < tt.minMsgs {
			t.Errorf("%s: %d messages, want %d to %d", tt.name, n, tt.minMsgs, tt.maxMsgs)
		}
		last := r.msgs[n-1]
		if text := last.b.Data[MIMEText].(string); !strings.Contains(text, tt.wantLast) || !strings.Contains(text, "100%") {
			t.Errorf("%s: last state %q, want %s at 100%%", tt.name, text, tt.wantLast)
		}
		for i, m := range r.msgs {
			if m.id != p.ID() || m.update != (i > 0) {
				t.Errorf("%s: message %d id %q update %v", tt.name, i, m.id, m.update)
			}
		}
		if html := last.b.Data[MIMEHTML].(string); !strings.Contains(html, `<progress value="10000" max="10000"`) {
			t.Errorf("%s: HTML %q lacks the progress element", tt.name, html)
		}
	}
}

func TestProgressFlushesSkippedState(t *testing.T) {
	r := record(t)
	clk := &fakeClock{now: time.Unix(0, 0)}
	p := newProgress(100, "", func() time.Time { return clk.now }, clk.afterFunc)
	clk.now = clk.now.Add(10 * time.Millisecond)
	p.Add(3)
	p.Add(4) // within the interval: nothing sent, a flush is pending
	if len(r.msgs) != 1 || clk.pending == nil {
		t.Fatalf("%d messages and pending %v after two quick Adds, want 1 and a timer", len(r.msgs), clk.pending != nil)
	}
	clk.now = clk.now.Add(100 * time.Millisecond)
	clk.fire()
	if len(r.msgs) != 2 || !strings.Contains(r.msgs[1].b.Data[MIMEText].(string), "7/100") {
		t.Fatalf("after the timer: %d messages, last %v; want the state 7/100", len(r.msgs), r.msgs[len(r.msgs)-1].b.Data[MIMEText])
	}
	f := p.Func()
	clk.now = clk.now.Add(time.Second)
	f(50, 200)
	if text := r.msgs[2].b.Data[MIMEText].(string); !strings.Contains(text, "50/200") || !strings.Contains(text, "25%") {
		t.Errorf("callback state %q, want 50/200 at 25%%", text)
	}
	p.Add(1) // within the interval: pending
	p.Done()
	p.Set(199) // ignored after Done
	p.Done()   // nothing new
	if len(r.msgs) != 4 {
		t.Fatalf("%d messages after Done and a late Set, want 4", len(r.msgs))
	}
	if text := r.msgs[3].b.Data[MIMEText].(string); !strings.Contains(text, "51/200") {
		t.Errorf("Done published %q, want the last state 51/200", text)
	}
}

func TestProgressUnknownTotal(t *testing.T) {
	r := record(t)
	p := NewProgress(0, "epochs")
	p.Add(5)
	p.Done()
	text := r.msgs[len(r.msgs)-1].b.Data[MIMEText].(string)
	if !strings.HasPrefix(text, "epochs 5 ") {
		t.Errorf("text %q, want the label and a count", text)
	}
}

// figure is a Drawer with a size, like a grid of plots.
type figure struct{}

func (figure) Draw(c draw.Canvas) {
	c.SetColor(color.RGBA{R: 255, A: 255})
	c.Fill(c.Rectangle.Path())
}

func (figure) Size() (w, h vg.Length) { return 2 * vg.Inch, vg.Inch }

func TestRenderDrawer(t *testing.T) {
	withSettings(t, PlotSettings{Format: PNGFormat})
	b := Render(figure{})
	img := decodePNG(t, b)
	if got := img.Bounds().Size(); got != (image.Point{X: 384, Y: 192}) {
		t.Errorf("PNG is %v pixels, want 384×192", got)
	}
	if w, h := pngSize(t, b); w != 192 || h != 96 {
		t.Errorf("metadata size %d×%d, want 192×96", w, h)
	}
	if r, g, _, _ := img.At(100, 100).RGBA(); r != 0xffff || g != 0 {
		t.Errorf("figure not drawn: pixel %v", img.At(100, 100))
	}
}

// interpWrapper has the shape of the wrappers yaegi makes when an
// interpreted value is stored in a compiled interface type.
type interpWrapper struct {
	IValue any
	WHTML  func() string
}

func (w interpWrapper) HTML() string { return w.WHTML() }

func TestInterpreterWrapperText(t *testing.T) {
	w := interpWrapper{IValue: point{X: 1, Y: 2, Name: "p"}, WHTML: func() string { return "<i>p</i>" }}
	b := Render(w)
	if b.Data[MIMEHTML] != "<i>p</i>" || b.Data[MIMEText] != "{X:1 Y:2 Name:p}" {
		t.Errorf("wrapped value rendered as %v", b.Data)
	}
	// A struct that merely has an IValue field among others is not a wrapper.
	type other struct {
		IValue any
		N      int
	}
	if got := Render(other{1, 2}).Data[MIMEText]; got != "{IValue:1 N:2}" {
		t.Errorf("plain struct rendered as %v", got)
	}
}

func TestProgressNote(t *testing.T) {
	r := record(t)
	clk := &fakeClock{now: time.Unix(0, 0)}
	p := newProgress(10, "fit", func() time.Time { return clk.now }, clk.afterFunc)
	clk.now = clk.now.Add(time.Second)
	p.Note("loss 0.5 <b>") // due: published at once, escaped in HTML
	if len(r.msgs) != 2 {
		t.Fatalf("%d messages after a due Note, want 2", len(r.msgs))
	}
	m := r.msgs[1].b
	if text := m.Data[MIMEText].(string); !strings.HasSuffix(text, " loss 0.5 <b>") {
		t.Errorf("text %q lacks the note", text)
	}
	if html := m.Data[MIMEHTML].(string); !strings.Contains(html, "loss 0.5 &lt;b&gt;") {
		t.Errorf("HTML %q lacks the escaped note", html)
	}
	p.Note("loss 0.25") // within the interval: pending, then Done shows it
	p.Done()
	if text := r.msgs[len(r.msgs)-1].b.Data[MIMEText].(string); !strings.HasSuffix(text, "loss 0.25") {
		t.Errorf("Done showed %q, want the last note", text)
	}
}

// pagerRecorder is a recorder whose front end has a pager.
type pagerRecorder struct {
	recorder
	paged []Bundle
}

func (p *pagerRecorder) Page(b Bundle) { p.paged = append(p.paged, b) }

func TestPage(t *testing.T) {
	r := record(t)
	Page("doc text")
	if len(r.msgs) != 1 || r.msgs[0].b.Data[MIMEText] != "doc text" {
		t.Errorf("without a pager, Page sent %+v; want an ordinary display", r.msgs)
	}
	pr := &pagerRecorder{}
	SetPublisher(pr)
	Page(htmlV{})
	if len(pr.paged) != 1 || len(pr.msgs) != 0 || pr.paged[0].Data[MIMEHTML] != "<b>h</b>" || pr.paged[0].Metadata == nil {
		t.Errorf("with a pager: paged %+v, displayed %+v", pr.paged, pr.msgs)
	}
}

// A bundle with an ID is shown with that display id, so a Handle of it
// updates it.
func TestShowUsesTheBundleID(t *testing.T) {
	r := record(t)
	h := NewHandle()
	Show(Bundle{Data: map[string]any{MIMEText: "first"}, ID: h.ID()})
	h.Update("second")
	if len(r.msgs) != 2 || r.msgs[0].id != h.ID() || r.msgs[0].update || r.msgs[1].id != h.ID() || !r.msgs[1].update {
		t.Fatalf("published %+v, want a display and an update of id %s", r.msgs, h.ID())
	}
}
