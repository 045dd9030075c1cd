package session

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	goruntime "runtime"
	"runtime/pprof"
	"strings"
	"testing"
)

// BenchmarkNotebook02 runs every code cell of course notebook 02 once per
// iteration in one session, as the soak's notebook scenario does through
// the kernel. Run it with -memprofile to see what a long session holds.
func BenchmarkNotebook02(b *testing.B) {
	cells, err := notebookCells("../../notebooks/02-critical-points.ipynb")
	if err != nil {
		b.Fatal(err)
	}
	s, err := New(Options{Stdout: io.Discard})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	heap := func() float64 {
		goruntime.GC()
		var m goruntime.MemStats
		goruntime.ReadMemStats(&m)
		return float64(m.HeapAlloc) / (1 << 20)
	}
	var first float64
	runs := 0
	for b.Loop() {
		for _, c := range cells {
			// Errors are part of the notebook (cells that show one).
			_, _ = s.Execute(ctx, c)
			s.Changes() // as the worker does after each cell
		}
		if runs++; runs == 1 {
			b.StopTimer()
			first = heap()
			b.StartTimer()
		}
	}
	b.StopTimer()
	last := heap()
	b.ReportMetric(first, "heapMB-after-1")
	b.ReportMetric(last, "heapMB-after-all")
	// GOCURVE_HEAPPROFILE names a file for the heap profile of the session
	// after the runs (go test's -memprofile is written after it is gone).
	if name := os.Getenv("GOCURVE_HEAPPROFILE"); name != "" {
		f, err := os.Create(name)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		if err := pprof.WriteHeapProfile(f); err != nil {
			b.Fatal(err)
		}
	}
	goruntime.KeepAlive(s)
}

// notebookCells reads the sources of the code cells of the notebook at path.
func notebookCells(path string) ([]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var nb struct {
		Cells []struct {
			Type   string   `json:"cell_type"`
			Source []string `json:"source"`
		} `json:"cells"`
	}
	if err := json.Unmarshal(raw, &nb); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var cells []string
	for _, c := range nb.Cells {
		if c.Type == "code" {
			cells = append(cells, strings.Join(c.Source, ""))
		}
	}
	return cells, nil
}
