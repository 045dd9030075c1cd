package viz

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// isolines draws level sets of a grid by marching squares, joining segments
// into polylines through the grid edges they share. Hand-written because
// gonum/plot v0.17's Contour can exhaust memory while excising loops on
// smooth quadratics (plotter.contour.exciseLoops); joining by edge index
// instead of by floating-point position cannot create such loops.
type isolines struct {
	g      plotter.GridXYZ
	levels []float64
	colors []color.Color // one per level
	width  vg.Length
}

// DataRange is the grid's box, so a plot without other data fits it.
func (l *isolines) DataRange() (xmin, xmax, ymin, ymax float64) {
	c, r := l.g.Dims()
	return l.g.X(0), l.g.X(c - 1), l.g.Y(0), l.g.Y(r - 1)
}

// Thumbnail is a short line of the middle level's color, for legends.
func (l *isolines) Thumbnail(c *draw.Canvas) {
	if len(l.colors) == 0 {
		return
	}
	y := c.Center().Y
	c.StrokeLine2(draw.LineStyle{Color: l.colors[len(l.colors)/2], Width: l.width}, c.Min.X, y, c.Max.X, y)
}

func (l *isolines) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	nc, nr := l.g.Dims()
	if nc < 2 || nr < 2 {
		return
	}
	tr := newTracer(l.g)
	for k, z := range l.levels {
		if math.IsNaN(z) {
			continue
		}
		sty := draw.LineStyle{Color: l.colors[k%len(l.colors)], Width: l.width}
		tr.level(z, func(pts []int32) {
			path := make([]vg.Point, len(pts))
			for i, e := range pts {
				x, y := tr.point(e, z)
				path[i] = vg.Point{X: trX(x), Y: trY(y)}
			}
			c.StrokeLines(sty, c.ClipLinesXY(simplify(path, isoTolerance))...)
		})
	}
}

// tracer holds the edge graph of one level: edge e of the grid is
// horizontal (i,j)–(i+1,j) for e = 2(j·nc+i) and vertical (i,j)–(i,j+1) for
// e = 2(j·nc+i)+1; a level's segments join the edges it crosses.
type tracer struct {
	g       plotter.GridXYZ
	z       []float64 // z[j·nc+i] = g.Z(i, j), copied once: a method call per corner per level is a tenth of the drawing time
	nc, nr  int
	nbr     [][2]int32 // neighbours of each crossed edge
	deg     []uint8
	touched []int32
}

func newTracer(g plotter.GridXYZ) *tracer {
	nc, nr := g.Dims()
	z := make([]float64, nc*nr)
	for j := range nr {
		for i := range nc {
			z[j*nc+i] = g.Z(i, j)
		}
	}
	return &tracer{g: g, z: z, nc: nc, nr: nr, nbr: make([][2]int32, 2*nc*nr), deg: make([]uint8, 2*nc*nr)}
}

// level calls emit with each polyline (a sequence of edge indices) of the
// level set at z.
func (t *tracer) level(z float64, emit func([]int32)) {
	for _, e := range t.touched {
		t.deg[e] = 0
	}
	t.touched = t.touched[:0]
	nc := t.nc
	for j := range t.nr - 1 {
		for i := range nc - 1 {
			k := j*nc + i
			v00, v10 := t.z[k], t.z[k+1]
			v01, v11 := t.z[k+nc], t.z[k+nc+1]
			if math.IsNaN(v00) || math.IsNaN(v10) || math.IsNaN(v01) || math.IsNaN(v11) {
				continue
			}
			bottom, top := int32(2*(j*nc+i)), int32(2*((j+1)*nc+i))
			left, right := int32(2*(j*nc+i)+1), int32(2*(j*nc+i+1)+1)
			a, b, cc, d := v00 > z, v10 > z, v11 > z, v01 > z
			var cut [4]int32
			n := 0
			// Edges in counter-clockwise order: bottom, right, top, left.
			if a != b {
				cut[n] = bottom
				n++
			}
			if b != cc {
				cut[n] = right
				n++
			}
			if cc != d {
				cut[n] = top
				n++
			}
			if d != a {
				cut[n] = left
				n++
			}
			switch n {
			case 2:
				t.join(cut[0], cut[1])
			case 4:
				// A saddle cell: the centre's side decides which corners connect.
				if ((v00+v10+v01+v11)/4 > z) == a {
					t.join(bottom, right)
					t.join(top, left)
				} else {
					t.join(bottom, left)
					t.join(right, top)
				}
			}
		}
	}
	// Open polylines start at an edge of degree one, on the boundary or next
	// to a NaN; what is left after them is closed loops.
	var line []int32
	walk := func(start int32) {
		line = append(line[:0], start)
		prev, cur := int32(-1), start
		for {
			next := int32(-1)
			for k := range int(t.deg[cur]) {
				if nb := t.nbr[cur][k]; nb != prev {
					next = nb
					break
				}
			}
			t.unlink(cur, next)
			if next < 0 {
				break
			}
			line = append(line, next)
			prev, cur = cur, next
			if cur == start {
				break
			}
		}
		if len(line) > 1 {
			emit(line)
		}
	}
	for _, e := range t.touched {
		if t.deg[e] == 1 {
			walk(e)
		}
	}
	for _, e := range t.touched {
		if t.deg[e] > 0 {
			walk(e)
		}
	}
}

func (t *tracer) join(e, f int32) {
	t.link(e, f)
	t.link(f, e)
}

func (t *tracer) link(e, f int32) {
	if t.deg[e] == 0 {
		t.touched = append(t.touched, e)
	}
	if t.deg[e] < 2 {
		t.nbr[e][t.deg[e]] = f
		t.deg[e]++
	}
}

// unlink removes the link from cur to next (and back); next < 0 clears cur.
func (t *tracer) unlink(cur, next int32) {
	if next < 0 {
		t.deg[cur] = 0
		return
	}
	t.drop(cur, next)
	t.drop(next, cur)
}

func (t *tracer) drop(e, f int32) {
	for k := range int(t.deg[e]) {
		if t.nbr[e][k] == f {
			t.nbr[e][k] = t.nbr[e][t.deg[e]-1]
			t.deg[e]--
			return
		}
	}
}

// point is where the level z crosses edge e, by linear interpolation.
func (t *tracer) point(e int32, z float64) (x, y float64) {
	cell := int(e / 2)
	i, j := cell%t.nc, cell/t.nc
	i2, j2 := i+1, j
	if e%2 == 1 {
		i2, j2 = i, j+1
	}
	a, b := t.z[j*t.nc+i], t.z[j2*t.nc+i2]
	s := 0.5
	if a != b {
		s = (z - a) / (b - a)
	}
	x0, y0 := t.g.X(i), t.g.Y(j)
	return x0 + s*(t.g.X(i2)-x0), y0 + s*(t.g.Y(j2)-y0)
}

// isoTolerance is how far a traced isoline may move when simplified: a
// twentieth of a point, a seventh of a pixel at twice the CSS density.
const isoTolerance = vg.Length(0.05)

// simplify drops the vertices of a polyline that lie within tol of the line
// through the vertices kept around them (Douglas–Peucker): a smooth
// isoline crosses a grid cell every pixel or two, and most of those
// vertices add bytes to an SVG and nothing to the picture. The first and
// last vertices are kept; the result shares path's storage.
func simplify(path []vg.Point, tol vg.Length) []vg.Point {
	if len(path) < 3 {
		return path
	}
	keep := make([]bool, len(path))
	keep[0], keep[len(path)-1] = true, true
	stack := [][2]int{{0, len(path) - 1}}
	for len(stack) > 0 {
		span := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		a, b := path[span[0]], path[span[1]]
		worst, far := -1, tol
		for i := span[0] + 1; i < span[1]; i++ {
			if d := segmentDistance(path[i], a, b); d > far {
				worst, far = i, d
			}
		}
		if worst >= 0 {
			keep[worst] = true
			stack = append(stack, [2]int{span[0], worst}, [2]int{worst, span[1]})
		}
	}
	out := path[:0]
	for i, k := range keep {
		if k {
			out = append(out, path[i])
		}
	}
	return out
}

// segmentDistance is the distance from p to the segment from a to b.
func segmentDistance(p, a, b vg.Point) vg.Length {
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	px, py := float64(p.X-a.X), float64(p.Y-a.Y)
	if l2 := dx*dx + dy*dy; l2 > 0 {
		t := math.Max(0, math.Min(1, (px*dx+py*dy)/l2))
		px, py = px-t*dx, py-t*dy
	}
	return vg.Length(math.Hypot(px, py))
}
