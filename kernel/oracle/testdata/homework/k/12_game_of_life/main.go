// Homework 12: Conway's Game of Life on a toroidal grid.
package main

import (
	"fmt"
	"strings"
)

type Grid struct {
	w, h  int
	cells [][]bool
}

func NewGrid(w, h int) *Grid {
	cells := make([][]bool, h)
	for i := range cells {
		cells[i] = make([]bool, w)
	}
	return &Grid{w: w, h: h, cells: cells}
}

func Parse(pattern string) *Grid {
	lines := strings.Split(strings.TrimSpace(pattern), "\n")
	g := NewGrid(len(lines[0]), len(lines))
	for y, line := range lines {
		for x, c := range line {
			g.cells[y][x] = c == '#'
		}
	}
	return g
}

func (g *Grid) Alive(x, y int) bool {
	x = (x + g.w) % g.w
	y = (y + g.h) % g.h
	return g.cells[y][x]
}

func (g *Grid) Neighbors(x, y int) int {
	n := 0
	for dy := -1; dy <= 1; dy++ {
		for dx := -1; dx <= 1; dx++ {
			if (dx != 0 || dy != 0) && g.Alive(x+dx, y+dy) {
				n++
			}
		}
	}
	return n
}

func (g *Grid) Step() *Grid {
	next := NewGrid(g.w, g.h)
	for y := 0; y < g.h; y++ {
		for x := 0; x < g.w; x++ {
			n := g.Neighbors(x, y)
			next.cells[y][x] = n == 3 || (n == 2 && g.cells[y][x])
		}
	}
	return next
}

func (g *Grid) Population() int {
	p := 0
	for _, row := range g.cells {
		for _, c := range row {
			if c {
				p++
			}
		}
	}
	return p
}

func (g *Grid) String() string {
	var sb strings.Builder
	for _, row := range g.cells {
		for _, c := range row {
			if c {
				sb.WriteByte('#')
			} else {
				sb.WriteByte('.')
			}
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}

func main() {
	glider := Parse(`
.#......
..#.....
###.....
........
........
........`)
	g := glider
	for gen := 0; gen <= 4; gen++ {
		fmt.Printf("generation %d (population %d)\n%v", gen, g.Population(), g)
		g = g.Step()
	}

	blinker := Parse(`
.....
..#..
..#..
..#..
.....`)
	seen := map[string]int{}
	b := blinker
	for gen := 0; ; gen++ {
		key := b.String()
		if first, ok := seen[key]; ok {
			fmt.Printf("blinker repeats: generation %d equals generation %d (period %d)\n", gen, first, gen-first)
			break
		}
		seen[key] = gen
		b = b.Step()
	}
}
