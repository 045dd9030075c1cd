package display

import (
	"image"
	"image/color"
	"math"
	"testing"
)

// A mix of the background and one ink has its coverage rounded to the
// nearest of edgeLevels steps, so the edge it draws moves by at most
// 1/(2·edgeLevels) of a pixel (plus the rounding of the mix to bytes); the
// background, the inks and mixes of two inks are left as they are.
func TestSnapEdge(t *testing.T) {
	white := [3]float64{255, 255, 255}
	green, orange := [3]float64{27, 158, 119}, [3]float64{217, 95, 2}
	inks := [][3]float64{green, orange, {0, 0, 0}}
	mix := func(a, b [3]float64, s float64) [3]float64 {
		var c [3]float64
		for t := range 3 {
			c[t] = math.Round(a[t] + s*(b[t]-a[t]))
		}
		return c
	}
	for _, tc := range []struct {
		name     string
		c        [3]float64
		ink      [3]float64 // the ink it is a mix of, or white if none
		coverage float64
	}{
		{"a third of green", mix(white, green, 0.33), green, 0.33},
		{"a tenth of orange", mix(white, orange, 0.1), orange, 0.1},
		{"a little black", mix(white, [3]float64{}, 0.02), [3]float64{}, 0.02},
		{"nearly all black", mix(white, [3]float64{}, 0.97), [3]float64{}, 0.97},
		{"green itself", green, green, 1},
	} {
		_, _, k, ok := snapEdge(tc.c, white, inks)
		if !ok {
			t.Errorf("%s: not taken for an edge", tc.name)
			continue
		}
		got := channels(k)
		// The coverage of the result, along the ramp from white to the ink.
		var num, den float64
		for i := range 3 {
			num += (got[i] - white[i]) * (tc.ink[i] - white[i])
			den += (tc.ink[i] - white[i]) * (tc.ink[i] - white[i])
		}
		a := num / den
		if steps := a * edgeLevels; math.Abs(steps-math.Round(steps)) > 0.02 {
			t.Errorf("%s: coverage %.4f is not a multiple of 1/%d", tc.name, a, edgeLevels)
		}
		if math.Abs(a-tc.coverage) > 0.5/edgeLevels+0.01 {
			t.Errorf("%s: coverage %.4f moved from %.4f by more than half a step", tc.name, a, tc.coverage)
		}
	}
	for _, tc := range []struct {
		name string
		c    [3]float64
	}{
		{"green over orange", mix(green, orange, 0.5)},
		{"a grey that is no ink's", [3]float64{200, 180, 220}},
	} {
		if _, _, k, ok := snapEdge(tc.c, white, inks); ok && channels(k) != tc.c {
			t.Errorf("%s %v: moved to %v, want it left", tc.name, tc.c, channels(k))
		}
	}
}

// snapEdges rounds the mixes across a stroke's edge (background, mix, ink
// side by side) and leaves a shading whose cells happen to be mixes of the
// background and an ink: they lie between no less and more of it.
func TestSnapEdges(t *testing.T) {
	white, ink := [3]float64{255, 255, 255}, [3]float64{27, 158, 119}
	mix := func(s float64) [3]byte {
		var c [3]byte
		for i := range 3 {
			c[i] = byte(math.Round(white[i] + s*(ink[i]-white[i])))
		}
		return c
	}
	m := image.NewRGBA(image.Rect(0, 0, 120, 80))
	set := func(x0, y0, x1, y1 int, c [3]byte) {
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				m.SetRGBA(x, y, color.RGBA{R: c[0], G: c[1], B: c[2], A: 255})
			}
		}
	}
	set(0, 0, 120, 80, mix(0))
	// maxInks colours of other marks, each more frequent than the cells
	// and mixes below, so that those are not taken for inks themselves.
	for i := range maxInks {
		set(64+12*(i%4), 2+13*(i/4), 76+12*(i%4), 15+13*(i/4), [3]byte{200, byte(40 + 10*i), 90})
	}
	// A stroke: white, 0.3, ink, ink, 0.7, white in each row of a band.
	for i, s := range []float64{0.3, 1, 1, 0.7} {
		set(5+i, 2, 6+i, 12, mix(s))
	}
	// A shading framed by ink: cells of 0.45, 0.55 and 0.8 of the ink.
	set(20, 14, 44, 38, mix(1))
	for i, s := range []float64{0.45, 0.55, 0.8} {
		set(22+7*i, 16, 29+7*i, 36, mix(s))
	}
	before := image.NewRGBA(m.Bounds())
	copy(before.Pix, m.Pix)
	snapEdges(m)
	for y := range 80 {
		for x := range 120 {
			got, was := m.RGBAAt(x, y), before.RGBAAt(x, y)
			edge := y >= 2 && y < 12 && (x == 5 || x == 8)
			if !edge && got != was {
				t.Fatalf("pixel (%d, %d) of %s moved from %v to %v", x, y, map[bool]string{true: "the shading", false: "the plot"}[x >= 20 && x < 44 && y >= 14], was, got)
			}
		}
	}
	for _, tc := range []struct {
		x    int
		want float64
	}{{5, 4.0 / 12}, {8, 8.0 / 12}} {
		c := m.RGBAAt(tc.x, 5)
		if want := mix(tc.want); [3]byte{c.R, c.G, c.B} != want {
			t.Errorf("the stroke's edge pixel at x = %d is %v, want %v (coverage %.3f)", tc.x, c, want, tc.want)
		}
	}
}
