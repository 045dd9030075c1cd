package viz

import (
	"math"
	"runtime"
	"sync"
	"weak"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

// PlaceLegend places p's legend off the data of the given plotters, for a
// plot built by hand; viz's own plots do this already. Call it after the
// data are added and the axis ranges set. The rule, for the plot drawn at
// Width × Height (or at its cell's size in Tiles):
//
//  1. If a corner of the data area has room for the legend with none of the
//     data under it, the legend goes there (top right, top left, bottom
//     right, bottom left, in that order of preference).
//  2. Otherwise one axis is extended on one side, as one would by hand in
//     matplotlib, by the least that frees a corner: the data keep their
//     place in data coordinates, only the empty margin grows. Extension is
//     linear on a linear axis and in decades on a log axis. An axis is
//     never extended if its range was set by the caller (it differs from
//     the data's own range), if its scale is neither linear nor log, or, for
//     x, if a *plotter.Function without its own XMin, XMax is drawn across
//     it (extending x would draw more of the function).
//  3. If that would leave the data less than 60 % of the axis, or no axis
//     may be extended, the legend goes outside the data area, right of it,
//     which narrows the data area by the legend's width; on a plot too
//     narrow for that to leave the data area 40 % of the plot's width (and
//     height), above it, which lowers its top by the legend's height, if
//     that leaves the data more. If neither leaves them 40 %, the legend's
//     text is set smaller, down to half its size, until one does.
//
// Data are the lines and points of plotter.XYer plotters (lines,
// scatters), a *plotter.Function's samples, and, for a heat map or contour
// (a plotter that fills the data area, such as *plotter.HeatMap or
// *plotter.Contour), the whole area: then the legend always goes outside.
// Other plotters are ignored. PlaceLegend replaces any Legend.Top, Left and
// offsets set before; call it once per plot.
//
// The placement is made again for the size the plot is drawn at: the
// kernel's display fits it to the canvas it draws on, before drawing,
// whatever size it is shown at; Tiles fits it to each cell. A plot drawn by gonum/plot alone (p.Save, p.Draw) at a size
// other than Width × Height keeps the room made for Width × Height and, if
// its corner is not free at that size, puts the legend in the corner that
// meets the fewest data segments.
func PlaceLegend(p *plot.Plot, data ...plot.Plotter) {
	l := &legendPlacer{from: data}
	for _, d := range data {
		switch d.(type) {
		case *plotter.HeatMap, *plotter.Contour, noGlyphs, *isolines:
			l.area = true
		}
	}
	l.fixX, l.fixY = rangeSet(p, data)
	attachPlacer(p, l)
}

// rangeSet reports which of p's axes have a range other than the union of
// the data ranges of data (what plot.Add gives): the ones a caller set.
func rangeSet(p *plot.Plot, data []plot.Plotter) (x, y bool) {
	xmin, xmax, ymin, ymax := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, d := range data {
		if r, ok := d.(plot.DataRanger); ok {
			a, b, c, e := r.DataRange()
			xmin, xmax, ymin, ymax = math.Min(xmin, a), math.Max(xmax, b), math.Min(ymin, c), math.Max(ymax, e)
		}
	}
	return p.X.Min != xmin || p.X.Max != xmax, p.Y.Min != ymin || p.Y.Max != ymax
}

// attachPlacer adds l to p, fits it at Width × Height and remembers it, so
// that Tiles can fit it again at its cell's size.
func attachPlacer(p *plot.Plot, l *legendPlacer) {
	p.Add(l)
	l.fit(p, Width, Height)
	placers.Lock()
	defer placers.Unlock()
	if placers.m == nil {
		placers.m = make(map[weak.Pointer[plot.Plot]]*legendPlacer)
	}
	key := weak.Make(p)
	placers.m[key] = l
	runtime.AddCleanup(p, func(k weak.Pointer[plot.Plot]) {
		placers.Lock()
		delete(placers.m, k)
		placers.Unlock()
	}, key)
}

// placers maps each plot with a legend placer to it, weakly: an entry goes
// when its plot is collected.
var placers struct {
	sync.Mutex
	m map[weak.Pointer[plot.Plot]]*legendPlacer
}

// FitSize places the legend for drawing p at w × h (the whole plot, title
// and axes included), by PlaceLegend's rule, undoing the room made for the
// size before. The kernel's display calls it for every plot it draws, with
// the size it draws at; a second call for the same size and ranges does
// nothing.
func (l *legendPlacer) FitSize(p *plot.Plot, w, h vg.Length) { l.fit(p, w, h) }

// fitLegend fits p's legend placer, if it has one, for drawing at w × h.
func fitLegend(p *plot.Plot, w, h vg.Length) {
	if l := placerOf(p); l != nil {
		l.fit(p, w, h)
	}
}

// placerOf returns p's legend placer, or nil.
func placerOf(p *plot.Plot) *legendPlacer {
	placers.Lock()
	defer placers.Unlock()
	return placers.m[weak.Make(p)]
}

// legendFits reports whether p's legend, if it has a placer, is off the
// data when p is drawn on c; if not, it moves the legend beside the data
// and restores the ranges it had before room was made.
func legendFits(p *plot.Plot, c draw.Canvas) bool {
	l := placerOf(p)
	if l == nil || l.where >= outside {
		return true
	}
	if _, _, _, share := l.choose(p, p.DataCanvas(c), l.where*2+1); share >= 1 {
		return true
	}
	setRanges(p, l.base)
	l.beside(p, c)
	l.after = ranges(p)
	return false
}

// Where the legend goes.
const (
	topRight = iota
	topLeft
	bottomRight
	bottomLeft
	outside // right of the data area, in a margin reserved for it
	above   // above the data area, in a margin reserved for it
)

// minShare is the least share of an extended axis the data keep; below it
// the legend goes outside.
const minShare = 0.6

// legendPad is the clearance kept between the legend and the data.
var legendPad = vg.Points(6)

// legendPlacer places the legend off the data (see PlaceLegend): fit
// chooses the place and extends an axis for a drawing size; Plot sets the
// legend there when the plot is drawn; GlyphBoxes reserves the margin
// outside. bar, if set, is a colour bar sharing the right margin: the
// legend then sits above it.
type legendPlacer struct {
	pts        plotter.XYs   // points
	lines      []plotter.XYs // polylines
	from       []plot.Plotter
	area       bool // the data fill the data area
	fixX, fixY bool // axes the caller set
	bar        *colorBar

	where     int
	fitted    bool
	size      vg.Point   // the size of the last fit
	font      vg.Length  // the legend's font size before the first fit (or as set since)
	fontAfter vg.Length  // the legend's font size the last fit left
	base      [4]float64 // ranges before the first fit
	after     [4]float64 // ranges the last fit left
}

func ranges(p *plot.Plot) [4]float64 { return [4]float64{p.X.Min, p.X.Max, p.Y.Min, p.Y.Max} }

func setRanges(p *plot.Plot, r [4]float64) {
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = r[0], r[1], r[2], r[3]
}

// fit chooses where the legend goes when p is drawn at w × h and extends an
// axis to make room where needed. Ranges changed since the last fit count
// as set by the caller.
func (l *legendPlacer) fit(p *plot.Plot, w, h vg.Length) {
	size := vg.Point{X: w, Y: h}
	if l.fitted && size == l.size && ranges(p) == l.after && p.Legend.TextStyle.Font.Size == l.fontAfter {
		return
	}
	l.size = size
	if l.fitted {
		now := ranges(p)
		if now != l.after {
			l.fixX = l.fixX || now[0] != l.after[0] || now[1] != l.after[1]
			l.fixY = l.fixY || now[2] != l.after[2] || now[3] != l.after[3]
			l.base = now
		}
		setRanges(p, l.base)
	} else {
		l.base = ranges(p)
	}
	if !l.fitted || p.Legend.TextStyle.Font.Size != l.fontAfter {
		l.font = p.Legend.TextStyle.Font.Size
	}
	l.fitted = true
	defer func() { l.after, l.fontAfter = ranges(p), p.Legend.TextStyle.Font.Size }()
	canvas := draw.Canvas{Canvas: &recorder.Canvas{}, Rectangle: vg.Rectangle{Max: vg.Point{X: w, Y: h}}}
	// A legend too large to sit beside the data and leave them minBeside
	// of the plot is set smaller, down to half its size.
	scale := 1.0
	for range 4 {
		p.Legend.TextStyle.Font.Size = l.font * vg.Length(scale)
		if l.place(p, canvas) >= minBeside {
			return
		}
		setRanges(p, l.base)
		scale *= 0.8
	}
}

// minBeside is the least share of the plot, in its narrower direction,
// that a legend beside the data leaves them before it is set smaller.
const minBeside = 0.4

// place chooses the legend's place on canvas and makes room (fit's rule at
// the legend's present size) and returns the share of the canvas the data
// area keeps in its narrower direction, 1 if the legend is on it.
func (l *legendPlacer) place(p *plot.Plot, canvas draw.Canvas) float64 {
	if l.area {
		return l.beside(p, canvas)
	}
	l.where = topRight // no margin reserved while the data area is measured
	// Up to twice more after an extension, of the same side: new tick
	// labels may change the data area.
	only, total := anyOption, 1.0
	for range 3 {
		where, axis, side, share := l.choose(p, p.DataCanvas(canvas), only)
		if where == outside || total*share < minShare {
			break
		}
		l.where = where
		if share >= 1 {
			return 1
		}
		extend(p, axis, side, share)
		only, total = where*2+axis, total*share
	}
	setRanges(p, l.base)
	return l.beside(p, canvas)
}

// beside places the legend off the data area of p drawn on c, right of it
// (outside), or above it where the right leaves the data area less than
// minBeside of c in its narrower direction and above leaves more, and
// returns that share.
func (l *legendPlacer) beside(p *plot.Plot, c draw.Canvas) float64 {
	best, bestShare := outside, math.Inf(-1)
	for _, where := range []int{outside, above} {
		l.where = where
		da := p.DataCanvas(c)
		share := math.Min(float64(da.Size().X/c.Size().X), float64(da.Size().Y/c.Size().Y))
		if share > bestShare+1e-9 {
			best, bestShare = where, share
		}
		if bestShare >= minBeside {
			break
		}
	}
	l.where = best
	return bestShare
}

// anyOption lets choose take any corner and axis.
const anyOption = -1

// extend widens p's x axis (axis 0) or y axis (1) on its high (side 1) or
// low (0) end so that the old range takes share of the new one.
func extend(p *plot.Plot, axis, side int, share float64) {
	a := &p.X
	if axis == 1 {
		a = &p.Y
	}
	lo, hi := a.Min, a.Max
	_, isLog := a.Scale.(plot.LogScale)
	if isLog {
		lo, hi = math.Log(lo), math.Log(hi)
	}
	span := (hi - lo) / share
	if side == 1 {
		hi = lo + span
	} else {
		lo = hi - span
	}
	if isLog {
		lo, hi = math.Exp(lo), math.Exp(hi)
	}
	a.Min, a.Max = lo, hi
}

// extendable reports whether axis a may be extended.
func extendable(a *plot.Axis, fixed bool) bool {
	if fixed || !(a.Min < a.Max) {
		return false
	}
	switch a.Scale.(type) {
	case plot.LinearScale, *plot.LinearScale:
		return true
	case plot.LogScale, *plot.LogScale:
		return a.Min > 0
	}
	return false
}

// choose returns the best place for the legend on the data area da: a
// corner, and if it is not free, the axis and side to extend and the share
// of the extended axis the present range keeps (1: the corner is free).
// With only other than anyOption, it considers only that corner and axis
// (corner·2 + axis).
func (l *legendPlacer) choose(p *plot.Plot, da draw.Canvas, only int) (where, axis, side int, share float64) {
	size := p.Legend.Rectangle(da).Size()
	W, H := float64(da.Size().X), float64(da.Size().Y)
	if size.X == 0 || W <= 0 || H <= 0 {
		return topRight, 0, 0, 1
	}
	gw, gh := float64(size.X+legendPad)/W, float64(size.Y+legendPad)/H
	if gw >= 1 || gh >= 1 {
		return outside, 0, 0, 0
	}
	segs := l.segments(p, da)
	extX := extendable(&p.X, l.fixX || l.unboundedFunction())
	extY := extendable(&p.Y, l.fixY)
	where, share = outside, 0
	for corner := range 4 {
		top, left := corner < 2, corner%2 == 1
		// The legend's rectangle in the unit square of the data area.
		u0, u1 := 1-gw, 1.0
		if left {
			u0, u1 = 0, gw
		}
		v0, v1 := 1-gh, 1.0
		if !top {
			v0, v1 = 0, gh
		}
		// Extending y scales v towards the far side; the data under the
		// legend's columns must end below v0 (above v1).
		if s, free := yShare(segs, u0, u1, top, gh); (free || extY) && (only == anyOption || only == corner*2+1) {
			if s > share+1e-9 {
				where, axis, side, share = corner, 1, b2i(top), s
			}
		}
		if s, free := yShare(swap(segs), v0, v1, !left, gw); (free || extX) && (only == anyOption || only == corner*2) {
			if s > share+1e-9 {
				where, axis, side, share = corner, 0, b2i(!left), s
			}
		}
	}
	if share < minShare {
		return outside, 0, 0, 0
	}
	return where, axis, side, math.Min(share, 1)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// segment is a piece of data in the unit square of the data area (points
// are segments of length zero).
type segment struct{ u0, v0, u1, v1 float64 }

func swap(segs []segment) []segment {
	out := make([]segment, len(segs))
	for i, s := range segs {
		out[i] = segment{s.v0, s.u0, s.v1, s.u1}
	}
	return out
}

// yShare returns the share of the v axis the data may keep so that no part
// of a segment over the columns [u0, u1] reaches into [v0, v1] (which sits
// at the top when high, else at the bottom, and is g high), and whether that
// share is 1 (the rectangle is free already).
func yShare(segs []segment, u0, u1 float64, high bool, g float64) (float64, bool) {
	reach := 0.0 // how far the data over the columns reach towards the legend's side, 0 to 1
	for _, s := range segs {
		lo, hi, ok := clipU(s, u0, u1)
		if !ok {
			continue
		}
		if high {
			reach = math.Max(reach, hi)
		} else {
			reach = math.Max(reach, 1-lo)
		}
	}
	limit := 1 - g
	if reach <= limit {
		return 1, true
	}
	return limit / reach, false
}

// clipU returns the range of v over the part of s with u in [u0, u1].
func clipU(s segment, u0, u1 float64) (lo, hi float64, ok bool) {
	if s.u0 == s.u1 {
		if s.u0 < u0 || s.u0 > u1 {
			return 0, 0, false
		}
		return math.Min(s.v0, s.v1), math.Max(s.v0, s.v1), true
	}
	t0, t1 := (u0-s.u0)/(s.u1-s.u0), (u1-s.u0)/(s.u1-s.u0)
	if t0 > t1 {
		t0, t1 = t1, t0
	}
	t0, t1 = math.Max(t0, 0), math.Min(t1, 1)
	if t0 > t1 {
		return 0, 0, false
	}
	a, b := s.v0+t0*(s.v1-s.v0), s.v0+t1*(s.v1-s.v0)
	return math.Min(a, b), math.Max(a, b), true
}

// unboundedFunction reports whether a function is drawn across the whole x axis.
func (l *legendPlacer) unboundedFunction() bool {
	for _, d := range l.from {
		if f, ok := d.(*plotter.Function); ok && f.XMin == 0 && f.XMax == 0 {
			return true
		}
	}
	return false
}

// segments returns the data as segments in the unit square of da (0 to 1
// from its lower left corner), clipped to the square.
func (l *legendPlacer) segments(p *plot.Plot, da draw.Canvas) []segment {
	tx, ty := p.Transforms(&da)
	W, H := float64(da.Size().X), float64(da.Size().Y)
	norm := func(x, y float64) (float64, float64) {
		return float64(tx(x)-da.Min.X) / W, float64(ty(y)-da.Min.Y) / H
	}
	var segs []segment
	addLine := func(xy plotter.XYs) {
		var pu, pv float64
		have := false
		for _, pt := range xy {
			if !isFinite(pt.X) || !isFinite(pt.Y) || !l.drawable(p, pt) {
				have = false
				continue
			}
			u, v := norm(pt.X, pt.Y)
			if have {
				segs = append(segs, clipSquare(segment{pu, pv, u, v})...)
			} else {
				segs = append(segs, clipSquare(segment{u, v, u, v})...)
			}
			pu, pv, have = u, v, true
		}
	}
	for _, pt := range l.pts {
		if isFinite(pt.X) && isFinite(pt.Y) && l.drawable(p, pt) {
			u, v := norm(pt.X, pt.Y)
			segs = append(segs, clipSquare(segment{u, v, u, v})...)
		}
	}
	for _, xy := range l.lines {
		addLine(xy)
	}
	for _, d := range l.from {
		switch d := d.(type) {
		case *plotter.Function:
			addLine(sample(d, p))
		case *plotter.Line:
			addLine(d.XYs)
		case plotter.XYer:
			for i := range d.Len() {
				x, y := d.XY(i)
				if isFinite(x) && isFinite(y) && l.drawable(p, plotter.XY{X: x, Y: y}) {
					u, v := norm(x, y)
					segs = append(segs, clipSquare(segment{u, v, u, v})...)
				}
			}
		}
	}
	return segs
}

// drawable reports whether pt can be placed on p's axes (a log axis cannot
// place values ≤ 0).
func (l *legendPlacer) drawable(p *plot.Plot, pt plotter.XY) bool {
	_, logX := p.X.Scale.(plot.LogScale)
	_, logY := p.Y.Scale.(plot.LogScale)
	return (!logX || pt.X > 0) && (!logY || pt.Y > 0)
}

// sample returns the points at which gonum/plot draws f on p.
func sample(f *plotter.Function, p *plot.Plot) plotter.XYs {
	lo, hi := f.XMin, f.XMax
	if lo == 0 && hi == 0 {
		lo, hi = p.X.Min, p.X.Max
	}
	n := max(f.Samples, 2)
	xy := make(plotter.XYs, n)
	for i := range xy {
		x := lo + float64(i)*(hi-lo)/float64(n-1)
		xy[i] = plotter.XY{X: x, Y: f.F(x)}
	}
	return xy
}

// clipSquare clips s to the unit square widened by a little (glyphs reach
// past their point), returning nothing if it lies outside.
func clipSquare(s segment) []segment {
	const m = 0.02
	t0, t1 := 0.0, 1.0
	du, dv := s.u1-s.u0, s.v1-s.v0
	for _, e := range [][2]float64{{-du, s.u0 + m}, {du, 1 + m - s.u0}, {-dv, s.v0 + m}, {dv, 1 + m - s.v0}} {
		pp, q := e[0], e[1]
		if pp == 0 {
			if q < 0 {
				return nil
			}
			continue
		}
		r := q / pp
		if pp < 0 {
			t0 = math.Max(t0, r)
		} else {
			t1 = math.Min(t1, r)
		}
	}
	if t0 > t1 {
		return nil
	}
	return []segment{{s.u0 + t0*du, s.v0 + t0*dv, s.u0 + t1*du, s.v0 + t1*dv}}
}

// legendSize is the size of p's legend.
func legendSize(p *plot.Plot) vg.Point {
	c := draw.Canvas{Canvas: &recorder.Canvas{}, Rectangle: vg.Rectangle{Max: vg.Point{X: Width, Y: Height}}}
	return p.Legend.Rectangle(c).Size()
}

// GlyphBoxes reserves the margin right of the data area, or above it, when
// the legend goes there.
func (l *legendPlacer) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	if l.where == above {
		return []plot.GlyphBox{{X: 0.5, Y: 1, Rectangle: vg.Rectangle{Max: vg.Point{Y: legendSize(p).Y + legendPad}}}}
	}
	if l.where != outside {
		return nil
	}
	w := legendSize(p).X + legendPad
	if l.bar != nil {
		w = max(w, l.bar.width())
	}
	return []plot.GlyphBox{{X: 1, Y: 0.5, Rectangle: vg.Rectangle{Max: vg.Point{X: w}}}}
}

// Plot sets the legend at the chosen place; the legend is drawn after the
// plotters, on the plot's area without the axes (the data area plus its
// padding and margins). Drawn at a size other than the fitted one, a corner
// that is not free gives way to the corner covering the fewest points.
func (l *legendPlacer) Plot(c draw.Canvas, p *plot.Plot) {
	if len(p.Legend.TextStyle.Font.Typeface) == 0 {
		return
	}
	p.Legend.XOffs, p.Legend.YOffs = 0, 0
	where := l.where
	if where >= outside { // the top right corner of the plot's area is in the margin
		p.Legend.Top, p.Legend.Left = true, false
		return
	}
	if w, _, _, share := l.choose(p, c, anyOption); share < 1 {
		where = l.fewest(p, c)
	} else if w != outside {
		where = w
	}
	p.Legend.Top, p.Legend.Left = where < 2, where%2 == 1
}

// fewest returns the corner of c whose legend-sized rectangle meets the
// fewest data segments.
func (l *legendPlacer) fewest(p *plot.Plot, c draw.Canvas) int {
	size := p.Legend.Rectangle(c).Size()
	gw, gh := float64(size.X)/float64(c.Size().X), float64(size.Y)/float64(c.Size().Y)
	segs := l.segments(p, c)
	best, bestCount := topRight, math.MaxInt
	for corner := range 4 {
		u0, u1, v0, v1 := 1-gw, 1.0, 1-gh, 1.0
		if corner%2 == 1 {
			u0, u1 = 0, gw
		}
		if corner >= 2 {
			v0, v1 = 0, gh
		}
		count := 0
		for _, s := range segs {
			if lo, hi, ok := clipU(s, u0, u1); ok && hi >= v0 && lo <= v1 {
				count++
			}
		}
		if count < bestCount {
			best, bestCount = corner, count
		}
	}
	return best
}
