package display

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"reflect"
	"strings"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Bundler is a value that makes its whole MIME bundle itself, such as a
// Jupyter widget, whose bundle names its model and carries a static fallback.
type Bundler interface{ Bundle() Bundle }

// HTMLer is a value that shows itself as HTML.
type HTMLer interface{ HTML() string }

// Markdowner is a value that shows itself as Markdown.
type Markdowner interface{ Markdown() string }

// LaTeXer is a value that shows itself as LaTeX (delimited by $ or $$).
type LaTeXer interface{ LaTeX() string }

// SVGer is a value that shows itself as an SVG document.
type SVGer interface{ SVG() []byte }

// PNGer is a value that shows itself as a PNG image.
type PNGer interface{ PNG() []byte }

// JPEGer is a value that shows itself as a JPEG image.
type JPEGer interface{ JPEG() []byte }

// Drawer is a figure that draws itself on a gonum/plot canvas, as *plot.Plot
// does; it is shown like a plot, at the size its Size method gives if it has
// one (a Sizer), else DefaultWidth × DefaultHeight.
type Drawer interface{ Draw(draw.Canvas) }

// Sizer is a figure that knows its size.
type Sizer interface{ Size() (w, h vg.Length) }

// maxText bounds the text/plain of a value, so a million-element slice left
// as a final expression does not flood the notebook.
const maxText = 4000

// Render returns the MIME bundle a value shows as; the bundle always has
// text/plain and a non-nil Metadata.
//
// In order of precedence:
//   - a Bundle or *Bundle is returned as is (text/plain added if missing),
//     and so is what a Bundler's Bundle method returns;
//   - a *plot.Plot is a PNG drawn at 2× resolution, with metadata width and
//     height at 1× (DefaultWidth × DefaultHeight), so it is crisp on high-dpi screens;
//   - a value with any of the methods HTML, Markdown, LaTeX, SVG, PNG, JPEG
//     (the interfaces HTMLer … JPEGer) carries each of those forms, and its
//     text/plain is its String method if it has one, else %+v;
//   - a mat.Matrix up to MaxLaTeX×MaxLaTeX is an aligned text matrix plus a
//     bmatrix in text/latex; a larger one is a summary of its shape and entries;
//   - any other Drawer (a figure with Draw(draw.Canvas), such as a grid of
//     plots) is a PNG like a plot, sized by its Size method if it has one;
//   - an error is its Error text;
//   - an image.Image is a PNG;
//   - anything else is text/plain: its String method, or %+v (field names
//     shown), cut to a few thousand characters.
func Render(v any) Bundle {
	b := render(v)
	if b.Metadata == nil {
		b.Metadata = map[string]any{}
	}
	if _, ok := b.Data[MIMEText]; !ok {
		b.Data[MIMEText] = plainText(v)
	}
	return b
}

func render(v any) Bundle {
	switch v := v.(type) {
	case nil:
		return textBundle("<nil>")
	case Bundle:
		return cloneBundle(v)
	case *Bundle:
		if v == nil {
			return textBundle("<nil>")
		}
		return cloneBundle(*v)
	case Bundler:
		if isNil(v) {
			return textBundle("<nil>")
		}
		return cloneBundle(v.Bundle())
	case *plot.Plot:
		if v == nil {
			return textBundle("<nil>")
		}
		w, h := plotSettings.size()
		b, err := plotBundle(v, w, h, plotSettings.Format)
		if err != nil {
			return textBundle(fmt.Sprintf("display: rendering plot: %v", err))
		}
		return b
	}
	if b, ok := ducks(v); ok {
		return b
	}
	if d, ok := v.(Drawer); ok && !isNil(v) {
		w, h := plotSettings.size()
		if s, ok := v.(Sizer); ok {
			w, h = s.Size()
		}
		b, err := drawerBundle(d, w, h, plotSettings.Format)
		if err != nil {
			return textBundle(fmt.Sprintf("display: rendering figure: %v", err))
		}
		return b
	}
	switch v := v.(type) {
	case mat.Matrix:
		if isNil(v) {
			return textBundle("<nil>")
		}
		return matrixBundle(v)
	case error:
		return textBundle(v.Error())
	case image.Image:
		if isNil(v) {
			return textBundle("<nil>")
		}
		var buf bytes.Buffer
		if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, v); err != nil {
			return textBundle(fmt.Sprintf("display: encoding image: %v", err))
		}
		return pngBundle(buf.Bytes())
	}
	return textBundle(plainText(v))
}

// ducks collects every representation v offers through one-method interfaces.
func ducks(v any) (Bundle, bool) {
	b := Bundle{Data: map[string]any{}, Metadata: map[string]any{}}
	if x, ok := v.(HTMLer); ok {
		b.Data[MIMEHTML] = x.HTML()
	}
	if x, ok := v.(Markdowner); ok {
		b.Data[MIMEMarkdown] = x.Markdown()
	}
	if x, ok := v.(LaTeXer); ok {
		b.Data[MIMELaTeX] = x.LaTeX()
	}
	if x, ok := v.(SVGer); ok {
		b.Data[MIMESVG] = string(x.SVG())
	}
	if x, ok := v.(PNGer); ok {
		p := pngBundle(x.PNG())
		b.Data[MIMEPNG] = p.Data[MIMEPNG]
		for k, m := range p.Metadata {
			b.Metadata[k] = m
		}
	}
	if x, ok := v.(JPEGer); ok {
		b.Data[MIMEJPEG] = imageBundle(MIMEJPEG, x.JPEG()).Data[MIMEJPEG]
	}
	return b, len(b.Data) > 0
}

func cloneBundle(src Bundle) Bundle {
	b := Bundle{Data: make(map[string]any, len(src.Data)+1), Metadata: make(map[string]any, len(src.Metadata)), ID: src.ID}
	for k, v := range src.Data {
		b.Data[k] = v
	}
	for k, v := range src.Metadata {
		b.Metadata[k] = v
	}
	if _, ok := b.Data[MIMEText]; !ok {
		b.Data[MIMEText] = fmt.Sprintf("<%d-part display>", len(src.Data))
	}
	return b
}

// plainText is the text/plain form of any value: String() if it has one,
// else %+v so struct fields are named; cut to maxText runes.
func plainText(v any) string {
	v = unwrapInterp(v)
	var s string
	switch x := v.(type) {
	case fmt.Stringer:
		if isNil(v) {
			s = "<nil>"
		} else {
			s = x.String()
		}
	case error:
		s = x.Error()
	default:
		s = fmt.Sprintf("%+v", v)
	}
	return truncate(s, maxText)
}

// unwrapInterp returns the value inside a yaegi interface wrapper: an
// interpreted value stored in a compiled interface type (say display.HTMLer)
// arrives as a struct {IValue any; WHTML func() string}, whose %+v would
// show the wrapper instead of the value.
func unwrapInterp(v any) any {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return v
	}
	f, ok := rv.Type().FieldByName("IValue")
	if !ok || f.Type.Kind() != reflect.Interface {
		return v
	}
	for i := range rv.NumField() {
		if n := rv.Type().Field(i).Name; n != "IValue" && !strings.HasPrefix(n, "W") {
			return v
		}
	}
	return rv.FieldByIndex(f.Index).Interface()
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + fmt.Sprintf("… (%d more characters)", len(r)-n)
}

// isNil reports whether v holds a nil pointer, map, slice, func or chan, so
// Render never calls a method on one.
func isNil(v any) bool {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan, reflect.Interface:
		return rv.IsNil()
	}
	return v == nil
}

func pngBundle(data []byte) Bundle {
	b := imageBundle(MIMEPNG, data)
	if cfg, err := png.DecodeConfig(bytes.NewReader(data)); err == nil {
		b.Metadata[MIMEPNG] = map[string]any{"width": cfg.Width, "height": cfg.Height}
	}
	return b
}

func jsonBundle(v any) Bundle {
	raw, err := json.Marshal(v)
	if err != nil {
		return textBundle(fmt.Sprintf("display: encoding JSON: %v", err))
	}
	var tree any
	if err := json.Unmarshal(raw, &tree); err != nil {
		return textBundle(fmt.Sprintf("display: decoding JSON: %v", err))
	}
	var ind bytes.Buffer
	if err := json.Indent(&ind, raw, "", "  "); err != nil {
		ind.Reset()
		ind.Write(raw)
	}
	b := textBundle(truncate(ind.String(), maxText))
	b.Data[MIMEJSON] = tree
	return b
}
