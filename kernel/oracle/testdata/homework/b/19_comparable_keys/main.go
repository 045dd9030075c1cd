// Struct comparison with ==, arrays as map keys, and grid/coordinate bookkeeping.
package main

import (
	"fmt"
	"sort"
)

type Point struct{ X, Y int }

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }

type Segment struct{ A, B Point }

func main() {
	p1, p2, p3 := Point{1, 2}, Point{1, 2}, Point{2, 1}
	fmt.Println("p1 == p2:", p1 == p2, " p1 == p3:", p1 == p3)
	fmt.Println("nested struct equality:", Segment{p1, p3} == Segment{Point{1, 2}, Point{2, 1}})

	a := [3]int{1, 2, 3}
	b := a // arrays are values: this copies
	b[0] = 99
	fmt.Println("arrays copy on assignment:", a, b, "equal:", a == b)

	// Struct keys: count visits on a grid walk.
	visits := map[Point]int{}
	pos := Point{}
	moves := map[byte]Point{'U': {0, 1}, 'D': {0, -1}, 'L': {-1, 0}, 'R': {1, 0}}
	for _, m := range []byte("RRUULDDLRRUU") {
		pos = pos.Add(moves[m])
		visits[pos]++
	}
	pts := make([]Point, 0, len(visits))
	for p := range visits {
		pts = append(pts, p)
	}
	sort.Slice(pts, func(i, j int) bool {
		if pts[i].X != pts[j].X {
			return pts[i].X < pts[j].X
		}
		return pts[i].Y < pts[j].Y
	})
	fmt.Println("final position:", pos, "distinct cells:", len(pts))
	for _, p := range pts {
		if visits[p] > 1 {
			fmt.Printf("  %v visited %d times\n", p, visits[p])
		}
	}

	// Array keys: group anagrams by letter histogram.
	words := []string{"listen", "silent", "enlist", "google", "gogole", "cat", "act", "tac", "dog"}
	groups := map[[26]byte][]string{}
	var order [][26]byte
	for _, w := range words {
		var key [26]byte
		for _, r := range w {
			key[r-'a']++
		}
		if _, seen := groups[key]; !seen {
			order = append(order, key)
		}
		groups[key] = append(groups[key], w)
	}
	fmt.Println("anagram groups (first-seen order):")
	for _, k := range order {
		fmt.Println("  ", groups[k])
	}

	// Composite key with a two-element array for a sparse matrix.
	sparse := map[[2]int]float64{{0, 0}: 1.5, {2, 3}: -4, {1, 1}: 2}
	sparse[[2]int{2, 3}] += 10
	for i := range 3 {
		for j := range 4 {
			fmt.Printf("%6.1f", sparse[[2]int{i, j}])
		}
		fmt.Println()
	}

	// Anonymous struct keys work too.
	type key = struct {
		name string
		year int
	}
	seen := map[key]bool{{"go", 2009}: true}
	fmt.Println("seen go/2009:", seen[key{"go", 2009}], " go/2012:", seen[key{"go", 2012}])
}
