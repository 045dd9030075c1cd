package viz

import (
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

// drawnLegend draws p on the rectangle r and returns the rectangle its legend's
// entries occupy, read from what was drawn: the legend is drawn last, so its
// n entries are the last n strings, each with its thumbnail beside it.
func drawnLegend(t *testing.T, p *plot.Plot, area vg.Rectangle, names []string) (vg.Rectangle, draw.Canvas) {
	t.Helper()
	rec := &recorder.Canvas{}
	c := draw.Canvas{Canvas: rec, Rectangle: area}
	p.Draw(c)
	var strs []*recorder.FillString
	for _, a := range rec.Actions {
		if s, ok := a.(*recorder.FillString); ok {
			strs = append(strs, s)
		}
	}
	if len(strs) < len(names) {
		t.Fatalf("%d strings drawn, want at least the %d legend entries", len(strs), len(names))
	}
	strs = strs[len(strs)-len(names):]
	sty := p.Legend.TextStyle
	ext := sty.FontExtents()
	thumb := p.Legend.ThumbnailWidth + sty.Width(" ")
	r := vg.Rectangle{Min: vg.Point{X: vg.Length(math.Inf(1)), Y: vg.Length(math.Inf(1))}, Max: vg.Point{X: vg.Length(math.Inf(-1)), Y: vg.Length(math.Inf(-1))}}
	for i, s := range strs {
		if s.String != names[i] {
			t.Fatalf("legend entry %d drawn as %q, want %q", i, s.String, names[i])
		}
		x0, x1 := s.Point.X, s.Point.X+sty.Width(s.String)
		if p.Legend.Left {
			x0 -= thumb
		} else {
			x1 += thumb
		}
		r.Min.X, r.Max.X = min(r.Min.X, x0), max(r.Max.X, x1)
		r.Min.Y, r.Max.Y = min(r.Min.Y, s.Point.Y-ext.Descent), max(r.Max.Y, s.Point.Y+ext.Ascent)
	}
	return r, p.DataCanvas(c)
}

// hits reports whether the segment a–b, clipped to the data area da as
// gonum/plot clips lines, meets r (Liang–Barsky against both).
func hits(a, b vg.Point, da, r vg.Rectangle) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	for _, box := range []vg.Rectangle{da, r} {
		for _, e := range [][2]float64{
			{-dx, float64(a.X - box.Min.X)}, {dx, float64(box.Max.X - a.X)},
			{-dy, float64(a.Y - box.Min.Y)}, {dy, float64(box.Max.Y - a.Y)},
		} {
			if e[0] == 0 {
				if e[1] < 0 {
					return false
				}
				continue
			}
			if q := e[1] / e[0]; e[0] < 0 {
				t0 = math.Max(t0, q)
			} else {
				t1 = math.Min(t1, q)
			}
		}
	}
	return t0 <= t1
}

// data is what a test plot draws, in data coordinates: polylines (a point
// is a polyline of one) and functions sampled as gonum/plot samples them.
type data struct {
	lines [][]plotter.XY
	funcs []func(float64) float64
	area  bool // a heat map or contour fills the data area
}

// checkOffData fails if the legend of p drawn on area meets any of d.
func checkOffData(t *testing.T, p *plot.Plot, area vg.Rectangle, names []string, d data) {
	t.Helper()
	r, da := drawnLegend(t, p, area, names)
	const tol = 0.5 // points: text extents are approximate
	if r.Min.X < area.Min.X-tol || r.Max.X > area.Max.X+tol || r.Min.Y < area.Min.Y-tol || r.Max.Y > area.Max.Y+tol {
		t.Errorf("legend %v reaches outside the canvas %v", r, area)
	}
	if da.Size().X < area.Size().X/3 || da.Size().Y < area.Size().Y/3 {
		t.Errorf("data area %v of canvas %v: less than a third of it in width or height", da.Rectangle, area)
	}
	if d.area {
		in := vg.Rectangle{Min: vg.Point{X: max(r.Min.X, da.Min.X), Y: max(r.Min.Y, da.Min.Y)}, Max: vg.Point{X: min(r.Max.X, da.Max.X), Y: min(r.Max.Y, da.Max.Y)}}
		if in.Min.X < in.Max.X && in.Min.Y < in.Max.Y {
			t.Errorf("legend %v overlaps the data area %v of a map", r, da.Rectangle)
		}
	}
	tx, ty := p.Transforms(&da)
	ok := func(x, y float64) bool {
		_, lx := p.X.Scale.(plot.LogScale)
		_, ly := p.Y.Scale.(plot.LogScale)
		return isFinite(x) && isFinite(y) && (!lx || x > 0) && (!ly || y > 0)
	}
	lines := d.lines
	for _, f := range d.funcs {
		var xy []plotter.XY
		for i := range 50 { // plotter.Function's default samples
			x := p.X.Min + float64(i)*(p.X.Max-p.X.Min)/49
			xy = append(xy, plotter.XY{X: x, Y: f(x)})
		}
		lines = append(lines, xy)
	}
	for li, line := range lines {
		var prev vg.Point
		have := false
		for _, pt := range line {
			if !ok(pt.X, pt.Y) {
				have = false
				continue
			}
			q := vg.Point{X: tx(pt.X), Y: ty(pt.Y)}
			a := prev
			if !have {
				a = q
			}
			if hits(a, q, da.Rectangle, r) {
				t.Errorf("legend %v covers data: line %d near (%g, %g)", r, li, pt.X, pt.Y)
				return
			}
			prev, have = q, true
		}
	}
}

func xys(ys []float64) []plotter.XY {
	xy := make([]plotter.XY, len(ys))
	for k, y := range ys {
		xy[k] = plotter.XY{X: float64(k), Y: y}
	}
	return xy
}

// sgdCurves are notebook 03's SGD run (section 3.4, "SGD: the loss
// flattens, the gradient norm does not vanish"), per epoch to three digits:
// the full training loss and the gradient norm, read from the notebook run
// through the kernel. The norm's spikes reach across the plot.
func sgdCurves() (loss, grad []float64) {
	loss = []float64{
		0.291, 0.259, 0.25, 0.247, 0.245, 0.248, 0.247, 0.249, 0.243, 0.244, 0.24, 0.24, 0.241, 0.239,
		0.241, 0.24, 0.236, 0.233, 0.236, 0.23, 0.232, 0.225, 0.229, 0.21, 0.205, 0.215, 0.184, 0.176,
		0.185, 0.157, 0.15, 0.149, 0.151, 0.131, 0.123, 0.127, 0.115, 0.116, 0.11, 0.1, 0.107, 0.0916,
		0.0914, 0.0869, 0.0956, 0.089, 0.0863, 0.0916, 0.0741, 0.0724, 0.0693, 0.0672, 0.0652, 0.0642,
		0.0615, 0.0619, 0.065, 0.0567, 0.0549, 0.0619, 0.0576, 0.0532, 0.0497, 0.0551, 0.0519, 0.0464,
		0.0487, 0.0473, 0.0591, 0.0434, 0.0429, 0.0413, 0.0433, 0.0444, 0.0397, 0.0395, 0.0403, 0.0386,
		0.038, 0.037, 0.0456, 0.0366, 0.0356, 0.0367, 0.034, 0.0363, 0.0386, 0.033, 0.0329, 0.0332,
		0.0315, 0.0335, 0.0305, 0.0307, 0.0303, 0.0319, 0.0319, 0.0307, 0.0278, 0.0302, 0.0277, 0.0297,
		0.0321, 0.0297, 0.0284, 0.0268, 0.0285, 0.0264, 0.0254, 0.0269, 0.0325, 0.0354, 0.0263, 0.032,
		0.0295, 0.0232, 0.03, 0.0239, 0.0229, 0.025,
	}
	grad = []float64{
		0.115, 0.102, 0.0872, 0.0785, 0.0809, 0.115, 0.106, 0.124, 0.064, 0.0494, 0.0215, 0.0232, 0.0578,
		0.0382, 0.0799, 0.081, 0.0535, 0.0217, 0.0939, 0.0357, 0.112, 0.0839, 0.152, 0.0568, 0.0883,
		0.213, 0.0525, 0.0691, 0.181, 0.051, 0.0552, 0.129, 0.182, 0.0831, 0.043, 0.136, 0.0893, 0.125,
		0.0944, 0.0459, 0.144, 0.0249, 0.0713, 0.0536, 0.146, 0.123, 0.114, 0.145, 0.0536, 0.0608, 0.043,
		0.037, 0.0437, 0.055, 0.0405, 0.0704, 0.11, 0.0301, 0.03, 0.114, 0.0934, 0.062, 0.0222, 0.107,
		0.0857, 0.018, 0.066, 0.0649, 0.144, 0.0325, 0.0395, 0.0169, 0.0677, 0.068, 0.0366, 0.0389,
		0.0649, 0.0469, 0.0474, 0.0359, 0.132, 0.0496, 0.0419, 0.0581, 0.0364, 0.0614, 0.0915, 0.0374,
		0.0425, 0.053, 0.0245, 0.064, 0.0178, 0.0281, 0.028, 0.0571, 0.0678, 0.0593, 0.0146, 0.0593,
		0.0306, 0.0621, 0.0839, 0.0675, 0.0386, 0.039, 0.068, 0.0344, 0.0255, 0.0551, 0.11, 0.135,
		0.0562, 0.104, 0.0851, 0.0129, 0.0968, 0.032, 0.0225, 0.0554,
	}
	return loss, grad
}

// dense is a band of curves that reaches every corner of its box.
func dense(n int) [][]plotter.XY {
	var out [][]plotter.XY
	for j := range n {
		var xy []plotter.XY
		for k := range 101 {
			x := float64(k) / 10
			xy = append(xy, plotter.XY{X: x, Y: float64(j) + math.Sin(x*float64(j+1))})
		}
		out = append(out, xy)
	}
	return out
}

func TestLegendOffData(t *testing.T) {
	loss, grad := sgdCurves()
	band := dense(5)
	curves := make([]Curve, len(band))
	names := make([]string, len(band))
	for i, xy := range band {
		names[i] = fmt.Sprintf("curve %d", i)
		curves[i] = Curve{Name: names[i], XY: xy}
	}
	wells := func(th []float64) float64 { return th[0]*th[0]/2 + th[1]*th[1]*th[1]*th[1]/4 - th[1]*th[1]/2 }
	path := []plotter.XY{{X: 1, Y: 0.3}, {X: 0.5, Y: 0.8}, {X: 0, Y: 1}}
	tests := []struct {
		name  string
		p     *plot.Plot
		names []string
		d     data
	}{
		{"notebook 03 SGD losses, linear", Losses(&LossSettings{LinearY: true}, Series{Name: "full training loss J", Y: loss}, Series{Name: "‖∇J‖", Y: grad}),
			[]string{"full training loss J", "‖∇J‖"}, data{lines: [][]plotter.XY{xys(loss), xys(grad)}}},
		{"notebook 03 SGD losses, log", Losses(&LossSettings{Title: "SGD: the loss flattens, the gradient norm does not vanish", XLabel: "epoch", YLabel: "value"},
			Series{Name: "full training loss J", Y: loss}, Series{Name: "‖∇J‖", Y: grad}),
			[]string{"full training loss J", "‖∇J‖"}, data{lines: [][]plotter.XY{xys(loss), xys(grad)}}},
		{"dense lines", Lines(nil, curves...), names, data{lines: band}},
		{"dense lines, y fixed", Lines(&LineSettings{YMin: -1, YMax: 5}, curves...), names, data{lines: band}},
		{"dense lines, both fixed", Lines(&LineSettings{XMin: 0, XMax: 10, YMin: -1, YMax: 5}, curves...), names, data{lines: band}},
		{"functions", Lines(&LineSettings{XMin: -2.2, XMax: 2.2, YMin: -12, YMax: 12},
			Curve{Name: "f", F: func(x float64) float64 { return x*x*x - 3*x }}, Curve{Name: "f′", F: func(x float64) float64 { return 3*x*x - 3 }},
			Curve{Name: "f″", F: func(x float64) float64 { return 6 * x }}),
			[]string{"f", "f′", "f″"}, data{funcs: []func(float64) float64{
				func(x float64) float64 { return x*x*x - 3*x }, func(x float64) float64 { return 3*x*x - 3 }, func(x float64) float64 { return 6 * x }}}},
		{"points", Lines(&LineSettings{LogY: true}, Curve{Name: "2 hidden units", XY: band[0], Marks: PointsOnly}, Curve{Name: "16", XY: band[3], Marks: PointsOnly}),
			[]string{"2 hidden units", "16"}, data{lines: append(split(band[0]), split(band[3])...)}},
		{"regimes", Regimes([]float64{0.5, 1, 1.5, 1.9, 2, 2.1}, 30),
			[]string{"αλ = 0.5 (decays)", "αλ = 1 (decays), 0 after one step", "αλ = 1.5 (oscillates, decays)", "αλ = 1.9 (oscillates, decays)", "αλ = 2 (oscillates)", "αλ = 2.1 (diverges)"},
			data{lines: regimeLines([]float64{0.5, 1, 1.5, 1.9, 2, 2.1}, 30)}},
		{"factors", Factors([]float64{10, 1}), []string{"λ = 10", "λ = 1", "max |1 − αλᵢ|"}, data{lines: factorLines(10, 1)}},
		{"slices", Slices(wells, []float64{0, 0}, nil, Direction{Name: "q₁", V: []float64{1, 0}}, Direction{Name: "q₂", V: []float64{0, 1}}),
			[]string{"q₁", "q₂"}, data{lines: [][]plotter.XY{
				sampled(func(x float64) float64 { return wells([]float64{x, 0}) }), sampled(func(x float64) float64 { return wells([]float64{0, x}) })}}},
		{"contour", Contour(wells, Box{XMin: -1.2, XMax: 1.2, YMin: -1.5, YMax: 1.5}, nil, Path{Name: "GD", XY: plotter.XYs(path)}),
			[]string{"GD", "start", "end"}, data{area: true}},
		{"heat map, equal axes", Heatmap(wells, Box{XMin: -1.2, XMax: 1.2, YMin: -1.5, YMax: 1.5}, &ContourSettings{EqualAxes: true}, Path{Name: "GD", XY: plotter.XYs(path)}),
			[]string{"GD", "start", "end"}, data{area: true}},
		{"quadratic", Quadratic(mat.NewSymDense(2, []float64{5, 2, 2, 2}), Box{XMin: -2, XMax: 2, YMin: -2, YMax: 2}, nil, Path{Name: "GD, α = 0.15", XY: plotter.XYs(path)}),
			[]string{"GD, α = 0.15", "start", "end"}, data{area: true}},
		{"PlaceLegend, dense", handBuilt(t, band, false), names, data{lines: band}},
		{"PlaceLegend, log y", handBuilt(t, [][]plotter.XY{xys(loss), xys(grad)}, true), []string{"curve 0", "curve 1"}, data{lines: [][]plotter.XY{xys(loss), xys(grad)}}},
		{"PlaceLegend, heat map", handMap(t, wells), []string{"path"}, data{area: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkOffData(t, tt.p, vg.Rectangle{Max: vg.Point{X: Width, Y: Height}}, tt.names, tt.d)
		})
	}
	// Drawn at another size, as the kernel's display draws it (FitSize for
	// the canvas, then Draw): smaller, larger, tall and wide.
	for _, size := range []struct{ w, h float64 }{{300, 200}, {1200, 800}, {400, 800}, {1200, 300}} {
		w, h := vg.Length(size.w)*vg.Inch/96, vg.Length(size.h)*vg.Inch/96
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s at %gx%g", tt.name, size.w, size.h), func(t *testing.T) {
				fitLegend(tt.p, w, h)
				checkOffData(t, tt.p, vg.Rectangle{Max: vg.Point{X: w, Y: h}}, tt.names, tt.d)
			})
		}
	}
	// In a cell of Tiles the plot is smaller and the legend is not. Each
	// plot shares a row with the first, as in notebook 07.
	for _, tt := range tests[1:] {
		t.Run(tt.name+" in a tile", func(t *testing.T) {
			tiles := Tile(2, tests[0].p, tt.p)
			w, h := tiles.Size()
			grid, canvases := tiles.layout(draw.Canvas{Canvas: &recorder.Canvas{}, Rectangle: vg.Rectangle{Max: vg.Point{X: w, Y: h}}})
			if grid[0][1] != tt.p {
				t.Fatal("the plot is not in the second cell")
			}
			checkOffData(t, tests[0].p, canvases[0][0].Rectangle, tests[0].names, tests[0].d)
			checkOffData(t, tt.p, canvases[0][1].Rectangle, tt.names, tt.d)
		})
	}
}

// TestLegendDenseHasNoFreeCorner checks that the dense case above has no
// free corner before placement, so that it tests making room.
func TestLegendDenseHasNoFreeCorner(t *testing.T) {
	for _, tt := range []struct {
		name  string
		lines [][]plotter.XY
		logY  bool
	}{{"dense", dense(5), false}} {
		p := plot.New()
		l := &legendPlacer{}
		for _, xy := range tt.lines {
			line, err := plotter.NewLine(plotter.XYs(xy))
			if err != nil {
				t.Fatal(err)
			}
			p.Add(line)
			p.Legend.Add("full training loss J", line)
			l.lines = append(l.lines, xy)
		}
		if tt.logY {
			p.Y.Scale = plot.LogScale{}
		}
		c := draw.Canvas{Canvas: &recorder.Canvas{}, Rectangle: vg.Rectangle{Max: vg.Point{X: Width, Y: Height}}}
		if _, _, _, share := l.choose(p, p.DataCanvas(c), anyOption); share >= 1 {
			t.Errorf("%s: a corner is free already; the case does not test making room", tt.name)
		}
	}
}

func split(xy []plotter.XY) [][]plotter.XY {
	out := make([][]plotter.XY, len(xy))
	for i := range xy {
		out[i] = xy[i : i+1]
	}
	return out
}

func regimeLines(als []float64, steps int) [][]plotter.XY {
	var out [][]plotter.XY
	for _, al := range als {
		var xy []plotter.XY
		for k := 0; k <= steps; k++ {
			xy = append(xy, plotter.XY{X: float64(k), Y: math.Pow(math.Abs(1-al), float64(k))})
		}
		out = append(out, xy)
	}
	return out
}

func factorLines(l1, l2 float64) [][]plotter.XY {
	amax := 2.5 / l1
	var rate []plotter.XY
	for k := range 201 {
		a := amax * float64(k) / 200
		rate = append(rate, plotter.XY{X: a, Y: math.Max(math.Abs(1-a*l1), math.Abs(1-a*l2))})
	}
	lo := 1 - amax*l1
	return [][]plotter.XY{rate,
		{{X: 0, Y: 1}, {X: amax, Y: 1 - amax*l1}}, {{X: 0, Y: 1}, {X: amax, Y: 1 - amax*l2}},
		{{X: 0, Y: 1}, {X: amax, Y: 1}}, {{X: 0, Y: -1}, {X: amax, Y: -1}},
		{{X: 1 / l1, Y: lo}, {X: 1 / l1, Y: 1}}, {{X: 2 / l1, Y: lo}, {X: 2 / l1, Y: 1}}}
}

// handBuilt is a plot made with gonum/plot alone, lines and dots, its
// legend placed by PlaceLegend.
func handBuilt(t *testing.T, lines [][]plotter.XY, logY bool) *plot.Plot {
	p := plot.New()
	var data []plot.Plotter
	for i, xy := range lines {
		l, err := plotter.NewLine(plotter.XYs(xy))
		if err != nil {
			t.Fatal(err)
		}
		s, err := plotter.NewScatter(plotter.XYs(xy))
		if err != nil {
			t.Fatal(err)
		}
		p.Add(l, s)
		p.Legend.Add(fmt.Sprintf("curve %d", i), l)
		data = append(data, l, s)
	}
	if logY {
		p.Y.Scale = plot.LogScale{}
	}
	PlaceLegend(p, data...)
	return p
}

func handMap(t *testing.T, f func([]float64) float64) *plot.Plot {
	p := plot.New()
	g := NewGrid(f, Box{XMin: -1, XMax: 1, YMin: -1, YMax: 1}, 30)
	hm := plotter.NewHeatMap(g, heatPalette())
	l, err := plotter.NewLine(plotter.XYs{{X: -1, Y: -1}, {X: 1, Y: 1}})
	if err != nil {
		t.Fatal(err)
	}
	p.Add(hm, l)
	p.Legend.Add("path", l)
	PlaceLegend(p, hm, l)
	return p
}

// sampled is f at Slices' 101 points over [−1, 1].
func sampled(f func(float64) float64) []plotter.XY {
	xy := make([]plotter.XY, 101)
	for k := range xy {
		x := -1 + 2*float64(k)/100
		xy[k] = plotter.XY{X: x, Y: f(x)}
	}
	return xy
}

// TestLegendKeepsRanges checks that making room only widens an axis, on one
// side, and never one the caller set.
func TestLegendKeepsRanges(t *testing.T) {
	band := dense(5)
	curves := make([]Curve, len(band))
	for i, xy := range band {
		curves[i] = Curve{Name: fmt.Sprintf("curve %d", i), XY: xy}
	}
	tests := []struct {
		name       string
		s          *LineSettings
		fixX, fixY bool
	}{
		{"free", nil, false, false},
		{"y set", &LineSettings{YMin: -1, YMax: 5}, false, true},
		{"both set", &LineSettings{XMin: 0, XMax: 10, YMin: -1, YMax: 5}, true, true},
		{"log y", &LineSettings{LogY: true}, false, false},
	}
	for _, tt := range tests {
		p := Lines(tt.s, curves...)
		x0, x1, y0, y1 := 0.0, 10.0, math.Inf(1), math.Inf(-1) // the band's range
		for _, xy := range band {
			for _, pt := range xy {
				if pt.Y > 0 || tt.s == nil || !tt.s.LogY {
					y0, y1 = math.Min(y0, pt.Y), math.Max(y1, pt.Y)
				}
			}
		}
		if tt.fixY {
			y0, y1 = tt.s.YMin, tt.s.YMax
		}
		if !(p.X.Min <= x0 && p.X.Max >= x1 && p.Y.Min <= y0 && p.Y.Max >= y1) {
			t.Errorf("%s: ranges [%g, %g] × [%g, %g] cut the data [%g, %g] × [%g, %g]", tt.name, p.X.Min, p.X.Max, p.Y.Min, p.Y.Max, x0, x1, y0, y1)
		}
		widened := 0
		for _, d := range []float64{x0 - p.X.Min, p.X.Max - x1, y0 - p.Y.Min, p.Y.Max - y1} {
			if d > 1e-9*math.Max(1, math.Abs(y1)) {
				widened++
			}
		}
		if widened > 1 {
			t.Errorf("%s: %d sides widened, want at most one", tt.name, widened)
		}
		if (tt.fixX && (p.X.Min != x0 || p.X.Max != x1)) || (tt.fixY && (p.Y.Min != y0 || p.Y.Max != y1)) {
			t.Errorf("%s: a set range changed: [%g, %g] × [%g, %g]", tt.name, p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
		}
	}
}
