// Homework 9: BFS shortest paths and DFS topological sort on a course graph.
package main

import (
	"fmt"
	"slices"
	"strings"
)

type Graph struct {
	adj map[string][]string
}

func NewGraph() *Graph { return &Graph{adj: map[string][]string{}} }

func (g *Graph) AddEdge(from, to string) {
	g.adj[from] = append(g.adj[from], to)
	if _, ok := g.adj[to]; !ok {
		g.adj[to] = nil
	}
}

func (g *Graph) Nodes() []string {
	ns := make([]string, 0, len(g.adj))
	for n := range g.adj {
		ns = append(ns, n)
	}
	slices.Sort(ns)
	return ns
}

// BFS returns the shortest path from src to dst, or nil.
func (g *Graph) BFS(src, dst string) []string {
	prev := map[string]string{src: ""}
	queue := []string{src}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		if cur == dst {
			var path []string
			for n := dst; n != ""; n = prev[n] {
				path = append(path, n)
			}
			slices.Reverse(path)
			return path
		}
		for _, nb := range g.adj[cur] {
			if _, seen := prev[nb]; !seen {
				prev[nb] = cur
				queue = append(queue, nb)
			}
		}
	}
	return nil
}

// TopoSort uses DFS with three colors and reports cycles.
func (g *Graph) TopoSort() ([]string, error) {
	const (
		white = iota
		gray
		black
	)
	color := map[string]int{}
	var order []string
	var visit func(n string) error
	visit = func(n string) error {
		switch color[n] {
		case gray:
			return fmt.Errorf("cycle detected at %s", n)
		case black:
			return nil
		}
		color[n] = gray
		for _, nb := range g.adj[n] {
			if err := visit(nb); err != nil {
				return fmt.Errorf("%s -> %w", n, err)
			}
		}
		color[n] = black
		order = append(order, n)
		return nil
	}
	for _, n := range g.Nodes() {
		if err := visit(n); err != nil {
			return nil, err
		}
	}
	slices.Reverse(order)
	return order, nil
}

func main() {
	g := NewGraph()
	prereqs := [][2]string{
		{"CS101", "CS102"}, {"CS102", "CS201"}, {"CS102", "CS210"},
		{"MATH101", "CS210"}, {"CS201", "CS301"}, {"CS210", "CS301"},
		{"CS301", "CS401"}, {"MATH101", "MATH201"}, {"MATH201", "CS401"},
	}
	for _, e := range prereqs {
		g.AddEdge(e[0], e[1])
	}
	fmt.Println("courses:", strings.Join(g.Nodes(), ", "))
	order, err := g.TopoSort()
	if err != nil {
		fmt.Println("error:", err)
	}
	fmt.Println("study order:")
	for i, c := range order {
		fmt.Printf("  %2d. %s\n", i+1, c)
	}
	for _, q := range [][2]string{{"CS101", "CS401"}, {"MATH101", "CS301"}, {"CS401", "CS101"}} {
		if p := g.BFS(q[0], q[1]); p != nil {
			fmt.Printf("shortest chain %s..%s: %s (%d steps)\n", q[0], q[1], strings.Join(p, " -> "), len(p)-1)
		} else {
			fmt.Printf("no chain from %s to %s\n", q[0], q[1])
		}
	}
	g.AddEdge("CS401", "CS101")
	if _, err := g.TopoSort(); err != nil {
		fmt.Println("after adding CS401->CS101:", err)
	}
}
