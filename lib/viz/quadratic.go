package viz

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Quadratic draws the level sets of q(θ) = ½θᵀAθ for a 2×2 symmetric A over
// the box b as a heat map with contours (Heatmap), the eigenvectors of A as
// arrows from the origin (EigenArrows), and the paths on top. The title gives
// the eigenvalues and what they make of the origin (minimum, maximum, saddle,
// flat valley). Axes are always equal, so the level sets keep their
// shape. It panics if A is not 2×2.
func Quadratic(a mat.Symmetric, b Box, s *ContourSettings, paths ...Path) *plot.Plot {
	return quadratic(a, b, s, Width, Height, paths...)
}

// quadratic is Quadratic with axes made equal for a w × h drawing.
func quadratic(a mat.Symmetric, b Box, s *ContourSettings, w, h vg.Length, paths ...Path) *plot.Plot {
	if n := a.SymmetricDim(); n != 2 {
		panic(fmt.Sprintf("viz: Quadratic needs a 2×2 matrix, have %d×%d", n, n))
	}
	vals, vecs := eigen2(a)
	set := s.orDefault()
	set.Filled = true
	set.EqualAxes = false // set after the arrows, which must not move the range
	if set.Title == "" {
		set.Title = fmt.Sprintf("%s: λ = %.3g, %.3g", surfaceName(vals), vals[0], vals[1])
	}
	q := func(t []float64) float64 {
		return 0.5 * (a.At(0, 0)*t[0]*t[0] + 2*a.At(0, 1)*t[0]*t[1] + a.At(1, 1)*t[1]*t[1])
	}
	p := Contour(q, b, &set, paths...)
	addEigenArrows(p, b, 0, 0, vals, vecs)
	EqualAxes(p, w, h)
	return p
}

// EigenArrows draws the eigenvectors q₁, q₂ of a 2×2 symmetric A as arrows
// from center, labelled with their eigenvalues. An arrow's length is
// proportional to 1/√|λᵢ| (capped at three times the shortest), like the
// semi-axes of the ellipse θᵀAθ = const: the larger the curvature, the
// shorter the axis. It panics if A is not 2×2 or center has not length 2.
func EigenArrows(p *plot.Plot, center []float64, a mat.Symmetric) {
	if n := a.SymmetricDim(); n != 2 {
		panic(fmt.Sprintf("viz: EigenArrows needs a 2×2 matrix, have %d×%d", n, n))
	}
	if len(center) != 2 {
		panic(fmt.Sprintf("viz: center has length %d, want 2", len(center)))
	}
	vals, vecs := eigen2(a)
	b := Box{p.X.Min, p.X.Max, p.Y.Min, p.Y.Max}
	if !(b.XMin < b.XMax && b.YMin < b.YMax) {
		b = Box{center[0] - 1, center[0] + 1, center[1] - 1, center[1] + 1}
	}
	addEigenArrows(p, b, center[0], center[1], vals, vecs)
}

// eigen2 returns the eigenvalues of A in ascending order and the
// eigenvectors as columns.
func eigen2(a mat.Symmetric) ([]float64, *mat.Dense) {
	var es mat.EigenSym
	if !es.Factorize(a, true) {
		panic("viz: eigendecomposition failed")
	}
	var vecs mat.Dense
	es.VectorsTo(&vecs)
	return es.Values(nil), &vecs
}

func addEigenArrows(p *plot.Plot, b Box, cx, cy float64, vals []float64, vecs *mat.Dense) {
	r := 0.3 * math.Min(b.XMax-b.XMin, b.YMax-b.YMin) / 2
	amax := math.Max(math.Abs(vals[0]), math.Abs(vals[1]))
	labels := plotter.XYLabels{}
	for i, l := range vals {
		length := r
		if amax > 0 {
			length = r * math.Min(3, math.Sqrt(amax/math.Max(math.Abs(l), 1e-300)))
		}
		x1, y1 := cx+length*vecs.At(0, i), cy+length*vecs.At(1, i)
		p.Add(arrow{cx, cy, x1, y1})
		labels.XYs = append(labels.XYs, plotter.XY{X: x1, Y: y1})
		labels.Labels = append(labels.Labels, fmt.Sprintf(" q%s, λ=%.3g", subscript(i+1), l))
	}
	lab, err := plotter.NewLabels(labels)
	if err != nil {
		panic("viz: " + err.Error())
	}
	for i := range lab.TextStyle {
		lab.TextStyle[i].Font = p.Legend.TextStyle.Font
		lab.TextStyle[i].Color = plotter.DefaultLineStyle.Color
	}
	p.Add(lab)
}

func subscript(i int) string { return string(rune('₀' + i%10)) }

// surfaceName says what ½θᵀAθ looks like from its eigenvalues.
func surfaceName(vals []float64) string {
	tol := 1e-12 * math.Max(math.Abs(vals[0]), math.Abs(vals[1]))
	pos, neg := 0, 0
	for _, v := range vals {
		switch {
		case v > tol:
			pos++
		case v < -tol:
			neg++
		}
	}
	switch {
	case pos == 2:
		return "bowl (minimum)"
	case neg == 2:
		return "cap (maximum)"
	case pos == 1 && neg == 1:
		return "saddle"
	case pos+neg == 1:
		return "flat valley (singular)"
	default:
		return "flat"
	}
}

// arrow is a Plotter drawing a black arrow from (x0, y0) to (x1, y1) with its
// head shaped in canvas units, so it looks the same at any axis scale.
type arrow struct{ x0, y0, x1, y1 float64 }

func (a arrow) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	from := vg.Point{X: tx(a.x0), Y: ty(a.y0)}
	to := vg.Point{X: tx(a.x1), Y: ty(a.y1)}
	sty := draw.LineStyle{Color: plotter.DefaultLineStyle.Color, Width: vg.Points(1.8)}
	c.StrokeLines(sty, c.ClipLinesXY([]vg.Point{from, to})...)
	d := to.Sub(from)
	n := vg.Length(math.Hypot(float64(d.X), float64(d.Y)))
	if n == 0 || !c.Contains(to) {
		return
	}
	u := d.Scale(1 / n)
	perp := vg.Point{X: -u.Y, Y: u.X}
	head := vg.Points(8)
	base := to.Sub(u.Scale(head))
	c.SetColor(sty.Color)
	var path vg.Path
	path.Move(to)
	path.Line(base.Add(perp.Scale(head / 2.5)))
	path.Line(base.Sub(perp.Scale(head / 2.5)))
	path.Close()
	c.Fill(path)
}

// QuadraticSurfaces tiles the four quadratic surfaces ½θᵀAθ a second-order
// critical point can have, drawn by Quadratic over [−2, 2]²: a bowl
// A = diag(1, 3) (minimum), a cap diag(−1, −3) (maximum), a saddle
// diag(1, −2), and a flat valley diag(1, 0) (singular: the test is inconclusive).
func QuadraticSurfaces() *Tiles {
	b := Box{-2, 2, -2, 2}
	set := &ContourSettings{N: 80, Levels: 12}
	ps := make([]*plot.Plot, 0, 4)
	for _, d := range [][2]float64{{1, 3}, {-1, -3}, {1, -2}, {1, 0}} {
		a := mat.NewSymDense(2, []float64{d[0], 0, 0, d[1]})
		p := quadratic(a, b, set, TileWidth, TileHeight)
		p.Title.TextStyle.Font.Size = 11
		ps = append(ps, p)
	}
	return Tile(2, ps...)
}
