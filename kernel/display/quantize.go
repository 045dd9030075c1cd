package display

import (
	"cmp"
	"image"
	"math"
	"slices"
)

// A plot of more than 256 colours — a heat map's or a contour's filled
// bands, their antialiased edges — is written as a palette image of 256
// colours fitted to it, when the picture stays the same to the eye. The
// distance is the "redmean" weighted RGB distance, an approximation of
// perceived colour difference on a scale of 0 to about 765, where a just
// noticeable difference (CIE ΔE ≈ 2.3) is about 15: the mean over the
// pixels must stay below a fifth of that, and only a few pixels — the
// blends of an antialiased edge, whose neighbours carry the edge — may move
// further than a just noticeable difference.
const (
	quantMeanError  = 3    // mean over the pixels
	quantEdgeError  = 16   // about one just noticeable difference
	quantEdgeShare  = 0.02 // of the pixels at most may move further
	quantLloydSteps = 4    // k-means steps at most refining the median cut's palette, until it keeps the bounds
)

// colourCount is a colour (rgbKey) and how many pixels have it.
type colourCount struct {
	key uint32
	n   int
}

// histogram returns the distinct colours of opaque m with their pixel
// counts, sorted by colour, or nil once it passes limit colours.
func histogram(m *image.RGBA, limit int) []colourCount {
	b := m.Bounds()
	counts := make(map[uint32]int, 1024)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := m.Pix[m.PixOffset(b.Min.X, y):m.PixOffset(b.Max.X, y)]
		run, last := 0, uint32(0) // runs of one colour are the common case
		for i := 0; i < len(row); i += 4 {
			k := rgbKey(row[i : i+3])
			if run > 0 && k == last {
				run++
				continue
			}
			if run > 0 {
				counts[last] += run
			}
			last, run = k, 1
		}
		if run > 0 {
			counts[last] += run
		}
		if len(counts) > limit {
			return nil
		}
	}
	h := make([]colourCount, 0, len(counts))
	for k, n := range counts {
		h = append(h, colourCount{k, n})
	}
	slices.SortFunc(h, func(a, b colourCount) int { return cmp.Compare(a.key, b.key) })
	return h
}

// exactPalette returns the PLTE data of at most 256 colours and each
// colour's index.
func exactPalette(h []colourCount) (palette []byte, index map[uint32]byte) {
	index = make(map[uint32]byte, len(h))
	for i, c := range h {
		index[c.key] = byte(i)
		palette = append(palette, byte(c.key>>16), byte(c.key>>8), byte(c.key))
	}
	return palette, index
}

// quantize returns a palette for the colours of h and each colour's
// nearest palette entry, or nil if the picture would not stay within the
// error bounds. The palette is a median cut (the box of colours with the
// largest squared error split at the weighted median of its widest
// channel) refined by a step of k-means (each entry moved to the mean of
// the colours nearest it). The smallest of 64, 128 and 256 colours that
// keeps the bounds is used (below 256 only for pictures of at most
// smallPaletteColours colours): fewer colours compress better, and a smaller
// palette must keep them on the ink alone (the pixels not of the most
// frequent colour, the background), where a line plot's antialiased edges
// are.
func quantize(h []colourCount) (palette []byte, index map[uint32]byte) {
	sizes := []int{32, 48, 64, 96, 128, 192, 256}
	if len(h) > smallPaletteColours {
		sizes = sizes[len(sizes)-1:]
	}
	var cuts [][]byte // the palettes of sizes
	boxes := []colourBox{newBox(h)}
	for _, size := range sizes {
		for len(boxes) < size {
			worst := -1
			for i, b := range boxes {
				if len(b.colours) > 1 && (worst < 0 || b.sse > boxes[worst].sse) {
					worst = i
				}
			}
			if worst < 0 || boxes[worst].sse == 0 {
				break
			}
			lo, hi := boxes[worst].split()
			boxes[worst] = lo
			boxes = append(boxes, hi)
		}
		p := make([]byte, 0, 3*len(boxes))
		for _, b := range boxes {
			p = appendRGB(p, b.mean())
		}
		cuts = append(cuts, p)
	}
	background := 0
	for i, c := range h {
		if c.n > h[background].n {
			background = i
		}
	}
	bg := h[background].key
	for i, p := range cuts {
		if palette, index, ok := fit(h, p, bg, i == len(cuts)-1); ok {
			return palette, index
		}
	}
	return nil, nil
}

// smallPaletteColours is the most distinct colours a picture may have for
// a palette of fewer than 256 to be tried: a line plot's few hues and their
// antialiased blends have a few thousand at most (loss curves 1,800, a
// spectrum 950), where a contour's or heat map's bands have more (8,000 and
// 18,000) and never keep the bounds with fewer.
const smallPaletteColours = 4096

// fit refines palette for the colours of h and maps each to its nearest
// entry, if that keeps the error bounds: on the whole picture, or, unless
// whole, on the pixels not of colour bg, bg itself moving no further than
// the mean bound.
func fit(h []colourCount, palette []byte, bg uint32, whole bool) ([]byte, map[uint32]byte, bool) {
	nearest := make([]int, len(h))
	dist := make([]float64, len(h))
	// The nearest entry is searched outwards from the colour's green in
	// the entries sorted by green, stopping where green alone is further
	// than the best found (the distance is at least 2·|Δg|).
	byGreen := make([]int, len(palette)/3)
	assign := func() {
		for i := range byGreen {
			byGreen[i] = i
		}
		slices.SortFunc(byGreen, func(a, b int) int { return cmp.Compare(palette[3*a+1], palette[3*b+1]) })
		for j, c := range h {
			rgb := channels(c.key)
			start, _ := slices.BinarySearchFunc(byGreen, byte(rgb[1]), func(i int, g byte) int { return cmp.Compare(palette[3*i+1], g) })
			best, bestD := 0, math.Inf(1)
			for lo, hi := start-1, start; lo >= 0 || hi < len(byGreen); lo, hi = lo-1, hi+1 {
				done := true
				for _, k := range [2]int{lo, hi} {
					if k < 0 || k >= len(byGreen) {
						continue
					}
					i := byGreen[k]
					dg := rgb[1] - float64(palette[3*i+1])
					if 4*dg*dg > bestD {
						continue
					}
					done = false
					if d := redmean2(rgb, palette[3*i:3*i+3]); d < bestD || d == bestD && i < best {
						best, bestD = i, d
					}
				}
				if done && bestD < math.Inf(1) {
					break
				}
			}
			nearest[j], dist[j] = best, math.Sqrt(bestD)
		}
	}
	// within reports whether the last assignment keeps the bounds, scaled
	// by slack.
	within := func(slack float64) bool {
		var total, sum, far float64
		for j, c := range h {
			if !whole && c.key == bg {
				if dist[j] > slack*quantMeanError {
					return false
				}
				continue
			}
			n := float64(c.n)
			total += n
			sum += n * dist[j]
			if dist[j] > quantEdgeError {
				far += n
			}
		}
		return sum <= slack*quantMeanError*total && far <= slack*quantEdgeShare*total
	}
	assign()
	// A k-means step improves the fit, not twofold: a palette that far off
	// is given up before it.
	if !within(2) {
		return nil, nil, false
	}
	for step := 0; !within(1); step++ {
		if step == quantLloydSteps {
			return nil, nil, false
		}
		sums := make([][4]float64, len(palette)/3)
		for j, c := range h {
			rgb, n := channels(c.key), float64(c.n)
			s := &sums[nearest[j]]
			s[0], s[1], s[2], s[3] = s[0]+n*rgb[0], s[1]+n*rgb[1], s[2]+n*rgb[2], s[3]+n
		}
		for i, s := range sums {
			if s[3] > 0 {
				copy(palette[3*i:], appendRGB(nil, [3]float64{s[0] / s[3], s[1] / s[3], s[2] / s[3]}))
			}
		}
		assign()
	}
	index := make(map[uint32]byte, len(h))
	for j, c := range h {
		index[c.key] = byte(nearest[j])
	}
	return palette, index, true
}

func appendRGB(b []byte, c [3]float64) []byte {
	return append(b, byte(c[0]+0.5), byte(c[1]+0.5), byte(c[2]+0.5))
}

// colourBox is a set of colours of the median cut, with the sums that give
// its mean and squared error.
type colourBox struct {
	colours []colourCount
	n       float64
	sum     [3]float64
	sse     float64 // Σ n·‖c − mean‖²
}

func newBox(cs []colourCount) colourBox {
	b := colourBox{colours: cs}
	var sq [3]float64
	for _, c := range cs {
		rgb, n := channels(c.key), float64(c.n)
		b.n += n
		for k, v := range rgb {
			b.sum[k] += n * v
			sq[k] += n * v * v
		}
	}
	for k := range 3 {
		b.sse += channelWeight[k] * (sq[k] - b.sum[k]*b.sum[k]/b.n)
	}
	return b
}

func (b colourBox) mean() [3]float64 {
	return [3]float64{b.sum[0] / b.n, b.sum[1] / b.n, b.sum[2] / b.n}
}

// split divides b at the weighted median of its channel of widest range,
// both halves non-empty: the colours whose value in that channel is at most
// the median go first. A partition in place, in linear time (the boxes hold
// disjoint parts of one slice).
func (b colourBox) split() (lo, hi colourBox) {
	shift, width := uint(16), -1.0
	for k, sh := range []uint{16, 8, 0} {
		mn, mx := 255, 0
		for _, c := range b.colours {
			v := int(c.key >> sh & 0xff)
			mn, mx = min(mn, v), max(mx, v)
		}
		if w := channelWeight[k] * float64((mx-mn)*(mx-mn)); w > width {
			shift, width = sh, w
		}
	}
	var weight [256]float64
	for _, c := range b.colours {
		weight[c.key>>shift&0xff] += float64(c.n)
	}
	median, acc := 0, 0.0
	for v, w := range weight {
		acc += w
		if acc >= b.n/2 {
			median = v
			break
		}
	}
	cs := b.colours
	cut := partition(cs, func(c colourCount) bool { return int(c.key>>shift&0xff) <= median })
	if cut == len(cs) { // the median is the largest value: put it in the second half
		cut = partition(cs, func(c colourCount) bool { return int(c.key>>shift&0xff) < median })
	}
	return newBox(cs[:cut]), newBox(cs[cut:])
}

// partition moves the colours for which first holds to the front, keeping
// the order within each part, and returns how many there are.
func partition(cs []colourCount, first func(colourCount) bool) int {
	rest := make([]colourCount, 0, len(cs))
	n := 0
	for _, c := range cs {
		if first(c) {
			cs[n] = c
			n++
		} else {
			rest = append(rest, c)
		}
	}
	copy(cs[n:], rest)
	return n
}

// channelWeight weighs the squared difference of red, green and blue as
// redmean2 does at a mid red.
var channelWeight = [3]float64{2.5, 4, 2.5}

func channels(k uint32) [3]float64 {
	return [3]float64{float64(k >> 16 & 0xff), float64(k >> 8 & 0xff), float64(k & 0xff)}
}

// redmean2 is the square of the distance between colours a and b (RGB,
// 0–255) weighted for the eye: red counts more where the colours are red,
// blue where they are not.
func redmean2(a [3]float64, b []byte) float64 {
	r := (a[0] + float64(b[0])) / 2
	dr, dg, db := a[0]-float64(b[0]), a[1]-float64(b[1]), a[2]-float64(b[2])
	return (2+r/256)*dr*dr + 4*dg*dg + (2+(255-r)/256)*db*db
}

// maxQuantColours is the most distinct colours quantize is tried on; a
// plot has far fewer, a photograph more.
const maxQuantColours = 1 << 16

// paletteFor returns the PLTE data and each colour's index for opaque m:
// its own colours where it has at most 256, a quantized palette where that
// keeps within the error bounds, else nil (write RGB); and whether m has at
// most smallPaletteColours colours (a line plot rather than a map).
func paletteFor(m *image.RGBA) (palette []byte, index map[uint32]byte, few bool) {
	h := histogram(m, maxQuantColours)
	switch {
	case h == nil:
		return nil, nil, false
	case len(h) <= 256:
		palette, index = exactPalette(h)
		return palette, index, true
	}
	palette, index = quantize(h)
	return palette, index, len(h) <= smallPaletteColours
}
