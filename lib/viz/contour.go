package viz

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"sort"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"

	"github.com/gocurve/gocurve/lib/interrupt"
)

// Grid holds f(x, y) sampled at n×n points evenly spaced over a box,
// corners included: xᵢ = XMin + i·(XMax−XMin)/(n−1), likewise yⱼ.
// It implements plotter.GridXYZ, so it feeds plotter.NewHeatMap directly
// (and plotter.NewContour, though gonum/plot v0.17's contour tracer can
// exhaust memory on smooth quadratics; Contour draws its own isolines).
type Grid struct {
	box      Box
	n        int
	z        []float64 // z[j*n+i] = f(xᵢ, yⱼ)
	min, max float64   // over the finite values
}

// NewGrid samples f, a function of θ = (x, y), on an n×n grid over b.
// Non-finite values are stored as NaN, which the plotters leave blank. If an
// interrupt is requested (lib/interrupt), the rows not yet computed are NaN.
// NewGrid panics if n < 2 or b is empty.
func NewGrid(f func(theta []float64) float64, b Box, n int) *Grid {
	b.check()
	if n < 2 {
		panic(fmt.Sprintf("viz: grid size %d < 2", n))
	}
	g := &Grid{box: b, n: n, z: make([]float64, n*n), min: math.Inf(1), max: math.Inf(-1)}
	theta := make([]float64, 2)
	for j := range n {
		if interrupt.Err() != nil {
			for k := j * n; k < len(g.z); k++ {
				g.z[k] = math.NaN()
			}
			break
		}
		for i := range n {
			theta[0], theta[1] = g.X(i), g.Y(j)
			v := f(theta)
			if !isFinite(v) {
				v = math.NaN()
			} else {
				g.min, g.max = math.Min(g.min, v), math.Max(g.max, v)
			}
			g.z[j*n+i] = v
		}
	}
	return g
}

// Dims returns the number of columns and rows, both n.
func (g *Grid) Dims() (c, r int) { return g.n, g.n }

// Z returns f(X(c), Y(r)), or NaN where f was not finite.
func (g *Grid) Z(c, r int) float64 { return g.z[r*g.n+c] }

// X returns the c-th grid abscissa.
func (g *Grid) X(c int) float64 {
	return g.box.XMin + float64(c)*(g.box.XMax-g.box.XMin)/float64(g.n-1)
}

// Y returns the r-th grid ordinate.
func (g *Grid) Y(r int) float64 {
	return g.box.YMin + float64(r)*(g.box.YMax-g.box.YMin)/float64(g.n-1)
}

// Min returns the least finite value of the grid (+Inf if none).
func (g *Grid) Min() float64 { return g.min }

// Max returns the greatest finite value of the grid (−Inf if none).
func (g *Grid) Max() float64 { return g.max }

// Spacing says how contour levels are placed between the least and greatest
// value of a grid.
type Spacing int

const (
	// Quantile places level i at the (i+½)/L quantile of the grid values, so
	// each band between levels covers the same area: detail everywhere,
	// whatever the function's range.
	Quantile Spacing = iota
	// Linear places levels evenly: zₗ = min + (l+½)(max−min)/L.
	Linear
	// Log places levels at geometrically growing heights above the minimum,
	// zₗ = min + (max−min)·10^(−3(1−l/(L−1))): for valleys such as Rosenbrock's.
	Log
)

// ContourSettings adjusts Contour and Heatmap. The zero value, or nil,
// means: a 100×100 grid, 16 quantile-spaced levels, free axes, labels θ₁, θ₂,
// a colour bar.
type ContourSettings struct {
	N         int       // grid points per side; default 100
	Levels    int       // number of levels; default 16
	Values    []float64 // explicit level heights; overrides Levels and Spacing
	Spacing   Spacing   // how Levels are placed; default Quantile
	Filled    bool      // draw a heat map under white contour lines
	EqualAxes bool      // one unit is as long on both axes (at Width × Height)
	// A colour bar right of the data maps colours to values: the heat
	// map's ramp, or each contour line's colour. NoColorBar leaves it out;
	// BarLabel names the value above it (default none).
	NoColorBar bool
	BarLabel   string
	Title      string
	XLabel     string // default "θ₁"
	YLabel     string // default "θ₂"
}

func (s *ContourSettings) orDefault() ContourSettings {
	var v ContourSettings
	if s != nil {
		v = *s
	}
	if v.N == 0 {
		v.N = 100
	}
	if v.Levels == 0 {
		v.Levels = 16
	}
	if v.XLabel == "" {
		v.XLabel = "θ₁"
	}
	if v.YLabel == "" {
		v.YLabel = "θ₂"
	}
	return v
}

// Contour draws the level sets {θ : f(θ) = zₗ} of f over the box b, and the
// given paths on top of them (see AddPaths). Lines are colored from dark
// (low) to light (high) with moreland's Kindlmann map, which is perceptually
// uniform. Axes are fixed to b: a path that leaves the box is cut at its edge.
func Contour(f func(theta []float64) float64, b Box, s *ContourSettings, paths ...Path) *plot.Plot {
	set := s.orDefault()
	g := NewGrid(f, b, set.N)
	p := newPlot(set.Title, set.XLabel, set.YLabel)
	levels := slices.Sorted(slices.Values(set.Values))
	if len(levels) == 0 {
		levels = Levels(g, set.Levels, set.Spacing)
	}
	var bar *colorBar
	if set.Filled && len(levels) > 0 {
		pal := heatPalette()
		hm := plotter.NewHeatMap(rankGrid{g, levels}, pal)
		hm.NaN = color.Transparent
		hm.Rasterized = true
		p.Add(noGlyphs{hm})
		bar = &colorBar{levels: levels, colors: pal.Colors(), filled: true, label: set.BarLabel}
	}
	if len(levels) > 0 && g.min <= g.max {
		iso := &isolines{g: g, levels: levels, width: vg.Points(1)}
		if set.Filled {
			iso.colors = []color.Color{color.NRGBA{R: 255, G: 255, B: 255, A: 140}}
			iso.width = vg.Points(0.6)
		} else {
			iso.colors = levelColors(len(levels))
			bar = &colorBar{levels: levels, colors: iso.colors, label: set.BarLabel}
		}
		p.Add(iso)
	}
	if bar != nil && !set.NoColorBar {
		bar.legendAbove = len(paths) > 0
		p.Add(*bar)
	}
	setRange(p, b)
	AddPaths(p, paths...)
	if len(paths) > 0 {
		// The map fills the data area: the legend goes right of it,
		// above the colour bar.
		l := &legendPlacer{area: true}
		if bar != nil && !set.NoColorBar {
			l.bar = bar
		}
		attachPlacer(p, l)
	}
	if set.EqualAxes {
		EqualAxes(p, Width, Height)
	}
	return p
}

// Heatmap draws f over the box b as colors (moreland's Kindlmann map, dark
// purple through blue and green to yellow; colors follow the level spacing) with white
// contour lines, and the paths on top; it is Contour with Filled set.
func Heatmap(f func(theta []float64) float64, b Box, s *ContourSettings, paths ...Path) *plot.Plot {
	set := s.orDefault()
	set.Filled = true
	return Contour(f, b, &set, paths...)
}

// Levels returns n contour heights for the finite values of g, placed as
// spacing says. It returns nil if g has no finite value.
func Levels(g plotter.GridXYZ, n int, spacing Spacing) []float64 {
	if n < 1 {
		panic(fmt.Sprintf("viz: %d contour levels", n))
	}
	c, r := g.Dims()
	vals := make([]float64, 0, c*r)
	for i := range c {
		for j := range r {
			if v := g.Z(i, j); isFinite(v) {
				vals = append(vals, v)
			}
		}
	}
	if len(vals) == 0 {
		return nil
	}
	lo, hi := slices.Min(vals), slices.Max(vals)
	levels := make([]float64, n)
	switch spacing {
	case Linear:
		for l := range levels {
			levels[l] = lo + (float64(l)+0.5)*(hi-lo)/float64(n)
		}
	case Log:
		for l := range levels {
			e := -3.0
			if n > 1 {
				e = -3 * (1 - float64(l)/float64(n-1))
			}
			levels[l] = lo + (hi-lo)*math.Pow(10, e)
		}
	default:
		sort.Float64s(vals)
		for l := range levels {
			levels[l] = vals[int((float64(l)+0.5)/float64(n)*float64(len(vals)-1)+0.5)]
		}
	}
	levels = slices.Compact(levels)
	return levels
}

// rankGrid maps a grid's values to their rank among the levels, in [0, 1],
// interpolating linearly between levels, so a heat map's colors follow the
// same spacing as the contour lines.
type rankGrid struct {
	*Grid
	levels []float64
}

func (g rankGrid) Z(c, r int) float64 {
	z := g.Grid.Z(c, r)
	if math.IsNaN(z) {
		return z
	}
	return rank(g.levels, z)
}

func (g rankGrid) Min() float64 { return 0 }
func (g rankGrid) Max() float64 { return 1 }

// rank is the position of z among the sorted levels, in [0, 1], linear
// between neighbouring levels and clamped outside them.
func rank(levels []float64, z float64) float64 {
	if len(levels) < 2 {
		return 0.5
	}
	i := sort.SearchFloat64s(levels, z)
	switch {
	case i == 0:
		return 0
	case i >= len(levels):
		return 1
	}
	frac := (z - levels[i-1]) / (levels[i] - levels[i-1])
	return (float64(i-1) + frac) / float64(len(levels)-1)
}

// levelColors colors the l-th of n levels Kindlmann(0.1 + 0.75·l/(n−1)):
// dark for low levels, light for high, by rank rather than height so that
// quantile and log levels still span the colormap.
func levelColors(n int) []color.Color {
	cmap := moreland.Kindlmann()
	cmap.SetMin(0)
	cmap.SetMax(1)
	cols := make([]color.Color, n)
	for l := range cols {
		r := 0.5
		if n > 1 {
			r = float64(l) / float64(n-1)
		}
		c, err := cmap.At(0.1 + 0.75*r)
		if err != nil {
			panic("viz: " + err.Error())
		}
		cols[l] = c
	}
	return cols
}

// heatPalette is Kindlmann's map without its darkest and lightest tenth, so
// paths stay visible at both ends.
func heatPalette() palette.Palette {
	cmap := moreland.Kindlmann()
	cmap.SetMin(0)
	cmap.SetMax(1)
	cols := make([]color.Color, 256)
	for k := range cols {
		c, err := cmap.At(0.12 + 0.8*float64(k)/255)
		if err != nil {
			panic("viz: " + err.Error())
		}
		cols[k] = c
	}
	return plte(cols)
}

type plte []color.Color

func (p plte) Colors() []color.Color { return p }

// setRange fixes the axes to b.
func setRange(p *plot.Plot, b Box) {
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = b.XMin, b.XMax, b.YMin, b.YMax
}

// AddPaths draws each path as a line of its own color (ColorBrewer Dark2,
// in order), with an open circle at its first point and a filled one at its
// last, and names it in the legend. Non-finite points (a diverged run) are
// dropped and the name is marked "(diverged)". The axis ranges the plot had
// are kept, so a path that runs off is cut at the edge instead of
// shrinking the picture; a plot with no range yet takes the paths' range.
func AddPaths(p *plot.Plot, paths ...Path) {
	xmin, xmax, ymin, ymax := p.X.Min, p.X.Max, p.Y.Min, p.Y.Max
	hadRange := xmin < xmax && ymin < ymax
	for i, path := range paths {
		xy, dropped := finiteXY(path.XY)
		name := path.Name
		if dropped > 0 {
			name += " (diverged)"
		}
		l := addLine(p, xy, i, name, vg.Points(1.6))
		if l == nil {
			continue
		}
		start := draw.GlyphStyle{Color: l.Color, Radius: vg.Points(4), Shape: draw.RingGlyph{}}
		end := draw.GlyphStyle{Color: l.Color, Radius: vg.Points(4), Shape: draw.CircleGlyph{}}
		p.Add(glyphAt{xy[0].X, xy[0].Y, start}, glyphAt{xy[len(xy)-1].X, xy[len(xy)-1].Y, end})
	}
	if len(paths) > 0 {
		p.Legend.Add("start", glyphAt{style: draw.GlyphStyle{Color: gray, Radius: vg.Points(4), Shape: draw.RingGlyph{}}})
		p.Legend.Add("end", glyphAt{style: draw.GlyphStyle{Color: gray, Radius: vg.Points(4), Shape: draw.CircleGlyph{}}})
	}
	if hadRange {
		p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = xmin, xmax, ymin, ymax
	}
}

// EqualAxes widens the x or the y range of p so that one unit has the same
// length on both axes when p is drawn at size w × h.
func EqualAxes(p *plot.Plot, w, h vg.Length) {
	// Twice, since the tick labels of the new range may change the data area.
	for range 2 {
		c := draw.Canvas{Canvas: &recorder.Canvas{}, Rectangle: vg.Rectangle{Max: vg.Point{X: w, Y: h}}}
		da := p.DataCanvas(c)
		dw, dh := float64(da.Size().X), float64(da.Size().Y)
		sx, sy := p.X.Max-p.X.Min, p.Y.Max-p.Y.Min
		if dw <= 0 || dh <= 0 || sx <= 0 || sy <= 0 {
			return
		}
		if sx/dw > sy/dh {
			mid, half := (p.Y.Min+p.Y.Max)/2, sx*dh/dw/2
			p.Y.Min, p.Y.Max = mid-half, mid+half
		} else {
			mid, half := (p.X.Min+p.X.Max)/2, sy*dw/dh/2
			p.X.Min, p.X.Max = mid-half, mid+half
		}
	}
}

// noGlyphs is a heat map without glyph boxes: a plotter.HeatMap gives one
// of zero size per cell (40,000 on a 200×200 grid), which gonum/plot
// gathers three times per drawing to pad the axes, for nothing — cells
// never reach past the data area. A quarter of the time of a redraw.
type noGlyphs struct{ *plotter.HeatMap }

// GlyphBoxes returns none.
func (noGlyphs) GlyphBoxes(*plot.Plot) []plot.GlyphBox { return nil }
