package main

import (
	"fmt"
	"sort"
	"strings"
)

type Graph struct {
	adj      map[string][]string
	directed bool
}

func NewGraph(directed bool) *Graph {
	return &Graph{adj: make(map[string][]string), directed: directed}
}

func (g *Graph) AddEdge(a, b string) {
	g.adj[a] = append(g.adj[a], b)
	if !g.directed {
		g.adj[b] = append(g.adj[b], a)
	} else if _, ok := g.adj[b]; !ok {
		g.adj[b] = nil
	}
}

func (g *Graph) Nodes() []string {
	nodes := make([]string, 0, len(g.adj))
	for n := range g.adj {
		nodes = append(nodes, n)
	}
	sort.Strings(nodes)
	return nodes
}

func (g *Graph) neighbors(n string) []string {
	ns := append([]string(nil), g.adj[n]...)
	sort.Strings(ns)
	return ns
}

// BFS returns the visiting order and the shortest-path parent of each node.
func (g *Graph) BFS(start string) ([]string, map[string]string) {
	visited := map[string]bool{start: true}
	parent := map[string]string{}
	queue := []string{start}
	var order []string
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		order = append(order, cur)
		for _, nb := range g.neighbors(cur) {
			if !visited[nb] {
				visited[nb] = true
				parent[nb] = cur
				queue = append(queue, nb)
			}
		}
	}
	return order, parent
}

func (g *Graph) DFS(start string) []string {
	var order []string
	seen := make(map[string]bool)
	var visit func(string)
	visit = func(n string) {
		seen[n] = true
		order = append(order, n)
		for _, nb := range g.neighbors(n) {
			if !seen[nb] {
				visit(nb)
			}
		}
	}
	visit(start)
	return order
}

func path(parent map[string]string, start, end string) []string {
	if _, ok := parent[end]; !ok && end != start {
		return nil
	}
	var p []string
	for n := end; n != start; n = parent[n] {
		p = append([]string{n}, p...)
	}
	return append([]string{start}, p...)
}

// TopoSort uses Kahn's algorithm; ok is false when there is a cycle.
func (g *Graph) TopoSort() (order []string, ok bool) {
	indeg := map[string]int{}
	for _, n := range g.Nodes() {
		for _, m := range g.adj[n] {
			indeg[m]++
		}
	}
	var ready []string
	for _, n := range g.Nodes() {
		if indeg[n] == 0 {
			ready = append(ready, n)
		}
	}
	for len(ready) > 0 {
		sort.Strings(ready)
		n := ready[0]
		ready = ready[1:]
		order = append(order, n)
		for _, m := range g.adj[n] {
			indeg[m]--
			if indeg[m] == 0 {
				ready = append(ready, m)
			}
		}
	}
	return order, len(order) == len(g.adj)
}

func main() {
	g := NewGraph(false)
	for _, e := range []string{"A-B", "A-C", "B-D", "C-D", "D-E", "E-F", "C-G", "X-Y"} {
		parts := strings.Split(e, "-")
		g.AddEdge(parts[0], parts[1])
	}
	for _, n := range g.Nodes() {
		fmt.Printf("%s: %v\n", n, g.neighbors(n))
	}
	order, parent := g.BFS("A")
	fmt.Println("BFS from A:", order)
	fmt.Println("DFS from A:", g.DFS("A"))
	for _, target := range []string{"F", "G", "Y"} {
		if p := path(parent, "A", target); p != nil {
			fmt.Printf("A->%s: %s (%d hops)\n", target, strings.Join(p, "->"), len(p)-1)
		} else {
			fmt.Printf("A->%s: unreachable\n", target)
		}
	}

	dag := NewGraph(true)
	for _, e := range [][2]string{{"shirt", "tie"}, {"tie", "jacket"}, {"pants", "shoes"},
		{"pants", "belt"}, {"belt", "jacket"}, {"socks", "shoes"}, {"shirt", "belt"}} {
		dag.AddEdge(e[0], e[1])
	}
	order, ok := dag.TopoSort()
	fmt.Println("dress order:", order, ok)
	dag.AddEdge("jacket", "shirt")
	order, ok = dag.TopoSort()
	fmt.Println("with cycle:", order, ok)
}
