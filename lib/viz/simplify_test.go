package viz

import (
	"math"
	"testing"

	"gonum.org/v1/plot/vg"
)

// simplify keeps the ends and the corners, drops what lies within the
// tolerance of the kept polyline, and every dropped vertex stays within it.
func TestSimplify(t *testing.T) {
	pt := func(x, y float64) vg.Point { return vg.Point{X: vg.Length(x), Y: vg.Length(y)} }
	circle := make([]vg.Point, 400)
	for i := range circle {
		a := 2 * math.Pi * float64(i) / float64(len(circle)-1)
		circle[i] = pt(100*math.Cos(a), 60*math.Sin(a))
	}
	for _, tc := range []struct {
		name    string
		path    []vg.Point
		wantLen int // -1: only check the bound and that it shrank
	}{
		{"two points", []vg.Point{pt(0, 0), pt(1, 1)}, 2},
		{"collinear", []vg.Point{pt(0, 0), pt(1, 1), pt(2, 2), pt(3, 3)}, 2},
		{"a corner", []vg.Point{pt(0, 0), pt(1, 0), pt(2, 0), pt(2, 1), pt(2, 2)}, 3},
		{"within the tolerance", []vg.Point{pt(0, 0), pt(1, 0.04), pt(2, 0)}, 2},
		{"beyond it", []vg.Point{pt(0, 0), pt(1, 0.06), pt(2, 0)}, 3},
		{"an ellipse", circle, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			orig := append([]vg.Point(nil), tc.path...)
			got := simplify(append([]vg.Point(nil), tc.path...), 0.05)
			if tc.wantLen >= 0 && len(got) != tc.wantLen {
				t.Errorf("kept %d vertices %v, want %d", len(got), got, tc.wantLen)
			}
			if tc.wantLen < 0 && len(got) >= len(orig)/2 {
				t.Errorf("kept %d of %d vertices of a smooth curve", len(got), len(orig))
			}
			if got[0] != orig[0] || got[len(got)-1] != orig[len(orig)-1] {
				t.Errorf("the ends moved: %v … %v", got[0], got[len(got)-1])
			}
			for _, p := range orig {
				best := vg.Length(math.Inf(1))
				for i := 1; i < len(got); i++ {
					best = min(best, segmentDistance(p, got[i-1], got[i]))
				}
				if best > 0.05+1e-9 {
					t.Errorf("vertex %v is %v from the simplified line, more than 0.05", p, best)
				}
			}
		})
	}
}
