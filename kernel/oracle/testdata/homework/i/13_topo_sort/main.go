package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

type CycleError struct {
	Path []string
}

func (e *CycleError) Error() string {
	return "cycle detected: " + strings.Join(e.Path, " -> ")
}

var ErrUnknownCourse = errors.New("unknown course")

type Digraph struct {
	names []string
	index map[string]int
	out   [][]int
}

func NewDigraph() *Digraph {
	return &Digraph{index: make(map[string]int)}
}

func (g *Digraph) id(name string) int {
	if i, ok := g.index[name]; ok {
		return i
	}
	g.index[name] = len(g.names)
	g.names = append(g.names, name)
	g.out = append(g.out, nil)
	return len(g.names) - 1
}

// Require says that course must be taken before next.
func (g *Digraph) Require(before, next string) {
	u, v := g.id(before), g.id(next)
	g.out[u] = append(g.out[u], v)
}

func (g *Digraph) Kahn() ([]string, error) {
	indeg := make([]int, len(g.names))
	for _, vs := range g.out {
		for _, v := range vs {
			indeg[v]++
		}
	}
	var ready []int
	for v, d := range indeg {
		if d == 0 {
			ready = append(ready, v)
		}
	}
	var order []string
	for len(ready) > 0 {
		// pick alphabetically smallest to keep things stable
		slices.SortFunc(ready, func(a, b int) int { return strings.Compare(g.names[a], g.names[b]) })
		u := ready[0]
		ready = ready[1:]
		order = append(order, g.names[u])
		for _, v := range g.out[u] {
			indeg[v]--
			if indeg[v] == 0 {
				ready = append(ready, v)
			}
		}
	}
	if len(order) != len(g.names) {
		return order, fmt.Errorf("kahn: only %d of %d courses ordered", len(order), len(g.names))
	}
	return order, nil
}

const (
	white = iota
	gray
	black
)

func (g *Digraph) DFSOrder() (order []string, err error) {
	color := make([]int, len(g.names))
	stack := []int{}
	var visit func(u int) error
	visit = func(u int) error {
		color[u] = gray
		stack = append(stack, u)
		for _, v := range g.out[u] {
			switch color[v] {
			case gray:
				i := slices.Index(stack, v)
				var path []string
				for _, x := range stack[i:] {
					path = append(path, g.names[x])
				}
				path = append(path, g.names[v])
				return &CycleError{Path: path}
			case white:
				if err := visit(v); err != nil {
					return err
				}
			}
		}
		stack = stack[:len(stack)-1]
		color[u] = black
		order = append(order, g.names[u])
		return nil
	}
	for u := range g.names {
		if color[u] == white {
			if err = visit(u); err != nil {
				return nil, err
			}
		}
	}
	slices.Reverse(order)
	return order, nil
}

func (g *Digraph) Prereqs(course string) ([]string, error) {
	target, ok := g.index[course]
	if !ok {
		return nil, fmt.Errorf("prereqs of %q: %w", course, ErrUnknownCourse)
	}
	var res []string
	for u, vs := range g.out {
		if slices.Contains(vs, target) {
			res = append(res, g.names[u])
		}
	}
	slices.Sort(res)
	return res, nil
}

func build(rules string) *Digraph {
	g := NewDigraph()
	for _, line := range strings.Split(strings.TrimSpace(rules), "\n") {
		parts := strings.Split(line, ">")
		g.Require(strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1]))
	}
	return g
}

func main() {
	curriculum := `
calc1 > calc2
calc2 > numerics
intro > datastructs
datastructs > algorithms
discrete > algorithms
algorithms > compilers
datastructs > compilers
calc1 > discrete
linalg > numerics
intro > linalg`
	g := build(curriculum)
	order, err := g.Kahn()
	fmt.Println("kahn:", order, err)
	order, err = g.DFSOrder()
	fmt.Println("dfs: ", order, err)
	for _, c := range []string{"algorithms", "numerics", "intro", "poetry"} {
		p, err := g.Prereqs(c)
		if errors.Is(err, ErrUnknownCourse) {
			fmt.Println("  error:", err)
			continue
		}
		fmt.Printf("  %-10s needs %q\n", c, p)
	}

	bad := build(curriculum + "\ncompilers > datastructs")
	order, err = bad.Kahn()
	fmt.Printf("kahn on cyclic: %v (%v)\n", order, err)
	_, err = bad.DFSOrder()
	var ce *CycleError
	if errors.As(err, &ce) {
		fmt.Println(err)
		fmt.Printf("cycle length %d, type %T\n", len(ce.Path)-1, err)
	}
}
