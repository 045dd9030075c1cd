package viz_test

import (
	"fmt"

	"github.com/gocurve/gocurve/lib/viz"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot/plotter"
)

func rosenbrock(t []float64) float64 {
	a, b := 1-t[0], t[1]-t[0]*t[0]
	return a*a + 100*b*b
}

// Gradient descent on Rosenbrock's function, drawn over its contours.
func ExampleContour() {
	theta := []float64{-1.5, 2}
	var path [][]float64
	for range 200 {
		path = append(path, []float64{theta[0], theta[1]})
		gx := -2*(1-theta[0]) - 400*theta[0]*(theta[1]-theta[0]*theta[0])
		gy := 200 * (theta[1] - theta[0]*theta[0])
		theta[0] -= 1e-3 * gx
		theta[1] -= 1e-3 * gy
	}
	p := viz.Contour(rosenbrock, viz.Box{XMin: -2, XMax: 2, YMin: -1, YMax: 3},
		&viz.ContourSettings{Spacing: viz.Log, Title: "Rosenbrock"},
		viz.Path{Name: "GD, α = 0.001", XY: viz.Thetas(path)})
	fmt.Println(p.Title.Text, p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
	// Output:
	// Rosenbrock -2 2 -1 3
}

func ExampleLevels() {
	g := viz.NewGrid(func(t []float64) float64 { return t[0] + t[1] }, viz.Box{XMin: 0, XMax: 1, YMin: 0, YMax: 1}, 3)
	fmt.Println(viz.Levels(g, 4, viz.Linear))
	// Output:
	// [0.25 0.75 1.25 1.75]
}

func ExampleQuadratic() {
	a := mat.NewSymDense(2, []float64{1, 2, 2, 1}) // eigenvalues 3 and −1
	p := viz.Quadratic(a, viz.Box{XMin: -2, XMax: 2, YMin: -2, YMax: 2}, nil)
	fmt.Println(p.Title.Text)
	// Output:
	// saddle: λ = -1, 3
}

func ExampleLosses() {
	gd := []float64{1, 0.5, 0.25, 0.125}
	newton := []float64{1, 0, 0, 0} // exact zeros cannot sit on a log axis
	p := viz.Losses(&viz.LossSettings{Title: "GD vs Newton"}, viz.Series{Name: "GD", Y: gd}, viz.Series{Name: "Newton", Y: newton})
	fmt.Println(p.Title.Text)
	fmt.Println(p.X.Label.Text) // the note sits below the plot
	// Output:
	// GD vs Newton
	// step
	// 3 values ≤ 0 or not finite, not shown
}

func ExampleTile() {
	t := viz.Tile(2, viz.Regimes([]float64{0.5, 1.5, 2.1}, 20), viz.Factors([]float64{10, 1}))
	w, h := t.Size()
	fmt.Printf("%d row of %d, %.0f×%.0f pt\n", len(t.Rows), len(t.Rows[0]), w.Points(), h.Points())
	// Output:
	// 1 row of 2, 450×195 pt
}

func ExampleAddPaths() {
	p := viz.Spectrum([]float64{3, 1, 0.5})
	viz.AddPaths(p, viz.Path{Name: "path", XY: plotter.XYs{{X: 1, Y: 3}, {X: 3, Y: 0.5}}})
	fmt.Println(p.X.Min, p.X.Max) // the plot's range is kept
	// Output:
	// 0.5 3.5
}
