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
// SGD curves) is 0.32 of its former PNG instead of 0.39 (BENCHMARKS.md).
const edgeLevels = 12

// Which pixels snapEdges takes for edges: a colour within edgeResidual
// (Euclidean RGB, 0–255 per channel) of the straight mix of the background
// and one of the maxInks most frequent other colours. The rasterizer's own
// mixes are within 2 of it (bytes rounded); a mix of two inks (crossing
// lines) is not taken.
const (
	maxInks      = 16
	edgeResidual = 4
)

// snapEdges rounds the coverage of the antialiased edges of m, a drawn
// line plot (at most smallPaletteColours colours; a heat map's or a
// filled contour's bands are left as drawn), to edgeLevels steps, in
// place. The background is m's most frequent colour. A pixel is taken for
// an edge only where it lies between less and more of its ink, as across a
// stroke's edge: its neighbours on one side and on the opposite side (left
// and right, or above and below) are the background or the same mix with
// less ink, and the ink or the same mix with more. The cells of a shading
// that happen to be mixes of the background and one of its colours have
// no such neighbours and keep their colour.
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
	// Each colour's place: the background (ink −1, coverage 0), an ink
	// (coverage 1), a mix of the two (the snapped colour in to), or none
	// (ink −2); each pixel's colour as its index in places.
	type place struct {
		ink      int
		coverage float64
		to       uint32
	}
	places := make([]place, len(h))
	index := make(map[uint32]uint16, len(h))
	for i, c := range h {
		index[c.key] = uint16(i)
		switch {
		case i == 0:
			places[i] = place{ink: -1}
		case i <= len(inks):
			places[i] = place{ink: i - 1, coverage: 1, to: c.key}
		default:
			places[i] = place{ink: -2}
			if j, a, to, ok := snapEdge(channels(c.key), bg, inks); ok && a > 0 && a < 1 {
				places[i] = place{ink: j, coverage: a, to: to}
			}
		}
	}
	b := m.Bounds()
	width, height := b.Dx(), b.Dy()
	at := make([]uint16, width*height)
	lastKey, last := uint32(1<<24), uint16(0) // no colour has this key
	for y := range height {
		row := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
		for x := range width {
			if k := rgbKey(row[4*x : 4*x+3]); k != lastKey {
				lastKey, last = k, index[k]
			}
			at[y*width+x] = last
		}
	}
	for y := range height {
		row := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
		for x := range width {
			p := places[at[y*width+x]]
			if p.ink < 0 || p.coverage == 1 {
				continue
			}
			// -1: the neighbour has less of p's ink (or is the
			// background), 1: more, 0: neither.
			side := func(nx, ny int) int {
				if nx < 0 || ny < 0 || nx >= width || ny >= height {
					return 0
				}
				switch q := places[at[ny*width+nx]]; {
				case q.ink == -1 || q.ink == p.ink && q.coverage < p.coverage:
					return -1
				case q.ink == p.ink && q.coverage > p.coverage:
					return 1
				}
				return 0
			}
			if side(x-1, y)*side(x+1, y) == -1 || side(x, y-1)*side(x, y+1) == -1 {
				row[4*x], row[4*x+1], row[4*x+2] = byte(p.to>>16), byte(p.to>>8), byte(p.to)
			}
		}
	}
}

// snapEdge returns which of inks colour c is a mix of with bg (the
// nearest such mix, within edgeResidual), its coverage (its place from bg,
// 0, to the ink, 1) and c with that coverage rounded to edgeLevels steps;
// false if c is no such mix.
func snapEdge(c, bg [3]float64, inks [][3]float64) (ink int, coverage float64, snapped uint32, ok bool) {
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
		return 0, 0, 0, false
	}
	a := math.Round(bestA*edgeLevels) / edgeLevels
	var v [3]float64
	for t := range 3 {
		v[t] = bg[t] + a*(inks[best][t]-bg[t])
	}
	return best, bestA, rgbKey(appendRGB(nil, v)), true
}
