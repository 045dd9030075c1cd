package display

import (
	"image"
	"image/color"
	"image/draw"
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
	state pixelState   // of the present drawing state
	saved []pixelState // at each Push
}

// pixelState is what pixelText tracks of a drawing state.
type pixelState struct {
	moved  bool // a rotation, translation or scale is in effect
	colour color.Color
}

func (c *pixelText) Push() {
	c.saved = append(c.saved, c.state)
	c.Canvas.Push()
}

func (c *pixelText) Pop() {
	if n := len(c.saved); n > 0 {
		c.state, c.saved = c.saved[n-1], c.saved[:n-1]
	}
	c.Canvas.Pop()
}

func (c *pixelText) SetColor(clr color.Color) {
	if clr == nil {
		clr = color.Black // as vgimg does
	}
	c.state.colour = clr
	c.Canvas.SetColor(clr)
}

func (c *pixelText) Rotate(rad float64) {
	c.state.moved = c.state.moved || rad != 0
	c.Canvas.Rotate(rad)
}

func (c *pixelText) Translate(pt vg.Point) {
	c.state.moved = c.state.moved || pt != vg.Point{}
	c.Canvas.Translate(pt)
}

func (c *pixelText) Scale(x, y float64) {
	c.state.moved = c.state.moved || x != 1 || y != 1
	c.Canvas.Scale(x, y)
}

// FillString draws str with its baseline and each glyph's origin on whole
// pixels, each glyph as vgimg draws it there (its mask over the colour, on
// the picture).
func (c *pixelText) FillString(f font.Face, pt vg.Point, str string) {
	dst, ok := c.Image().(*image.RGBA)
	if c.state.moved || f.Font.Size == 0 || !ok {
		c.Canvas.FillString(f, pt, str)
		return
	}
	colour := c.state.colour
	if colour == nil {
		colour = color.Black
	}
	src := image.NewUniform(colour)
	dpi := c.DPI()
	face := f.FontFace(dpi)
	defer face.Close()
	_, h := c.Size()
	hd := h.Dots(dpi) // the picture's rows run down from the top
	dot := fixed.Point26_6{X: fixed.I(int(math.Round(pt.X.Dots(dpi)))), Y: fixed.I(int(math.Round(hd - pt.Y.Dots(dpi))))}
	pen := fixed.Int26_6(math.Round(pt.X.Dots(dpi) * 64))
	prev := rune(-1)
	for _, r := range str {
		if prev >= 0 {
			pen += face.Kern(prev, r)
		}
		dot.X = fixed.I(pen.Round())
		dr, mask, maskp, advance, ok := face.Glyph(dot, r)
		if !ok { // not drawn and not advanced over, as vgimg does
			continue
		}
		draw.DrawMask(dst, dr, src, image.Point{}, mask, maskp, draw.Over)
		pen += advance
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
	if c.state.moved || len(p) != 3 || p[0].Type != vg.MoveComp || p[1].Type != vg.ArcComp || p[2].Type != vg.CloseComp || math.Abs(p[1].Angle) != 2*math.Pi {
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
