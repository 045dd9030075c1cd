package session

import (
	"reflect"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func TestSizeOf(t *testing.T) {
	tests := []struct {
		name string
		v    any
		want int64
	}{
		{"int", 3, 8},
		{"string", "hello", 5},
		{"floats", make([]float64, 1000), 8000},
		{"matrix", mat.NewDense(2000, 2000, nil), 32_000_000},
		{"nil matrix", (*mat.Dense)(nil), 0},
		{"vector", mat.NewVecDense(10, nil), 80},
		{"nested", [][]float64{make([]float64, 10), make([]float64, 5)}, 120},
		{"map", map[string]int{"ab": 1}, 10},
		{"map of numbers, counted without a walk", map[int32]float64{1: 1, 2: 2, 3: 3}, 36},
	}
	for _, tt := range tests {
		if got := sizeOf(reflect.ValueOf(tt.v), 1<<40); got != tt.want {
			t.Errorf("%s: sizeOf = %d, want %d", tt.name, got, tt.want)
		}
	}
	// Past the limit it stops counting: a cost bounded by the limit.
	big := make([]string, 1_000_000)
	for i := range big {
		big[i] = "x"
	}
	if got := sizeOf(reflect.ValueOf(big), 100); got <= 100 || got > 1000 {
		t.Errorf("sizeOf over the limit = %d, want just past 100", got)
	}
}

func TestShared(t *testing.T) {
	a := make([]float64, 10)
	b := a
	c := a[5:]
	d := make([]float64, 10)
	m := map[string]int{}
	n := m
	var mem memory
	for _, x := range []struct {
		name string
		v    any
	}{{"a", a}, {"b", b}, {"c", c}, {"d", d}, {"m", m}, {"n", n}} {
		mem.note(x.name, reflect.ValueOf(x.v))
	}
	got := mem.shared()
	for _, g := range got {
		slices.Sort(g)
	}
	slices.SortFunc(got, func(x, y []string) int { return len(y) - len(x) })
	want := [][]string{{"a", "b", "c"}, {"m", "n"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("shared = %v, want %v", got, want)
	}
}

// TestSizeOfCyclic: a value that reaches itself is counted once, not
// walked without end (the session carries cyclic values).
func TestSizeOfCyclic(t *testing.T) {
	type node struct {
		next *node
		data []float64
	}
	n := &node{data: make([]float64, 100)}
	n.next = n
	ring := []any{nil, 1.5}
	ring[0] = ring
	m := map[string]any{}
	m["self"] = m
	for _, tt := range []struct {
		name string
		v    any
		min  int64
	}{{"pointer cycle", n, 800}, {"slice cycle", ring, 8}, {"map cycle", m, 4}} {
		if got := sizeOf(reflect.ValueOf(tt.v), 1<<20); got < tt.min || got > 1<<20 {
			t.Errorf("%s: sizeOf = %d, want a finite size of at least %d", tt.name, got, tt.min)
		}
	}
}
