package main

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
)

var featureNames = []string{"outlook", "temp", "humidity", "wind"}

type Row struct {
	X     []string
	Label string
}

var table = []Row{
	{[]string{"sunny", "hot", "high", "weak"}, "no"},
	{[]string{"sunny", "hot", "high", "strong"}, "no"},
	{[]string{"overcast", "hot", "high", "weak"}, "yes"},
	{[]string{"rain", "mild", "high", "weak"}, "yes"},
	{[]string{"rain", "cool", "normal", "weak"}, "yes"},
	{[]string{"rain", "cool", "normal", "strong"}, "no"},
	{[]string{"overcast", "cool", "normal", "strong"}, "yes"},
	{[]string{"sunny", "mild", "high", "weak"}, "no"},
	{[]string{"sunny", "cool", "normal", "weak"}, "yes"},
	{[]string{"rain", "mild", "normal", "weak"}, "yes"},
	{[]string{"sunny", "mild", "normal", "strong"}, "yes"},
	{[]string{"overcast", "mild", "high", "strong"}, "yes"},
	{[]string{"overcast", "hot", "normal", "weak"}, "yes"},
	{[]string{"rain", "mild", "high", "strong"}, "no"},
}

type UnknownValueError struct {
	Feature string
	Value   string
}

func (e *UnknownValueError) Error() string {
	return fmt.Sprintf("feature %q has unseen value %q", e.Feature, e.Value)
}

type NaiveBayes struct {
	Alpha        float64
	classCount   map[string]int
	featCount    []map[string]map[string]int // feature -> class -> value -> count
	featValues   []map[string]bool
	total        int
	StrictUnseen bool
}

func (nb *NaiveBayes) Train(rows []Row) {
	nb.classCount = map[string]int{}
	nb.featCount = make([]map[string]map[string]int, len(featureNames))
	nb.featValues = make([]map[string]bool, len(featureNames))
	for j := range featureNames {
		nb.featCount[j] = map[string]map[string]int{}
		nb.featValues[j] = map[string]bool{}
	}
	for _, r := range rows {
		nb.classCount[r.Label]++
		nb.total++
		for j, v := range r.X {
			if nb.featCount[j][r.Label] == nil {
				nb.featCount[j][r.Label] = map[string]int{}
			}
			nb.featCount[j][r.Label][v]++
			nb.featValues[j][v] = true
		}
	}
}

func (nb *NaiveBayes) Classes() []string {
	cs := make([]string, 0, len(nb.classCount))
	for c := range nb.classCount {
		cs = append(cs, c)
	}
	sort.Strings(cs)
	return cs
}

func (nb *NaiveBayes) condProb(j int, class, value string) float64 {
	k := float64(len(nb.featValues[j]))
	num := float64(nb.featCount[j][class][value]) + nb.Alpha
	den := float64(nb.classCount[class]) + nb.Alpha*k
	return num / den
}

// LogPosterior returns normalized posterior probabilities per class.
func (nb *NaiveBayes) Posterior(x []string) (map[string]float64, error) {
	for j, v := range x {
		if nb.StrictUnseen && !nb.featValues[j][v] {
			return nil, &UnknownValueError{featureNames[j], v}
		}
	}
	logs := map[string]float64{}
	maxLog := math.Inf(-1)
	for _, c := range nb.Classes() {
		lp := math.Log(float64(nb.classCount[c]) / float64(nb.total))
		for j, v := range x {
			lp += math.Log(nb.condProb(j, c, v))
		}
		logs[c] = lp
		maxLog = math.Max(maxLog, lp)
	}
	sum := 0.0
	for _, c := range nb.Classes() {
		logs[c] = math.Exp(logs[c] - maxLog)
		sum += logs[c]
	}
	for c := range logs {
		logs[c] /= sum
	}
	return logs, nil
}

func main() {
	nb := &NaiveBayes{Alpha: 1}
	nb.Train(table)
	classes := nb.Classes()
	fmt.Printf("classes %v, priors:", classes)
	for _, c := range classes {
		fmt.Printf(" P(%s)=%.4f", c, float64(nb.classCount[c])/float64(nb.total))
	}
	fmt.Println()

	fmt.Println("\nsmoothed conditional probabilities P(value | class):")
	for j, name := range featureNames {
		vals := make([]string, 0)
		for v := range nb.featValues[j] {
			vals = append(vals, v)
		}
		sort.Strings(vals)
		for _, v := range vals {
			fmt.Printf("  %-8s = %-9s", name, v)
			for _, c := range classes {
				fmt.Printf("  %s: %.4f", c, nb.condProb(j, c, v))
			}
			fmt.Println()
		}
	}

	queries := [][]string{
		{"sunny", "cool", "high", "strong"},
		{"overcast", "mild", "normal", "weak"},
		{"rain", "hot", "high", "weak"},
		{"sunny", "mild", "normal", "weak"},
	}
	fmt.Println("\nposteriors:")
	for _, q := range queries {
		post, err := nb.Posterior(q)
		if err != nil {
			fmt.Println("  error:", err)
			continue
		}
		best := classes[0]
		for _, c := range classes {
			if post[c] > post[best] {
				best = c
			}
		}
		fmt.Printf("  %-34s P(no)=%.4f P(yes)=%.4f -> %s\n", strings.Join(q, ","), post["no"], post["yes"], best)
	}

	correct := 0
	for i, r := range table {
		loo := &NaiveBayes{Alpha: 1}
		rest := append(append([]Row{}, table[:i]...), table[i+1:]...)
		loo.Train(rest)
		post, _ := loo.Posterior(r.X)
		if (post["yes"] > post["no"]) == (r.Label == "yes") {
			correct++
		}
	}
	fmt.Printf("\nleave-one-out accuracy: %d/%d\n", correct, len(table))

	nb.StrictUnseen = true
	_, err := nb.Posterior([]string{"snow", "cold", "high", "weak"})
	var uve *UnknownValueError
	if errors.As(err, &uve) {
		fmt.Printf("strict mode rejected query: %v (feature=%s)\n", err, uve.Feature)
	}
}
