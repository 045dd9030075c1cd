package main

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// The logo is drawn, not stored: level sets of an ill-conditioned quadratic
// with the zig-zag path gradient descent takes across them, the course's
// emblem. Drawing it with gonum/plot keeps binary files out of the repo.
func logoPlot() *plot.Plot {
	p := plot.New()
	p.HideAxes()
	p.BackgroundColor = nil
	blue := rgba(0x1f, 0x6f, 0xb5)
	for _, r := range []float64{0.35, 0.7, 1.05} {
		pts := make(plotter.XYs, 0, 65)
		for i := 0; i <= 64; i++ {
			t := 2 * math.Pi * float64(i) / 64
			pts = append(pts, plotter.XY{X: r * math.Cos(t), Y: 0.42 * r * math.Sin(t)})
		}
		l, _ := plotter.NewLine(pts)
		l.Color = blue
		l.Width = vg.Points(2.2)
		p.Add(l)
	}
	// Gradient descent on ½(x² + 6y²) with α = 0.3: it oscillates across the narrow axis.
	x, y := -1.0, 0.4
	path := plotter.XYs{{X: x, Y: y}}
	for i := 0; i < 8; i++ {
		x, y = x-0.3*x, y-0.3*6*y
		path = append(path, plotter.XY{X: x, Y: y})
	}
	l, _ := plotter.NewLine(path)
	l.Color = rgba(0xe0, 0x5a, 0x1b)
	l.Width = vg.Points(3)
	p.Add(l)
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = -1.15, 1.15, -1.15, 1.15
	return p
}

func writeLogos(dir string) error {
	for _, px := range []int{32, 64} {
		c := vgimg.NewWith(vgimg.UseWH(vg.Length(px), vg.Length(px)), vgimg.UseDPI(72), vgimg.UseBackgroundColor(rgba(0xff, 0xff, 0xff)))
		logoPlot().Draw(draw.New(c))
		var buf bytes.Buffer
		if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&buf); err != nil {
			return fmt.Errorf("logo %dpx: %w", px, err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("logo-%dx%d.png", px, px)), buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	c := vgsvg.New(64, 64)
	logoPlot().Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return fmt.Errorf("logo svg: %w", err)
	}
	return os.WriteFile(filepath.Join(dir, "logo-svg.svg"), buf.Bytes(), 0o644)
}
