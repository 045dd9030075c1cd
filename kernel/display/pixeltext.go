package display

import (
	"math"

	"golang.org/x/image/math/fixed"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"
)

// pixelText is a raster canvas that draws text glyph by glyph, each glyph's
// origin moved to the nearest whole pixel (the pen advancing by the font's
// advances and kerning, unrounded, as before), as hinted text renderers do,
// and draws a circle (a scatter's or a stem's mark) with its centre moved to
// the nearest whole pixel. Nothing moves by more than half a pixel (a
// quarter of a CSS pixel at 2×), and each glyph of a face, each mark of a
// size, is then the same pixels wherever it is drawn, which a PNG
// compresses as a repeat: the digits of tick labels, the letters of a
// legend, a scatter's dots. What is drawn rotated, translated or scaled is
// drawn as vgimg draws it.
type pixelText struct {
	*vgimg.Canvas
	moved bool   // a rotation, translation or scale is in effect
	saved []bool // moved at each Push
}

func (c *pixelText) Push() {
	c.saved = append(c.saved, c.moved)
	c.Canvas.Push()
}

func (c *pixelText) Pop() {
	if n := len(c.saved); n > 0 {
		c.moved, c.saved = c.saved[n-1], c.saved[:n-1]
	}
	c.Canvas.Pop()
}

func (c *pixelText) Rotate(rad float64) {
	c.moved = c.moved || rad != 0
	c.Canvas.Rotate(rad)
}

func (c *pixelText) Translate(pt vg.Point) {
	c.moved = c.moved || pt != vg.Point{}
	c.Canvas.Translate(pt)
}

func (c *pixelText) Scale(x, y float64) {
	c.moved = c.moved || x != 1 || y != 1
	c.Canvas.Scale(x, y)
}

// FillString draws str with its baseline and each glyph's origin on whole
// pixels.
func (c *pixelText) FillString(f font.Face, pt vg.Point, str string) {
	if c.moved || f.Font.Size == 0 {
		c.Canvas.FillString(f, pt, str)
		return
	}
	dpi := c.DPI()
	face := f.FontFace(dpi)
	defer face.Close()
	toLength := func(dots float64) vg.Length { return vg.Length(dots) * vg.Inch / vg.Length(dpi) }
	_, h := c.Size()
	hd := h.Dots(dpi) // vgimg draws at h − y in dots, from the top
	y := toLength(hd - math.Round(hd-pt.Y.Dots(dpi)))
	pen := fixed.Int26_6(math.Round(pt.X.Dots(dpi) * 64))
	prev := rune(-1)
	for _, r := range str {
		adv, ok := face.GlyphAdvance(r)
		if !ok { // not drawn and not advanced over, as vgimg does
			continue
		}
		if prev >= 0 {
			pen += face.Kern(prev, r)
		}
		c.Canvas.FillString(f, vg.Point{X: toLength(float64(pen.Round())), Y: y}, string(r))
		pen += adv
		prev = r
	}
}

// Fill fills p, a circle with its centre on a whole pixel.
func (c *pixelText) Fill(p vg.Path) { c.Canvas.Fill(c.snapCircle(p)) }

// Stroke strokes p, a circle with its centre on a whole pixel.
func (c *pixelText) Stroke(p vg.Path) { c.Canvas.Stroke(c.snapCircle(p)) }

// snapCircle returns p moved so that its centre is on a whole pixel if it
// is one full circle (as gonum/plot's circle and ring marks draw it: a move
// to its rim, an arc of 2π, a close), else p.
func (c *pixelText) snapCircle(p vg.Path) vg.Path {
	if c.moved || len(p) != 3 || p[0].Type != vg.MoveComp || p[1].Type != vg.ArcComp || p[2].Type != vg.CloseComp || math.Abs(p[1].Angle) != 2*math.Pi {
		return p
	}
	dpi := c.DPI()
	toLength := func(dots float64) vg.Length { return vg.Length(dots) * vg.Inch / vg.Length(dpi) }
	_, h := c.Size()
	hd := h.Dots(dpi)
	centre := p[1].Pos
	d := vg.Point{
		X: toLength(math.Round(centre.X.Dots(dpi))) - centre.X,
		Y: toLength(hd-math.Round(hd-centre.Y.Dots(dpi))) - centre.Y,
	}
	q := make(vg.Path, len(p))
	copy(q, p)
	q[0].Pos = q[0].Pos.Add(d)
	q[1].Pos = q[1].Pos.Add(d)
	return q
}
