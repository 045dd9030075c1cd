// Package viz draws the pictures of the course with gonum/plot: contours and
// heat maps of objectives with optimizer trajectories, loss curves, spectra,
// gradient-descent regimes and one-dimensional slices.
//
// Every function returns a *plot.Plot (or a *Tiles of several) that a
// notebook shows as an image; the plot can be changed further with the
// gonum/plot API before it is shown. The package encodes no images and knows
// nothing of the kernel.
//
// Defaults aim at a readable figure at Width × Height (600×400 CSS pixels):
// one sans-serif font with the course's symbols (Font, DejaVu Sans),
// perceptually uniform colormaps from palette/moreland,
// qualitative line colors from ColorBrewer's Dark2.
//
// Legends never cover the data (PlaceLegend gives the rule, and does the
// same for plots built by hand): a free corner of the data area if there is
// one; else an axis extended on one side by the least that frees a corner
// (linearly, or in decades on a log axis; never an axis the caller fixed,
// such as LineSettings' YMin, YMax); else, and always for heat maps and
// contours, which fill the data area, beside the data on the right (above
// it on a plot too narrow for that). The place is chosen for the size the
// plot is shown at.
package viz

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/palette/brewer"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Width and Height are the size plots are laid out for: 600×400 CSS pixels
// at 96 per inch, the default display size of the kernel.
const (
	Width  = 600 * vg.Inch / 96
	Height = 400 * vg.Inch / 96
)

// Box is the rectangle [XMin, XMax] × [YMin, YMax] of the plane.
type Box struct {
	XMin, XMax, YMin, YMax float64
}

func (b Box) check() {
	if !(b.XMin < b.XMax) || !(b.YMin < b.YMax) {
		panic(fmt.Sprintf("viz: empty box %+v", b))
	}
}

// Path is a named sequence of points in the plane, such as the iterates
// θ₀, θ₁, … of an optimizer on a two-parameter objective.
type Path struct {
	Name string
	XY   plotter.XYer
}

// Series is a named sequence of values yₖ, k = 0, 1, …, such as the loss
// of one training run per step.
type Series struct {
	Name string
	Y    []float64
}

// Thetas returns the first two coordinates of each point, so a trajectory
// recorded as [][]float64 becomes a Path's XY. It panics if a point has
// fewer than two coordinates.
func Thetas(points [][]float64) plotter.XYs {
	xy := make(plotter.XYs, len(points))
	for i, p := range points {
		if len(p) < 2 {
			panic(fmt.Sprintf("viz: point %d has %d coordinates, want at least 2", i, len(p)))
		}
		xy[i].X, xy[i].Y = p[0], p[1]
	}
	return xy
}

// newPlot returns a plot with the package's fonts and the given labels.
func newPlot(title, xlabel, ylabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font = font.From(sans, 14)
	p.Title.Padding = vg.Points(6)
	p.X.Label.Text, p.Y.Label.Text = xlabel, ylabel
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = font.From(sans, 12)
		a.Tick.Label.Font = font.From(sans, 10)
		a.Tick.Marker = ticks{}
	}
	p.Legend.TextStyle.Font = font.From(sans, 11)
	p.Legend.Top = true
	return p
}

// lineColors is ColorBrewer's Dark2: eight qualitative colors dark enough to
// stand out on a light colormap.
var lineColors = mustPalette(brewer.TypeQualitative, "Dark2", 8)

func mustPalette(t brewer.PaletteType, name string, n int) []color.Color {
	p, err := brewer.GetPalette(t, name, n)
	if err != nil {
		panic("viz: " + err.Error())
	}
	return p.Colors()
}

// lineColor is the i-th line color, cycling.
func lineColor(i int) color.Color { return lineColors[i%len(lineColors)] }

// finiteXY copies the finite points of xy and reports how many were dropped:
// a diverged run carries ±Inf or NaN, which gonum/plot refuses.
func finiteXY(xy plotter.XYer) (plotter.XYs, int) {
	n := xy.Len()
	out := make(plotter.XYs, 0, n)
	for i := range n {
		x, y := xy.XY(i)
		if isFinite(x) && isFinite(y) {
			out = append(out, plotter.XY{X: x, Y: y})
		}
	}
	return out, n - len(out)
}

func isFinite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// addLine adds a line of the i-th color with a legend entry; it does nothing
// for fewer than one point.
func addLine(p *plot.Plot, xy plotter.XYs, i int, name string, width vg.Length) *plotter.Line {
	if len(xy) == 0 {
		return nil
	}
	l, err := plotter.NewLine(xy)
	if err != nil { // unreachable: xy is finite
		panic("viz: " + err.Error())
	}
	l.Color = lineColor(i)
	l.Width = width
	p.Add(l)
	if name != "" {
		p.Legend.Add(name, l)
	}
	return l
}

// hline and vline are dashed reference lines.
func refLine(p *plot.Plot, x0, y0, x1, y1 float64, c color.Color) {
	l, err := plotter.NewLine(plotter.XYs{{X: x0, Y: y0}, {X: x1, Y: y1}})
	if err != nil {
		panic("viz: " + err.Error())
	}
	l.Color = c
	l.Width = vg.Points(1)
	l.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
	p.Add(l)
}

var gray = color.Gray{Y: 0x80}

// logY puts the y axis on a log scale with powers-of-ten ticks.
func logY(p *plot.Plot) {
	p.Y.Scale = plot.LogScale{}
	p.Y.Tick.Marker = logTicks{}
}

// logTicks are gonum's powers-of-ten ticks with labels rounded to three
// digits: LogTicks{Prec: -1} prints 10⁻⁵ as 9.999999999999999e-05.
type logTicks struct{}

// Over more than eight decades only every k-th power of ten is labelled
// (k = ⌈decades/8⌉) and the minor ticks between powers are dropped, so the
// labels do not run into each other.
func (logTicks) Ticks(min, max float64) []plot.Tick {
	ts := plot.LogTicks{Prec: -1}.Ticks(min, max)
	labelled := 0
	for _, t := range ts {
		if t.Label != "" {
			labelled++
		}
	}
	every := 1
	if labelled > 8 {
		every = (labelled + 7) / 8
	}
	out := ts[:0]
	for _, t := range ts {
		if t.Label == "" {
			if every == 1 {
				out = append(out, t)
			}
			continue
		}
		if k := int(math.Round(math.Log10(t.Value))); k%every != 0 {
			t.Label = ""
		} else {
			t.Label = strconv.FormatFloat(t.Value, 'g', 3, 64)
		}
		out = append(out, t)
	}
	return out
}

// positive copies the points of ys with yₖ > 0 and finite, x = k, and
// reports how many it dropped: a log axis cannot show the others.
func positive(ys []float64) (plotter.XYs, int) {
	xy := make(plotter.XYs, 0, len(ys))
	for k, y := range ys {
		if y > 0 && isFinite(y) {
			xy = append(xy, plotter.XY{X: float64(k), Y: y})
		}
	}
	return xy, len(ys) - len(xy)
}

// drawGlyph is a Plotter that draws one glyph at a data point, only when the
// point is inside the data area (gonum's Scatter draws outside it too).
type glyphAt struct {
	x, y  float64
	style draw.GlyphStyle
}

func (g glyphAt) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	pt := vg.Point{X: tx(g.x), Y: ty(g.y)}
	if c.Contains(pt) {
		c.DrawGlyph(g.style, pt)
	}
}

func (g glyphAt) Thumbnail(c *draw.Canvas) { c.DrawGlyph(g.style, c.Center()) }

// withAlpha returns c with opacity a (0–255).
func withAlpha(c color.Color, a uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}

// dot is a small filled circle.
func dot(c color.Color) draw.GlyphStyle {
	return draw.GlyphStyle{Color: c, Radius: vg.Points(3), Shape: draw.CircleGlyph{}}
}

// ticks places five to nine labelled ticks at steps of 1, 2, 2.5 or 5 × 10ᵏ,
// with an unlabelled tick halfway between; gonum's DefaultTicks aims at three,
// too few to read a position off a contour plot.
type ticks struct{}

func (ticks) Ticks(lo, hi float64) []plot.Tick {
	if !(hi > lo) || !isFinite(hi-lo) {
		return plot.DefaultTicks{}.Ticks(lo, hi)
	}
	raw := (hi - lo) / 8
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	decimals := max(0, -int(math.Floor(math.Log10(step)+1e-9)))
	if m := step / math.Pow(10, math.Floor(math.Log10(step)+1e-9)); math.Abs(m-2.5) < 1e-9 {
		decimals++
	}
	format := func(v float64) string {
		if v == 0 {
			return "0"
		}
		if a := math.Abs(v); a >= 1e6 || a < 1e-4 {
			return strconv.FormatFloat(v, 'g', 3, 64)
		}
		return strconv.FormatFloat(v, 'f', decimals, 64)
	}
	var ts []plot.Tick
	half := step / 2
	first := math.Ceil(lo/half) * half
	for i := 0; ; i++ {
		v := first + float64(i)*half
		if v > hi+half*1e-9 {
			break
		}
		if k := math.Round(v / step); math.Abs(v-k*step) < half*1e-6 {
			v = k * step
			ts = append(ts, plot.Tick{Value: v, Label: format(v)})
		} else {
			ts = append(ts, plot.Tick{Value: v})
		}
	}
	return ts
}
