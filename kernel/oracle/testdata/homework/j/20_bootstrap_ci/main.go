package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

const (
	nBoot = 2000
	level = 0.95
)

type Statistic func([]float64) float64

type Interval struct {
	Lo, Hi float64
	Method string
}

func (iv Interval) String() string {
	return fmt.Sprintf("%-11s [%8.4f, %8.4f]  width %.4f", iv.Method, iv.Lo, iv.Hi, iv.Hi-iv.Lo)
}

func (iv Interval) Contains(x float64) bool { return iv.Lo <= x && x <= iv.Hi }

type Bootstrapper struct {
	rng  *rand.Rand
	reps []float64
}

func NewBootstrapper(seed uint64) *Bootstrapper {
	return &Bootstrapper{rng: rand.New(rand.NewPCG(seed, 2))}
}

func (b *Bootstrapper) Run(data []float64, stat Statistic, B int) {
	b.reps = b.reps[:0]
	buf := make([]float64, len(data))
	for k := 0; k < B; k++ {
		for i := range buf {
			buf[i] = data[b.rng.IntN(len(data))]
		}
		b.reps = append(b.reps, stat(buf))
	}
	sort.Float64s(b.reps)
}

func (b *Bootstrapper) Percentile(alpha float64) Interval {
	return Interval{
		Lo:     stat.Quantile(alpha/2, stat.Empirical, b.reps, nil),
		Hi:     stat.Quantile(1-alpha/2, stat.Empirical, b.reps, nil),
		Method: "percentile",
	}
}

func (b *Bootstrapper) Basic(alpha, theta float64) Interval {
	p := b.Percentile(alpha)
	return Interval{2*theta - p.Hi, 2*theta - p.Lo, "basic"}
}

func (b *Bootstrapper) StdErr() float64 {
	return stat.StdDev(b.reps, nil)
}

func mean(x []float64) float64 { return stat.Mean(x, nil) }

func median(x []float64) float64 {
	s := append([]float64(nil), x...)
	sort.Float64s(s)
	return stat.Quantile(0.5, stat.Empirical, s, nil)
}

func tInterval(x []float64, alpha float64) Interval {
	m, sd := stat.MeanStdDev(x, nil)
	n := float64(len(x))
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: n - 1}.Quantile(1 - alpha/2)
	h := t * sd / math.Sqrt(n)
	return Interval{m - h, m + h, "t-interval"}
}

func main() {
	src := rand.NewPCG(1, 2)
	gen := distuv.LogNormal{Mu: 1, Sigma: 0.6, Src: src}
	data := make([]float64, 40)
	for i := range data {
		data[i] = gen.Rand()
	}
	trueMean := gen.Mean()
	trueMedian := math.Exp(gen.Mu)

	fmt.Printf("sample of %d log-normal values (mu=1, sigma=0.6)\n", len(data))
	fmt.Printf("first 6: %.3f\n", data[:6])
	fmt.Printf("sample mean %.4f (true %.4f), sample median %.4f (true %.4f)\n\n",
		mean(data), trueMean, median(data), trueMedian)

	alpha := 1 - level
	b := NewBootstrapper(42)

	b.Run(data, mean, nBoot)
	fmt.Printf("Mean: bootstrap SE = %.4f, classical SE = %.4f\n", b.StdErr(), stat.StdErr(stat.StdDev(data, nil), float64(len(data))))
	for _, iv := range []Interval{b.Percentile(alpha), b.Basic(alpha, mean(data)), tInterval(data, alpha)} {
		fmt.Printf("  %v  covers true mean: %v\n", iv, iv.Contains(trueMean))
	}

	b.Run(data, median, nBoot)
	fmt.Printf("\nMedian: bootstrap SE = %.4f\n", b.StdErr())
	for _, iv := range []Interval{b.Percentile(alpha), b.Basic(alpha, median(data))} {
		fmt.Printf("  %v  covers true median: %v\n", iv, iv.Contains(trueMedian))
	}

	fmt.Println("\nHistogram of bootstrap medians:")
	lo, hi := b.reps[0], b.reps[len(b.reps)-1]
	bins := 8
	counts := make([]int, bins)
	for _, v := range b.reps {
		k := int(float64(bins) * (v - lo) / (hi - lo))
		if k == bins {
			k--
		}
		counts[k]++
	}
	for i, c := range counts {
		left := lo + (hi-lo)*float64(i)/float64(bins)
		fmt.Printf("  %6.3f | %-40s %d\n", left, stars(c, 14), c)
	}

	fmt.Println("\nWidth of the percentile interval for the mean vs B:")
	for _, B := range []int{100, 500, 2000} {
		bb := NewBootstrapper(7)
		bb.Run(data, mean, B)
		iv := bb.Percentile(alpha)
		fmt.Printf("  B=%4d  %v\n", B, iv)
	}
}

func stars(n, per int) string {
	s := ""
	for i := 0; i < n/per; i++ {
		s += "*"
	}
	return s
}
