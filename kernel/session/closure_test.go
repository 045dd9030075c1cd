package session

import (
	"context"
	"strings"
	"testing"
	"time"
)

// A compiled value holding a closure (hessian.Func wraps one) must keep
// working after an interrupt rebuilds the interpreter, not silently
// return zeros as yaegi's stale closures do.
func TestClosureInCompiledValueSurvivesInterrupt(t *testing.T) {
	var out strings.Builder
	s, err := New(Options{Stdout: &out, Stderr: &out})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	mustRun(t, s, "scale := 10.0\nobj := hessian.Func(func(x []float64) float64 { return scale * (x[0] + x[1]) })")
	ictx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	if _, err := s.Execute(ictx, "for {}"); err == nil {
		t.Fatal("for {} ended without an interrupt")
	}
	out.Reset()
	mustRun(t, s, "fmt.Println(obj.Func([]float64{1, 1}))")
	if got := strings.TrimSpace(out.String()); got != "20" {
		t.Fatalf("obj.Func after the interrupt printed %q, want 20", got)
	}
	// The restore path (a new worker) makes it again too.
	s2, _ := New(Options{Stdout: &out, Stderr: &out})
	if _, err := s2.Restore(s.State()); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	mustRun(t, s2, "fmt.Println(obj.Func([]float64{2, 1}))")
	if got := strings.TrimSpace(out.String()); got != "30" {
		t.Fatalf("obj.Func after restore printed %q, want 30", got)
	}
}

// A value holding a closure with no expression to make it again is not
// carried: using it is an error, never a silent zero.
func TestClosureWithoutExpressionIsNotCarried(t *testing.T) {
	var out strings.Builder
	s, _ := New(Options{Stdout: &out, Stderr: &out})
	mustRun(t, s, "func make2() hessian.Objective { return hessian.Func(func(x []float64) float64 { return 2 }) }\nobj := make2()")
	ictx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	res, _ := s.Execute(ictx, "for {}")
	_ = res
	_, err := s.Execute(context.Background(), "fmt.Println(obj.Func([]float64{1}))")
	if err == nil {
		t.Fatalf("using a value whose closure could not be carried succeeded and printed %q", out.String())
	}
	if !strings.Contains(err.Error(), "obj") {
		t.Errorf("error %q does not name obj", err)
	}
}

func mustRun(t *testing.T, s *Session, code string) {
	t.Helper()
	if _, err := s.Execute(context.Background(), code); err != nil {
		t.Fatalf("%s: %v", code, err)
	}
}
