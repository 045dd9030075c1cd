package viz

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/gocurve/gocurve/lib/interrupt"
)

func bowl(t []float64) float64 { return t[0]*t[0] + t[1]*t[1] }

// render draws p at Width × Height, 96 dpi, and returns the image; drawing
// panics are test failures.
func render(t *testing.T, p interface{ Draw(draw.Canvas) }) image.Image {
	t.Helper()
	c := vgimg.NewWith(vgimg.UseWH(Width, Height), vgimg.UseDPI(96))
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("drawing panicked: %v", r)
			}
		}()
		p.Draw(draw.New(c))
	}()
	return c.Image()
}

// countColor counts pixels within tol (per 8-bit channel) of c.
func countColor(img image.Image, c color.Color, tol int) int {
	want := color.NRGBAModel.Convert(c).(color.NRGBA)
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			got := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			if abs(int(got.R)-int(want.R)) <= tol && abs(int(got.G)-int(want.G)) <= tol && abs(int(got.B)-int(want.B)) <= tol {
				n++
			}
		}
	}
	return n
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func TestNewGrid(t *testing.T) {
	f := func(th []float64) float64 {
		if th[0] > 0.99 && th[1] > 0.99 {
			return math.Inf(1)
		}
		return 2*th[0] - th[1]
	}
	g := NewGrid(f, Box{-1, 1, 0, 1}, 5)
	if c, r := g.Dims(); c != 5 || r != 5 {
		t.Fatalf("Dims = %d, %d; want 5, 5", c, r)
	}
	for c := range 5 {
		for r := range 5 {
			x, y := -1+0.5*float64(c), 0.25*float64(r)
			if g.X(c) != x || g.Y(r) != y {
				t.Fatalf("node (%d,%d) at (%v,%v), want (%v,%v)", c, r, g.X(c), g.Y(r), x, y)
			}
			want := 2*x - y
			if c == 4 && r == 4 {
				if !math.IsNaN(g.Z(c, r)) {
					t.Errorf("Z at the +Inf corner = %v, want NaN", g.Z(c, r))
				}
				continue
			}
			if g.Z(c, r) != want {
				t.Errorf("Z(%d,%d) = %v, want %v", c, r, g.Z(c, r), want)
			}
		}
	}
	// 2x − y over the nodes without the +Inf corner (1, 1): −3 at (−1, 1), 2 at (1, 0).
	if g.Min() != -3 || g.Max() != 2 {
		t.Errorf("Min, Max = %v, %v; want -3, 2", g.Min(), g.Max())
	}
}

func TestNewGridInterrupted(t *testing.T) {
	t.Cleanup(interrupt.Clear)
	interrupt.Request()
	calls := 0
	g := NewGrid(func([]float64) float64 { calls++; return 1 }, Box{0, 1, 0, 1}, 10)
	if calls != 0 || !math.IsNaN(g.Z(3, 3)) {
		t.Errorf("interrupted grid made %d calls, Z = %v; want 0 and NaN", calls, g.Z(3, 3))
	}
}

func TestPanics(t *testing.T) {
	tests := []struct {
		name string
		f    func()
		want string
	}{
		{"grid of 1", func() { NewGrid(bowl, Box{0, 1, 0, 1}, 1) }, "grid size"},
		{"empty box", func() { NewGrid(bowl, Box{1, 1, 0, 1}, 5) }, "empty box"},
		{"short point", func() { Thetas([][]float64{{1}}) }, "coordinates"},
		{"no levels", func() { Levels(NewGrid(bowl, Box{0, 1, 0, 1}, 3), 0, Linear) }, "levels"},
		{"density lengths", func() { SpectralDensity([]float64{1}, nil) }, "abscissae"},
		{"factors", func() { Factors([]float64{-1, 0}) }, "positive"},
		{"regimes", func() { Regimes([]float64{1}, 0) }, "steps"},
		{"slice direction", func() { Slices(bowl, []float64{0, 0}, nil, Direction{"v", []float64{1}}) }, "length"},
		{"quadratic 3×3", func() { Quadratic(mat.NewSymDense(3, nil), Box{-1, 1, -1, 1}, nil) }, "2×2"},
		{"tile columns", func() { Tile(0) }, "columns"},
	}
	for _, tt := range tests {
		func() {
			defer func() {
				r := recover()
				msg := fmt.Sprint(r)
				if r == nil || !strings.HasPrefix(msg, "viz: ") || !strings.Contains(msg, tt.want) {
					t.Errorf("%s: panic %v, want a viz: message containing %q", tt.name, r, tt.want)
				}
			}()
			tt.f()
		}()
	}
}

func TestLevels(t *testing.T) {
	// z = x on a 5×5 grid over [0, 4]²: values 0 … 4, five of each.
	g := NewGrid(func(th []float64) float64 { return th[0] }, Box{0, 4, 0, 4}, 5)
	tests := []struct {
		spacing Spacing
		n       int
		want    []float64
	}{
		{Linear, 4, []float64{0.5, 1.5, 2.5, 3.5}},
		{Log, 4, []float64{0.004, 0.04, 0.4, 4}},
		{Quantile, 5, []float64{0, 1, 2, 3, 4}},
	}
	for _, tt := range tests {
		got := Levels(g, tt.n, tt.spacing)
		if len(got) != len(tt.want) {
			t.Errorf("spacing %d: %v, want %v", tt.spacing, got, tt.want)
			continue
		}
		for i := range got {
			if math.Abs(got[i]-tt.want[i]) > 1e-12 {
				t.Errorf("spacing %d: level %d = %v, want %v", tt.spacing, i, got[i], tt.want[i])
			}
		}
	}
	nan := NewGrid(func([]float64) float64 { return math.NaN() }, Box{0, 1, 0, 1}, 3)
	if l := Levels(nan, 5, Linear); l != nil {
		t.Errorf("levels of an all-NaN grid = %v, want nil", l)
	}
}

func TestRank(t *testing.T) {
	levels := []float64{1, 2, 4}
	for _, tt := range []struct{ z, want float64 }{{0, 0}, {1, 0}, {1.5, 0.25}, {2, 0.5}, {3, 0.75}, {4, 1}, {9, 1}} {
		if got := rank(levels, tt.z); math.Abs(got-tt.want) > 1e-15 {
			t.Errorf("rank(%v) = %v, want %v", tt.z, got, tt.want)
		}
	}
}

// traced collects the polylines of one level as points.
func traced(g *Grid, z float64) [][][2]float64 {
	tr := newTracer(g)
	var lines [][][2]float64
	tr.level(z, func(es []int32) {
		var pts [][2]float64
		for _, e := range es {
			x, y := tr.point(e, z)
			pts = append(pts, [2]float64{x, y})
		}
		lines = append(lines, pts)
	})
	return lines
}

func TestTracerCircle(t *testing.T) {
	g := NewGrid(bowl, Box{-1, 1, -1, 1}, 41)
	lines := traced(g, 0.25)
	if len(lines) != 1 {
		t.Fatalf("%d polylines for the circle r = 0.5, want 1", len(lines))
	}
	pts := lines[0]
	if pts[0] != pts[len(pts)-1] {
		t.Errorf("circle not closed: starts %v, ends %v", pts[0], pts[len(pts)-1])
	}
	// Linear interpolation of x² along an edge of length h errs by at most h²/4 in z.
	h := 2.0 / 40
	for _, p := range pts {
		if r := math.Hypot(p[0], p[1]); math.Abs(r-0.5) > h*h {
			t.Errorf("point %v at radius %v, want 0.5 ± %v", p, r, h*h)
		}
	}
	if n := len(pts) - 1; n < 40 {
		t.Errorf("circle has %d edges, want at least one per grid column crossed (40)", n)
	}
}

func TestTracerSaddleAndLevelOnNodes(t *testing.T) {
	// x² − y² = 0.1 is two branches, each open and ending on the boundary.
	g := NewGrid(func(th []float64) float64 { return th[0]*th[0] - th[1]*th[1] }, Box{-1, 1, -1, 1}, 21)
	lines := traced(g, 0.1)
	if len(lines) != 2 {
		t.Fatalf("%d polylines, want 2", len(lines))
	}
	onBoundary := func(p [2]float64) bool {
		return math.Abs(math.Abs(p[0])-1) < 1e-12 || math.Abs(math.Abs(p[1])-1) < 1e-12
	}
	for _, l := range lines {
		if !onBoundary(l[0]) || !onBoundary(l[len(l)-1]) {
			t.Errorf("branch from %v to %v does not end on the boundary", l[0], l[len(l)-1])
		}
		for _, p := range l {
			if d := p[0]*p[0] - p[1]*p[1] - 0.1; math.Abs(d) > 0.01 {
				t.Errorf("point %v off the level by %v", p, d)
			}
		}
	}
	// Level 0 passes through grid nodes exactly (the diagonals); gonum's
	// contour tracer is the reason this package has its own.
	if lines := traced(g, 0); len(lines) == 0 {
		t.Error("no polyline for the level through the nodes")
	}
}

func TestContourDrawsLevelsAndPaths(t *testing.T) {
	path := plotter.XYs{{X: -0.8, Y: 0.8}, {X: -0.4, Y: 0.3}, {X: 0, Y: 0}}
	diverged := plotter.XYs{{X: 0.5, Y: 0.5}, {X: 5, Y: 5}, {X: math.Inf(1), Y: 0}}
	b := Box{-1, 1, -1, 1}
	p := Contour(bowl, b, &ContourSettings{N: 50, Levels: 8}, Path{"GD", path}, Path{"big step", diverged})
	if p.X.Min != -1 || p.X.Max != 1 || p.Y.Min != -1 || p.Y.Max != 1 {
		t.Errorf("axes [%v, %v] × [%v, %v], want the box", p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
	}
	img := render(t, p)
	if n := countColor(img, lineColor(0), 10); n < 50 {
		t.Errorf("%d pixels of the first path's color, want a drawn path", n)
	}
	if n := countColor(img, lineColor(1), 10); n < 50 {
		t.Errorf("%d pixels of the second path's color, want a drawn path", n)
	}
	// Contour lines: the darkest level's color is present.
	if n := countColor(img, levelColors(8)[0], 20); n < 20 {
		t.Errorf("%d pixels of the lowest level's color, want contour lines", n)
	}
	if !legendHas(p, "big step (diverged)") || !legendHas(p, "GD") || !legendHas(p, "start") {
		t.Error("legend lacks the paths, the diverged mark, or the start marker")
	}
}

// legendHas reports whether the legend has an entry named name, by drawing
// the legend's text into a recorder.
func legendHas(p *plot.Plot, name string) bool {
	rec := &recorder.Canvas{}
	p.Legend.Draw(draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: Width, Y: Height}}})
	for _, a := range rec.Actions {
		if s, ok := a.(*recorder.FillString); ok && s.String == name {
			return true
		}
	}
	return false
}

func TestHeatmapFillsTheBox(t *testing.T) {
	p := Heatmap(bowl, Box{-1, 1, -1, 1}, &ContourSettings{N: 30})
	img := render(t, p)
	// The centre of the data area is the minimum: the darkest heat color.
	white := countColor(img, color.White, 0)
	total := img.Bounds().Dx() * img.Bounds().Dy()
	if white > total/2 {
		t.Errorf("%d of %d pixels white: heat map not drawn", white, total)
	}
}

func TestEqualAxes(t *testing.T) {
	p := Contour(bowl, Box{-1, 1, -1, 1}, &ContourSettings{N: 20, EqualAxes: true})
	c := draw.Canvas{Canvas: &recorder.Canvas{}, Rectangle: vg.Rectangle{Max: vg.Point{X: Width, Y: Height}}}
	da := p.DataCanvas(c)
	ux := float64(da.Size().X) / (p.X.Max - p.X.Min)
	uy := float64(da.Size().Y) / (p.Y.Max - p.Y.Min)
	if math.Abs(ux/uy-1) > 0.02 {
		t.Errorf("one unit is %v on x and %v on y, want equal within 2%%", ux, uy)
	}
	if p.X.Min > -1 || p.X.Max < 1 || p.Y.Min > -1 || p.Y.Max < 1 {
		t.Errorf("equal axes cut the box: [%v, %v] × [%v, %v]", p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
	}
}

func TestLossesDropNonPositive(t *testing.T) {
	tests := []struct {
		name  string
		set   *LossSettings
		runs  []Series
		label string // the x label, with the note below it
	}{
		{"log, zeros", nil, []Series{{"a", []float64{1, 0.1, 0, -1, math.NaN()}}}, "step\n3 values ≤ 0 or not finite, not shown"},
		{"log, clean", &LossSettings{Title: "t"}, []Series{{"a", []float64{1, 0.5}}, {"b", []float64{2, 1}}}, "step"},
		{"log, nothing drawable", nil, []Series{{"a", []float64{0, -2}}}, "step\n2 values ≤ 0 or not finite, not shown"},
		{"linear", &LossSettings{LinearY: true}, []Series{{"a", []float64{1, -1, math.Inf(1)}}}, "step\n1 values not finite, not shown"},
	}
	for _, tt := range tests {
		p := Losses(tt.set, tt.runs...)
		if p.X.Label.Text != tt.label {
			t.Errorf("%s: x label %q, want %q", tt.name, p.X.Label.Text, tt.label)
		}
		render(t, p)
	}
	if p := Loss([]float64{3, 2, 1}); p.Y.Min != 1 || p.Y.Max != 3 {
		t.Errorf("Loss y range [%v, %v], want [1, 3]", p.Y.Min, p.Y.Max)
	}
}

func TestSpectrum(t *testing.T) {
	eig := []float64{0.5, -2, 3, math.NaN()}
	p := Spectrum(eig)
	if p.X.Min != 0.5 || p.X.Max != 3.5 || p.Y.Min != -2 || p.Y.Max != 3 {
		t.Errorf("ranges [%v, %v] × [%v, %v], want [0.5, 3.5] × [-2, 3]", p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
	}
	if eig[0] != 0.5 || eig[2] != 3 {
		t.Error("Spectrum modified its input")
	}
	render(t, p)
	render(t, Spectrum(nil))
	many := make([]float64, 500)
	for i := range many {
		many[i] = math.Sin(float64(i))
	}
	render(t, Spectrum(many))
	render(t, SpectralDensity([]float64{0, 1, 2}, []float64{0, 1, 0}))
}

func TestRegimesAndFactors(t *testing.T) {
	p := Regimes([]float64{0.5, 1, 1.5, 2, 2.1}, 20)
	for _, name := range []string{"αλ = 0.5 (decays)", "αλ = 1 (decays), 0 after one step", "αλ = 1.5 (oscillates, decays)", "αλ = 2 (oscillates)", "αλ = 2.1 (diverges)"} {
		if !legendHas(p, name) {
			t.Errorf("legend lacks %q", name)
		}
	}
	// 2.1 grows to 1.1²⁰ ≈ 6.7; 1.5 decays to 0.5²⁰ ≈ 9.5e-7.
	if math.Abs(p.Y.Max-math.Pow(1.1, 20)) > 1e-9 || math.Abs(p.Y.Min-math.Pow(0.5, 20)) > 1e-18 {
		t.Errorf("y range [%v, %v], want [0.5²⁰, 1.1²⁰]", p.Y.Min, p.Y.Max)
	}
	render(t, p)
	f := Factors([]float64{4, 1, -1})
	if f.X.Min != 0 || f.X.Max != 2.5/4 || f.Y.Min != -1.5 {
		t.Errorf("factor ranges [%v, %v] y from %v, want [0, 0.625] from -1.5", f.X.Min, f.X.Max, f.Y.Min)
	}
	if !legendHas(f, "λ = 4") || !legendHas(f, "λ = 1") || legendHas(f, "λ = -1") {
		t.Error("factor legend wrong: want λ = 4 and λ = 1, not the negative one")
	}
	render(t, f)
}

func TestSlices(t *testing.T) {
	calls := 0
	J := func(th []float64) float64 { calls++; return th[0]*th[0] + 3*th[1]*th[1] }
	p := Slices(J, []float64{1, 0}, &SliceSettings{T: 2, Points: 5}, Direction{"e1", []float64{1, 0}}, Direction{"e2", []float64{0, 1}})
	if calls != 10 {
		t.Errorf("%d evaluations, want 5 per direction", calls)
	}
	// Along e1 from θ = (1, 0): (1+t)², t ∈ [−2, 2] → 0 … 9. Along e2: 1 + 3t² → 1 … 13.
	if p.X.Min != -2 || p.X.Max != 2 || p.Y.Min != 0 || p.Y.Max != 13 {
		t.Errorf("ranges [%v, %v] × [%v, %v], want [-2, 2] × [0, 13]", p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
	}
	render(t, p)
}

func TestSurfaceNames(t *testing.T) {
	tests := []struct {
		a    []float64
		want string
	}{
		{[]float64{2, 1, 1, 2}, "bowl (minimum)"},
		{[]float64{-2, 1, 1, -2}, "cap (maximum)"},
		{[]float64{1, 2, 2, 1}, "saddle"},
		{[]float64{1, 1, 1, 1}, "flat valley (singular)"},
	}
	for _, tt := range tests {
		p := Quadratic(mat.NewSymDense(2, tt.a), Box{-1, 1, -1, 1}, &ContourSettings{N: 20})
		if !strings.HasPrefix(p.Title.Text, tt.want+":") {
			t.Errorf("A = %v: title %q, want it to start %q", tt.a, p.Title.Text, tt.want)
		}
		render(t, p)
	}
}

func TestTiles(t *testing.T) {
	a, b, c := Loss([]float64{1, 0.5}), Loss([]float64{2, 1}), Loss([]float64{3, 1})
	tl := Tile(2, a, b, c)
	if len(tl.Rows) != 2 || tl.Rows[1][0] != c || tl.Rows[1][1] != nil {
		t.Fatalf("rows %v, want [[a b] [c nil]]", tl.Rows)
	}
	if w, h := tl.Size(); w != 2*TileWidth || h != 2*TileHeight {
		t.Errorf("size %v × %v, want %v × %v", w, h, 2*TileWidth, 2*TileHeight)
	}
	render(t, tl)
	render(t, QuadraticSurfaces())
}

func TestEigenArrowsAndThetas(t *testing.T) {
	p := Contour(bowl, Box{-1, 1, -1, 1}, &ContourSettings{N: 10})
	EigenArrows(p, []float64{0, 0}, mat.NewSymDense(2, []float64{2, 0, 0, 8}))
	render(t, p)
	xy := Thetas([][]float64{{1, 2, 9}, {3, 4}})
	if len(xy) != 2 || xy[0] != (plotter.XY{X: 1, Y: 2}) || xy[1] != (plotter.XY{X: 3, Y: 4}) {
		t.Errorf("Thetas = %v", xy)
	}
}

func TestTicks(t *testing.T) {
	tests := []struct {
		min, max float64
		labels   string
	}{
		{-3, 3, "-3 -2 -1 0 1 2 3"},
		{0, 1, "0 0.2 0.4 0.6 0.8 1.0"},
		{-2, 2, "-2.0 -1.5 -1.0 -0.5 0 0.5 1.0 1.5 2.0"},
		{0, 300, "0 50 100 150 200 250 300"},
		{0.5, 7.5, "1 2 3 4 5 6 7"},
		{0, 1e-5, "0 2e-06 4e-06 6e-06 8e-06 1e-05"},
	}
	for _, tt := range tests {
		var labels []string
		for _, tk := range (ticks{}).Ticks(tt.min, tt.max) {
			if tk.Label != "" {
				labels = append(labels, tk.Label)
			}
			if tk.Value < tt.min || tk.Value > tt.max {
				t.Errorf("[%v, %v]: tick %v outside the range", tt.min, tt.max, tk.Value)
			}
		}
		if got := strings.Join(labels, " "); got != tt.labels {
			t.Errorf("[%v, %v]: labels %q, want %q", tt.min, tt.max, got, tt.labels)
		}
	}
}

func TestContourDegenerateFunctions(t *testing.T) {
	b := Box{-1, 1, -1, 1}
	for _, tt := range []struct {
		name string
		f    func([]float64) float64
	}{
		{"constant", func([]float64) float64 { return 2 }},
		{"all NaN", func([]float64) float64 { return math.NaN() }},
		{"half infinite", func(th []float64) float64 {
			if th[0] > 0 {
				return math.Inf(1)
			}
			return th[1]
		}},
	} {
		for _, filled := range []bool{false, true} {
			for _, sp := range []Spacing{Quantile, Linear, Log} {
				p := Contour(tt.f, b, &ContourSettings{N: 15, Filled: filled, Spacing: sp, EqualAxes: true},
					Path{"one point", plotter.XYs{{X: 0, Y: 0}}}, Path{"nothing finite", plotter.XYs{{X: math.NaN(), Y: 0}}})
				render(t, p)
			}
		}
	}
}

func TestDecimateKeepsEnvelope(t *testing.T) {
	n := 1_000_003
	xy := make(plotter.XYs, n)
	for i := range xy {
		xy[i] = plotter.XY{X: float64(i), Y: math.Sin(float64(i) / 7)}
	}
	xy[123457].Y = 5  // a spike
	xy[654321].Y = -5 // a dip
	d := decimate(xy)
	if len(d) > 4*maxBuckets {
		t.Fatalf("%d points after decimation, want at most %d", len(d), 4*maxBuckets)
	}
	if d[0] != xy[0] || d[len(d)-1] != xy[n-1] {
		t.Error("decimation lost the first or last point")
	}
	found := map[float64]bool{}
	for i, p := range d {
		found[p.Y] = true
		if i > 0 && p.X <= d[i-1].X {
			t.Fatalf("x not increasing at %d: %v after %v", i, p.X, d[i-1].X)
		}
	}
	if !found[5] || !found[-5] {
		t.Error("decimation lost the spike or the dip")
	}
	short := xy[:100]
	if got := decimate(short); len(got) != 100 {
		t.Errorf("a short curve was decimated to %d points", len(got))
	}
}

// A log axis over many decades labels at most nine of them.
func TestLogTicksThinOut(t *testing.T) {
	for _, r := range [][2]float64{{1e-15, 10}, {1e-3, 1e3}, {0.1, 1}} {
		labels := 0
		for _, tk := range (logTicks{}).Ticks(r[0], r[1]) {
			if tk.Label != "" {
				labels++
			}
		}
		if labels == 0 || labels > 9 {
			t.Errorf("[%g, %g]: %d labels", r[0], r[1], labels)
		}
	}
}

// A hand-built plot with zeros on a log axis draws, without them, and says so.
func TestLogYDropsNonPositive(t *testing.T) {
	p := plot.New()
	l, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 1}, {X: 1, Y: 0.1}, {X: 2, Y: 0}, {X: 3, Y: -1}, {X: 4, Y: 0.01}})
	if err != nil {
		t.Fatal(err)
	}
	p.Add(l)
	LogY(p, l)
	if l.Len() != 3 || p.Y.Min != 0.01 || p.Y.Max != 1 || !strings.Contains(p.X.Label.Text, "2 points ≤ 0") {
		t.Errorf("%d points, y range [%v, %v], note %q", l.Len(), p.Y.Min, p.Y.Max, p.X.Label.Text)
	}
	render(t, p)
}
