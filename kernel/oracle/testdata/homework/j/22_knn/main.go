package main

import (
	"fmt"
	"math"
	"os"
	"sort"
	"text/tabwriter"
)

type Sample struct {
	Features []float64
	Label    string
}

type Metric func(a, b []float64) float64

func euclidean(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		d := a[i] - b[i]
		s += d * d
	}
	return math.Sqrt(s)
}

func manhattan(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += math.Abs(a[i] - b[i])
	}
	return s
}

func chebyshev(a, b []float64) float64 {
	m := 0.0
	for i := range a {
		m = math.Max(m, math.Abs(a[i]-b[i]))
	}
	return m
}

type neighbor struct {
	idx  int
	dist float64
}

type KNN struct {
	K      int
	Metric Metric
	train  []Sample
}

func (m *KNN) Fit(train []Sample) { m.train = train }

func (m *KNN) Predict(x []float64, skip int) string {
	nb := make([]neighbor, 0, len(m.train))
	for i, s := range m.train {
		if i == skip {
			continue
		}
		nb = append(nb, neighbor{i, m.Metric(x, s.Features)})
	}
	sort.Slice(nb, func(i, j int) bool {
		if nb[i].dist != nb[j].dist {
			return nb[i].dist < nb[j].dist
		}
		return nb[i].idx < nb[j].idx
	})
	votes := map[string]float64{}
	for _, n := range nb[:m.K] {
		votes[m.train[n.idx].Label] += 1 / (1e-9 + n.dist) // distance-weighted vote
	}
	return argmax(votes)
}

func argmax(votes map[string]float64) string {
	keys := make([]string, 0, len(votes))
	for k := range votes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	best := keys[0]
	for _, k := range keys[1:] {
		if votes[k] > votes[best] {
			best = k
		}
	}
	return best
}

func looAccuracy(m *KNN, data []Sample) float64 {
	m.Fit(data)
	correct := 0
	for i, s := range data {
		if m.Predict(s.Features, i) == s.Label {
			correct++
		}
	}
	return float64(correct) / float64(len(data))
}

// standardize rescales each feature to mean 0 and variance 1.
func standardize(data []Sample) []Sample {
	d := len(data[0].Features)
	mu, sd := make([]float64, d), make([]float64, d)
	for j := 0; j < d; j++ {
		for _, s := range data {
			mu[j] += s.Features[j]
		}
		mu[j] /= float64(len(data))
		for _, s := range data {
			sd[j] += (s.Features[j] - mu[j]) * (s.Features[j] - mu[j])
		}
		sd[j] = math.Sqrt(sd[j] / float64(len(data)))
	}
	out := make([]Sample, len(data))
	for i, s := range data {
		f := make([]float64, d)
		for j := range f {
			f[j] = (s.Features[j] - mu[j]) / sd[j]
		}
		out[i] = Sample{f, s.Label}
	}
	return out
}

// fruit: weight in grams, sweetness score 1-10
var fruit = []Sample{
	{[]float64{150, 7.1}, "apple"}, {[]float64{170, 6.8}, "apple"}, {[]float64{140, 7.5}, "apple"},
	{[]float64{160, 6.2}, "apple"}, {[]float64{155, 7.9}, "apple"}, {[]float64{165, 7.0}, "apple"},
	{[]float64{120, 8.9}, "banana"}, {[]float64{118, 9.3}, "banana"}, {[]float64{130, 8.5}, "banana"},
	{[]float64{125, 9.0}, "banana"}, {[]float64{135, 8.1}, "banana"}, {[]float64{128, 9.6}, "banana"},
	{[]float64{180, 5.0}, "orange"}, {[]float64{190, 5.6}, "orange"}, {[]float64{175, 6.1}, "orange"},
	{[]float64{200, 4.8}, "orange"}, {[]float64{185, 5.3}, "orange"}, {[]float64{158, 6.6}, "orange"},
}

func main() {
	metrics := []struct {
		name string
		m    Metric
	}{{"euclidean", euclidean}, {"manhattan", manhattan}, {"chebyshev", chebyshev}}

	scaled := standardize(fruit)
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "metric\tk\traw LOO acc\tscaled LOO acc\t")
	for _, mt := range metrics {
		for _, k := range []int{1, 3, 5, 7} {
			raw := looAccuracy(&KNN{K: k, Metric: mt.m}, fruit)
			sc := looAccuracy(&KNN{K: k, Metric: mt.m}, scaled)
			fmt.Fprintf(tw, "%s\t%d\t%.3f\t%.3f\t\n", mt.name, k, raw, sc)
		}
	}
	tw.Flush()

	model := &KNN{K: 3, Metric: euclidean}
	model.Fit(fruit)
	queries := [][]float64{{145, 7.4}, {127, 8.8}, {182, 5.5}, {160, 6.5}}
	fmt.Println("\npredictions on raw features (k=3, euclidean):")
	for _, q := range queries {
		fmt.Printf("  %v -> %s\n", q, model.Predict(q, -1))
	}

	cm := map[string]map[string]int{}
	m := &KNN{K: 3, Metric: euclidean}
	m.Fit(scaled)
	for i, s := range scaled {
		p := m.Predict(s.Features, i)
		if cm[s.Label] == nil {
			cm[s.Label] = map[string]int{}
		}
		cm[s.Label][p]++
	}
	labels := []string{"apple", "banana", "orange"}
	fmt.Println("\nconfusion matrix (scaled, k=3, rows = truth):")
	fmt.Printf("%-8s", "")
	for _, l := range labels {
		fmt.Printf("%8s", l)
	}
	fmt.Println()
	for _, t := range labels {
		fmt.Printf("%-8s", t)
		for _, p := range labels {
			fmt.Printf("%8d", cm[t][p])
		}
		fmt.Println()
	}
}
