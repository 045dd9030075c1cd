package display

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"testing"
)

func TestEncodePNGRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	opaque := image.NewRGBA(image.Rect(0, 0, 37, 23))
	translucent := image.NewRGBA(image.Rect(0, 0, 5, 4))
	for i := range opaque.Pix {
		opaque.Pix[i] = byte(rng.IntN(256))
		if i%4 == 3 {
			opaque.Pix[i] = 255
		}
	}
	translucent.Set(1, 1, color.RGBA{R: 10, A: 20})
	sub := opaque.SubImage(image.Rect(3, 4, 20, 19))
	few := fewColours(256, 41, 17) // exactly 256 colours: the largest palette
	for _, img := range []image.Image{opaque, translucent, sub, image.NewGray(image.Rect(0, 0, 3, 3)), few, fewColours(3, 9, 5)} {
		var buf bytes.Buffer
		if err := encodePNG(&buf, img); err != nil {
			t.Fatal(err)
		}
		got, err := png.Decode(&buf)
		if err != nil {
			t.Fatalf("%T %v: decoding: %v", img, img.Bounds(), err)
		}
		b := img.Bounds()
		if got.Bounds().Size() != b.Size() {
			t.Fatalf("%T: size %v, want %v", img, got.Bounds().Size(), b.Size())
		}
		for y := range b.Dy() {
			for x := range b.Dx() {
				w := color.NRGBAModel.Convert(img.At(b.Min.X+x, b.Min.Y+y))
				g := color.NRGBAModel.Convert(got.At(got.Bounds().Min.X+x, got.Bounds().Min.Y+y))
				if w != g {
					t.Fatalf("%T: pixel (%d,%d) = %v, want %v", img, x, y, g, w)
				}
			}
		}
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

// An opaque image of at most 256 colours is written as a palette image, one
// of more as RGB: the palette is used only where it is exact.
func TestEncodePNGPalette(t *testing.T) {
	for _, tc := range []struct {
		img     image.Image
		palette bool
	}{
		{fewColours(2, 30, 20), true},
		{fewColours(256, 30, 20), true},
		{fewColours(257, 30, 20), false},
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
			t.Errorf("%d colours: decoded as %T, palette %v", countColours(tc.img), got, tc.palette)
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
