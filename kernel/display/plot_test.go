package display

import (
	"encoding/base64"
	"image"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// scatter is a plot of n random points: many small vector marks.
func scatter(n int) *plot.Plot {
	rng := rand.New(rand.NewPCG(5, 6))
	xy := make(plotter.XYs, n)
	for i := range xy {
		xy[i] = plotter.XY{X: rng.NormFloat64(), Y: rng.NormFloat64()}
	}
	s, err := plotter.NewScatter(xy)
	if err != nil {
		panic(err)
	}
	p := plot.New()
	p.Add(s)
	return p
}

// AutoFormat keeps whichever of SVG and PNG is smaller, and only that.
func TestAutoFormatKeepsTheSmaller(t *testing.T) {
	for _, tc := range []struct {
		name string
		p    *plot.Plot
		want string
	}{
		{"line", testPlot(), MIMESVG},
		{"scatter of 20000 points", scatter(20000), MIMEPNG},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, h := PlotDefaults().size()
			svg, err := EncodeSVG(tc.p, w, h)
			if err != nil {
				t.Fatal(err)
			}
			pngData, err := EncodePNG(tc.p, w, h)
			if err != nil {
				t.Fatal(err)
			}
			b := Render(tc.p)
			if _, ok := b.Data[tc.want]; !ok {
				t.Fatalf("SVG %d bytes, PNG %d bytes: bundle has %v, want %s", len(svg), len(pngData), keys(b), tc.want)
			}
			if len(b.Data) != 2 {
				t.Errorf("bundle has %v, want one image and text/plain", keys(b))
			}
			var got int
			if s, ok := b.Data[MIMESVG].(string); ok {
				got = len(s)
			} else {
				raw, _ := base64.StdEncoding.DecodeString(b.Data[MIMEPNG].(string))
				got = len(raw)
			}
			if got > min(len(svg), len(pngData)) {
				t.Errorf("kept %d bytes; SVG %d, PNG %d", got, len(svg), len(pngData))
			}
		})
	}
}

// Scale sets the PNG's pixels per CSS pixel; the page size stays.
func TestPlotScale(t *testing.T) {
	withSettings(t, PlotSettings{Format: PNGFormat, Scale: 1})
	b := Render(testPlot())
	if got := decodePNG(t, b).Bounds().Size(); got != (image.Point{X: 600, Y: 400}) {
		t.Errorf("PNG at scale 1 is %v pixels, want 600×400", got)
	}
	if w, h := pngSize(t, b); w != 600 || h != 400 {
		t.Errorf("metadata size %d×%d, want 600×400", w, h)
	}
}

func TestSetPlotDefaultsRefusesNonsense(t *testing.T) {
	for _, s := range []PlotSettings{{Scale: -1}, {Scale: math.NaN()}, {Width: -1}, {Height: vg.Length(math.NaN())}, {Format: SVGFormat + 1}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("SetPlotDefaults(%+v) did not panic", s)
				}
			}()
			SetPlotDefaults(s)
		}()
	}
	if PlotDefaults() != (PlotSettings{}) {
		t.Errorf("a refused setting changed the defaults to %+v", PlotDefaults())
	}
}

// sizeRecorder is a plotter that records the sizes it is fitted to.
type sizeRecorder struct{ sizes []vg.Point }

func (r *sizeRecorder) FitSize(_ *plot.Plot, w, h vg.Length) {
	r.sizes = append(r.sizes, vg.Point{X: w, Y: h})
}

func (r *sizeRecorder) Plot(draw.Canvas, *plot.Plot) {}

// A plot is fitted to the size it is drawn at before it is drawn, in
// either format: lib/viz places its legend off the data for that size.
func TestPlotFittedToSizeDrawn(t *testing.T) {
	for _, tc := range []struct {
		name   string
		encode func(Drawer, vg.Length, vg.Length) ([]byte, error)
	}{{"PNG", EncodePNG}, {"SVG", EncodeSVG}} {
		for _, size := range []vg.Point{{X: 300, Y: 200}, {X: DefaultWidth, Y: DefaultHeight}, {X: 200, Y: 600}} {
			p := plot.New()
			r := &sizeRecorder{}
			p.Add(r)
			if _, err := tc.encode(p, size.X, size.Y); err != nil {
				t.Fatal(err)
			}
			if len(r.sizes) != 1 || r.sizes[0] != size {
				t.Errorf("%s at %v: fitted to %v, want once to the size drawn", tc.name, size, r.sizes)
			}
		}
	}
}
