// week 9: parse a CSV gradebook, compute stats, write CSV back out
package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
)

const gradebook = `name,hw1,hw2,midterm,final,section
"Smith, Anna",95,88,79.5,91,A
Bob Jones,72,65,80,70,B
Chen Wei,100,98,94,97,A
"O'Brien, Pat",55,,61,58,B
Dana Ruiz,88,91,85.25,89,A
Eli Park,abc,70,75,80,B
"Quote ""Q"" Man",60,62,64,66,A
`

type Record struct {
	Name    string
	Scores  map[string]float64
	Section string
	Total   float64
}

var weights = map[string]float64{"hw1": 0.15, "hw2": 0.15, "midterm": 0.3, "final": 0.4}

var ErrMissing = errors.New("missing score")

func letter(t float64) string {
	switch {
	case t >= 90:
		return "A"
	case t >= 80:
		return "B"
	case t >= 70:
		return "C"
	case t >= 60:
		return "D"
	}
	return "F"
}

func parse(r io.Reader) (recs []Record, problems []string) {
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err != nil {
		problems = append(problems, "no header: "+err.Error())
		return
	}
	line := 1
	for {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		line++
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		rec := Record{Name: row[0], Scores: map[string]float64{}, Section: row[len(row)-1]}
		ok := true
		for i := 1; i < len(row)-1; i++ {
			v, err := parseScore(row[i])
			if err != nil {
				problems = append(problems, fmt.Sprintf("line %d (%s) col %s: %v", line, rec.Name, header[i], err))
				ok = false
				continue
			}
			rec.Scores[header[i]] = v
			rec.Total += v * weights[header[i]]
		}
		if ok {
			recs = append(recs, rec)
		}
	}
	return
}

func parseScore(s string) (float64, error) {
	if strings.TrimSpace(s) == "" {
		return 0, ErrMissing
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		var ne *strconv.NumError
		if errors.As(err, &ne) {
			return 0, fmt.Errorf("not a number: %q (%w)", ne.Num, ne.Err)
		}
		return 0, err
	}
	return v, nil
}

func stats(xs []float64) (mean, stddev, median float64) {
	n := float64(len(xs))
	for _, x := range xs {
		mean += x
	}
	mean /= n
	for _, x := range xs {
		stddev += (x - mean) * (x - mean)
	}
	stddev = math.Sqrt(stddev / n)
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		median = s[len(s)/2]
	} else {
		median = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return
}

func main() {
	recs, problems := parse(strings.NewReader(gradebook))
	fmt.Println("parsed", len(recs), "records,", len(problems), "problems")
	for _, p := range problems {
		fmt.Println("  !", p)
	}

	sort.Slice(recs, func(i, j int) bool { return recs[i].Total > recs[j].Total })
	tw := tabwriter.NewWriter(os.Stdout, 0, 8, 1, ' ', 0)
	fmt.Fprintln(tw, "rank\tname\tsec\ttotal\tletter")
	for i, r := range recs {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%.2f\t%s\n", i+1, r.Name, r.Section, r.Total, letter(r.Total))
	}
	tw.Flush()

	cols := []string{"hw1", "hw2", "midterm", "final"}
	for _, c := range cols {
		var xs []float64
		for _, r := range recs {
			xs = append(xs, r.Scores[c])
		}
		m, sd, med := stats(xs)
		fmt.Printf("%-8s mean=%6.2f sd=%5.2f median=%6.2f\n", c, m, sd, med)
	}

	bySection := map[string][]string{}
	for _, r := range recs {
		bySection[r.Section] = append(bySection[r.Section], strings.Fields(r.Name)[0])
	}
	secs := make([]string, 0, len(bySection))
	for s := range bySection {
		secs = append(secs, s)
	}
	sort.Strings(secs)
	for _, s := range secs {
		fmt.Printf("section %s: %v\n", s, bySection[s])
	}

	fmt.Println("--- export ---")
	w := csv.NewWriter(os.Stdout)
	w.Write([]string{"name", "total", "letter"})
	for _, r := range recs {
		w.Write([]string{r.Name, strconv.FormatFloat(r.Total, 'f', 1, 64), letter(r.Total)})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		fmt.Println("csv error:", err)
	}

	// semicolon-separated with comments
	cr := csv.NewReader(strings.NewReader("# comment\na;b;c\n1;2;3\n"))
	cr.Comma = ';'
	cr.Comment = '#'
	all, err := cr.ReadAll()
	fmt.Println(all, err)
	_, err = csv.NewReader(strings.NewReader("a,b\n1,2,3\n")).ReadAll()
	fmt.Println("field count err:", err)
}
