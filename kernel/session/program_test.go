package session

import "testing"

func TestPrograms(t *testing.T) {
	tests := []struct {
		name  string
		steps []step
	}{
		{"declarations in any order, init then main, once", []step{
			{code: "package main\n\nimport \"fmt\"\n\nvar a = f()\n\nfunc f() int { return b * 2 }\n\nvar b = 21\n\nfunc init() { fmt.Println(\"init\", a) }\n\nfunc main() {\n\tfmt.Println(\"main\", a, b)\n}\n",
				out: "init 42\nmain 42 21\n"},
			{code: "fmt.Println(a + b)", out: "63\n"},
			{code: "x := 1\nfmt.Println(x)", out: "1\n"},
		}},
		{"two inits in source order", []step{
			{code: "package main\nimport \"fmt\"\nfunc init() { fmt.Println(1) }\nfunc main() { fmt.Println(3) }\nfunc init() { fmt.Println(2) }\n", out: "1\n2\n3\n"},
		}},
		{"main calls itself", []step{
			{code: "package main\nimport \"fmt\"\nvar n = 0\nfunc main() {\n\tn++\n\tif n < 3 {\n\t\tmain()\n\t}\n\tfmt.Println(n)\n}\n", out: "3\n3\n3\n"},
		}},
		{"a program pasted twice runs twice", []step{
			{code: "package main\nimport \"fmt\"\nvar k = 2\nfunc main() { fmt.Println(k) }\n", out: "2\n"},
			{code: "package main\nimport \"fmt\"\nvar k = 3\nfunc main() { fmt.Println(k) }\n", out: "3\n"},
			{code: "k", display: "3"},
		}},
		{"not package main", []step{
			{code: "package foo\nfunc F() {}\n", errName: "CompileError", errHas: "package foo is not a program"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runSteps(t, tt.steps) })
	}
}
