package main

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
)

type Student struct {
	Name   string
	Scores []int
}

func (s Student) Average() float64 {
	if len(s.Scores) == 0 {
		return 0
	}
	sum := 0
	for _, sc := range s.Scores {
		sum += sc
	}
	return float64(sum) / float64(len(s.Scores))
}

func letter(avg float64) string {
	switch {
	case avg >= 90:
		return "A"
	case avg >= 80:
		return "B"
	case avg >= 70:
		return "C"
	case avg >= 60:
		return "D"
	default:
		return "F"
	}
}

type byAverage []Student

func (b byAverage) Len() int      { return len(b) }
func (b byAverage) Swap(i, j int) { b[i], b[j] = b[j], b[i] }
func (b byAverage) Less(i, j int) bool {
	ai, aj := b[i].Average(), b[j].Average()
	if ai != aj {
		return ai > aj
	}
	return b[i].Name < b[j].Name
}

func main() {
	class := []Student{
		{"Ana", []int{92, 88, 95, 100}},
		{"Ben", []int{71, 64, 80}},
		{"Chloe", []int{85, 90, 78, 88}},
		{"Dmitri", []int{55, 62, 48, 70}},
		{"Eve", []int{90, 90, 90}},
		{"Farouk", nil},
	}
	sort.Sort(byAverage(class))

	w := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(w, "Rank\tName\tScores\tAvg\tGrade\t")
	fmt.Fprintln(w, "----\t----\t------\t---\t-----\t")
	for i, s := range class {
		fmt.Fprintf(w, "%d\t%s\t%v\t%.1f\t%s\t\n", i+1, s.Name, s.Scores, s.Average(), letter(s.Average()))
	}
	w.Flush()

	fmt.Println()
	tw := tabwriter.NewWriter(os.Stdout, 6, 0, 1, '.', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(tw, "grade\tcount\tpercent\t")
	counts := map[string]int{}
	for _, s := range class {
		counts[letter(s.Average())]++
	}
	for _, g := range []string{"A", "B", "C", "D", "F"} {
		pct := 100 * float64(counts[g]) / float64(len(class))
		fmt.Fprintf(tw, "%s\t%d\t%.1f%%\t\n", g, counts[g], pct)
	}
	tw.Flush()

	fmt.Println()
	// plain fmt width tricks
	width := 0
	for _, s := range class {
		if len(s.Name) > width {
			width = len(s.Name)
		}
	}
	for _, s := range class {
		bar := strings.Repeat("*", int(s.Average()/10))
		fmt.Printf("%-*s |%-10s| %*d tests\n", width, s.Name, bar, 2, len(s.Scores))
	}
	fmt.Printf("[%5s][%-5s][%.2s][%5.1s]\n", "ab", "ab", "abcdef", "xyz")
	fmt.Printf("[%+d][%05d][%-5d][%x][%X][%o][%b]\n", 42, 42, 42, 255, 255, 8, 5)
	fmt.Printf("[%e][%.3g][%8.3f][%-8.2f][%+.1f]\n", 123456.789, 123456.789, 3.14159, 2.5, -0.05)
}
