package main

import (
	"fmt"
	"math"
	"os"
	"text/tabwriter"

	"gonum.org/v1/gonum/interp"
)

// FitPredictor is what every gonum interpolator here satisfies.
type FitPredictor interface {
	Fit(xs, ys []float64) error
	Predict(x float64) float64
}

type method struct {
	name string
	fp   FitPredictor
}

type sample struct {
	xs, ys []float64
}

var (
	nKnots  = 9
	lo, hi  = 0.0, 2 * math.Pi
	methods []method
)

func init() {
	methods = []method{
		{"linear", &interp.PiecewiseLinear{}},
		{"natural", &interp.NaturalCubic{}},
		{"not-a-knot", &interp.NotAKnotCubic{}},
		{"akima", &interp.AkimaSpline{}},
		{"fritsch-butland", &interp.FritschButland{}},
	}
}

func makeSample(f func(float64) float64, n int, a, b float64) sample {
	s := sample{make([]float64, n), make([]float64, n)}
	for i := 0; i < n; i++ {
		x := a + (b-a)*float64(i)/float64(n-1)
		s.xs[i], s.ys[i] = x, f(x)
	}
	return s
}

type errStats struct {
	maxAbs, rms float64
}

func (e errStats) String() string {
	return fmt.Sprintf("max=%.2e rms=%.2e", e.maxAbs, e.rms)
}

func measure(p FitPredictor, f func(float64) float64, a, b float64) errStats {
	const m = 400
	var es errStats
	sum := 0.0
	for i := 0; i <= m; i++ {
		x := a + (b-a)*float64(i)/m
		d := math.Abs(p.Predict(x) - f(x))
		if d > es.maxAbs {
			es.maxAbs = d
		}
		sum += d * d
	}
	es.rms = math.Sqrt(sum / (m + 1))
	return es
}

func main() {
	s := makeSample(math.Sin, nKnots, lo, hi)
	fmt.Printf("sin(x) sampled at %d equally spaced knots on [0, 2pi]\n\n", nKnots)

	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "method\tp(1.0)\tp(2.5)\tp(4.0)\terror\t")
	for _, m := range methods {
		if err := m.fp.Fit(s.xs, s.ys); err != nil {
			fmt.Fprintf(tw, "%s\tfit error: %v\t\t\t\t\n", m.name, err)
			continue
		}
		fmt.Fprintf(tw, "%s\t%.5f\t%.5f\t%.5f\t%v\t\n", m.name,
			m.fp.Predict(1.0), m.fp.Predict(2.5), m.fp.Predict(4.0), measure(m.fp, math.Sin, lo, hi))
	}
	fmt.Fprintf(tw, "exact\t%.5f\t%.5f\t%.5f\t\t\n", math.Sin(1.0), math.Sin(2.5), math.Sin(4.0))
	tw.Flush()

	fmt.Println("\nConvergence of natural cubic spline (max error):")
	prev := 0.0
	for _, n := range []int{5, 9, 17, 33, 65} {
		smp := makeSample(math.Sin, n, lo, hi)
		var nc interp.NaturalCubic
		if err := nc.Fit(smp.xs, smp.ys); err != nil {
			panic(err)
		}
		e := measure(&nc, math.Sin, lo, hi)
		ratio := ""
		if prev > 0 {
			ratio = fmt.Sprintf("ratio %.2f", prev/e.maxAbs)
		}
		fmt.Printf("  n=%3d  max err %.3e  %s\n", n, e.maxAbs, ratio)
		prev = e.maxAbs
	}

	// Step-like data: monotone methods should not overshoot.
	step := sample{
		xs: []float64{0, 1, 2, 3, 4, 5, 6},
		ys: []float64{0, 0, 0, 1, 1, 1, 1},
	}
	fmt.Println("\nStep data: min/max of interpolant on [0,6] (overshoot check)")
	for _, m := range methods {
		if err := m.fp.Fit(step.xs, step.ys); err != nil {
			fmt.Println(m.name, err)
			continue
		}
		mn, mx := math.Inf(1), math.Inf(-1)
		for i := 0; i <= 600; i++ {
			v := m.fp.Predict(float64(i) / 100)
			mn = math.Min(mn, v)
			mx = math.Max(mx, v)
		}
		flag := "ok"
		if mn < -1e-9 || mx > 1+1e-9 {
			flag = "overshoots"
		}
		fmt.Printf("  %-16s min=%8.4f max=%8.4f  %s\n", m.name, mn, mx, flag)
	}

	var nc interp.NaturalCubic
	_ = nc.Fit(s.xs, s.ys)
	fmt.Printf("\nnatural spline derivative at 0: %.4f (cos(0)=1)\n", nc.PredictDerivative(0))
	fmt.Printf("natural spline derivative at pi: %.4f (cos(pi)=-1)\n", nc.PredictDerivative(math.Pi))

	if err := tryFit(&interp.PiecewiseLinear{}, []float64{0, 1}, []float64{1}); err != nil {
		fmt.Println("mismatched lengths:", err)
	}
	if err := tryFit(&interp.NaturalCubic{}, []float64{0, 2, 1}, []float64{1, 2, 3}); err != nil {
		fmt.Println("unsorted knots:", err)
	}
}

// tryFit turns gonum's panics on bad input into ordinary errors.
func tryFit(p FitPredictor, xs, ys []float64) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered panic: %v", r)
		}
	}()
	return p.Fit(xs, ys)
}
