package session

import (
	"bytes"
	goruntime "runtime"
	"testing"
	"time"
)

// keptCount is the number of values the session's table keeps.
func keptCount(s *Session) int {
	s.rt.kept.mu.Lock()
	defer s.rt.kept.mu.Unlock()
	return len(s.rt.kept.m)
}

// A struct made an error is kept beside its wrapper while the error lives,
// and found by an assertion; the entries of errors no longer reachable
// are dropped once their wrappers are collected.
func TestKeptValues(t *testing.T) {
	var out bytes.Buffer
	s, err := New(Options{Stdout: &out})
	if err != nil {
		t.Fatal(err)
	}
	mustRun(t, s, "type E struct{ N int; S string }\nfunc (e E) Error() string { return e.S }\nvar kept error = E{7, \"x\"}")
	if n := keptCount(s); n != 1 {
		t.Fatalf("after one conversion the table keeps %d values, want 1", n)
	}
	mustRun(t, s, "func churn() int { n := 0; for i := range 1000 { var err error = E{i, \"y\"}; n += len(err.Error()) }; return n }\nfmt.Println(churn(), kept.(E).N)")
	if got := out.String(); got != "1000 7\n" {
		t.Fatalf("printed %q, want %q", got, "1000 7\n")
	}
	// cleanups run after a collection, on their own goroutine
	deadline := time.Now().Add(10 * time.Second)
	for keptCount(s) > 10 && time.Now().Before(deadline) {
		goruntime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if n := keptCount(s); n > 10 {
		t.Errorf("after 1000 errors made and dropped, the table keeps %d values", n)
	}
	mustRun(t, s, "fmt.Println(kept.(E).N)")
	if got := out.String(); got != "1000 7\n7\n" {
		t.Errorf("the kept error's value after the collection: printed %q", got)
	}
}

// An unkept wrapper may hold a struct of the asked type only where what it
// holds could be one of that struct's fields.
func TestMayHold(t *testing.T) {
	type wrapper struct {
		IValue any
		WError func() string
	}
	type ptr struct{ N int }
	type target struct {
		Code int
		Msg  string
	}
	type withIface struct {
		Op  string
		Err error
	}
	for _, tt := range []struct {
		name   string
		x      any
		target any
		want   bool
	}{
		{"its last field", wrapper{IValue: "x"}, target{}, true},
		{"another of its fields", wrapper{IValue: 3}, target{}, true},
		{"a pointer", wrapper{IValue: &ptr{}}, target{}, false},
		{"a float", wrapper{IValue: 2.5}, target{}, false},
		{"the struct itself", wrapper{IValue: target{}}, target{}, true},
		{"nothing", wrapper{}, target{}, true},
		{"any value, for a struct with an interface field", wrapper{IValue: &ptr{}}, withIface{}, true},
		{"not a wrapper", ptr{}, target{}, false},
		{"a typed nil", typedNil{IValue: (*ptr)(nil)}, target{}, false},
		{"a pointer target", wrapper{IValue: "x"}, &target{}, false},
		{"an empty struct target", wrapper{IValue: "x"}, struct{}{}, false},
	} {
		if got := mayHold(tt.x, tt.target); got != tt.want {
			t.Errorf("%s: mayHold = %v, want %v", tt.name, got, tt.want)
		}
	}
}
