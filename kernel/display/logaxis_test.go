package display

import (
	"bytes"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"
)

// logPlot is a hand-built plot of xys, as a line or a scatter, with a log
// scale on the x or y axis.
func logPlot(t *testing.T, xys plotter.XYs, scatter, logX bool) *plot.Plot {
	t.Helper()
	p := plot.New()
	p.X.Label.Text = "step"
	if scatter {
		s, err := plotter.NewScatter(xys)
		if err != nil {
			t.Fatal(err)
		}
		p.Add(s)
	} else {
		l, err := plotter.NewLine(xys)
		if err != nil {
			t.Fatal(err)
		}
		p.Add(l)
	}
	if logX {
		p.X.Scale = plot.LogScale{}
	} else {
		p.Y.Scale = plot.LogScale{}
	}
	return p
}

// A log axis over values ≤ 0 draws exactly the plot of the positive values
// with a note below it saying how many were dropped, and leaves the
// caller's plot as it was.
func TestLogAxisDropsNonPositive(t *testing.T) {
	loss := plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 10}, {X: 2, Y: 1}, {X: 3, Y: -1}, {X: 4, Y: 0.01}, {X: 5, Y: -5}}
	swap := func(xys plotter.XYs) plotter.XYs {
		out := make(plotter.XYs, len(xys))
		for i, p := range xys {
			out[i] = plotter.XY{X: p.Y, Y: p.X}
		}
		return out
	}
	for _, tc := range []struct {
		name          string
		xys           plotter.XYs
		scatter, logX bool
		dropped       int
	}{
		{"line, log y", loss, false, false, 3},
		{"scatter, log y", loss, true, false, 3},
		{"line, log x", swap(loss), false, true, 3},
		{"scatter, log x", swap(loss), true, true, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := logPlot(t, tc.xys, tc.scatter, tc.logX)
			before := *p
			w, h := PlotDefaults().size()
			got, err := EncodeSVG(p, w, h)
			if err != nil {
				t.Fatalf("EncodeSVG: %v", err)
			}
			if p.X.Min != before.X.Min || p.Y.Min != before.Y.Min || p.X.Label.Text != "step" || len(*plottersOf(p)) != 1 {
				t.Errorf("the caller's plot changed: x from %g, y from %g, label %q", p.X.Min, p.Y.Min, p.X.Label.Text)
			}
			if xy := (*plottersOf(p))[0].(plotter.XYer); xy.Len() != len(tc.xys) {
				t.Errorf("the caller's plotter holds %d points, want %d", xy.Len(), len(tc.xys))
			}
			var kept plotter.XYs
			for _, pt := range tc.xys {
				v := pt.Y
				if tc.logX {
					v = pt.X
				}
				if v > 0 {
					kept = append(kept, pt)
				}
			}
			if len(tc.xys)-len(kept) != tc.dropped {
				t.Fatalf("test data drops %d, want %d", len(tc.xys)-len(kept), tc.dropped)
			}
			ref := logPlot(t, kept, tc.scatter, tc.logX)
			if tc.logX {
				ref.Y.Min, ref.Y.Max = p.Y.Min, p.Y.Max
			} else {
				ref.X.Min, ref.X.Max = p.X.Min, p.X.Max
			}
			ref.X.Label.Text += "\n3 points ≤ 0 or not finite, not shown on the log axis"
			ref.X.Label.TextStyle.XAlign = draw.XCenter
			want, err := EncodeSVG(ref, w, h)
			if err != nil {
				t.Fatalf("EncodeSVG of the reference: %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("the drawn plot differs from the plot of the positive values with the note (%d and %d bytes of SVG)", len(got), len(want))
			}
			if b := Render(p); b.Data[MIMEPNG] == nil && b.Data[MIMESVG] == nil {
				t.Errorf("Render gave %v, want an image", keys(b))
			}
		})
	}
}

// A positive log plot is drawn as it is, without a note.
func TestLogAxisPositiveUnchanged(t *testing.T) {
	p := logPlot(t, plotter.XYs{{X: 1, Y: 1}, {X: 2, Y: 100}}, false, false)
	if q, err := logSafe(p); err != nil || q != p {
		t.Errorf("logSafe = %p, %v; want the plot itself", q, err)
	}
}

// Where nothing positive is left to set the axis by, or a plotter other
// than a line or scatter holds values ≤ 0, the error says what to write.
func TestLogAxisErrorsSayWhatToWrite(t *testing.T) {
	empty := plot.New()
	empty.Y.Scale = plot.LogScale{}
	empty.Y.Min, empty.Y.Max = -1, 1

	allZero := logPlot(t, plotter.XYs{{X: 1, Y: 0}, {X: 2, Y: 0}}, false, false)

	fn := plot.New()
	fn.Add(plotter.NewFunction(func(x float64) float64 { return x - 1 }))
	fn.X.Min, fn.X.Max = 0, 2
	fn.Y.Min, fn.Y.Max = 0.1, 1
	fn.Y.Scale = plot.LogScale{}

	for _, tc := range []struct {
		name string
		p    *plot.Plot
		want string
	}{
		{"empty, range below 0", empty, "viz.LogY(p, lines...)"},
		{"every value 0", allZero, "set p.Y.Min and p.Y.Max above 0"},
		{"a function ≤ 0", fn, "only the points of lines and scatters are dropped"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := Render(tc.p)
			if b.Data[MIMEPNG] != nil || b.Data[MIMESVG] != nil {
				t.Fatalf("a plot that cannot be drawn right gave an image")
			}
			if text := b.Data[MIMEText].(string); !strings.Contains(text, tc.want) {
				t.Errorf("text/plain %q does not say %q", text, tc.want)
			}
		})
	}
}
