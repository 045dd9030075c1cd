package main

import (
	"fmt"
	"math"
	"math/rand"
	"slices"
	"strings"
)

type Cell struct{ I, J int }

type Edge struct {
	From, To string
}

func main() {
	rng := rand.New(rand.NewSource(1))
	// histogram of 2D gaussian samples on a 5x5 grid of unit cells
	hist := make(map[Cell]int)
	for n := 0; n < 2000; n++ {
		x, y := rng.NormFloat64(), rng.NormFloat64()*0.6
		c := Cell{int(math.Floor(x)), int(math.Floor(y))}
		if c.I < -2 || c.I > 2 || c.J < -2 || c.J > 2 {
			continue
		}
		hist[c]++
	}
	fmt.Println("2D histogram (rows = J from 2 to -2):")
	for j := 2; j >= -2; j-- {
		for i := -2; i <= 2; i++ {
			fmt.Printf("%5d", hist[Cell{i, j}])
		}
		fmt.Println()
	}
	// top 3 cells, sorted deterministically
	cells := make([]Cell, 0, len(hist))
	for c := range hist {
		cells = append(cells, c)
	}
	slices.SortFunc(cells, func(a, b Cell) int {
		if hist[a] != hist[b] {
			return hist[b] - hist[a]
		}
		if a.I != b.I {
			return a.I - b.I
		}
		return a.J - b.J
	})
	for _, c := range cells[:3] {
		fmt.Printf("%+v: %d\n", c, hist[c])
	}

	// graph as map of struct keys with weights
	w := map[Edge]float64{
		{"in", "h1"}: 0.5, {"in", "h2"}: -0.3, {"h1", "out"}: 1.2, {"h2", "out"}: 0.7,
	}
	w[Edge{"in", "h1"}] += 0.1
	if _, ok := w[Edge{"h1", "h2"}]; !ok {
		fmt.Println("no edge h1->h2")
	}
	delete(w, Edge{"in", "h2"})
	keys := make([]Edge, 0, len(w))
	for e := range w {
		keys = append(keys, e)
	}
	slices.SortFunc(keys, func(a, b Edge) int {
		return strings.Compare(a.From+"/"+a.To, b.From+"/"+b.To)
	})
	for _, e := range keys {
		fmt.Printf("%-3s -> %-3s %5.2f\n", e.From, e.To, w[e])
	}

	// array keys work too (slices do not)
	seen := map[[2]int]bool{}
	moves := [][2]int{{0, 1}, {1, 0}, {0, -1}, {-1, 0}}
	pos := [2]int{}
	seen[pos] = true
	for step := 0; step < 12; step++ {
		m := moves[rng.Intn(len(moves))]
		pos = [2]int{pos[0] + m[0], pos[1] + m[1]}
		seen[pos] = true
	}
	fmt.Println("random walk end:", pos, "distinct cells visited:", len(seen))
}
