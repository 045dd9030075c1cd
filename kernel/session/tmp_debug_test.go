package session

import (
	"context"
	"os"
	"testing"
)

func TestTmpDebug(t *testing.T) {
	s, _ := New(Options{Stdout: os.Stdout, Stderr: os.Stderr})
	code, _ := os.ReadFile("/tmp/bench1/a/main.go")
	for range 3 {
		_, err := s.Execute(context.Background(), string(code))
		t.Log(err)
	}
}
