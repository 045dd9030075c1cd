// Week 10: text/template — generating a course report (like jinja2)
package main

import (
	"fmt"
	"os"
	"strings"
	"text/template"
)

type Assignment struct {
	Title  string
	Week   int
	Points int
	Scores map[string]int
}

type Course struct {
	Name        string
	Term        string
	Instructor  string
	Students    []string
	Assignments []Assignment
	Late        map[string]bool
}

func (c Course) MaxPoints() int {
	t := 0
	for _, a := range c.Assignments {
		t += a.Points
	}
	return t
}

func (c Course) Total(student string) int {
	t := 0
	for _, a := range c.Assignments {
		t += a.Scores[student]
	}
	return t
}

var funcs = template.FuncMap{
	"upper": strings.ToUpper,
	"pct": func(n, d int) string {
		if d == 0 {
			return "n/a"
		}
		return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(d))
	},
	"pad":  func(w int, s string) string { return fmt.Sprintf("%-*s", w, s) },
	"add1": func(i int) int { return i + 1 },
	"bar": func(n, d int) string {
		return strings.Repeat("#", n*20/d) + strings.Repeat(".", 20-n*20/d)
	},
}

const reportTmpl = `{{define "header"}}=== {{.Name | upper}} ({{.Term}}) ===
Instructor: {{.Instructor}}
{{end -}}
{{template "header" .}}
Assignments:
{{- range $i, $a := .Assignments}}
  {{add1 $i}}. {{pad 14 $a.Title}} week {{printf "%2d" $a.Week}}  {{$a.Points}} pts
{{- end}}

Students ({{len .Students}}):
{{- range .Students}}
{{- $total := $.Total .}}
  {{pad 8 .}} {{printf "%3d" $total}}/{{$.MaxPoints}} {{bar $total $.MaxPoints}} {{pct $total $.MaxPoints}}
  {{- if index $.Late .}} (late penalty applied){{end}}
{{- else}}
  nobody enrolled
{{- end}}
{{with .Late}}Late list: {{range $k, $v := .}}{{if $v}}{{$k}} {{end}}{{end}}{{end}}
`

const gradeTmpl = `{{range .}}{{.Name}}: {{if ge .Score 90}}excellent{{else if ge .Score 75}}good{{else}}needs work{{end}}{{"\n"}}{{end}}`

type entry struct {
	Name  string
	Score int
}

func main() {
	c := Course{
		Name:       "Go for Pythonistas",
		Term:       "Spring",
		Instructor: "Dr. Gopher",
		Students:   []string{"amir", "beth", "chloe", "dmitri"},
		Assignments: []Assignment{
			{"Hello types", 1, 10, map[string]int{"amir": 10, "beth": 9, "chloe": 7, "dmitri": 10}},
			{"Slices", 3, 20, map[string]int{"amir": 18, "beth": 20, "chloe": 11, "dmitri": 15}},
			{"Interfaces", 5, 30, map[string]int{"amir": 25, "beth": 29, "chloe": 20}},
			{"Generics", 7, 40, map[string]int{"amir": 33, "beth": 38, "chloe": 30, "dmitri": 12}},
		},
		Late: map[string]bool{"dmitri": true, "chloe": false, "amir": true},
	}

	t := template.Must(template.New("report").Funcs(funcs).Parse(reportTmpl))
	if err := t.Execute(os.Stdout, c); err != nil {
		fmt.Println("error:", err)
	}

	g := template.Must(template.New("g").Parse(gradeTmpl))
	g.Execute(os.Stdout, []entry{{"amir", 86}, {"beth", 96}, {"chloe", 68}})

	var sb strings.Builder
	small := template.Must(template.New("s").Parse(`{{.A}} + {{.B}} = {{printf "%d" .C}}; {{len .L}} items; first={{index .L 0}}; {{.M.key}}; {{html .H}}; {{js .H}}`))
	small.Execute(&sb, map[string]any{
		"A": 2, "B": 3, "C": 5, "L": []string{"x", "y"}, "M": map[string]string{"key": "value"}, "H": "<b>&'",
	})
	fmt.Println(sb.String())

	empty := c
	empty.Students = nil
	empty.Late = nil
	empty.Name = "Empty course"
	t.Execute(os.Stdout, empty)

	_, err := template.New("bad").Parse("{{if}}")
	fmt.Println("parse error:", err != nil)
	err = template.Must(template.New("x").Parse("{{.Missing.Field}}")).Execute(&sb, c)
	fmt.Println("exec error:", err)
	cond := template.Must(template.New("c").Parse(`{{if and .X (not .Y)}}yes{{else}}no{{end}} {{or .Z "fallback"}} {{eq .N 3}} {{lt .N 10}}` + "\n"))
	cond.Execute(os.Stdout, map[string]any{"X": true, "Y": false, "Z": "", "N": 3})
}
