package display

import (
	"bytes"
	"fmt"
	"image"

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

// PlotFormat is how a plot is encoded for the notebook.
type PlotFormat int

const (
	// AutoFormat encodes the plot both ways and keeps the smaller: SVG for
	// most line plots and contours, PNG where the vector form is bigger
	// (dense scatters, many thousands of segments). The plot is drawn
	// twice, so a plotter's Plot method runs twice per display.
	AutoFormat PlotFormat = iota
	PNGFormat             // raster at Scale pixels per CSS pixel
	SVGFormat             // vector, sharp at any zoom
)

// PlotSettings say how a plot is drawn when a cell shows it without a size
// of its own: display.Plot, display.Show and a *plot.Plot as a cell's last
// value. The zero value is the default: 600×400 CSS pixels, the smaller of
// SVG and a PNG at 2 pixels per CSS pixel (crisp on high-density screens).
type PlotSettings struct {
	Width, Height vg.Length  // size on the page; zero means DefaultWidth × DefaultHeight
	Scale         float64    // PNG pixels per CSS pixel (1 is 96 dpi); zero means 2
	Format        PlotFormat // AutoFormat, PNGFormat or SVGFormat
}

var plotSettings PlotSettings

// SetPlotDefaults sets how later plots are drawn and returns the previous
// settings; for lighter notebooks, e.g.
//
//	display.SetPlotDefaults(display.PlotSettings{Scale: 1})
//
// It panics on a negative or NaN size or scale, or an unknown format.
func SetPlotDefaults(s PlotSettings) PlotSettings {
	if !(s.Width >= 0 && s.Height >= 0 && s.Scale >= 0) || s.Format < AutoFormat || s.Format > SVGFormat {
		panic(fmt.Sprintf("display: SetPlotDefaults: invalid settings %+v", s))
	}
	old := plotSettings
	plotSettings = s
	return old
}

// PlotDefaults returns the current plot settings.
func PlotDefaults() PlotSettings { return plotSettings }

func (s PlotSettings) size() (w, h vg.Length) {
	w, h = s.Width, s.Height
	if w == 0 {
		w = DefaultWidth
	}
	if h == 0 {
		h = DefaultHeight
	}
	return w, h
}

func (s PlotSettings) dpi() float64 {
	if s.Scale == 0 {
		return 2 * screenDPI
	}
	return s.Scale * screenDPI
}

// screenDPI is the CSS pixel density.
const screenDPI = 96

// Plot displays p at the default size in the default format
// (SetPlotDefaults).
func Plot(p *plot.Plot) {
	w, h := plotSettings.size()
	showPlot(p, w, h, plotSettings.Format)
}

// PlotSized displays p at w × h in the default format; a PNG is drawn at
// the default scale (2×: a 6-inch-wide plot is 1152 pixels wide and shown
// 576 CSS pixels wide).
func PlotSized(p *plot.Plot, w, h vg.Length) { showPlot(p, w, h, plotSettings.Format) }

// PlotSVG displays p as an SVG at the default size.
func PlotSVG(p *plot.Plot) {
	w, h := plotSettings.size()
	showPlot(p, w, h, SVGFormat)
}

func showPlot(p *plot.Plot, w, h vg.Length, f PlotFormat) {
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
func plotBundle(p *plot.Plot, w, h vg.Length, f PlotFormat) (Bundle, error) {
	b, err := drawerBundle(p, w, h, f)
	if err == nil && p.Title.Text != "" {
		b.Data[MIMEText] = fmt.Sprintf("<plot %d×%d %q>", cssPixels(w), cssPixels(h), p.Title.Text)
	}
	return b, err
}

// drawerBundle draws d at size w × h in the given format.
func drawerBundle(d Drawer, w, h vg.Length, f PlotFormat) (Bundle, error) {
	if w <= 0 || h <= 0 {
		panic(fmt.Sprintf("display: plot size %v × %v is not positive", w, h))
	}
	text := fmt.Sprintf("<plot %d×%d>", cssPixels(w), cssPixels(h))
	var svg, pngData []byte
	var err error
	if f != PNGFormat {
		if svg, err = EncodeSVG(d, w, h); err != nil {
			return Bundle{}, err
		}
	}
	if f != SVGFormat {
		img, err := rasterize(d, w, h, plotSettings.dpi())
		if err != nil {
			return Bundle{}, err
		}
		// Only a PNG that is shown is worth zlib's best level: in
		// AutoFormat one that loses to the SVG at the default level is not
		// written again (a redraw of a line plot stays quick).
		plan := planPNG(img)
		best := f == PNGFormat
		for {
			var buf bytes.Buffer
			if err := plan.write(&buf, best); err != nil {
				return Bundle{}, fmt.Errorf("encoding PNG: %w", err)
			}
			pngData = buf.Bytes()
			if best || !plan.few || svg != nil && len(svg) <= len(pngData) {
				break
			}
			best = true
		}
	}
	if svg != nil && (pngData == nil || len(svg) <= len(pngData)) {
		b := svgBundle(svg)
		b.Data[MIMEText] = text
		b.Metadata[MIMESVG] = map[string]any{"width": cssPixels(w), "height": cssPixels(h)}
		return b, nil
	}
	b := imageBundle(MIMEPNG, pngData)
	b.Data[MIMEText] = text
	b.Metadata[MIMEPNG] = map[string]any{"width": cssPixels(w), "height": cssPixels(h)}
	return b, nil
}

// EncodePNG draws p (a *plot.Plot or any Drawer) at size w × h at the
// default scale (2×96 pixels per inch unless SetPlotDefaults changed it)
// and returns the PNG encoding. The drawing puts text and round marks on
// whole pixels and rounds a line plot's antialiased edges to twelfths of
// coverage (rasterize: nothing moves by more than half a pixel). The
// encoding is a palette image of the drawing's colours where it has at
// most 256, else of 256 or fewer fitted to it where that keeps the picture
// the same to the eye (a mean redmean distance of at most 3, about a fifth
// of a just noticeable difference, and at most 2 % of the pixels further
// than one), else RGB with each sample within 2 (or 1) of its value where
// that keeps the same mean, else exact RGB.
func EncodePNG(p Drawer, w, h vg.Length) ([]byte, error) {
	img, err := rasterize(p, w, h, plotSettings.dpi())
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := encodePNG(&buf, img); err != nil {
		return nil, fmt.Errorf("encoding PNG: %w", err)
	}
	return buf.Bytes(), nil
}

// rasterize draws p at w × h at dpi pixels per inch as a PNG shows it:
// each glyph of unrotated text and each round mark with its origin on a
// whole pixel (pixelText), and, for a line plot, antialiased edges over the
// background at edgeLevels steps of coverage (snapEdges). A PNG of the
// drawing is then smaller, and no edge in it moves by more than half a
// pixel.
func rasterize(p Drawer, w, h vg.Length, dpi float64) (image.Image, error) {
	c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(int(dpi+0.5)))
	if err := drawPlot(p, &pixelText{Canvas: c}); err != nil {
		return nil, err
	}
	img := c.Image()
	if m, ok := img.(*image.RGBA); ok {
		snapEdges(m)
	}
	return img, nil
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
// call reports it instead of killing the cell. A *plot.Plot is first
// fitted to c's size (fitSize); one with a log axis over values ≤ 0 is
// drawn as logSafe makes it.
func drawPlot(d Drawer, c vg.CanvasSizer) (err error) {
	advice := ""
	if p, ok := d.(*plot.Plot); ok && p != nil {
		w, h := c.Size()
		fitSize(p, w, h)
		if d, err = logSafe(p); err != nil {
			return fmt.Errorf("drawing plot: %w", err)
		}
		if isLog(p.X.Scale) || isLog(p.Y.Scale) {
			advice = "; " + logAdvice
		}
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("drawing plot: %v%s", r, advice)
		}
	}()
	d.Draw(draw.New(c))
	return nil
}

func cssPixels(l vg.Length) int { return int(l.Dots(screenDPI) + 0.5) }

// sizeFitter is a plotter that prepares its plot for the size it is about
// to be drawn at (w × h, the whole plot): lib/viz's legend placer, which
// makes room for the legend off the data at that size.
type sizeFitter interface {
	FitSize(p *plot.Plot, w, h vg.Length)
}

// fitSize tells each of p's plotters that is a sizeFitter the size p is
// about to be drawn at.
func fitSize(p *plot.Plot, w, h vg.Length) {
	list := plottersOf(p)
	if list == nil {
		return
	}
	for _, d := range *list {
		if f, ok := d.(sizeFitter); ok {
			f.FitSize(p, w, h)
		}
	}
}
