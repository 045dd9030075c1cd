package viz

import (
	"bytes"
	"image/png"
	"math"
	"testing"

	"github.com/gocurve/gocurve/kernel/display"
	"github.com/gocurve/gocurve/lib/hessian"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// The benchmark figure, drawn the same way by testdata/bench_matplotlib.py:
// q(θ) = ½θᵀAθ with A = R(30°) diag(1, 20) R(30°)ᵀ on a 200×200 grid over
// [−3, 3] × [−2, 2], 16 linear levels, three 200-step runs from (−2.5, 1.5),
// 600×400 CSS pixels drawn at 2× (1200×800 PNG).
var benchA = func() [2][2]float64 {
	c, s := math.Cos(math.Pi/6), math.Sin(math.Pi/6)
	l1, l2 := 1.0, 20.0
	return [2][2]float64{
		{c*c*l1 + s*s*l2, c * s * (l1 - l2)},
		{c * s * (l1 - l2), s*s*l1 + c*c*l2},
	}
}()

func benchQ(t []float64) float64 {
	a := benchA
	return 0.5 * (a[0][0]*t[0]*t[0] + 2*a[0][1]*t[0]*t[1] + a[1][1]*t[1]*t[1])
}

// benchRun is heavy-ball momentum p ← μp − α∇q, θ ← θ + p (μ = 0: GD).
func benchRun(alpha, mu float64) plotter.XYs {
	a := benchA
	x, y, px, py := -2.5, 1.5, 0.0, 0.0
	xy := make(plotter.XYs, 0, 201)
	xy = append(xy, plotter.XY{X: x, Y: y})
	for range 200 {
		gx, gy := a[0][0]*x+a[0][1]*y, a[1][0]*x+a[1][1]*y
		px, py = mu*px-alpha*gx, mu*py-alpha*gy
		x, y = x+px, y+py
		xy = append(xy, plotter.XY{X: x, Y: y})
	}
	return xy
}

func benchFigure() *plot.Plot {
	return Contour(benchQ, Box{-3, 3, -2, 2}, &ContourSettings{N: 200, Levels: 16, Spacing: Linear, Title: "ill-conditioned quadratic"},
		Path{"GD α=0.09", benchRun(0.09, 0)},
		Path{"GD α=0.02", benchRun(0.02, 0)},
		Path{"momentum α=0.02 μ=0.9", benchRun(0.02, 0.9)})
}

func encodeFigure(b *testing.B, p *plot.Plot, level png.CompressionLevel) int {
	c := vgimg.NewWith(vgimg.UseWH(Width, Height), vgimg.UseDPI(192))
	p.Draw(draw.New(c))
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: level}).Encode(&buf, c.Image()); err != nil {
		b.Fatal(err)
	}
	return buf.Len()
}

// BenchmarkContourFigure is the whole figure: grid, levels, paths, drawing
// at 1200×800 and PNG encoding (fastest compression, as kernel/display does).
func BenchmarkContourFigure(b *testing.B) {
	for b.Loop() {
		encodeFigure(b, benchFigure(), png.BestSpeed)
	}
}

// The parts, to see where the time goes.

func BenchmarkContourGrid(b *testing.B) {
	for b.Loop() {
		NewGrid(benchQ, Box{-3, 3, -2, 2}, 200)
	}
}

func BenchmarkContourDraw(b *testing.B) {
	p := benchFigure()
	for b.Loop() {
		c := vgimg.NewWith(vgimg.UseWH(Width, Height), vgimg.UseDPI(192))
		p.Draw(draw.New(c))
	}
}

func BenchmarkContourEncode(b *testing.B) {
	c := vgimg.NewWith(vgimg.UseWH(Width, Height), vgimg.UseDPI(192))
	benchFigure().Draw(draw.New(c))
	img := c.Image()
	for _, tt := range []struct {
		name  string
		level png.CompressionLevel
	}{{"BestSpeed", png.BestSpeed}, {"Default", png.DefaultCompression}, {"None", png.NoCompression}} {
		b.Run(tt.name, func(b *testing.B) {
			var n int
			for b.Loop() {
				var buf bytes.Buffer
				if err := (&png.Encoder{CompressionLevel: tt.level}).Encode(&buf, img); err != nil {
					b.Fatal(err)
				}
				n = buf.Len()
			}
			b.ReportMetric(float64(n), "bytes")
		})
	}
}

// BenchmarkInteractRedraw is one redraw of the browser test's Interact
// (test/python/test_widgets.py ALPHA_CELL): gradient descent on the
// ill-conditioned quadratic, built by viz.Quadratic and encoded as the SVG
// the output widget shows. Reported: the SVG's bytes.
func BenchmarkInteractRedraw(b *testing.B) {
	q := hessian.NewQuadratic([]float64{1, 10}, nil)
	var n int
	for b.Loop() {
		path := [][]float64{{2.5, 2}}
		for k := 1; k <= 30; k++ {
			th, _ := q.GDIterate(path[0], 0.05, k)
			path = append(path, th)
		}
		p := Quadratic(q.A, Box{XMin: -3, XMax: 3, YMin: -3, YMax: 3}, nil, Path{Name: "GD, α = 0.050", XY: Thetas(path)})
		svg, err := display.EncodeSVG(p, display.DefaultWidth, display.DefaultHeight)
		if err != nil {
			b.Fatal(err)
		}
		n = len(svg)
	}
	b.ReportMetric(float64(n), "bytes")
}
