package display

import (
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
		k, ok := snapEdge(tc.c, white, inks)
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
		if k, ok := snapEdge(tc.c, white, inks); ok && channels(k) != tc.c {
			t.Errorf("%s %v: moved to %v, want it left", tc.name, tc.c, channels(k))
		}
	}
}
