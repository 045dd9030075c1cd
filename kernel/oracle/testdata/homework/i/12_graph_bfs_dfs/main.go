package main

import (
	"fmt"
	"slices"
	"strings"
)

type Graph struct {
	n   int
	adj [][]int
}

func NewGraph(n int) *Graph {
	return &Graph{n: n, adj: make([][]int, n)}
}

func (g *Graph) AddEdge(u, v int) {
	g.adj[u] = append(g.adj[u], v)
	g.adj[v] = append(g.adj[v], u)
}

func (g *Graph) BFS(src int) (order []int, dist []int, parent []int) {
	dist = make([]int, g.n)
	parent = make([]int, g.n)
	for i := range dist {
		dist[i], parent[i] = -1, -1
	}
	dist[src] = 0
	q := []int{src}
	for len(q) > 0 {
		u := q[0]
		q = q[1:]
		order = append(order, u)
		for _, v := range g.adj[u] {
			if dist[v] == -1 {
				dist[v] = dist[u] + 1
				parent[v] = u
				q = append(q, v)
			}
		}
	}
	return
}

func (g *Graph) DFSRecursive(src int) []int {
	seen := make([]bool, g.n)
	var order []int
	var visit func(int)
	visit = func(u int) {
		seen[u] = true
		order = append(order, u)
		for _, v := range g.adj[u] {
			if !seen[v] {
				visit(v)
			}
		}
	}
	visit(src)
	return order
}

func (g *Graph) DFSIterative(src int) []int {
	seen := make([]bool, g.n)
	var order []int
	stack := []int{src}
	for len(stack) > 0 {
		u := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[u] {
			continue
		}
		seen[u] = true
		order = append(order, u)
		for _, v := range slices.Backward(g.adj[u]) {
			if !seen[v] {
				stack = append(stack, v)
			}
		}
	}
	return order
}

func pathTo(parent []int, t int) []int {
	var p []int
	for v := t; v != -1; v = parent[v] {
		p = append(p, v)
	}
	slices.Reverse(p)
	return p
}

func (g *Graph) Components() [][]int {
	done := make([]bool, g.n)
	var out [][]int
	for s := 0; s < g.n; s++ {
		if done[s] {
			continue
		}
		order, _, _ := g.BFS(s)
		for _, v := range order {
			done[v] = true
		}
		slices.Sort(order)
		out = append(out, order)
	}
	return out
}

func (g *Graph) Bipartite() (bool, []int) {
	color := make([]int, g.n)
	for s := range g.n {
		if color[s] != 0 {
			continue
		}
		color[s] = 1
		q := []int{s}
		for len(q) > 0 {
			u := q[0]
			q = q[1:]
			for _, v := range g.adj[u] {
				if color[v] == 0 {
					color[v] = -color[u]
					q = append(q, v)
				} else if color[v] == color[u] {
					return false, nil
				}
			}
		}
	}
	return true, color
}

func main() {
	g := NewGraph(10)
	for _, e := range [][2]int{{0, 1}, {0, 2}, {1, 3}, {2, 3}, {3, 4}, {4, 5}, {2, 6}, {7, 8}} {
		g.AddEdge(e[0], e[1])
	}
	fmt.Println("adj:", g.adj)
	order, dist, parent := g.BFS(0)
	fmt.Println("bfs order:", order)
	fmt.Println("dist:     ", dist)
	fmt.Println("path 0->5:", pathTo(parent, 5))
	fmt.Println("dfs rec:  ", g.DFSRecursive(0))
	fmt.Println("dfs iter: ", g.DFSIterative(0))
	fmt.Println("components:", g.Components())

	for _, extra := range [][2]int{{8, 9}, {1, 2}} {
		g.AddEdge(extra[0], extra[1])
		ok, colors := g.Bipartite()
		fmt.Printf("with edge %v: bipartite=%t colors=%v\n", extra, ok, colors)
	}

	// grid maze as implicit graph
	maze := []string{
		"S.#.....",
		".##.###.",
		"...#....",
		"#.....#E",
	}
	rows, cols := len(maze), len(maze[0])
	mg := NewGraph(rows * cols)
	var start, end int
	for r := range rows {
		for c := range cols {
			if maze[r][c] == '#' {
				continue
			}
			id := r*cols + c
			if maze[r][c] == 'S' {
				start = id
			} else if maze[r][c] == 'E' {
				end = id
			}
			if c+1 < cols && maze[r][c+1] != '#' {
				mg.AddEdge(id, id+1)
			}
			if r+1 < rows && maze[r+1][c] != '#' {
				mg.AddEdge(id, id+cols)
			}
		}
	}
	_, md, mp := mg.BFS(start)
	fmt.Println("maze distance:", md[end])
	canvas := make([][]byte, rows)
	for r := range canvas {
		canvas[r] = []byte(maze[r])
	}
	for _, id := range pathTo(mp, end) {
		if canvas[id/cols][id%cols] == '.' {
			canvas[id/cols][id%cols] = '*'
		}
	}
	for _, row := range canvas {
		fmt.Println(strings.ReplaceAll(string(row), ".", " "))
	}
}
