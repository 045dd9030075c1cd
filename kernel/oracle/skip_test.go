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
	tests := []struct{ body, want string }{
		{`fmt.Println(len(os.Args))`, "os.Args"},
		{`f := func() {}; fmt.Printf("%p\n", f)`, "addresses"},
		{`var s []int; for i := 0; i < 9; i++ { s = append(s, i); fmt.Println(cap(s)) }`, "capacities"},
		{`m := map[string]int{"a": 1, "b": 2}; for k, v := range m { fmt.Println(k, v) }`, "ranges over a map"},
		{`var m map[int]bool; m = make(map[int]bool); for k := range m { fmt.Printf("%d", k) }`, "ranges over a map"},
		// Compared: ranging over a map without printing in the loop;
		// capacity outside an appending loop, an append loop
		// that does not print capacities.
		{`s := make([]int, 2, 5); fmt.Println(cap(s))`, ""},
		{`m := map[string]int{"a": 1}; n := 0; for _, v := range m { n += v }; fmt.Println(n)`, ""},
		{`var s []int; for i := 0; i < 9; i++ { s = append(s, i) }; fmt.Println(len(s), cap(s[:0:0]))`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			src := "package main\nimport (\"fmt\"; \"os\")\nvar _ = os.Stdout\nfunc main() {\n" + tt.body + "\n}\n"
			f, err := parser.ParseFile(token.NewFileSet(), "main.go", src, 0)
			if err != nil {
				t.Fatal(err)
			}
			got := skipReason(f)
			if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
				t.Errorf("skipReason = %q, want it to mention %q", got, tt.want)
			}
		})
	}
}
