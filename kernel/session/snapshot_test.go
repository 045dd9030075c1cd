package session

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestChangesOnlyWhatACellChanged runs a session of declaring cells and
// checks which snapshot records each next cell sends: what it declares,
// what it changes through a func or a pointer, never the whole session.
func TestChangesOnlyWhatACellChanged(t *testing.T) {
	s, _, _ := newSession(t)
	ctx := context.Background()
	run := func(code string) {
		t.Helper()
		if _, err := s.Execute(ctx, code); err != nil {
			t.Fatalf("%q: %v", code, err)
		}
	}
	for i := range 20 {
		run(fmt.Sprintf("func f%d() int { return %d }\nvar v%d = f%d()", i, i, i, i))
	}
	run("x := 1\np := &x\nfunc bump() { v3++ }")
	if _, full := s.Changes(); !full {
		t.Fatal("the first Changes is not the whole snapshot")
	}
	tests := []struct {
		code string
		want []string // keys of the records sent
	}{
		{"func f20() int { return 20 }\nvar v20 = f20()", []string{"t:func:f20", "v:v20"}},
		{"y := 2", []string{"v:y"}},
		{"bump()", []string{"v:v3"}},
		{"*p = 5", []string{"v:p", "v:x"}},
		{"v7 = 70", []string{"v:v7"}},
		{"func f20() int { return 21 }", []string{"t:func:f20"}},
	}
	for _, tt := range tests {
		run(tt.code)
		recs, full := s.Changes()
		var keys []string
		for _, r := range recs {
			keys = append(keys, r.Key)
		}
		slices.Sort(tt.want)
		if full || !slices.Equal(keys, tt.want) {
			t.Errorf("after %q: records %q (full %v), want %q", tt.code, keys, full, tt.want)
		}
	}
}

// The records Changes sent, gathered as the supervisor keeps them, are the
// whole snapshot State makes: the worker forgets the encodings of the
// declarations it sent (dropSent) and makes them again for State, the same.
func TestChangesAddUpToState(t *testing.T) {
	s, _, _ := newSession(t)
	kept := map[string]json.RawMessage{}
	cells := []string{
		"func f0() int { return 0 }\nvar v0 = f0()",
		"import \"strings\"",
		"type T struct{ A int }\nfunc (t T) Get() int { return t.A }",
		"func f1() string { return strings.Repeat(\"a\", 2) }\nvar v1 = f1()",
		"x := 1",
		"func f0() int { return 10 }", // a declaration changed
		"const c = 3\nvar t = T{c}",
		"func f2() int { return f0() + c }",
	}
	for _, code := range cells {
		if _, err := s.Execute(context.Background(), code); err != nil {
			t.Fatalf("%q: %v", code, err)
		}
		recs, full := s.Changes()
		if full {
			clear(kept)
		}
		for _, r := range recs {
			if r.Data == nil {
				delete(kept, r.Key)
			} else {
				kept[r.Key] = r.Data
			}
		}
	}
	if got, want := string(s.State()), string(JoinRecords(kept)); got != want {
		t.Errorf("State:\n%s\nthe records sent:\n%s", got, want)
	}
	if n := len(s.recs.data); n < len(cells) {
		t.Fatalf("%d records kept, want at least %d", n, len(cells))
	}
	for k, d := range s.recs.data {
		if strings.HasPrefix(k, declPrefix) && d != nil {
			t.Errorf("the worker keeps the encoding of %s, sent", k)
		}
	}
}

// TestChangesRestore restores from records gathered cell by cell, as the
// supervisor keeps them, and finds every value and the pointer's target.
func TestChangesRestore(t *testing.T) {
	s, _, _ := newSession(t)
	kept := map[string]json.RawMessage{}
	for _, code := range []string{"x := 1\np := &x", "type T struct{ A int }\nt := T{2}", "x = 3\nxs := []int{4}", "func f() int { return x }"} {
		if _, err := s.Execute(context.Background(), code); err != nil {
			t.Fatal(err)
		}
		recs, full := s.Changes()
		if full {
			clear(kept)
		}
		for _, r := range recs {
			if r.Data == nil {
				delete(kept, r.Key)
			} else {
				kept[r.Key] = r.Data
			}
		}
	}
	fresh, out, _ := newSession(t)
	notices, err := fresh.Restore(JoinRecords(kept))
	if err != nil || len(notices) > 0 {
		t.Fatalf("Restore: %v %q", err, notices)
	}
	if _, err := fresh.Execute(context.Background(), "*p = 9\nfmt.Println(x, t.A, xs, f())"); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "9 2 [4] 9\n"; got != want {
		t.Errorf("after Restore: %q, want %q (p must point to x again)", got, want)
	}
}

// TestRestoreNamesBrokenPointer: a pointer whose target could not be
// restored is named in the notices, not left pointing at a copy silently.
func TestRestoreNamesBrokenPointer(t *testing.T) {
	state, err := json.Marshal([]record{
		{Seq: 1, Var: &snapVar{Name: "p", Type: "*int", Value: json.RawMessage("1")}},
		{Points: []snapPoint{{Ptr: "p", To: "gone"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	s, _, _ := newSession(t)
	notices, err := s.Restore(state)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(notices, "\n"), "p pointed to gone") {
		t.Errorf("notices %q do not name the broken pointer", notices)
	}
}

// TestRestoreNamesSkippedFields: a value with a field json skips (a cell
// struct's unexported field, which kernel/cell tags json:"-", or one the
// cell tagged so) would come back with that field zero; the restore names
// it instead, and carries a struct of exported fields.
func TestRestoreNamesSkippedFields(t *testing.T) {
	s, _, _ := newSession(t)
	code := "type A struct{ N int; secret string }\ntype B struct{ N int; C string `json:\"-\"` }\ntype C struct{ N int }\na := A{1, \"s\"}\nb := B{2, \"c\"}\nc := C{3}"
	if _, err := s.Execute(context.Background(), code); err != nil {
		t.Fatal(err)
	}
	fresh, out, _ := newSession(t)
	notices, err := fresh.Restore(s.State())
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(notices, "\n")
	for _, name := range []string{"value of a ", "value of b "} {
		if !strings.Contains(joined, name) {
			t.Errorf("notices %q do not name %s", notices, name)
		}
	}
	if _, err := fresh.Execute(context.Background(), "fmt.Println(c.N)"); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "3\n" {
		t.Errorf("c after the restore: %q, want 3", got)
	}
}

// TestDeclsOf: the declarations the supervisor derives from a snapshot are
// the session's own.
func TestDeclsOf(t *testing.T) {
	s, _, _ := newSession(t)
	if _, err := s.Execute(context.Background(), "import \"strings\"\n// T is a point.\ntype T struct{ A int }\nfunc (t T) Get() int { return t.A }\nconst K = 2\nvar n int = 3\nxs := []float64{1}"); err != nil {
		t.Fatal(err)
	}
	got, err := DeclsOf(s.State())
	if err != nil {
		t.Fatal(err)
	}
	if want := s.Decls(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("DeclsOf = %v\nwant %v", got, want)
	}
}

// TestChangesBesideGoroutines: a map a goroutine of an earlier cell keeps
// writing is not read by the snapshot (Go's runtime ends the process on a
// map read while it is written); it is recorded as not carried, and read
// once the goroutine has stopped.
func TestChangesBesideGoroutines(t *testing.T) {
	s, _, _ := newSession(t)
	run := func(code string) {
		t.Helper()
		if _, err := s.Execute(context.Background(), code); err != nil {
			t.Fatalf("%q: %v", code, err)
		}
	}
	valueOf := func(recs []Record, key string) (json.RawMessage, bool) {
		for _, r := range recs {
			if r.Key == key {
				var rec struct{ Var *snapVar }
				if err := json.Unmarshal(r.Data, &rec); err != nil || rec.Var == nil {
					t.Fatalf("record %s: %v %s", key, err, r.Data)
				}
				return rec.Var.Value, true
			}
		}
		return nil, false
	}
	run("x := 0")
	run("m := map[string]int{}\nstop := make(chan bool)\ndone := make(chan bool)\ngo func() {\n\tfor i := 0; ; i++ {\n\t\tselect {\n\t\tcase <-stop:\n\t\t\tclose(done)\n\t\t\treturn\n\t\tdefault:\n\t\t\tm[strconv.Itoa(i%64)] = i\n\t\t}\n\t}\n}()")
	for i := range 50 {
		run(fmt.Sprintf("x = %d", i))
		recs, _ := s.Changes()
		if v, ok := valueOf(recs, "v:m"); ok && v != nil {
			t.Fatalf("after cell %d the map written by a goroutine was read: %s", i, v)
		}
	}
	run("close(stop)\n<-done\nclear(m)\nm[\"a\"] = 2")
	// the goroutine has closed done; wait until it has also returned
	for deadline := time.Now().Add(10 * time.Second); s.cellGoroutines() && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	recs, _ := s.Changes()

	if v, ok := valueOf(recs, "v:m"); !ok || string(v) != `{"a":2}` {
		t.Errorf("after the goroutine stopped, m's record is %s (present %v), want {\"a\":2}", v, ok)
	}
}
