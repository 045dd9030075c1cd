package display

import (
	"bytes"
	"compress/zlib"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Images the encoder writes exactly come back exactly: those that are not
// opaque *image.RGBA, and opaque ones of at most 256 colours. Noise, which
// no palette fits, comes back with each sample within nearRGBTolerance and
// the mean distance within quantMeanError.
func TestEncodePNGRoundTrip(t *testing.T) {
	opaque := noise(37, 23)
	translucent := image.NewRGBA(image.Rect(0, 0, 5, 4))
	translucent.Set(1, 1, color.RGBA{R: 10, A: 20})
	sub := opaque.SubImage(image.Rect(3, 4, 20, 19))
	few := fewColours(256, 41, 17) // exactly 256 colours: the largest palette
	for _, tc := range []struct {
		img image.Image
		tol int // how far a sample may move
	}{
		{translucent, 0},
		{image.NewGray(image.Rect(0, 0, 3, 3)), 0},
		{few, 0},
		{fewColours(3, 9, 5), 0},
		{opaque, nearRGBTolerance},
		{sub, nearRGBTolerance},
	} {
		var buf bytes.Buffer
		if err := encodePNG(&buf, tc.img); err != nil {
			t.Fatal(err)
		}
		got, err := png.Decode(&buf)
		if err != nil {
			t.Fatalf("%T %v: decoding: %v", tc.img, tc.img.Bounds(), err)
		}
		b := tc.img.Bounds()
		if got.Bounds().Size() != b.Size() {
			t.Fatalf("%T: size %v, want %v", tc.img, got.Bounds().Size(), b.Size())
		}
		var sum float64
		for y := range b.Dy() {
			for x := range b.Dx() {
				w := color.NRGBAModel.Convert(tc.img.At(b.Min.X+x, b.Min.Y+y)).(color.NRGBA)
				g := color.NRGBAModel.Convert(got.At(got.Bounds().Min.X+x, got.Bounds().Min.Y+y)).(color.NRGBA)
				if w.A != g.A || absDiff(w.R, g.R) > tc.tol || absDiff(w.G, g.G) > tc.tol || absDiff(w.B, g.B) > tc.tol {
					t.Fatalf("%T %v: pixel (%d,%d) = %v, want %v within %d", tc.img, b, x, y, g, w, tc.tol)
				}
				sum += math.Sqrt(redmean2(channels(rgbKey([]byte{w.R, w.G, w.B})), []byte{g.R, g.G, g.B}))
			}
		}
		if mean := sum / float64(b.Dx()*b.Dy()); mean > quantMeanError {
			t.Errorf("%T %v: mean distance %.2f, bound %v", tc.img, b, mean, quantMeanError)
		}
	}
}

func absDiff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}

// A smooth shading of more colours than a palette can hold within the
// bounds (red, green and blue waves of different lengths over 256×256
// pixels, tens of thousands of colours) is written as
// RGB with samples moved by at most nearRGBTolerance, within the mean
// bound, in at most three quarters of the bytes of its exact encoding; the
// encoding is the same bytes every time.
func TestEncodePNGNearRGB(t *testing.T) {
	m := image.NewRGBA(image.Rect(0, 0, 256, 256))
	for y := range 256 {
		for x := range 256 {
			fx, fy := float64(x), float64(y)
			wave := func(a, b float64) byte { return byte(127.5 + 127*math.Sin(fx/a)*math.Cos(fy/b)) }
			m.SetRGBA(x, y, color.RGBA{R: wave(23, 31), G: wave(37, 19), B: wave(13, 29), A: 255})
		}
	}
	var near, exact bytes.Buffer
	if err := encodePNG(&near, m); err != nil {
		t.Fatal(err)
	}
	if err := encodeNearRGB(&exact, m, 0); err != nil {
		t.Fatal(err)
	}
	if 4*near.Len() > 3*exact.Len() {
		t.Errorf("near RGB PNG is %d bytes, more than three quarters of the exact RGB PNG's %d", near.Len(), exact.Len())
	}
	var again bytes.Buffer
	if err := encodePNG(&again, m); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), near.Bytes()) {
		t.Error("a second encoding differs from the first")
	}
	got, err := png.Decode(&near)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := got.(*image.RGBA); !ok {
		t.Fatalf("decoded as %T, want RGB", got)
	}
	var sum float64
	moved := 0
	for y := range 256 {
		for x := range 256 {
			w, g := m.RGBAAt(x, y), got.(*image.RGBA).RGBAAt(x, y)
			if absDiff(w.R, g.R) > nearRGBTolerance || absDiff(w.G, g.G) > nearRGBTolerance || absDiff(w.B, g.B) > nearRGBTolerance {
				t.Fatalf("pixel (%d,%d) = %v, want %v within %d", x, y, g, w, nearRGBTolerance)
			}
			if w != g {
				moved++
			}
			sum += math.Sqrt(redmean2(channels(rgbKey([]byte{w.R, w.G, w.B})), []byte{g.R, g.G, g.B}))
		}
	}
	if mean := sum / (256 * 256); mean > quantMeanError || moved == 0 {
		t.Errorf("mean distance %.2f (bound %v), %d pixels moved", mean, quantMeanError, moved)
	}
}

// fewColours returns an opaque w×h image using exactly n ≤ w·h colours.
func fewColours(n, w, h int) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range w * h {
		c := i % n
		m.Set(i%w, i/w, color.RGBA{R: byte(c), G: byte(c >> 8), B: 7, A: 255})
	}
	return m
}

// An opaque image of at most 256 colours is written as a palette image;
// one of more as a palette image where 256 colours keep it within the
// error bounds (near colours: a gradient), else as RGB (noise).
func TestEncodePNGPalette(t *testing.T) {
	for _, tc := range []struct {
		name    string
		img     image.Image
		palette bool
	}{
		{"2 colours", fewColours(2, 30, 20), true},
		{"256 colours", fewColours(256, 30, 20), true},
		{"257 near colours", fewColours(257, 30, 20), true},
		{"noise", noise(64, 48), false},
	} {
		var buf bytes.Buffer
		if err := encodePNG(&buf, tc.img); err != nil {
			t.Fatal(err)
		}
		got, err := png.Decode(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if _, isPal := got.(*image.Paletted); isPal != tc.palette {
			t.Errorf("%s (%d colours): decoded as %T, palette %v", tc.name, countColours(tc.img), got, tc.palette)
		}
	}
}

// noise is an opaque w×h image of random colours.
func noise(w, h int) *image.RGBA {
	rng := rand.New(rand.NewPCG(3, 4))
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range m.Pix {
		m.Pix[i] = byte(rng.IntN(256))
		if i%4 == 3 {
			m.Pix[i] = 255
		}
	}
	return m
}

// heatMap draws a smooth heat map of 120×80 cells over a diagonal line,
// antialiased, at the default size: thousands of colours.
func heatMap(t *testing.T) *image.RGBA {
	t.Helper()
	p := plot.New()
	p.Add(plotter.NewHeatMap(grid{120, 80}, moreland.SmoothBlueRed().Palette(255)))
	l, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: 119, Y: 79}})
	if err != nil {
		t.Fatal(err)
	}
	p.Add(l)
	c := vgimg.NewWith(vgimg.UseWH(DefaultWidth, DefaultHeight), vgimg.UseDPI(192))
	p.Draw(draw.New(c))
	return c.Image().(*image.RGBA)
}

// grid is a smooth surface over c×r cells.
type grid struct{ c, r int }

func (g grid) Dims() (c, r int)   { return g.c, g.r }
func (g grid) X(c int) float64    { return float64(c) }
func (g grid) Y(r int) float64    { return float64(r) }
func (g grid) Z(c, r int) float64 { return math.Sin(float64(c)/20) + math.Cos(float64(r)/15) }

// A heat map of thousands of colours is written with a fitted palette at a
// third of its RGB encoding (what it was written as before) or less, and each pixel of the decoded image is
// within the bounds quantize promises: a mean distance of at most
// quantMeanError, and at most a share quantEdgeShare further than
// quantEdgeError.
func TestEncodePNGQuantizedHeatMap(t *testing.T) {
	m := heatMap(t)
	if n := countColours(m); n <= 256 {
		t.Fatalf("the heat map has %d colours; the test needs more than 256", n)
	}
	var buf, rgb bytes.Buffer
	if err := encodePNG(&buf, m); err != nil {
		t.Fatal(err)
	}
	if err := encodeBaseline(&rgb, m); err != nil {
		t.Fatal(err)
	}
	if 3*buf.Len() > rgb.Len() {
		t.Errorf("quantized PNG is %d bytes, more than a third of the RGB PNG's %d", buf.Len(), rgb.Len())
	}
	got, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := got.(*image.Paletted); !ok {
		t.Fatalf("decoded as %T, want a palette image", got)
	}
	var sum, far float64
	b := m.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			w := m.RGBAAt(x, y)
			g := color.RGBAModel.Convert(got.At(x, y)).(color.RGBA)
			d := math.Sqrt(redmean2(channels(rgbKey([]byte{w.R, w.G, w.B})), []byte{g.R, g.G, g.B}))
			sum += d
			if d > quantEdgeError {
				far++
			}
		}
	}
	n := float64(b.Dx() * b.Dy())
	if sum/n > quantMeanError || far/n > quantEdgeShare {
		t.Errorf("mean distance %.2f (bound %v), %.3f%% of pixels further than %v (bound %v%%)", sum/n, quantMeanError, 100*far/n, quantEdgeError, 100*quantEdgeShare)
	}
}

// The encoding is the same bytes every time (the palette does not depend on
// map order).
func TestEncodePNGDeterministic(t *testing.T) {
	m := heatMap(t)
	var first []byte
	for i := range 3 {
		var buf bytes.Buffer
		if err := encodePNG(&buf, m); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = buf.Bytes()
		} else if !bytes.Equal(buf.Bytes(), first) {
			t.Fatalf("encoding %d differs from the first", i)
		}
	}
}

func countColours(img image.Image) int {
	seen := map[color.Color]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			seen[img.At(x, y)] = true
		}
	}
	return len(seen)
}

// A line plot with more than 256 colours (antialiased strokes in several
// colours) gets a palette of fewer than 256 where that keeps the bounds on
// the ink, the pixels not of the background, and the background within the
// mean bound.
func TestEncodePNGSmallerPaletteForLines(t *testing.T) {
	p := plot.New()
	for i, c := range []color.RGBA{{R: 27, G: 158, B: 119, A: 255}, {R: 217, G: 95, B: 2, A: 255}, {R: 117, G: 112, B: 179, A: 255}} {
		xy := make(plotter.XYs, 200)
		for j := range xy {
			x := float64(j) / 20
			xy[j] = plotter.XY{X: x, Y: math.Sin(x+float64(i)) * math.Exp(-x/5)}
		}
		l, err := plotter.NewLine(xy)
		if err != nil {
			t.Fatal(err)
		}
		l.Color, l.Width = c, 2
		p.Add(l)
	}
	c := vgimg.NewWith(vgimg.UseWH(DefaultWidth, DefaultHeight), vgimg.UseDPI(192))
	p.Draw(draw.New(c))
	m := c.Image().(*image.RGBA)
	if n := countColours(m); n <= 256 {
		t.Fatalf("the plot has %d colours; the test needs more than 256", n)
	}
	var buf bytes.Buffer
	if err := encodePNG(&buf, m); err != nil {
		t.Fatal(err)
	}
	got, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	pal, ok := got.(*image.Paletted)
	if !ok || len(pal.Palette) >= 256 {
		t.Fatalf("decoded as %T (palette of %d), want a palette of fewer than 256", got, len(pal.Palette))
	}
	white := color.RGBA{R: 255, G: 255, B: 255, A: 255}
	var ink, sum, far float64
	b := m.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			w := m.RGBAAt(x, y)
			g := color.RGBAModel.Convert(got.At(x, y)).(color.RGBA)
			d := math.Sqrt(redmean2(channels(rgbKey([]byte{w.R, w.G, w.B})), []byte{g.R, g.G, g.B}))
			if w == white {
				if d > quantMeanError {
					t.Fatalf("the background moved to %v", g)
				}
				continue
			}
			ink++
			sum += d
			if d > quantEdgeError {
				far++
			}
		}
	}
	if sum/ink > quantMeanError || far/ink > quantEdgeShare {
		t.Errorf("on the ink: mean distance %.2f (bound %v), %.2f%% further than %v (bound %v%%)", sum/ink, quantMeanError, 100*far/ink, quantEdgeError, 100*quantEdgeShare)
	}
}

// encodeBaseline writes opaque m as the encoder before issue 14's fitted
// palettes did, the reference of the PNG sizes in BENCHMARKS.md: exactly,
// as a palette image (rows unfiltered, zlib's default level) where m has at
// most 256 colours, else as 8-bit RGB, every row filtered Up, zlib
// BestSpeed.
func encodeBaseline(w io.Writer, m *image.RGBA) error {
	if h := histogram(m, 256); h != nil {
		palette, index := exactPalette(h)
		return encodePaletted(w, m, palette, index, zlib.DefaultCompression)
	}
	b := m.Bounds()
	var idat bytes.Buffer
	zw, err := zlib.NewWriterLevel(&idat, zlib.BestSpeed)
	if err != nil {
		return err
	}
	prev := make([]byte, 3*b.Dx())
	cur := make([]byte, 3*b.Dx())
	out := make([]byte, 1+3*b.Dx())
	out[0] = 2 // Up
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := range b.Dx() {
			copy(cur[3*x:], m.Pix[m.PixOffset(b.Min.X+x, y):][:3])
		}
		for i := range cur {
			out[1+i] = cur[i] - prev[i]
		}
		if _, err := zw.Write(out); err != nil {
			return err
		}
		prev, cur = cur, prev
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return writePNG(w, b.Dx(), b.Dy(), 2, nil, idat.Bytes())
}
