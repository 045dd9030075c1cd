package display

import (
	"bytes"
	"image"
	"image/png"
	"math"
	"syscall"
	"testing"
	"time"

	"github.com/gocurve/gocurve/lib/viz"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// The figure of lib/viz's benchmark and lib/viz/testdata/bench_matplotlib.py:
// q(θ) = ½θᵀAθ, A = R(30°) diag(1, 20) R(30°)ᵀ, 200×200 grid over
// [−3, 3] × [−2, 2], 16 linear levels, three 200-step runs from (−2.5, 1.5).
var benchA = func() [2][2]float64 {
	c, s := math.Cos(math.Pi/6), math.Sin(math.Pi/6)
	return [2][2]float64{{c*c + 20*s*s, c * s * (1 - 20)}, {c * s * (1 - 20), s*s + 20*c*c}}
}()

func benchQ(t []float64) float64 {
	a := benchA
	return 0.5 * (a[0][0]*t[0]*t[0] + 2*a[0][1]*t[0]*t[1] + a[1][1]*t[1]*t[1])
}

// benchRun is heavy-ball momentum p ← μp − α∇q, θ ← θ + p (μ = 0: GD).
func benchRun(alpha, mu float64) plotter.XYs {
	a := benchA
	x, y, px, py := -2.5, 1.5, 0.0, 0.0
	xy := plotter.XYs{{X: x, Y: y}}
	for range 200 {
		gx, gy := a[0][0]*x+a[0][1]*y, a[1][0]*x+a[1][1]*y
		px, py = mu*px-alpha*gx, mu*py-alpha*gy
		x, y = x+px, y+py
		xy = append(xy, plotter.XY{X: x, Y: y})
	}
	return xy
}

func benchFigure() *plot.Plot {
	return viz.Contour(benchQ, viz.Box{XMin: -3, XMax: 3, YMin: -2, YMax: 2},
		&viz.ContourSettings{N: 200, Levels: 16, Spacing: viz.Linear, Title: "ill-conditioned quadratic"},
		viz.Path{Name: "GD α=0.09", XY: benchRun(0.09, 0)},
		viz.Path{Name: "GD α=0.02", XY: benchRun(0.02, 0)},
		viz.Path{Name: "momentum α=0.02 μ=0.9", XY: benchRun(0.02, 0.9)})
}

// BenchmarkFigure is what a cell pays to show the figure: grid, levels,
// paths, drawing at 1200×800 and PNG encoding, as display.Render does.
//
// Besides wall time it reports the process's CPU time (user + system) per
// figure, which other jobs on a shared machine disturb much less.
func BenchmarkFigure(b *testing.B) {
	var n int
	cpu0 := cpuTime()
	for b.Loop() {
		data, err := EncodePNG(benchFigure(), DefaultWidth, DefaultHeight)
		if err != nil {
			b.Fatal(err)
		}
		n = len(data)
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(n), "bytes")
}

// BenchmarkFigureShown is what a cell pays to show the figure with the
// default settings: drawing it as SVG and as PNG and keeping the smaller.
func BenchmarkFigureShown(b *testing.B) {
	var n int
	cpu0 := cpuTime()
	for b.Loop() {
		bundle := Render(benchFigure())
		for _, v := range bundle.Data {
			n = max(n, len(v.(string)))
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(n), "stored-bytes")
}

// cpuTime is the process's user + system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkEncode compares the package's PNG encoding of the drawn figure
// with the former encoder's (encodeBaseline, the reference of the PNG sizes
// in BENCHMARKS.md) and image/png's.
func BenchmarkEncode(b *testing.B) {
	c := vgimg.NewWith(vgimg.UseWH(DefaultWidth, DefaultHeight), vgimg.UseDPI(192))
	benchFigure().Draw(draw.New(c))
	img := c.Image()
	b.Run("display", func(b *testing.B) {
		var n int
		for b.Loop() {
			var buf bytes.Buffer
			if err := encodePNG(&buf, img); err != nil {
				b.Fatal(err)
			}
			n = buf.Len()
		}
		b.ReportMetric(float64(n), "bytes")
	})
	b.Run("former", func(b *testing.B) {
		var n int
		for b.Loop() {
			var buf bytes.Buffer
			if err := encodeBaseline(&buf, img.(*image.RGBA)); err != nil {
				b.Fatal(err)
			}
			n = buf.Len()
		}
		b.ReportMetric(float64(n), "bytes")
	})
	for _, lv := range []struct {
		name  string
		level png.CompressionLevel
	}{{"image-png-BestSpeed", png.BestSpeed}, {"image-png-Default", png.DefaultCompression}} {
		b.Run(lv.name, func(b *testing.B) {
			var n int
			for b.Loop() {
				var buf bytes.Buffer
				if err := (&png.Encoder{CompressionLevel: lv.level}).Encode(&buf, img); err != nil {
					b.Fatal(err)
				}
				n = buf.Len()
			}
			b.ReportMetric(float64(n), "bytes")
		})
	}
}

// BenchmarkCourseKinds is what showing each kind of course figure costs:
// drawn and written as a PNG (EncodePNG, what PNGFormat shows), and shown
// with the default settings (Render: SVG and PNG, the smaller kept). Besides
// wall time it reports the process's CPU time per figure.
func BenchmarkCourseKinds(b *testing.B) {
	for _, k := range courseKinds() {
		b.Run("png/"+k.name, func(b *testing.B) {
			cpu0 := cpuTime()
			for b.Loop() {
				if _, err := EncodePNG(k.p, DefaultWidth, DefaultHeight); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
		})
		b.Run("shown/"+k.name, func(b *testing.B) {
			cpu0 := cpuTime()
			for b.Loop() {
				Render(k.p)
			}
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
		})
	}
}
