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
