package display

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gocurve/gocurve/lib/viz"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// courseKinds are figures of the kinds the course shows, drawn from the
// data of test/bench/figures: a contour and a heat map of the benchmark
// quadratic with three optimizer paths, the three runs' loss curves on a
// log axis, and the spectrum of a random symmetric 50×50 matrix.
func courseKinds() []struct {
	name string
	p    *plot.Plot
} {
	box := viz.Box{XMin: -3, XMax: 3, YMin: -2, YMax: 2}
	set := &viz.ContourSettings{N: 200, Levels: 16, Spacing: viz.Linear, Title: "ill-conditioned quadratic"}
	var paths []viz.Path
	var series []viz.Series
	for _, r := range []struct {
		name      string
		alpha, mu float64
	}{{"GD α=0.09", 0.09, 0}, {"GD α=0.02", 0.02, 0}, {"momentum α=0.02 μ=0.9", 0.02, 0.9}} {
		xy := benchRun(r.alpha, r.mu)
		paths = append(paths, viz.Path{Name: r.name, XY: xy})
		loss := make([]float64, len(xy))
		for i, p := range xy {
			loss[i] = benchQ([]float64{p.X, p.Y})
		}
		series = append(series, viz.Series{Name: r.name, Y: loss})
	}
	rng := rand.New(rand.NewPCG(1, 2))
	g := mat.NewSymDense(50, nil)
	for i := range 50 {
		for j := i; j < 50; j++ {
			g.SetSym(i, j, rng.NormFloat64())
		}
	}
	var es mat.EigenSym
	es.Factorize(g, false)
	return []struct {
		name string
		p    *plot.Plot
	}{
		{"contour", viz.Contour(benchQ, box, set, paths...)},
		{"heat map", viz.Heatmap(benchQ, box, set, paths...)},
		{"loss curves", viz.Losses(nil, series...)},
		{"spectrum", viz.Spectrum(es.Values(nil))},
	}
}

// Each kind of course figure, as EncodePNG draws and writes it, takes at
// most a third of the bytes of the former PNG of the same figure at the
// same resolution (drawn by vgimg alone, written by encodeBaseline: the
// reference of the PNG sizes in BENCHMARKS.md), and the encoding stays
// within the error bounds of its drawing over the whole picture: a mean
// distance of at most quantMeanError and at most a share quantEdgeShare of
// the pixels further than quantEdgeError.
func TestPNGSizeByKind(t *testing.T) {
	for _, k := range courseKinds() {
		c := vgimg.NewWith(vgimg.UseWH(DefaultWidth, DefaultHeight), vgimg.UseDPI(192))
		k.p.Draw(draw.New(c))
		var ref bytes.Buffer
		if err := encodeBaseline(&ref, c.Image().(*image.RGBA)); err != nil {
			t.Fatal(err)
		}
		img, err := rasterize(k.p, DefaultWidth, DefaultHeight, 192)
		if err != nil {
			t.Fatal(err)
		}
		m := img.(*image.RGBA)
		var got bytes.Buffer
		if err := encodePNG(&got, m); err != nil {
			t.Fatal(err)
		}
		r := float64(got.Len()) / float64(ref.Len())
		t.Logf("%s: %d of %d bytes (%.3f)", k.name, got.Len(), ref.Len(), r)
		if 3*got.Len() > ref.Len() {
			t.Errorf("%s: %d bytes, %.3f of the former PNG's %d; at most a third", k.name, got.Len(), r, ref.Len())
		}
		decoded, err := png.Decode(&got)
		if err != nil {
			t.Fatal(err)
		}
		mean, far := distances(m, decoded)
		if mean > quantMeanError || far > quantEdgeShare {
			t.Errorf("%s: mean distance %.2f (bound %v), %.2f%% of the pixels further than %v (bound %v%%)", k.name, mean, quantMeanError, 100*far, quantEdgeError, 100*quantEdgeShare)
		}
	}
}

// distances returns the mean redmean distance between the pixels of m and
// got, and the share of them further apart than quantEdgeError.
func distances(m *image.RGBA, got image.Image) (mean, far float64) {
	b := m.Bounds()
	var sum, n, beyond float64
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			w := m.RGBAAt(x, y)
			g := color.RGBAModel.Convert(got.At(x, y)).(color.RGBA)
			d := math.Sqrt(redmean2(channels(rgbKey([]byte{w.R, w.G, w.B})), []byte{g.R, g.G, g.B}))
			sum += d
			n++
			if d > quantEdgeError {
				beyond++
			}
		}
	}
	return sum / n, beyond / n
}
