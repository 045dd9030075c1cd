package display

import (
	"bytes"
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Default size of a plot: 600×400 CSS pixels at 96 pixels per inch
// (6.25 × 4.17 inches), about the width of a notebook's output area.
const (
	DefaultWidth  = 600 * vg.Inch / 96
	DefaultHeight = 400 * vg.Inch / 96
)

// plotFormat selects how a plot is drawn.
type plotFormat int

const (
	formatPNG plotFormat = iota // raster at 2× resolution, crisp on high-dpi screens
	formatSVG                   // vector, sharp at any zoom
)

// screenDPI is the CSS pixel density; PNGs are drawn at twice it.
const screenDPI = 96

// Plot displays p as a DefaultWidth × DefaultHeight PNG.
func Plot(p *plot.Plot) { PlotSized(p, DefaultWidth, DefaultHeight) }

// PlotSized displays p as a w × h PNG drawn at 2× resolution: a 6-inch-wide
// plot is 1152 pixels wide and shown 576 CSS pixels wide.
func PlotSized(p *plot.Plot, w, h vg.Length) { showPlot(p, w, h, formatPNG) }

// PlotSVG displays p as an SVG of DefaultWidth × DefaultHeight.
func PlotSVG(p *plot.Plot) { showPlot(p, DefaultWidth, DefaultHeight, formatSVG) }

func showPlot(p *plot.Plot, w, h vg.Length, f plotFormat) {
	if p == nil {
		panic("display: nil *plot.Plot")
	}
	b, err := plotBundle(p, w, h, f)
	if err != nil {
		b = textBundle(fmt.Sprintf("display: rendering plot: %v", err))
	}
	publish(b, "", false)
}

// plotBundle draws p at size w × h in the given format.
func plotBundle(p *plot.Plot, w, h vg.Length, f plotFormat) (Bundle, error) {
	b, err := drawerBundle(p, w, h, f)
	if err == nil && p.Title.Text != "" {
		b.Data[MIMEText] = fmt.Sprintf("<plot %d×%d %q>", cssPixels(w), cssPixels(h), p.Title.Text)
	}
	return b, err
}

// drawerBundle draws d at size w × h in the given format.
func drawerBundle(d Drawer, w, h vg.Length, f plotFormat) (Bundle, error) {
	if w <= 0 || h <= 0 {
		panic(fmt.Sprintf("display: plot size %v × %v is not positive", w, h))
	}
	text := fmt.Sprintf("<plot %d×%d>", cssPixels(w), cssPixels(h))
	switch f {
	case formatSVG:
		data, err := EncodeSVG(d, w, h)
		if err != nil {
			return Bundle{}, err
		}
		b := svgBundle(data)
		b.Data[MIMEText] = text
		return b, nil
	default:
		data, err := EncodePNG(d, w, h)
		if err != nil {
			return Bundle{}, err
		}
		b := imageBundle(MIMEPNG, data)
		b.Data[MIMEText] = text
		b.Metadata[MIMEPNG] = map[string]any{"width": cssPixels(w), "height": cssPixels(h)}
		return b, nil
	}
}

// EncodePNG draws p (a *plot.Plot or any Drawer) at size w × h with 2×96 pixels per inch and returns the
// PNG encoding (fast: one filter and zlib's fastest level; plots are
// mostly flat color, and the bytes travel only as far as the browser).
func EncodePNG(p Drawer, w, h vg.Length) ([]byte, error) {
	c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(2*screenDPI))
	if err := drawPlot(p, c); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := encodePNG(&buf, c.Image()); err != nil {
		return nil, fmt.Errorf("encoding PNG: %w", err)
	}
	return buf.Bytes(), nil
}

// EncodeSVG draws p (a *plot.Plot or any Drawer) at size w × h and returns the SVG document.
func EncodeSVG(p Drawer, w, h vg.Length) ([]byte, error) {
	c := vgsvg.New(w, h)
	if err := drawPlot(p, c); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("encoding SVG: %w", err)
	}
	return buf.Bytes(), nil
}

// drawPlot draws p, turning a plotter's panic (gonum/plot panics on, e.g.,
// a log scale over non-positive data) into an error so a cell's display
// call reports it instead of killing the cell.
func drawPlot(p Drawer, c vg.CanvasSizer) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("drawing plot: %v", r)
		}
	}()
	p.Draw(draw.New(c))
	return nil
}

func cssPixels(l vg.Length) int { return int(l.Dots(screenDPI) + 0.5) }
