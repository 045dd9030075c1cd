package cell_test

import (
	"strings"
	"testing"

	"github.com/gocurve/gocurve/kernel/cell"
)

// TestSelectBranches: the break and continue statements of select clauses
// that yaegi runs differently from Go are refused before the cell runs; the
// ones it runs right are kept.
func TestSelectBranches(t *testing.T) {
	const pre = "ch := make(chan int, 1)\n"
	tests := []struct {
		name, src string
		refused   string // a part of the message; "" when kept
	}{
		{"break label in default", "loop:\nfor {\n\tselect {\n\tcase <-ch:\n\tdefault:\n\t\tbreak loop\n\t}\n}", "break loop in the default clause"},
		{"continue in default", "for i := 0; i < 3; i++ {\n\tselect {\n\tcase <-ch:\n\tdefault:\n\t\tcontinue\n\t}\n}", "continue in a select with a default clause"},
		{"continue in case beside default", "for i := 0; i < 3; i++ {\n\tselect {\n\tcase <-ch:\n\t\tcontinue\n\tdefault:\n\t}\n}", "continue in a select with a default clause"},
		{"plain break in case", "for i := 0; i < 3; i++ {\n\tselect {\n\tcase v := <-ch:\n\t\tif v > 0 {\n\t\t\tbreak\n\t\t}\n\t}\n}", "break in a select clause leaves the enclosing loop"},
		{"break label in case", "loop:\nfor {\n\tselect {\n\tcase v := <-ch:\n\t\tif v < 0 {\n\t\t\tbreak loop\n\t\t}\n\tdefault:\n\t}\n}", ""},
		{"continue label in case", "loop:\nfor i := 0; i < 3; i++ {\n\tselect {\n\tcase <-ch:\n\t\tcontinue loop\n\t}\n}", ""},
		{"continue without default", "for i := 0; i < 3; i++ {\n\tselect {\n\tcase <-ch:\n\t\tcontinue\n\t}\n}", ""},
		{"break of a switch in a clause", "for i := 0; i < 3; i++ {\n\tselect {\n\tcase v := <-ch:\n\t\tswitch v {\n\t\tcase 1:\n\t\t\tbreak\n\t\t}\n\t}\n}", ""},
		{"loops inside a clause", "select {\ncase <-ch:\n\tfor j := 0; j < 2; j++ {\n\t\tif j == 0 {\n\t\t\tcontinue\n\t\t}\n\t\tbreak\n\t}\ndefault:\n}", ""},
		{"return in default", "f := func() int {\n\tfor {\n\t\tselect {\n\t\tcase <-ch:\n\t\tdefault:\n\t\t\treturn 1\n\t\t}\n\t}\n}\n_ = f", ""},
	}
	for _, tt := range tests {
		_, err := cell.Parse(pre+tt.src, nil)
		switch {
		case tt.refused == "" && err != nil:
			t.Errorf("%s: refused: %v", tt.name, err)
		case tt.refused != "" && (err == nil || !strings.Contains(err.Error(), tt.refused)):
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.refused)
		}
	}
}
