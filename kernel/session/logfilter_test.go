package session

import (
	"bytes"
	"testing"
)

func TestLogFilter(t *testing.T) {
	tests := []struct {
		line string
		kept bool
	}{
		{"2026/12/02 06:40:27 nil reflect type\n", false},
		{"2026/12/02 06:40:27 nil type\n", false},
		{"2026/12/02 06:40:27 3:8: compositeGenerator not implemented for type kind: 25\n", false},
		{"2026/12/02 06:40:27 loss 0.25\n", true},
		{"2026/12/02 06:40:27 nil types are fine\n", true},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if _, err := (logFilter{&b}).Write([]byte(tt.line)); err != nil {
			t.Fatal(err)
		}
		if got := b.Len() > 0; got != tt.kept {
			t.Errorf("%q: kept %v, want %v", tt.line, got, tt.kept)
		}
	}
}
