// week 3 exercise: structs, comparison, structs as map keys
// (python: tuples as dict keys -> go: struct keys)
package main

import (
	"fmt"
	"sort"
)

type Point struct {
	X, Y int
}

type Segment struct {
	From, To Point
}

type Cell struct {
	Row int
	Col int
}

type Student struct {
	Name   string
	Year   int
	Grades []int
	Tags   map[string]bool
	Mentor *Student
}

var origin = Point{}
var dirs = map[string]Point{
	"N": {0, 1}, "S": {0, -1}, "E": {1, 0}, "W": {-1, 0},
}

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }
func (p Point) Manhattan() int    { return abs(p.X) + abs(p.Y) }

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func main() {
	p1 := Point{1, 2}
	p2 := Point{X: 1, Y: 2}
	p3 := Point{Y: 5}
	fmt.Println(p1 == p2, p1 == p3, p3 == Point{0, 5})
	fmt.Printf("%v | %+v | %#v | %T\n", p1, p1, p1, p1)

	seg := Segment{p1, Point{4, 6}}
	fmt.Printf("%+v\n", seg)
	fmt.Printf("%#v\n", seg)

	// walk a path and count visits — struct as map key
	visits := map[Point]int{origin: 1}
	pos := origin
	path := "NNEESWWWSSEN"
	for _, step := range path {
		pos = pos.Add(dirs[string(step)])
		visits[pos]++
	}
	fmt.Println("final pos:", pos, "distance:", pos.Manhattan())

	keys := make([]Point, 0, len(visits))
	for k := range visits {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].X != keys[j].X {
			return keys[i].X < keys[j].X
		}
		return keys[i].Y < keys[j].Y
	})
	for _, k := range keys {
		if visits[k] > 1 {
			fmt.Printf("visited %v %d times\n", k, visits[k])
		}
	}
	fmt.Println("unique cells:", len(visits))

	// set of cells (map[T]struct{})
	live := map[Cell]struct{}{}
	for _, c := range []Cell{{1, 2}, {2, 3}, {3, 1}, {3, 2}, {3, 3}} {
		live[c] = struct{}{}
	}
	_, ok := live[Cell{2, 3}]
	_, ok2 := live[Cell{2, 2}]
	fmt.Println("has (2,3):", ok, "has (2,2):", ok2)
	fmt.Println("neighbours of (2,2):", countNeighbors(live, Cell{2, 2}))

	// array keys work too
	type key [2]string
	pairs := map[key]float64{{"USD", "EUR"}: 0.92, {"EUR", "USD"}: 1.09}
	fmt.Println("usd->eur:", pairs[key{"USD", "EUR"}])

	// anonymous structs
	config := struct {
		Host    string
		Port    int
		Verbose bool
	}{"localhost", 8080, true}
	fmt.Printf("%+v\n", config)

	tests := []struct {
		in   Point
		want int
	}{
		{Point{3, 4}, 7},
		{Point{-2, 5}, 7},
		{Point{0, 0}, 0},
		{Point{-1, -1}, 3},
	}
	for i, tc := range tests {
		got := tc.in.Manhattan()
		status := "PASS"
		if got != tc.want {
			status = "FAIL"
		}
		fmt.Printf("test %d %-4s in=%v got=%d want=%d\n", i, status, tc.in, got, tc.want)
	}

	// structs with reference fields: copy is shallow
	alice := Student{Name: "Alice", Year: 2, Grades: []int{90, 85}, Tags: map[string]bool{"ta": true}}
	clone := alice
	clone.Name = "Alice2"
	clone.Grades[0] = 0
	clone.Tags["honors"] = true
	fmt.Println(alice.Name, alice.Grades, len(alice.Tags), "|", clone.Name, clone.Grades)
	bob := Student{Name: "Bob", Mentor: &alice}
	fmt.Println(bob.Mentor.Name, bob.Mentor.Year, bob.Grades == nil)
	var zero Student
	fmt.Printf("%+v\n", zero)

	// pointer to struct, auto-deref
	pp := &Point{7, 8}
	pp.X *= 2
	(*pp).Y++
	fmt.Println(*pp, pp.Manhattan())
}

func countNeighbors(live map[Cell]struct{}, c Cell) int {
	n := 0
	for dr := -1; dr <= 1; dr++ {
		for dc := -1; dc <= 1; dc++ {
			if dr == 0 && dc == 0 {
				continue
			}
			if _, ok := live[Cell{c.Row + dr, c.Col + dc}]; ok {
				n++
			}
		}
	}
	return n
}
