package session

import (
	"context"
	"fmt"
	"testing"
)

func TestRecursion(t *testing.T) {
	s, _, _ := newSession(t)
	if _, err := s.Execute(context.Background(), "func even(n int) bool { if n == 0 { return true }; return odd(n - 1) }\nfunc odd(n int) bool { return !even(n) }\nfunc sq(x int) int { return x * x }"); err != nil {
		t.Fatal(err)
	}
	state := s.State()
	tests := []struct {
		code      string
		wantNames string
		wantLine  int
	}{
		{"x := 1\nfunc fact(n int) int { return n * fact(n-1) }\nfact(3)", "[fact]", 2},
		{"even(5)", "[even odd]", 0},
		{"sq(3)", "[]", 0},
		{"func walk(n int) int { return hop(n) }\nfunc hop(n int) int { return walk(n) + sq(n) }\nwalk(1)", "[hop walk]", 2},
	}
	for _, tt := range tests {
		names, line := Recursion(state, tt.code)
		if fmt.Sprint(names) != tt.wantNames || line != tt.wantLine {
			t.Errorf("%q: %v line %d, want %s line %d", tt.code, names, line, tt.wantNames, tt.wantLine)
		}
	}
}
