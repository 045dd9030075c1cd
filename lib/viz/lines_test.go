package viz_test

import (
	"bytes"
	"fmt"
	"math"
	"testing"

	"github.com/gocurve/gocurve/lib/viz"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// The number of steps gradient descent needs, against the condition number, on log axes.
func ExampleLines() {
	needed := plotter.XYs{{X: 10, Y: 120}, {X: 100, Y: 1150}, {X: 1000, Y: 11500}}
	p := viz.Lines(&viz.LineSettings{Title: "steps grow like κ", XLabel: "κ", YLabel: "steps", LogX: true, LogY: true},
		viz.Curve{Name: "measured", XY: needed, Marks: viz.LinePoints},
		viz.Curve{Name: "κ·ln(1/ε)/2", F: func(k float64) float64 { return k * math.Log(1e10) / 2 }})
	fmt.Println(p.Title.Text, p.X.Min, p.X.Max)
	// Output:
	// steps grow like κ 10 1000
}

func TestLinesDropsWhatTheAxesCannotShow(t *testing.T) {
	tests := []struct {
		name       string
		set        viz.LineSettings
		xy         plotter.XYs
		xmin, xmax float64
	}{
		{"linear keeps negatives, drops NaN", viz.LineSettings{}, plotter.XYs{{X: -1, Y: 2}, {X: math.NaN(), Y: 1}, {X: 3, Y: -4}}, -1, 3},
		{"log x drops x ≤ 0", viz.LineSettings{LogX: true}, plotter.XYs{{X: 0, Y: 1}, {X: 2, Y: 1}, {X: 8, Y: 1}}, 2, 8},
		{"fixed range wins", viz.LineSettings{XMin: -5, XMax: 5}, plotter.XYs{{X: 0, Y: 1}, {X: 1, Y: 2}}, -5, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := viz.Lines(&tt.set, viz.Curve{Name: "c", XY: tt.xy, Marks: viz.LinePoints})
			if p.X.Min != tt.xmin || p.X.Max != tt.xmax {
				t.Errorf("x axis [%g, %g], want [%g, %g]", p.X.Min, p.X.Max, tt.xmin, tt.xmax)
			}
			render(t, p)
		})
	}
}

func TestLinesWithNothingDrawableStillRenders(t *testing.T) {
	render(t, viz.Lines(&viz.LineSettings{LogX: true, LogY: true}, viz.Curve{Name: "all negative", XY: plotter.XYs{{X: 1, Y: -1}}}))
}

func render(t *testing.T, p *plot.Plot) {
	t.Helper()
	w, err := p.WriterTo(vg.Points(300), vg.Points(200), "png")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := w.WriteTo(&buf); err != nil || buf.Len() == 0 {
		t.Fatalf("render: %v (%d bytes)", err, buf.Len())
	}
}
