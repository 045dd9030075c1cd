package session

import (
	"context"
	"fmt"
	"io"
	goruntime "runtime"
	"strings"
	"testing"
	"weak"
)

// TestCompactKeepsTheSession compacts a session (a fresh interpreter with
// the declarations replayed and the variables carried) and checks that a
// program cannot tell: values, a pointer to a variable, a closure over a
// variable, a value of a cell type.
func TestCompactKeepsTheSession(t *testing.T) {
	s, out, _ := newSession(t)
	ctx := context.Background()
	for _, code := range []string{
		"x := 1\np := &x",
		"type T struct{ A int }\nfunc (t T) Twice() int { return 2 * t.A }\nv := T{2}",
		"f := func() int { return x }\nxs := []int{1, 2}\nm := map[string]int{\"a\": 1}",
	} {
		if _, err := s.Execute(ctx, code); err != nil {
			t.Fatalf("%q: %v", code, err)
		}
	}
	old := s.in
	if !s.tryCompact() {
		t.Fatal("the session was not compacted")
	}
	if s.in == old {
		t.Fatal("compaction kept the interpreter")
	}
	if _, err := s.Execute(ctx, "*p = 5\nxs[0] = 7\nfmt.Println(x, f(), v.Twice(), xs, m[\"a\"])"); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "5 5 4 [7 2] 1\n"; got != want {
		t.Errorf("after compaction: %q, want %q", got, want)
	}
}

// TestCompactRefuses lists what a compaction could not move faithfully:
// the session then stays in its interpreter.
func TestCompactRefuses(t *testing.T) {
	tests := []struct{ name, code string }{
		{"a value holding a closure", "type H struct{ F func() int }\nh := H{F: func() int { return 1 }}"},
		{"a pointer into a variable", "type T struct{ A, B int }\nv := T{1, 2}\nq := &v.B"},
		{"a slice of an array variable", "arr := [3]int{1, 2, 3}\ns := arr[1:]"},
		{"two slices sharing memory", "a := []int{1, 2}\nb := a"},
		{"a func value without its literal", "func g() int { return 1 }\nh := g"},
		{"a goroutine started by a cell", "stop := make(chan bool)\ngo func() { <-stop }()"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, _ := newSession(t)
			if _, err := s.Execute(context.Background(), tt.code); err != nil {
				t.Fatal(err)
			}
			old := s.in
			if s.tryCompact() || s.in != old {
				t.Error("compacted")
			}
			if strings.Contains(tt.code, "stop") {
				s.Execute(context.Background(), "close(stop)")
			}
		})
	}
}

// A session that has not grown since its last compaction is not compacted
// again: 1,600 cells x := 1 compact once (at the first bound), not three
// times; one that declares compacts as before.
func TestCompactOnlyWhatGrew(t *testing.T) {
	tests := []struct {
		cell string
		want int
	}{
		{"x := %d", 1},
		{"var v%[1]d = %[1]d", 2},
	}
	for _, tt := range tests {
		s, _, _ := newSession(t)
		for i := range 1600 {
			if _, err := s.Execute(context.Background(), fmt.Sprintf(tt.cell, i)); err != nil {
				t.Fatal(err)
			}
		}
		if got := s.Compactions(); got != tt.want {
			t.Errorf("1,600 cells %q: %d compactions, want %d", tt.cell, got, tt.want)
		}
	}
}

// Once compacted, nothing of the session holds the old interpreter: the
// worker returns its memory to the system right after the cell's reply,
// not after the next cell.
func TestCompactFreesTheOldInterpreter(t *testing.T) {
	s, err := New(Options{Stdout: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	old := weak.Make(s.in)
	for range compactEvery {
		if _, err := s.Execute(context.Background(), "x := 1"); err != nil {
			t.Fatal(err)
		}
		s.Changes()
	}
	if s.Compactions() != 1 {
		t.Fatalf("%d compactions after %d cells, want 1", s.Compactions(), compactEvery)
	}
	goruntime.GC()
	goruntime.GC()
	if old.Value() != nil {
		t.Error("the old interpreter is still reachable after the compaction")
	}
	goruntime.KeepAlive(s)
}
