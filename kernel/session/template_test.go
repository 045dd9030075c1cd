package session

import "testing"

// TestTemplates: a template that names a method of a cell type is refused
// where it runs, saying what to write instead; one that names fields runs.
func TestTemplates(t *testing.T) {
	decl := "type Course struct{ Name string; Scores []int }\n" +
		"func (c Course) Total() int { s := 0; for _, x := range c.Scores { s += x }; return s }\n" +
		"func (c *Course) Reset() { c.Scores = nil }\n"
	tests := []struct {
		name  string
		steps []step
	}{
		{"a method through a field chain", []step{{code: decl +
			"t := template.Must(template.New(\"r\").Parse(`{{.Name}}: {{.Total}}`))\n" +
			"t.Execute(os.Stdout, Course{\"go\", []int{1, 2}})",
			errName: "Panic", errHas: `template "r" names .Total, a method of main.Course`}}},
		{"a pointer method through a variable, in a range, html", []step{{code: decl +
			"t := htmltemplate.Must(htmltemplate.New(\"h\").Parse(`{{range $c := .}}{{if $c.Name}}{{$c.Reset}}{{end}}{{end}}`))\n" +
			"t.Execute(os.Stdout, []*Course{{Name: \"go\"}})",
			errName: "Panic", errHas: `template "h" names .Reset, a method of *main.Course, a type declared in a cell: compiled html/template`}}},
		{"a named template of the set", []step{{code: decl +
			"t := template.Must(template.New(\"a\").Parse(`{{define \"b\"}}{{.Total}}{{end}}{{.Name}}`))\n" +
			"t.ExecuteTemplate(os.Stdout, \"a\", Course{Name: \"x\"})",
			errName: "Panic", errHas: `template "b" names .Total`}}},
		{"fields only", []step{{code: decl +
			"t := template.Must(template.New(\"r\").Parse(`{{.Name}} {{len .Scores}} {{range .Scores}}<{{.}}>{{end}}`))\n" +
			"var b strings.Builder\n" +
			"err := t.Execute(&b, Course{\"go\", []int{1, 2}})\n" +
			"fmt.Println(b.String(), err)", out: "go 2 <1><2> <nil>\n"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			steps := append([]step{{code: "import (\n\t\"text/template\"\n\thtmltemplate \"html/template\"\n\t\"os\"\n\t\"strings\"\n)"}}, tt.steps...)
			runSteps(t, steps)
		})
	}
}
