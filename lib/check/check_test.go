package check_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/gocurve/gocurve/lib/check"
)

func failure(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			var cf check.Failure
			if err, ok := r.(error); ok && errors.As(err, &cf) {
				msg = cf.Error()
				return
			}
			panic(r)
		}
	}()
	f()
	return ""
}

func TestChecks(t *testing.T) {
	tests := []struct {
		name    string
		f       func()
		failure string // "" means it must pass
	}{
		{"that true", func() { check.That(true, "c") }, ""},
		{"that false", func() { check.That(false, "c") }, "c: it does not hold"},
		{"close abs", func() { check.Close(1e-9, 0, 1e-8, "c") }, ""},
		{"close rel", func() { check.Close(1000.5, 1000, 1e-3, "c") }, ""},
		{"not close", func() { check.Close(1.1, 1, 1e-3, "c") }, "got 1.1, want 1"},
		{"nan", func() { check.Close(nanv(), 1, 1, "c") }, "got NaN"},
		{"allclose len", func() { check.AllClose([]float64{1}, []float64{1, 2}, 1, "c") }, "got 1 values, want 2"},
		{"allclose elem", func() { check.AllClose([]float64{1, 3}, []float64{1, 2}, 1e-6, "c") }, "element 1"},
		{"less", func() { check.Less(1, 2, "c") }, ""},
		{"not less", func() { check.Less(2, 2, "c") }, "is not less than"},
		{"equal", func() { check.Equal("saddle", "saddle", "c") }, ""},
		{"not equal", func() { check.Equal(3, 4, "c") }, "got 3, want 4"},
	}
	for _, tt := range tests {
		got := failure(tt.f)
		if tt.failure == "" && got != "" {
			t.Errorf("%s: failed with %q", tt.name, got)
		}
		if tt.failure != "" && !strings.Contains(got, tt.failure) {
			t.Errorf("%s: failure %q does not contain %q", tt.name, got, tt.failure)
		}
	}
}

func nanv() float64 { z := 0.0; return z / z }

func Example() {
	check.Close(2.0/3.0, 0.6667, 1e-3, "two thirds")
	check.That(1 < 2, "one is less than two")
	// Output:
	// ✓ two thirds
	// ✓ one is less than two
}
