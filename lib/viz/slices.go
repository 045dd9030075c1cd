package viz

import (
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/gocurve/gocurve/lib/interrupt"
)

// Direction is a named direction v in parameter space, such as an
// eigenvector of the Hessian or a random unit vector.
type Direction struct {
	Name string
	V    []float64
}

// SliceSettings adjusts Slices. The zero value, or nil, means t ∈ [−1, 1]
// with 101 points.
type SliceSettings struct {
	T      float64 // half-width of the interval of t; default 1
	Points int     // samples per direction; default 101
	Title  string
}

// Slices draws the one-dimensional slices t ↦ J(θ + t·v) for t ∈ [−T, T],
// one line per direction, with θ itself at t = 0 marked by a dashed line. The
// curvature of the slice at 0 is vᵀ∇²J(θ)v: along an eigenvector qᵢ of unit
// length it is λᵢ. v is used as given, not normalized. Non-finite values of J
// are dropped. It stops early, drawing what it has, if an interrupt is
// requested (lib/interrupt). It panics if a direction's length differs from θ's.
func Slices(J func(theta []float64) float64, theta []float64, s *SliceSettings, dirs ...Direction) *plot.Plot {
	var set SliceSettings
	if s != nil {
		set = *s
	}
	if set.T == 0 {
		set.T = 1
	}
	if set.Points == 0 {
		set.Points = 101
	}
	if set.Points < 2 {
		panic(fmt.Sprintf("viz: %d points per slice", set.Points))
	}
	for _, d := range dirs {
		if len(d.V) != len(theta) {
			panic(fmt.Sprintf("viz: direction %q has length %d, θ has %d", d.Name, len(d.V), len(theta)))
		}
	}
	p := newPlot(set.Title, "t", "J(θ + t v)")
	x := make([]float64, len(theta))
	ymin, ymax := 0.0, 0.0
	first := true
	var lines []plotter.XYs
	for i, d := range dirs {
		xy := make(plotter.XYs, 0, set.Points)
		for k := range set.Points {
			if interrupt.Err() != nil {
				break
			}
			t := -set.T + 2*set.T*float64(k)/float64(set.Points-1)
			for j := range x {
				x[j] = theta[j] + t*d.V[j]
			}
			if y := J(x); isFinite(y) {
				xy = append(xy, plotter.XY{X: t, Y: y})
				if first || y < ymin {
					ymin = y
				}
				if first || y > ymax {
					ymax = y
				}
				first = false
			}
		}
		lines = append(lines, xy)
		addLine(p, xy, i, d.Name, vg.Points(1.5))
	}
	if !first {
		refLine(p, 0, ymin, 0, ymax, gray)
		lines = append(lines, plotter.XYs{{X: 0, Y: ymin}, {X: 0, Y: ymax}})
	}
	p.Add(plotter.NewGrid())
	attachPlacer(p, &legendPlacer{lines: lines})
	return p
}

// Plane returns the loss on the plane through θ spanned by d1 and d2,
// (a, b) ↦ J(θ + a·d1 + b·d2), for Contour and Heatmap: the 2-D loss
// surfaces of Li et al. (2018) and PyHessian, with d1, d2 random
// filter-normalised directions (nn.MLP.RandomDirection) or Hessian
// eigenvectors (hessian.Lanczos). θ, d1 and d2 are copied; the returned
// function is not safe for concurrent use. It panics if the lengths differ.
func Plane(J func([]float64) float64, theta, d1, d2 []float64) func(ab []float64) float64 {
	if len(d1) != len(theta) || len(d2) != len(theta) {
		panic(fmt.Sprintf("viz: Plane: len(θ) = %d, directions %d and %d", len(theta), len(d1), len(d2)))
	}
	th := append([]float64(nil), theta...)
	u := append([]float64(nil), d1...)
	v := append([]float64(nil), d2...)
	x := make([]float64, len(th))
	return func(ab []float64) float64 {
		for i := range x {
			x[i] = th[i] + ab[0]*u[i] + ab[1]*v[i]
		}
		return J(x)
	}
}
