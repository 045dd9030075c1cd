package session

import (
	"context"
	"strings"
	"testing"
)

// TestWaiting: a declaration that needs a name a later cell declares
// waits, with a notice; the cell that declares the name compiles it; a
// statement that uses it before is refused, naming what is missing.
func TestWaiting(t *testing.T) {
	tests := []struct {
		name  string
		steps []step
	}{
		{"a func calling a later func", []step{
			{code: "func corner(i int) int { return f(i) * 2 }", notice: "corner is declared but waits for f, which no cell has declared yet"},
			{code: "func f(i int) int { return i + 1 }", notice: "corner waited for f: declared now"},
			{code: "fmt.Println(corner(3))", out: "8\n"},
		}},
		{"the rest of the cell runs", []step{
			{code: "func a() int { return b() }\nfmt.Println(\"ran\")", out: "ran\n", notice: "a is declared but waits for b"},
			{code: "func b() int { return 7 }\nfmt.Println(a())", out: "7\n"},
		}},
		{"a statement using it is refused", []step{
			{code: "func a() int { return b() }"},
			{code: "fmt.Println(\"before\")\nx := a()", errName: "CompileError", errHas: "a is not ready: it waits for b, which no cell has declared yet"},
			{code: "func b() int { return 1 }"},
			{code: "fmt.Println(a())", out: "1\n"},
		}},
		{"waiting through another that waits", []step{
			{code: "func top() int { return mid() + 1 }", notice: "top is declared but waits for mid"},
			{code: "func mid() int { return low() * 10 }", notice: "mid is declared but waits for low"},
			{code: "func low() int { return 4 }", notice: "top waited for low: declared now"},
			{code: "top()", display: "41"},
		}},
		{"mutual recursion across cells", []step{
			{code: "func even(n int) bool { if n == 0 { return true }; return odd(n - 1) }"},
			{code: "func odd(n int) bool { if n == 0 { return false }; return even(n - 1) }\nfmt.Println(even(10), odd(7))", out: "true true\n"},
		}},
		{"a type naming a later type", []step{
			{code: "type fetcher map[string]*result", notice: "fetcher is declared but waits for result"},
			{code: "func (f fetcher) Get(k string) string { return f[k].body }", notice: "fetcher.Get is declared but waits for result"},
			{code: "type result struct{ body string }"},
			{code: "f := fetcher{\"a\": &result{\"A\"}}\nfmt.Println(f.Get(\"a\"))", out: "A\n"},
		}},
		{"a var calling a later func", []step{
			{code: "var tracks = []string{length(\"ab\"), length(\"abc\")}", notice: "tracks is declared but waits for length"},
			{code: "fmt.Println(len(tracks))", errName: "CompileError", errHas: "tracks is not ready: it waits for length"},
			{code: "func length(s string) string { return fmt.Sprint(len(s)) }\nfmt.Println(tracks)", out: "[2 3]\n"},
			{code: "tracks = append(tracks, \"x\")\nfmt.Println(tracks)", out: "[2 3 x]\n"},
		}},
		{"a method that waits keeps its type from statements", []step{
			{code: "type byLen []string\nfunc (x byLen) Len() int { return len(x) }\nfunc (x byLen) Swap(i, j int) { x[i], x[j] = x[j], x[i] }"},
			{code: "func (x byLen) Less(i, j int) bool { return shorter(x[i], x[j]) }", notice: "byLen.Less is declared but waits for shorter"},
			{code: "xs := byLen{\"ccc\", \"a\"}\nsort.Sort(xs)", errName: "CompileError", errHas: "byLen is not ready: byLen.Less waits for shorter"},
			{code: "func shorter(a, b string) bool { return len(a) < len(b) }"},
			{code: "xs := byLen{\"ccc\", \"a\"}\nsort.Sort(xs)\nfmt.Println(xs)", out: "[a ccc]\n"},
		}},
		{"redeclaring a waiting func replaces it", []step{
			{code: "func a() int { return b() }"},
			{code: "func a() int { return 5 }"},
			{code: "a()", display: "5"},
			{code: "func b() int { return 6 }\na()", display: "5"},
		}},
		{"a statement's undefined name is Go's error", []step{
			{code: "x := nothere(1)", errName: "CompileError", errHas: "undefined: nothere"},
			{code: "for i := 0; i < 2; i++ { nothere(i) }", errName: "CompileError", errHas: "undefined: nothere"},
		}},
		{"a waiting func that does not compile once ready", []step{
			{code: "func a() int { return b() }"},
			{code: "func b() string { return \"s\" }", errName: "CompileError", errHas: "a, which an earlier cell declared and which waited for names this cell declares, does not compile now"},
			{code: "func b() int { return 2 }\na()", display: "2"},
		}},
		{"other cells run while one that waits has an error", []step{
			{code: "v := 1\nfunc a() int { var y int = v; return b() + y }"},
			{code: "v := \"s\""},
			{code: "fmt.Println(v)", out: "s\n"},
			{code: "func b() int { return 2 }", errName: "CompileError", errHas: "a, which an earlier cell declared and which waited for names this cell declares, does not compile now: cannot use v"},
			{code: "v := 5"},
			{code: "func b() int { return 2 }\na()", display: "7"},
		}},
		{"a ready func is not replaced by one that waits", []step{
			{code: "func a() int { return 1 }"},
			{code: "func a() int { return b() }", errName: "CompileError", errHas: "undefined: b"},
			{code: "a()", display: "1"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runSteps(t, tt.steps) })
	}
}

// TestVariableNamedLikeType: a top-level variable named like a type of
// the session hides the type from the statements of its cell and of later
// cells, as a variable of Go's main does for the rest of main; the
// declarations still see the type.
func TestVariableNamedLikeType(t *testing.T) {
	runSteps(t, []step{
		{code: "type song struct{ title string }"},
		{code: "rock := []song{{\"a\"}}\nsong := rock[0]\nsong.title = \"b\"\nfmt.Println(song.title)", out: "b\n",
			notice: "song is now a variable: statements see it, declarations the type song"},
		{code: "song.title = \"c\"\nfmt.Printf(\"%+v %v %T\\n\", song, song, song)", out: "{title:c} {c} main.song\n"},
		{code: "x := []song{}", errName: "CompileError", errHas: "song (local variable) is not a type"},
		{code: "func f() song { return song{\"z\"} }", errName: "CompileError", errHas: "song is the type song here, but an earlier cell made a variable song too"},
		{code: "fmt.Println(rock[0].title)", out: "a\n"},
		{code: "song := song{\"d\"}", errName: "CompileError", errHas: "song is the type song here, but an earlier cell made a variable song too"},
		{code: "song = rock[0]\nfmt.Println(song.title)", out: "a\n"},
		{code: "total := 3"},
		{code: "func total(xs []int) int { return len(xs) }", notice: "the func total replaces the variable total"},
		{code: "fmt.Println(total([]int{1, 2}))", out: "2\n"},
	})
}

// TestWaitingRestore: declarations that wait are in the snapshot, and a
// new worker's session compiles them when their names come.
func TestWaitingRestore(t *testing.T) {
	s, _, _ := newSession(t)
	ctx := context.Background()
	if _, err := s.Execute(ctx, "func corner(i int) int { return f(i) * 2 }\nn := 3"); err != nil {
		t.Fatal(err)
	}
	fresh, out, _ := newSession(t)
	if _, err := fresh.Restore(s.State()); err != nil {
		t.Fatal(err)
	}
	if _, err := fresh.Execute(ctx, "corner(n)"); err == nil || !strings.Contains(err.Error(), "corner is not ready: it waits for f") {
		t.Fatalf("corner before f after a restore: error %v, want it refused", err)
	}
	if _, err := fresh.Execute(ctx, "func f(i int) int { return i + 1 }\nfmt.Println(corner(n))"); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "8\n" {
		t.Errorf("corner(n) after a restore printed %q, want %q", got, "8\n")
	}
	if strings.Contains(string(fresh.State()), "waiting") {
		t.Error("the snapshot still holds corner as waiting once it is declared")
	}
}
