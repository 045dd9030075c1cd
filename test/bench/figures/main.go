// Command figures draws four figures of the kinds the course shows — a
// contour with three optimizer paths, the same as a heatmap, three loss
// curves on a log axis and an eigenvalue spectrum — the way a cell shows
// them (display.Render with the default plot settings), and writes to
// standard output, as JSON, each figure's data and the bytes of its
// encoding. test/bench/figures.py draws the same data with matplotlib.
package main

import (
	"encoding/base64"
	"encoding/json"
	"flag"
	"math"
	"math/rand/v2"
	"os"

	"github.com/gocurve/gocurve/kernel/display"
	"github.com/gocurve/gocurve/lib/viz"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

// figure is one figure: its kind, its data and the bytes gocurve shows.
type figure struct {
	Kind  string      `json:"kind"`
	Paths [][]float64 `json:"paths,omitempty"` // x0, y0, x1, y1, … per path
	Names []string    `json:"names,omitempty"`
	Ys    [][]float64 `json:"ys,omitempty"`
	MIME  string      `json:"mime"`
	Bytes int         `json:"bytes"`
}

// a is the benchmark quadratic's matrix: R(30°) diag(1, 20) R(30°)ᵀ.
var a = func() [2][2]float64 {
	c, s := math.Cos(math.Pi/6), math.Sin(math.Pi/6)
	return [2][2]float64{{c*c + 20*s*s, c * s * (1 - 20)}, {c * s * (1 - 20), s*s + 20*c*c}}
}()

func q(t []float64) float64 {
	return 0.5 * (a[0][0]*t[0]*t[0] + 2*a[0][1]*t[0]*t[1] + a[1][1]*t[1]*t[1])
}

// run is heavy-ball momentum from (−2.5, 1.5) for 200 steps (μ = 0: GD).
func run(alpha, mu float64) (plotter.XYs, []float64) {
	x, y, px, py := -2.5, 1.5, 0.0, 0.0
	xy := plotter.XYs{{X: x, Y: y}}
	loss := []float64{q([]float64{x, y})}
	for range 200 {
		gx, gy := a[0][0]*x+a[0][1]*y, a[1][0]*x+a[1][1]*y
		px, py = mu*px-alpha*gx, mu*py-alpha*gy
		x, y = x+px, y+py
		xy = append(xy, plotter.XY{X: x, Y: y})
		loss = append(loss, q([]float64{x, y}))
	}
	return xy, loss
}

func main() {
	pngOnly := flag.Bool("png", false, "draw every figure as PNG (display.PNGFormat), for the PNG encoder's sizes")
	flag.Parse()
	if *pngOnly {
		display.SetPlotDefaults(display.PlotSettings{Format: display.PNGFormat})
	}
	names := []string{"GD α=0.09", "GD α=0.02", "momentum α=0.02 μ=0.9"}
	var paths []viz.Path
	var flat, losses [][]float64
	var series []viz.Series
	for i, c := range [][2]float64{{0.09, 0}, {0.02, 0}, {0.02, 0.9}} {
		xy, loss := run(c[0], c[1])
		paths = append(paths, viz.Path{Name: names[i], XY: xy})
		var f []float64
		for _, p := range xy {
			f = append(f, p.X, p.Y)
		}
		flat = append(flat, f)
		losses = append(losses, loss)
		series = append(series, viz.Series{Name: names[i], Y: loss})
	}
	box := viz.Box{XMin: -3, XMax: 3, YMin: -2, YMax: 2}
	set := &viz.ContourSettings{N: 200, Levels: 16, Spacing: viz.Linear, Title: "ill-conditioned quadratic"}

	rng := rand.New(rand.NewPCG(1, 2))
	g := mat.NewSymDense(50, nil)
	for i := 0; i < 50; i++ {
		for j := i; j < 50; j++ {
			g.SetSym(i, j, rng.NormFloat64())
		}
	}
	var es mat.EigenSym
	es.Factorize(g, false)
	eig := es.Values(nil)

	figs := []struct {
		f figure
		p *plot.Plot
	}{
		{figure{Kind: "contour", Paths: flat, Names: names}, viz.Contour(q, box, set, paths...)},
		{figure{Kind: "heatmap", Paths: flat, Names: names}, viz.Heatmap(q, box, set, paths...)},
		{figure{Kind: "losses", Ys: losses, Names: names}, viz.Losses(nil, series...)},
		{figure{Kind: "spectrum", Ys: [][]float64{eig}}, viz.Spectrum(eig)},
	}
	var out []figure
	for _, f := range figs {
		b := display.Render(f.p)
		for _, mime := range []string{display.MIMESVG, display.MIMEPNG} {
			s, ok := b.Data[mime].(string)
			if !ok {
				continue
			}
			f.f.MIME, f.f.Bytes = mime, len(s)
			if mime == display.MIMEPNG {
				raw, err := base64.StdEncoding.DecodeString(s)
				if err != nil {
					panic(err)
				}
				f.f.Bytes = len(raw)
			}
		}
		out = append(out, f.f)
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		panic(err)
	}
}
