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
	for _, img := range []image.Image{opaque, translucent, sub, image.NewGray(image.Rect(0, 0, 3, 3))} {
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
