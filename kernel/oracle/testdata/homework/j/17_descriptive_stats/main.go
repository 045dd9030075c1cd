package main

import (
	"fmt"
	"math"
	"os"
	"slices"
	"text/tabwriter"

	"gonum.org/v1/gonum/stat"
)

type Number interface {
	~int | ~int64 | ~float32 | ~float64
}

func Mean[T Number](xs []T) float64 {
	var s float64
	for _, x := range xs {
		s += float64(x)
	}
	return s / float64(len(xs))
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

// Welford keeps running moments without storing the data.
type Welford struct {
	n    int
	mean float64
	m2   float64
	min  float64
	max  float64
}

func (w *Welford) Add(x float64) {
	if w.n == 0 {
		w.min, w.max = x, x
	}
	w.n++
	d := x - w.mean
	w.mean += d / float64(w.n)
	w.m2 += d * (x - w.mean)
	w.min = math.Min(w.min, x)
	w.max = math.Max(w.max, x)
}

func (w Welford) Variance() float64 { return w.m2 / float64(w.n-1) }
func (w Welford) StdDev() float64   { return math.Sqrt(w.Variance()) }

func (w Welford) String() string {
	return fmt.Sprintf("n=%d mean=%.4f sd=%.4f range=[%.1f, %.1f]", w.n, w.mean, w.StdDev(), w.min, w.max)
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// quantileType7 is linear interpolation between order statistics (R's default).
func quantileType7(sorted []float64, p float64) float64 {
	h := float64(len(sorted)-1) * p
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= len(sorted) {
		return sorted[len(sorted)-1]
	}
	return sorted[i] + (h-lo)*(sorted[i+1]-sorted[i])
}

var examScores = []int{72, 85, 91, 64, 78, 88, 95, 59, 81, 77, 69, 84, 90, 73, 66, 87, 79, 82, 70, 93}

var labScores = []float64{8.5, 9.0, 7.0, 6.5, 9.5, 10.0, 7.5, 8.0, 5.5, 9.0, 8.5, 7.0}

func main() {
	fmt.Printf("exam mean (generic over %T): %.4f\n", examScores, Mean(examScores))
	fmt.Printf("lab  mean (generic over %T): %.4f\n\n", labScores, Mean(labScores))

	xs := Map(examScores, func(v int) float64 { return float64(v) })

	var w Welford
	for _, x := range xs {
		w.Add(x)
	}
	fmt.Println("Welford:", w)

	gm, gsd := stat.MeanStdDev(xs, nil)
	fmt.Printf("gonum:   mean=%.4f sd=%.4f  variance=%.4f\n", gm, gsd, stat.Variance(xs, nil))
	fmt.Printf("agree: mean %v, variance %v\n\n",
		math.Abs(gm-w.mean) < 1e-12, math.Abs(stat.Variance(xs, nil)-w.Variance()) < 1e-9)

	sorted := slices.Clone(xs)
	slices.Sort(sorted)
	fmt.Printf("sorted: %v\n", sorted)
	fmt.Printf("median (mine) = %.2f\n\n", median(xs))

	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "p\ttype7 (mine)\tgonum Empirical\tgonum LinInterp\t")
	for _, p := range []float64{0.12, 0.25, 0.33, 0.5, 0.67, 0.88} {
		fmt.Fprintf(tw, "%.2f\t%.3f\t%.3f\t%.3f\t\n", p,
			quantileType7(sorted, p),
			stat.Quantile(p, stat.Empirical, sorted, nil),
			stat.Quantile(p, stat.LinInterp, sorted, nil))
	}
	tw.Flush()

	q1, q3 := quantileType7(sorted, 0.25), quantileType7(sorted, 0.75)
	iqr := q3 - q1
	fmt.Printf("\nIQR = %.3f, fences = [%.3f, %.3f]\n", iqr, q1-1.5*iqr, q3+1.5*iqr)

	fmt.Printf("skewness=%.4f  excess kurtosis=%.4f\n", stat.Skew(xs, nil), stat.ExKurtosis(xs, nil))

	weights := Map(examScores, func(v int) float64 {
		if v >= 80 {
			return 2
		}
		return 1
	})
	fmt.Printf("weighted mean (scores >= 80 count double) = %.4f\n", stat.Mean(xs, weights))

	zs := Map(xs, func(x float64) float64 { return stat.StdScore(x, gm, gsd) })
	fmt.Printf("z-scores of first five: %.3f\n", zs[:5])

	grades := map[string]int{}
	for _, s := range examScores {
		grades[letter(s)]++
	}
	for _, g := range []string{"A", "B", "C", "D", "F"} {
		fmt.Printf("  %s: %-2d %s\n", g, grades[g], bar(grades[g]))
	}
}

func letter(s int) string {
	switch {
	case s >= 90:
		return "A"
	case s >= 80:
		return "B"
	case s >= 70:
		return "C"
	case s >= 60:
		return "D"
	}
	return "F"
}

func bar(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = '#'
	}
	return string(b)
}
