package display

import (
	"image"
	"image/color"
	"math"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"
)

// drawn draws text (or a circle, if text is empty) at x, y pixels on a
// white 60×30 pixel canvas through pixelText (or vgimg alone if plain),
// rotated by rot radians about (30, 5) pixels, and returns the picture.
func drawn(t *testing.T, text string, x, y, rot float64, plain bool) *image.RGBA {
	t.Helper()
	const dpi = 192
	px := func(v float64) vg.Length { return vg.Length(v) * vg.Inch / dpi }
	img := image.NewRGBA(image.Rect(0, 0, 60, 30))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	vc := vgimg.NewWith(vgimg.UseImage(img), vgimg.UseDPI(dpi))
	var c vg.Canvas = vc
	if !plain {
		c = &pixelText{Canvas: vc}
	}
	c.SetColor(color.Black)
	c.Push()
	if rot != 0 { // about (30, 5) pixels
		c.Translate(vg.Point{X: px(30), Y: px(5)})
		c.Rotate(rot)
	}
	if text == "" {
		var p vg.Path
		centre := vg.Point{X: px(x), Y: px(y)}
		p.Move(vg.Point{X: centre.X + px(5), Y: centre.Y})
		p.Arc(centre, px(5), 0, 2*math.Pi)
		p.Close()
		c.Fill(p)
	} else {
		fnt := font.DefaultCache.Lookup(plot.DefaultFont, 12)
		c.FillString(fnt, vg.Point{X: px(x), Y: px(y)}, text)
	}
	c.Pop()
	img = vc.Image().(*image.RGBA)
	ink := 0
	for i := 0; i < len(img.Pix); i += 4 {
		if img.Pix[i] != 255 {
			ink++
		}
	}
	if ink == 0 {
		t.Fatalf("%q at (%g, %g): nothing drawn", text, x, y)
	}
	return img
}

// Glyphs and round marks are drawn with their origin on the nearest whole
// pixel: drawn a fraction of a pixel apart that rounds to the same pixel
// they are the same pixels, where vgimg alone draws them differently;
// rotated text is drawn as vgimg draws it.
func TestPixelText(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
	}{{"text", "0.8"}, {"circle", ""}} {
		a := drawn(t, tc.text, 10.2, 12.1, 0, false)
		b := drawn(t, tc.text, 10.4, 11.7, 0, false)
		if !equalPix(a, b) {
			t.Errorf("%s at (10.2, 12.1) and (10.4, 11.7) pixels: drawn differently", tc.name)
		}
		if equalPix(drawn(t, tc.text, 10.2, 12.1, 0, true), drawn(t, tc.text, 10.4, 11.7, 0, true)) {
			t.Errorf("%s: vgimg alone draws the two the same; the test shows nothing", tc.name)
		}
		if equalPix(a, drawn(t, tc.text, 11.2, 12.1, 0, false)) {
			t.Errorf("%s a whole pixel further: drawn the same", tc.name)
		}
	}
	if !equalPix(drawn(t, "0.8", 0.3, 0.2, math.Pi/2, false), drawn(t, "0.8", 0.3, 0.2, math.Pi/2, true)) {
		t.Error("rotated text: drawn otherwise than by vgimg")
	}
}

func equalPix(a, b *image.RGBA) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for i := range a.Pix {
		if a.Pix[i] != b.Pix[i] {
			return false
		}
	}
	return true
}
