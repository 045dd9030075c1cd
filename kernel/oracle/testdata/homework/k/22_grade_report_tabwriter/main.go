// Homework 22: Parse CSV-like grade data and print a report with tabwriter.
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
)

const data = `# name, hw1, hw2, midterm, final
Ada Lovelace, 95, 88, 91, 97
Alan Turing, 100, 92, 85, 90
Grace Hopper, 78, 85, 88, 93
Linus Torvalds, 60, abc, 72, 65
Barbara Liskov, 88, 94, 79, 84

Ken Thompson, 55, 61, 58
`

var weights = []float64{0.15, 0.15, 0.30, 0.40}

type Record struct {
	Name   string
	Scores []float64
}

func (r Record) Weighted() float64 {
	total := 0.0
	for i, s := range r.Scores {
		total += s * weights[i]
	}
	return total
}

func Letter(score float64) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		return "B"
	case score >= 70:
		return "C"
	case score >= 60:
		return "D"
	}
	return "F"
}

func parseLine(line string) (Record, error) {
	fields := strings.Split(line, ",")
	if len(fields) != len(weights)+1 {
		return Record{}, fmt.Errorf("expected %d fields, got %d", len(weights)+1, len(fields))
	}
	rec := Record{Name: strings.TrimSpace(fields[0])}
	for _, f := range fields[1:] {
		v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil {
			return Record{}, fmt.Errorf("bad score for %s: %w", rec.Name, err)
		}
		rec.Scores = append(rec.Scores, v)
	}
	return rec, nil
}

func main() {
	var recs []Record
	sc := bufio.NewScanner(strings.NewReader(data))
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r, err := parseLine(line)
		if err != nil {
			fmt.Printf("line %d skipped: %v\n", lineNo, err)
			continue
		}
		recs = append(recs, r)
	}
	sort.SliceStable(recs, func(i, j int) bool { return recs[i].Weighted() > recs[j].Weighted() })

	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 1, ' ', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(tw, "Rank\tName\tHW1\tHW2\tMid\tFinal\tWeighted\tGrade\t")
	dist := map[string]int{}
	for i, r := range recs {
		cols := []string{strconv.Itoa(i + 1), r.Name}
		for _, s := range r.Scores {
			cols = append(cols, strconv.FormatFloat(s, 'f', 0, 64))
		}
		g := Letter(r.Weighted())
		dist[g]++
		cols = append(cols, fmt.Sprintf("%.2f", r.Weighted()), g)
		fmt.Fprintln(tw, strings.Join(cols, "\t")+"\t")
	}
	tw.Flush()

	letters := []string{"A", "B", "C", "D", "F"}
	for _, l := range letters {
		fmt.Printf("%s: %s\n", l, strings.Repeat("*", dist[l]))
	}
}
