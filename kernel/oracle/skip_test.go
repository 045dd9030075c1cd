package oracle

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// TestSkipReason shows which published programs are not compared with go
// run, and why.
func TestSkipReason(t *testing.T) {
	tests := []struct{ imports, body, want string }{
		{"", `fmt.Println(len(os.Args))`, "os.Args"},
		{"", `f := func() {}; fmt.Printf("%p\n", f)`, "addresses"},
		{"", `var s []int; for i := 0; i < 9; i++ { s = append(s, i); fmt.Println(cap(s)) }`, "capacities"},
		{"", `m := map[string]int{"a": 1, "b": 2}; for k, v := range m { fmt.Println(k, v) }`, "ranges over a map"},
		{"", `var m map[int]bool; m = make(map[int]bool); for k := range m { fmt.Printf("%d", k) }`, "ranges over a map"},
		// Compared: ranging over a map without printing in the loop;
		// capacity outside an appending loop, an append loop
		// that does not print capacities.
		{"", `s := make([]int, 2, 5); fmt.Println(cap(s))`, ""},
		{"", `m := map[string]int{"a": 1}; n := 0; for _, v := range m { n += v }; fmt.Println(n)`, ""},
		{"", `var s []int; for i := 0; i < 9; i++ { s = append(s, i) }; fmt.Println(len(s), cap(s[:0:0]))`, ""},
		// Random numbers: compared from a generator the program seeds.
		{`"math/rand"`, `fmt.Println(rand.Intn(6))`, "random numbers"},
		{`"math/rand"`, `r := rand.New(rand.NewSource(1)); fmt.Println(r.Intn(6))`, ""},
		// gonum's distributions draw from the global generator without a
		// source; their densities are compared.
		{`"gonum.org/v1/gonum/stat/distuv"`, `d := distuv.Normal{Mu: 2, Sigma: 5}; fmt.Println(d.Rand())`, "without a source"},
		{`"gonum.org/v1/gonum/stat/distuv"`, `d := distuv.Normal{Mu: 2, Sigma: 5}; fmt.Println(d.Prob(2))`, ""},
		// Outside the standard library: gonum is compared, whether cells
		// have the package or not; any other module is not.
		{`"gonum.org/v1/gonum/mat"`, `var _ mat.Dense`, ""},
		{`"gonum.org/v1/gonum/optimize"`, `var _ optimize.Method`, ""},
		{`"gopkg.in/yaml.v3"`, `var _ = yaml.Marshal`, "outside the standard library and gonum"},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			src := "package main\nimport (\"fmt\"; \"os\"; " + tt.imports + ")\nvar _ = os.Stdout\nfunc main() {\n" + tt.body + "\n}\n"
			f, err := parser.ParseFile(token.NewFileSet(), "main.go", src, 0)
			if err != nil {
				t.Fatal(err)
			}
			got := skipReason(f, func(p string) bool { return p == "gonum.org/v1/gonum/mat" })
			if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
				t.Errorf("skipReason = %q, want it to mention %q", got, tt.want)
			}
		})
	}
}

// TestDocExampleCompare shows how a documentation example's output is
// compared with its Output comment (as go test compares them), and which
// examples are not compared.
func TestDocExampleCompare(t *testing.T) {
	outputs := []struct {
		ex   DocExample
		got  string
		same bool
	}{
		{DocExample{Want: "a\nb"}, "a\nb\n", true},
		{DocExample{Want: "a\nb"}, "  a\nb  \n\n", true},
		{DocExample{Want: "a\nb"}, "b\na\n", false},
		{DocExample{Want: "a\nb", Unordered: true}, "b\na\n", true},
		{DocExample{Want: "a\nb", Unordered: true}, "b\nc\n", false},
		{DocExample{Want: ""}, "\n", true},
	}
	for _, tt := range outputs {
		if got := tt.ex.SameOutput(tt.got); got != tt.same {
			t.Errorf("SameOutput(%q) of Output %q (unordered %v) = %v, want %v", tt.got, tt.ex.Want, tt.ex.Unordered, got, tt.same)
		}
	}
	importable := func(p string) bool { return p != "gonum.org/v1/gonum/graph" }
	skips := []struct{ imports, body, want string }{
		{`"fmt"`, `fmt.Println(1)`, ""},
		{`"fmt"; "gonum.org/v1/gonum/graph"`, `var _ graph.Graph; fmt.Println(1)`, "cells cannot import"},
		{`"fmt"; "math/rand"`, `fmt.Println(rand.Int())`, "random numbers"},
		{`"fmt"; "os"`, `fmt.Println(os.Getenv("HOME"))`, "the environment"},
	}
	for _, tt := range skips {
		src := "package main\nimport (" + tt.imports + ")\nfunc main() {\n" + tt.body + "\n}\n"
		f, err := parser.ParseFile(token.NewFileSet(), "main.go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		got := docSkipReason(f, importable)
		if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("docSkipReason of %s = %q, want it to mention %q", tt.body, got, tt.want)
		}
	}
}
