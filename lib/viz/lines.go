package viz

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// LineSettings adjusts Lines. The zero value, or nil, means: linear axes
// fitted to the data, no title, no labels.
type LineSettings struct {
	Title, XLabel, YLabel string
	LogX, LogY            bool // logarithmic axes; points with x ≤ 0 (y ≤ 0) are dropped
	// XMin, XMax (YMin, YMax) fix an axis when XMin < XMax (YMin < YMax);
	// otherwise the axis fits the data.
	XMin, XMax, YMin, YMax float64
}

// Marks says how a Curve is drawn.
type Marks int

const (
	LineOnly   Marks = iota // a line through the points
	LinePoints              // a line with a dot at every point
	PointsOnly              // dots, no line
)

// Curve is one named curve of Lines: the points XY, or, when F is set, the
// function y = F(x) sampled across the x axis.
type Curve struct {
	Name  string
	XY    plotter.XYs
	F     func(x float64) float64
	Marks Marks
}

// dashes are the line patterns Lines cycles through with the colors, so that
// curves stay apart in print and for readers who do not see color.
var dashes = [][]vg.Length{nil, {vg.Points(6), vg.Points(3)}, {vg.Points(2), vg.Points(2)}, {vg.Points(8), vg.Points(2), vg.Points(2), vg.Points(2)}}

// Lines draws curves y against x in the package's style: the i-th curve in
// the i-th color and dash pattern, named in the legend, over a grid. It is
// for the pictures Losses, Spectrum and the contour plots do not cover
// (a slope against x, a count against κ, a variance against S), so a lesson
// states what it draws rather than how. Points that are not finite, or not
// positive on a log axis, are dropped.
func Lines(s *LineSettings, curves ...Curve) *plot.Plot {
	var set LineSettings
	if s != nil {
		set = *s
	}
	p := newPlot(set.Title, set.XLabel, set.YLabel)
	place := &legendPlacer{fixX: set.XMin < set.XMax, fixY: set.YMin < set.YMax}
	for i, c := range curves {
		if c.F != nil {
			f := plotter.NewFunction(c.F)
			f.Color, f.Width, f.Dashes = lineColor(i), vg.Points(1.5), dashes[i%len(dashes)]
			p.Add(f)
			place.from = append(place.from, f)
			if c.Name != "" {
				p.Legend.Add(c.Name, f)
			}
			continue
		}
		xy, _ := finiteXY(c.XY)
		kept := xy[:0]
		for _, pt := range xy {
			if (!set.LogX || pt.X > 0) && (!set.LogY || pt.Y > 0) {
				kept = append(kept, pt)
			}
		}
		if len(kept) == 0 {
			continue
		}
		if c.Marks == PointsOnly {
			place.pts = append(place.pts, kept...)
		} else {
			place.lines = append(place.lines, kept)
		}
		var legend plot.Thumbnailer
		if c.Marks != PointsOnly {
			l := addLine(p, kept, i, "", vg.Points(1.5))
			l.Dashes = dashes[i%len(dashes)]
			legend = l
		}
		if c.Marks != LineOnly {
			sc, err := plotter.NewScatter(kept)
			if err != nil { // unreachable: kept is finite and not empty
				panic("viz: " + err.Error())
			}
			sc.GlyphStyle = dot(lineColor(i))
			p.Add(sc)
			if legend == nil {
				legend = sc
			}
		}
		if c.Name != "" {
			p.Legend.Add(c.Name, legend)
		}
	}
	if set.LogX {
		p.X.Scale, p.X.Tick.Marker = plot.LogScale{}, plot.LogTicks{}
	}
	if set.LogY {
		logY(p)
	}
	// An axis with nothing on it gets a range a log scale accepts.
	if p.X.Min > p.X.Max {
		p.X.Min, p.X.Max = 1, 10
	}
	if p.Y.Min > p.Y.Max {
		p.Y.Min, p.Y.Max = 1, 10
	}
	if set.XMin < set.XMax {
		p.X.Min, p.X.Max = set.XMin, set.XMax
	}
	if set.YMin < set.YMax {
		p.Y.Min, p.Y.Max = set.YMin, set.YMax
	}
	p.Add(plotter.NewGrid())
	attachPlacer(p, place)
	return p
}
