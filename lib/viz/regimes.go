package viz

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// Regimes draws the size of gradient descent's error along one eigendirection
// of a quadratic, |1 − αλ|ᵏ, against the step k = 0 … steps, one line per
// product αλ, on a log y axis: it decays for 0 < αλ < 2 (monotonically up to
// 1, oscillating in sign between 1 and 2), stays for αλ = 2 and grows beyond.
// Exact zeros (αλ = 1 reaches the minimum in one step) cannot be drawn on a
// log axis; that line stops at k = 0 and its legend says so. Oscillating
// regimes are dashed, since αλ and 2 − αλ have the same |1 − αλ|. It panics if
// steps < 1.
func Regimes(alphaLambda []float64, steps int) *plot.Plot {
	if steps < 1 {
		panic(fmt.Sprintf("viz: %d steps", steps))
	}
	p := newPlot("GD on a quadratic: |1 − αλ|ᵏ", "step k", "|1 − αλ|ᵏ")
	var lines []plotter.XYs
	for i, al := range alphaLambda {
		f := math.Abs(1 - al)
		xy := make(plotter.XYs, 0, steps+1)
		for k := 0; k <= steps; k++ {
			v := math.Pow(f, float64(k))
			if v > 0 && isFinite(v) {
				xy = append(xy, plotter.XY{X: float64(k), Y: v})
			}
		}
		name := fmt.Sprintf("αλ = %.3g (%s)", al, regime(al))
		if len(xy) < steps+1 && f == 0 {
			name += ", 0 after one step"
		}
		lines = append(lines, xy)
		l := addLine(p, xy, i, name, vg.Points(1.5))
		if l != nil && al > 1 && al < 2 { // dashed: it would hide αλ' = 2 − αλ, which has the same |1 − αλ|
			l.Dashes = []vg.Length{vg.Points(6), vg.Points(3)}
		}
		if l != nil && len(xy) == 1 { // a lone point draws nothing as a line
			p.Add(glyphAt{xy[0].X, xy[0].Y, dot(l.Color)})
		}
	}
	logY(p)
	p.Add(plotter.NewGrid())
	attachPlacer(p, &legendPlacer{lines: lines})
	return p
}

// regime names the behaviour of (1 − αλ)ᵏ.
func regime(alphaLambda float64) string {
	switch {
	case alphaLambda <= 0:
		return "grows"
	case alphaLambda <= 1:
		return "decays"
	case alphaLambda < 2:
		return "oscillates, decays"
	case alphaLambda == 2:
		return "oscillates"
	default:
		return "diverges"
	}
}

// Factors draws gradient descent's per-direction factor 1 − αλᵢ against the
// step size α ∈ [0, 2.5/λmax], one line per eigenvalue λᵢ > 0, with dashed
// lines at factor ±1 (the edges of stability) and at α = 1/λmax and
// α = 2/λmax (the largest stable step), and the rate maxᵢ |1 − αλᵢ| as a
// thick black line. Non-positive or non-finite eigenvalues are skipped. It
// panics if no eigenvalue is positive.
func Factors(lambdas []float64) *plot.Plot {
	var ls []float64
	for _, l := range lambdas {
		if l > 0 && isFinite(l) {
			ls = append(ls, l)
		}
	}
	if len(ls) == 0 {
		panic("viz: Factors needs a positive eigenvalue")
	}
	slices.Sort(ls)
	slices.Reverse(ls)
	lmax := ls[0]
	amax := 2.5 / lmax
	p := newPlot("GD factors 1 − αλᵢ", "step size α", "1 − αλ")
	const n = 200
	rate := make(plotter.XYs, n+1)
	for k := range rate {
		a := amax * float64(k) / n
		r := 0.0
		for _, l := range ls {
			r = math.Max(r, math.Abs(1-a*l))
		}
		rate[k] = plotter.XY{X: a, Y: r}
	}
	lo := 1 - amax*lmax
	lines := []plotter.XYs{rate, // and the reference lines below
		{{X: 0, Y: 1}, {X: amax, Y: 1}}, {{X: 0, Y: -1}, {X: amax, Y: -1}},
		{{X: 1 / lmax, Y: lo}, {X: 1 / lmax, Y: 1}}, {{X: 2 / lmax, Y: lo}, {X: 2 / lmax, Y: 1}}}
	for i, l := range ls {
		line := plotter.XYs{{X: 0, Y: 1}, {X: amax, Y: 1 - amax*l}}
		lines = append(lines, line)
		addLine(p, line, i, fmt.Sprintf("λ = %.3g", l), vg.Points(1.5))
	}
	rl := addLine(p, rate, 0, "max |1 − αλᵢ|", vg.Points(2.5))
	rl.Color = plotter.DefaultLineStyle.Color
	refLine(p, 0, 1, amax, 1, gray)
	refLine(p, 0, -1, amax, -1, gray)
	refLine(p, 1/lmax, lo, 1/lmax, 1, gray)
	refLine(p, 2/lmax, lo, 2/lmax, 1, gray)
	p.X.Min, p.X.Max = 0, amax
	p.Y.Min, p.Y.Max = lo, -lo
	attachPlacer(p, &legendPlacer{lines: lines})
	return p
}
