package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/integrate"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

func main() {
	// synthetic 1-D regression data y = 3x + noise
	src := rand.NewPCG(11, 22)
	xDist := distuv.Normal{Mu: 0, Sigma: 1, Src: src}
	noise := distuv.Normal{Mu: 0, Sigma: 0.5, Src: src}
	const N = 512
	xs := make([]float64, N)
	ys := make([]float64, N)
	for i := range xs {
		xs[i] = xDist.Rand()
		ys[i] = 3*xs[i] + noise.Rand()
	}
	fmt.Printf("data: mean x=%.4f sd x=%.4f mean y=%.4f\n", stat.Mean(xs, nil), stat.StdDev(xs, nil), stat.Mean(ys, nil))

	// gradient of 1/2 mean (w x - y)^2 with respect to w, on index set idx
	gradAt := func(w float64, idx []int) float64 {
		g := 0.0
		for _, i := range idx {
			g += (w*xs[i] - ys[i]) * xs[i]
		}
		return g / float64(len(idx))
	}
	all := make([]int, N)
	for i := range all {
		all[i] = i
	}
	w := 1.0
	full := gradAt(w, all)
	fmt.Printf("full-batch gradient at w=%.1f: %.6f\n", w, full)

	rng := rand.New(rand.NewPCG(5, 6))
	fmt.Println("batch    mean      sd       q05       q50       q95    sd*sqrt(B)")
	for _, B := range []int{1, 4, 16, 64, 256} {
		est := make([]float64, 400)
		for t := range est {
			perm := rng.Perm(N)
			est[t] = gradAt(w, perm[:B])
		}
		sort.Float64s(est)
		sd := stat.StdDev(est, nil)
		fmt.Printf("%5d %8.4f %8.4f %9.4f %9.4f %9.4f %9.4f\n", B, stat.Mean(est, nil), sd,
			stat.Quantile(0.05, stat.Empirical, est, nil),
			stat.Quantile(0.5, stat.Empirical, est, nil),
			stat.Quantile(0.95, stat.Empirical, est, nil), sd*math.Sqrt(float64(B)))
	}

	// noise smooths the loss: E_eps[ l(w + eps) ] for a bumpy 1-D loss
	bumpy := func(w float64) float64 { return w*w + 0.5*math.Cos(8*w) }
	sigma := 0.3
	pert := distuv.Normal{Mu: 0, Sigma: sigma}
	grid := make([]float64, 401)
	floats.Span(grid, -5*sigma, 5*sigma)
	vals := make([]float64, len(grid))
	fmt.Println("\n   w     loss     smoothed(Simpson)  smoothed(MC)   exact")
	mc := distuv.Normal{Mu: 0, Sigma: sigma, Src: rand.NewPCG(99, 1)}
	for _, w0 := range []float64{-1, -0.4, 0, 0.4, 1} {
		for i, e := range grid {
			vals[i] = bumpy(w0+e) * pert.Prob(e)
		}
		simp := integrate.Simpsons(grid, vals)
		sum := 0.0
		for k := 0; k < 2000; k++ {
			sum += bumpy(w0 + mc.Rand())
		}
		exact := w0*w0 + sigma*sigma + 0.5*math.Cos(8*w0)*math.Exp(-32*sigma*sigma)
		fmt.Printf("%5.1f  %8.5f  %14.6f  %12.6f  %10.6f\n", w0, bumpy(w0), simp, sum/2000, exact)
	}
}
