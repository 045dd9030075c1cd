package display

import (
	"cmp"
	"image"
	"math"
	"slices"
)

// edgeLevels is how many steps of coverage an antialiased edge over a line
// plot's background keeps in its PNG (the rasterizer computes 256). A pixel
// an edge crosses is the background and an ink mixed in proportion to the
// share of it the ink covers, which says where the edge lies inside the
// pixel; rounding that share to the nearest twelfth moves the edge by at
// most 1/24 of a pixel (1/48 of a CSS pixel at 2×), a twelfth of what
// snapping a glyph to a whole pixel does (pixelText) and far below what an
// eye resolves, and it leaves the edges of lines, marks and text few
// enough shades to compress: the course's densest line plot (notebook 03's
// SGD curves) is 0.31 of its former PNG instead of 0.39 (BENCHMARKS.md).
const edgeLevels = 12

// Which pixels snapEdges takes for edges: a colour within edgeResidual
// (Euclidean RGB, 0–255 per channel) of the straight mix of the background
// and one of the maxInks most frequent other colours. The rasterizer's own
// mixes are within 1 of it; a mix of two inks (crossing lines) is not
// taken.
const (
	maxInks      = 16
	edgeResidual = 4
)

// snapEdges rounds the coverage of the antialiased edges of m, a drawn
// line plot (at most smallPaletteColours colours; a heat map's or a
// filled contour's bands are left as drawn), to edgeLevels steps, in
// place. The background is m's most frequent colour.
func snapEdges(m *image.RGBA) {
	h := histogram(m, smallPaletteColours)
	if len(h) < 3 {
		return
	}
	slices.SortStableFunc(h, func(a, b colourCount) int { return cmp.Compare(b.n, a.n) })
	bg := channels(h[0].key)
	inks := make([][3]float64, 0, maxInks)
	for _, c := range h[1:min(len(h), 1+maxInks)] {
		inks = append(inks, channels(c.key))
	}
	to := make(map[uint32]uint32)
	for _, c := range h[1:] {
		if k, ok := snapEdge(channels(c.key), bg, inks); ok && k != c.key {
			to[c.key] = k
		}
	}
	if len(to) == 0 {
		return
	}
	b := m.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := m.Pix[m.PixOffset(b.Min.X, y):m.PixOffset(b.Max.X, y)]
		for i := 0; i < len(row); i += 4 {
			if k, ok := to[rgbKey(row[i:i+3])]; ok {
				row[i], row[i+1], row[i+2] = byte(k>>16), byte(k>>8), byte(k)
			}
		}
	}
}

// snapEdge returns colour c with its coverage rounded to edgeLevels steps
// if it is a mix of bg and one of inks (the nearest such mix, within
// edgeResidual), else false.
func snapEdge(c, bg [3]float64, inks [][3]float64) (uint32, bool) {
	best, bestRes, bestA := -1, float64(edgeResidual), 0.0
	for j, ink := range inks {
		var num, den float64
		for t := range 3 {
			num += (c[t] - bg[t]) * (ink[t] - bg[t])
			den += (ink[t] - bg[t]) * (ink[t] - bg[t])
		}
		if den == 0 {
			continue
		}
		a := num / den // c's coverage: its position from bg to ink
		if a < 0 || a > 1 {
			continue
		}
		var res float64
		for t := range 3 {
			d := c[t] - bg[t] - a*(ink[t]-bg[t])
			res += d * d
		}
		if res = math.Sqrt(res); res < bestRes {
			best, bestRes, bestA = j, res, a
		}
	}
	if best < 0 {
		return 0, false
	}
	a := math.Round(bestA*edgeLevels) / edgeLevels
	var v [3]float64
	for t := range 3 {
		v[t] = bg[t] + a*(inks[best][t]-bg[t])
	}
	return rgbKey(appendRGB(nil, v)), true
}
