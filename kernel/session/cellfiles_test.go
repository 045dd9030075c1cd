package session

import (
	"context"
	"go/token"
	"testing"
)

// TestCellFilesDropped checks that a cell's parsed file does not stay in
// the session's file set after the cell, whether it succeeded, failed or
// needed the type model; the model's own files stay.
func TestCellFilesDropped(t *testing.T) {
	tests := []struct{ name, code string }{
		{"trivial", "x := 1"},
		{"declaring", "func f() int { return 1 }\nv := f()"},
		{"compile error", "y := undefinedName"},
		{"generic call (type model)", "func Id[T any](x T) T { return x }\nz := Id(2.5)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := New(Options{})
			if err != nil {
				t.Fatal(err)
			}
			for range 3 {
				_, _ = s.Execute(context.Background(), tt.code) // the failing case fails each time
			}
			s.fset.Iterate(func(f *token.File) bool {
				if f.Name() == "cell.go" {
					t.Errorf("the session's file set still holds a cell's file (base %d)", f.Base())
				}
				return true
			})
		})
	}
}
