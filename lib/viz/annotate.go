package viz

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Note adds a line of text below the plot, under the x axis label: where a
// plot says what it left out (values a log axis cannot show, a diverged
// run) without lengthening the title, which gonum/plot does not wrap.
func Note(p *plot.Plot, note string) {
	if note == "" {
		return
	}
	if p.X.Label.Text == "" {
		p.X.Label.Text = note
	} else {
		p.X.Label.Text += "\n" + note
	}
	p.X.Label.TextStyle.XAlign = draw.XCenter
}

// colorBar draws the key of a heat map or of coloured contour levels in a
// margin it reserves on the right of the data area: a vertical strip of the
// colours from the lowest level (bottom) to the highest, labelled with
// level values. For a filled map the colours vary continuously with the
// rank of the value among the levels; for contour lines each level is a
// band of its colour.
type colorBar struct {
	levels []float64
	colors []color.Color // one per level (lines) or a ramp (filled)
	filled bool
	label  string
	// legendAbove leaves the top of the margin to the legend, unless the
	// legend is placed above the data area.
	legendAbove bool
}

const barWidth, barGap = 10, 8 // points

func (b colorBar) style() text.Style {
	return text.Style{Color: color.Black, Font: font.From(sans, 9), Handler: plot.DefaultTextHandler}
}

// labels returns up to six level values to print and their positions in
// [0, 1] along the bar.
func (b colorBar) labels() ([]string, []float64) {
	n := len(b.levels)
	k := min(n, 6)
	out, pos := make([]string, 0, k), make([]float64, 0, k)
	for j := range k {
		i := 0
		if k > 1 {
			i = int(math.Round(float64(j) * float64(n-1) / float64(k-1)))
		}
		out = append(out, strconv.FormatFloat(b.levels[i], 'g', 3, 64))
		if b.filled {
			pos = append(pos, float64(i)/math.Max(1, float64(n-1)))
		} else {
			pos = append(pos, (float64(i)+0.5)/float64(n))
		}
	}
	return out, pos
}

func (b colorBar) width() vg.Length {
	sty := b.style()
	w := vg.Length(0)
	labels, _ := b.labels()
	for _, s := range labels {
		w = max(w, sty.Width(s))
	}
	if b.label != "" {
		w = max(w, sty.Width(b.label)-vg.Points(barWidth))
	}
	return vg.Points(barGap+barWidth+4) + w
}

// GlyphBoxes reserves the bar's margin to the right of the data.
func (b colorBar) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	return []plot.GlyphBox{{X: 1, Y: 0.5, Rectangle: vg.Rectangle{Max: vg.Point{X: b.width()}}}}
}

func (b colorBar) Plot(c draw.Canvas, p *plot.Plot) {
	if len(b.levels) == 0 || len(b.colors) == 0 {
		return
	}
	x0 := c.Max.X + vg.Points(barGap)
	x1 := x0 + vg.Points(barWidth)
	top := c.Max.Y
	if l := placerOf(p); b.legendAbove && (l == nil || l.where != above) {
		top -= legendSize(p).Y + vg.Points(barGap)
	}
	if b.label != "" {
		top -= b.style().Height(b.label) + vg.Points(2)
	}
	h := top - c.Min.Y
	n := len(b.colors)
	for i, col := range b.colors {
		y0 := c.Min.Y + h*vg.Length(i)/vg.Length(n)
		y1 := c.Min.Y + h*vg.Length(i+1)/vg.Length(n)
		r := vg.Rectangle{Min: vg.Point{X: x0, Y: y0}, Max: vg.Point{X: x1, Y: y1 + 0.3}}
		c.SetColor(col)
		c.Fill(r.Path())
	}
	c.SetLineStyle(draw.LineStyle{Color: color.Gray{Y: 0x60}, Width: vg.Points(0.5)})
	frame := vg.Rectangle{Min: vg.Point{X: x0, Y: c.Min.Y}, Max: vg.Point{X: x1, Y: top}}
	c.Stroke(frame.Path())
	sty := b.style()
	sty.YAlign = draw.YCenter
	labels, pos := b.labels()
	for i, s := range labels {
		c.FillText(sty, vg.Point{X: x1 + vg.Points(3), Y: c.Min.Y + h*vg.Length(pos[i])}, s)
	}
	if b.label != "" {
		ls := b.style()
		ls.YAlign = draw.YBottom
		c.FillText(ls, vg.Point{X: x0, Y: top + vg.Points(2)}, b.label)
	}
}

// LogY puts p's y axis on a log scale for a plot built by hand, dropping
// the points with y ≤ 0 (or not finite) from the given lines and scatters
// (*plotter.Line, *plotter.Scatter) and saying how many below the plot,
// where gonum/plot's own log scale would fail to draw at all. Call it after
// adding the data; other plotters are left as they are.
func LogY(p *plot.Plot, data ...plot.Plotter) { logAxis(p, &p.Y, false, data) }

// LogX is LogY for the x axis.
func LogX(p *plot.Plot, data ...plot.Plotter) { logAxis(p, &p.X, true, data) }

func logAxis(p *plot.Plot, a *plot.Axis, isX bool, data []plot.Plotter) {
	dropped := 0
	lo, hi := math.Inf(1), math.Inf(-1)
	keep := func(xys plotter.XYs) plotter.XYs {
		out := xys[:0:0]
		for _, pt := range xys {
			v := pt.Y
			if isX {
				v = pt.X
			}
			if v > 0 && isFinite(v) && isFinite(pt.X) && isFinite(pt.Y) {
				out = append(out, pt)
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			} else {
				dropped++
			}
		}
		return out
	}
	for _, d := range data {
		switch d := d.(type) {
		case *plotter.Line:
			d.XYs = keep(d.XYs)
		case *plotter.Scatter:
			d.XYs = keep(d.XYs)
		}
	}
	if lo <= hi {
		if !(a.Min > 0) || a.Min > lo {
			a.Min = lo
		}
		if a.Max < hi || !(a.Max > 0) {
			a.Max = hi
		}
	} else if !(a.Min > 0 && a.Max > a.Min) {
		a.Min, a.Max = 1, 10 // nothing drawable: a valid range for the scale
	}
	a.Scale = plot.LogScale{}
	a.Tick.Marker = logTicks{}
	if dropped > 0 {
		Note(p, fmt.Sprintf("%d points ≤ 0 or not finite, not shown on the log axis", dropped))
	}
}
