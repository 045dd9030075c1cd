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
