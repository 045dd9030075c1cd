package worker

import (
	"strings"
	"testing"

	"github.com/gocurve/gocurve/kernel/display"
)

func TestDisplayBudget(t *testing.T) {
	html := func(n int) display.Bundle {
		return display.Bundle{Data: map[string]any{display.MIMEHTML: strings.Repeat("x", n), display.MIMEText: "<HTML>"}}
	}
	tests := []struct {
		name  string
		sizes []int
		want  []string // "shown", "notice" or "none", one per bundle
	}{
		{"small ones", []int{10, 20}, []string{"shown", "shown"}},
		{"one over the bundle cap", []int{MaxBundle + 1, 10}, []string{"notice", "shown"}},
		{"a cell over its budget", []int{MaxBundle - 10, MaxBundle - 10, MaxBundle - 10, MaxBundle - 10, MaxBundle - 10, 1}, []string{"shown", "shown", "shown", "shown", "notice", "none"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d displayBudget
			for i, n := range tt.sizes {
				b := d.admit(html(n))
				got := "shown"
				switch {
				case b.Data == nil:
					got = "none"
				case b.Data[display.MIMEHTML] == nil:
					got = "notice"
				}
				if got != tt.want[i] {
					t.Errorf("bundle %d (%d bytes): %s, want %s", i, n, got, tt.want[i])
				}
			}
		})
	}
}

func TestFatalStart(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"hello\n", -1},
		{"fatal error: stack overflow\n", 0},
		{"out\nruntime: goroutine stack exceeds 1-byte limit\n", 4},
		{"my fatal error: is mine\n", -1}, // not at a line start
		{"x\nfatal error: runtime: out of memory\n", 2},
		{"runtime: out of memory: cannot allocate\n", 0},
	}
	for _, tt := range tests {
		if got := fatalStart([]byte(tt.in)); got != tt.want {
			t.Errorf("fatalStart(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
