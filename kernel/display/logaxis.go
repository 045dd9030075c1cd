package display

import (
	"fmt"
	"math"
	"reflect"
	"unsafe"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"
)

// logSafe returns p ready to draw when an axis has gonum/plot's LogScale
// and the plot holds values a log axis cannot show (≤ 0 or not finite),
// where gonum/plot would panic: a copy of p without those points of its
// lines and scatters, the log axis's range narrowed to what is left, and a
// note below the plot saying how many were dropped — what viz.LogY does to
// a plot it is given, but without changing the caller's plot. p itself is
// returned when it needs none of this. The error says what to write
// instead when other plotters (functions, bars, heat maps) hold such
// values, or no positive value is left to set the axis by.
func logSafe(p *plot.Plot) (*plot.Plot, error) {
	logX, logY := isLog(p.X.Scale), isLog(p.Y.Scale)
	if !logX && !logY {
		return p, nil
	}
	list := plottersOf(p)
	if list == nil {
		return p, nil // a gonum/plot whose layout this does not know: draw as is
	}
	bad := func(pt plotter.XY) bool {
		return logX && !positive(pt.X) || logY && !positive(pt.Y)
	}
	dropped := 0
	xr, yr := newRange(), newRange()
	kept := make([]plot.Plotter, len(*list))
	for i, d := range *list {
		kept[i] = d
		var xys plotter.XYs
		switch d := d.(type) {
		case *plotter.Line:
			xys = d.XYs
		case *plotter.Scatter:
			xys = d.XYs
		default:
			continue
		}
		var out plotter.XYs
		for j, pt := range xys {
			if bad(pt) {
				if out == nil {
					out = append(make(plotter.XYs, 0, len(xys)), xys[:j]...)
				}
				dropped++
				continue
			}
			if out != nil {
				out = append(out, pt)
			}
			xr.add(pt.X)
			yr.add(pt.Y)
		}
		if out == nil {
			continue
		}
		switch d := d.(type) {
		case *plotter.Line:
			c := *d
			c.XYs = out
			kept[i] = &c
		case *plotter.Scatter:
			c := *d
			c.XYs = out
			kept[i] = &c
		}
	}
	badRange := logX && !positive(p.X.Min) || logY && !positive(p.Y.Min)
	if dropped == 0 && !badRange {
		return p, nil
	}
	c := *p
	*plottersOf(&c) = kept
	for _, a := range []struct {
		log  bool
		axis *plot.Axis
		r    valueRange
		name string
	}{{logX, &c.X, xr, "x"}, {logY, &c.Y, yr, "y"}} {
		if !a.log || positive(a.axis.Min) && positive(a.axis.Max) && a.axis.Max > a.axis.Min {
			continue
		}
		if a.r.lo > a.r.hi {
			return nil, fmt.Errorf("the %s axis has plot.LogScale but its range [%g, %g] reaches 0 or below and no line or scatter on it has a positive value to set it by: a log axis shows only positive values; set p.%s.Min and p.%s.Max above 0, or use viz.Log%s(p, lines...) after adding the data, which drops the values ≤ 0 with a note",
				a.name, a.axis.Min, a.axis.Max, upper(a.name), upper(a.name), upper(a.name))
		}
		if !positive(a.axis.Min) || a.axis.Min > a.r.lo {
			a.axis.Min = a.r.lo
		}
		if !positive(a.axis.Max) || a.axis.Max < a.r.hi {
			a.axis.Max = a.r.hi
		}
	}
	if dropped > 0 {
		note := fmt.Sprintf("%d points ≤ 0 or not finite, not shown on the log axis", dropped)
		if c.X.Label.Text == "" {
			c.X.Label.Text = note
		} else {
			c.X.Label.Text += "\n" + note
		}
		c.X.Label.TextStyle.XAlign = draw.XCenter
	}
	return &c, nil
}

// logAdvice is added to the error of a log-scaled plot that still fails to
// draw: a plotter other than a line or scatter holds a value ≤ 0.
const logAdvice = "a log axis shows only positive values, and only the points of lines and scatters are dropped for it; keep the other plotters' values above 0, or draw them on a linear axis"

// isLog reports whether s is gonum/plot's log scale, inverted or not.
func isLog(s plot.Normalizer) bool {
	switch s := s.(type) {
	case plot.LogScale, *plot.LogScale:
		return true
	case plot.InvertedScale:
		return isLog(s.Normalizer)
	case *plot.InvertedScale:
		return s != nil && isLog(s.Normalizer)
	}
	return false
}

// plottersOf returns a pointer to p's plotters, which gonum/plot keeps in an
// unexported field and offers no accessor for; nil if the field is not
// there. Used to read a caller's plot and to set a copy's, never to change
// the caller's list.
func plottersOf(p *plot.Plot) *[]plot.Plotter {
	f := reflect.ValueOf(p).Elem().FieldByName("plotters")
	if !f.IsValid() || f.Type() != reflect.TypeFor[[]plot.Plotter]() {
		return nil
	}
	return (*[]plot.Plotter)(unsafe.Pointer(f.UnsafeAddr()))
}

func positive(v float64) bool { return v > 0 && !math.IsInf(v, 1) }

// valueRange is the smallest and largest of the values added.
type valueRange struct{ lo, hi float64 }

func newRange() valueRange { return valueRange{math.Inf(1), math.Inf(-1)} }

func (r *valueRange) add(v float64) {
	r.lo, r.hi = math.Min(r.lo, v), math.Max(r.hi, v)
}

func upper(s string) string { return string(s[0] - 'a' + 'A') }
