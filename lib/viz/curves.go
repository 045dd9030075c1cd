package viz

import (
	"fmt"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// LossSettings adjusts Losses. The zero value, or nil, means: log y axis,
// x labelled "step", y labelled "loss", no title.
type LossSettings struct {
	LinearY bool // a linear y axis instead of a log one
	Title   string
	XLabel  string // default "step"
	YLabel  string // default "loss"
}

// Loss draws one loss curve Jₖ against the step k on a log y axis; see Losses.
func Loss(losses []float64) *plot.Plot {
	return Losses(nil, Series{Y: losses})
}

// Losses draws several runs' loss curves Jₖ against k, one color each, named
// in the legend. On the default log axis, values that are zero, negative or
// not finite cannot be drawn: they are dropped and a note below the plot
// says how many ("3 values ≤ 0 or not finite, not shown"), instead of the
// panic gonum/plot's log scale gives. Non-finite values are dropped on a linear axis too.
// Curves longer than 8000 steps are drawn through the first, lowest, highest
// and last point of each of 2000 runs of steps, which keeps their envelope.
func Losses(s *LossSettings, runs ...Series) *plot.Plot {
	var set LossSettings
	if s != nil {
		set = *s
	}
	if set.XLabel == "" {
		set.XLabel = "step"
	}
	if set.YLabel == "" {
		set.YLabel = "loss"
	}
	p := newPlot(set.Title, set.XLabel, set.YLabel)
	dropped := 0
	var lines []plotter.XYs
	for i, r := range runs {
		var xy plotter.XYs
		var d int
		if set.LinearY {
			xy, d = finiteSeries(r.Y)
		} else {
			xy, d = positive(r.Y)
		}
		dropped += d
		xy = decimate(xy)
		lines = append(lines, xy)
		addLine(p, xy, i, r.Name, vg.Points(1.5))
	}
	if !set.LinearY {
		logY(p)
		if p.Y.Min > p.Y.Max { // nothing drawable: a valid range for the log scale
			p.Y.Min, p.Y.Max = 1, 10
		}
	}
	if dropped > 0 {
		note := fmt.Sprintf("%d values not finite, not shown", dropped)
		if !set.LinearY {
			note = fmt.Sprintf("%d values ≤ 0 or not finite, not shown", dropped)
		}
		Note(p, note)
	}
	p.Add(plotter.NewGrid())
	attachPlacer(p, &legendPlacer{lines: lines})
	return p
}

func finiteSeries(ys []float64) (plotter.XYs, int) {
	xy := make(plotter.XYs, 0, len(ys))
	for k, y := range ys {
		if isFinite(y) {
			xy = append(xy, plotter.XY{X: float64(k), Y: y})
		}
	}
	return xy, len(ys) - len(xy)
}

// maxStems is the most eigenvalues Spectrum draws as stems; more are dots.
const maxStems = 64

// Spectrum draws eigenvalues λ₁ ≥ λ₂ ≥ … ≥ λₙ (sorted, descending) as stems
// from 0 against their index i = 1 … n, with a line at λ = 0 so the signs,
// and with them definiteness, can be read off; beyond 64 values, small dots
// without stems. Non-finite values are
// dropped. The input is not modified.
func Spectrum(eigenvalues []float64) *plot.Plot {
	vals := make([]float64, 0, len(eigenvalues))
	for _, v := range eigenvalues {
		if isFinite(v) {
			vals = append(vals, v)
		}
	}
	slices.Sort(vals)
	slices.Reverse(vals)
	p := newPlot("", "index i", "λᵢ")
	c := lineColor(0)
	pts := make(plotter.XYs, len(vals))
	stems := len(vals) <= maxStems
	for i, v := range vals {
		pts[i] = plotter.XY{X: float64(i + 1), Y: v}
		if !stems {
			continue
		}
		stem, err := plotter.NewLine(plotter.XYs{{X: float64(i + 1)}, {X: float64(i + 1), Y: v}})
		if err != nil {
			panic("viz: " + err.Error())
		}
		stem.Color = c
		stem.Width = vg.Points(1)
		p.Add(stem)
	}
	if len(vals) > 0 {
		sc, err := plotter.NewScatter(pts)
		if err != nil {
			panic("viz: " + err.Error())
		}
		sc.GlyphStyle = dot(c)
		if !stems {
			sc.GlyphStyle.Radius = vg.Points(1.5)
		}
		p.Add(sc)
		refLine(p, 0.5, 0, float64(len(vals))+0.5, 0, gray)
	}
	p.X.Min = 0.5
	p.X.Max = float64(len(vals)) + 0.5
	p.Add(plotter.NewGrid())
	return p
}

// SpectralDensity draws an estimated density of eigenvalues φ(λ) as a line
// through the points (λₖ, φₖ), such as a stochastic Lanczos quadrature
// estimate on a grid of λ. It panics if the slices differ in length.
func SpectralDensity(lambda, density []float64) *plot.Plot {
	if len(lambda) != len(density) {
		panic(fmt.Sprintf("viz: %d abscissae but %d densities", len(lambda), len(density)))
	}
	p := newPlot("", "λ", "density")
	xy := make(plotter.XYs, 0, len(lambda))
	for k := range lambda {
		if isFinite(lambda[k]) && isFinite(density[k]) {
			xy = append(xy, plotter.XY{X: lambda[k], Y: density[k]})
		}
	}
	if l := addLine(p, xy, 0, "", vg.Points(1.5)); l != nil {
		l.FillColor = withAlpha(l.Color, 60)
	}
	p.Add(plotter.NewGrid())
	return p
}

// maxBuckets bounds the points drawn per line: 2000 buckets of up to four
// points is more than the pixels across a plot at 2×.
const maxBuckets = 2000

// decimate keeps, of each of maxBuckets runs of consecutive points, the
// first, the lowest, the highest and the last, so a curve of a million steps
// draws in milliseconds and looks the same: its envelope is kept.
// Hand-written because gonum/plot strokes every point it is given.
func decimate(xy plotter.XYs) plotter.XYs {
	if len(xy) <= 4*maxBuckets {
		return xy
	}
	out := make(plotter.XYs, 0, 4*maxBuckets)
	size := (len(xy) + maxBuckets - 1) / maxBuckets
	for start := 0; start < len(xy); start += size {
		b := xy[start:min(start+size, len(xy))]
		lo, hi := 0, 0
		for i, p := range b {
			if p.Y < b[lo].Y {
				lo = i
			}
			if p.Y > b[hi].Y {
				hi = i
			}
		}
		out = append(out, b[0])
		for _, i := range []int{min(lo, hi), max(lo, hi)} {
			if i != 0 && i != len(b)-1 && out[len(out)-1] != b[i] {
				out = append(out, b[i])
			}
		}
		if len(b) > 1 {
			out = append(out, b[len(b)-1])
		}
	}
	return out
}
