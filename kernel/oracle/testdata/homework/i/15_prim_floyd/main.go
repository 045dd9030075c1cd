package main

import (
	"container/heap"
	"fmt"
	"strings"
)

const NoEdge = -1
const big = 1 << 30

var cities = []string{"Ams", "Ber", "Cph", "Dub", "Edi", "Fra"}

var weights = [][]int{
	{0, 6, 7, NoEdge, NoEdge, 4},
	{6, 0, 3, NoEdge, NoEdge, 5},
	{7, 3, 0, NoEdge, 12, NoEdge},
	{NoEdge, NoEdge, NoEdge, 0, 2, 9},
	{NoEdge, NoEdge, 12, 2, 0, 10},
	{4, 5, NoEdge, 9, 10, 0},
}

type candidate struct {
	w, from, to int
}

type candHeap []candidate

func (h candHeap) Len() int { return len(h) }
func (h candHeap) Less(i, j int) bool {
	if h[i].w != h[j].w {
		return h[i].w < h[j].w
	}
	return h[i].to < h[j].to
}
func (h candHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *candHeap) Push(x any)   { *h = append(*h, x.(candidate)) }
func (h *candHeap) Pop() any {
	n := len(*h)
	c := (*h)[n-1]
	*h = (*h)[:n-1]
	return c
}

func prim(w [][]int, start int) (tree []candidate, cost int) {
	n := len(w)
	in := make([]bool, n)
	h := &candHeap{}
	add := func(u int) {
		in[u] = true
		for v, wt := range w[u] {
			if wt > 0 && !in[v] {
				heap.Push(h, candidate{wt, u, v})
			}
		}
	}
	add(start)
	for h.Len() > 0 && len(tree) < n-1 {
		c := heap.Pop(h).(candidate)
		if in[c.to] {
			continue
		}
		tree = append(tree, c)
		cost += c.w
		add(c.to)
	}
	return
}

type FW struct {
	dist [][]int
	next [][]int
}

func floydWarshall(w [][]int) FW {
	n := len(w)
	fw := FW{make([][]int, n), make([][]int, n)}
	for i := range n {
		fw.dist[i] = make([]int, n)
		fw.next[i] = make([]int, n)
		for j := range n {
			switch {
			case i == j:
				fw.dist[i][j], fw.next[i][j] = 0, j
			case w[i][j] == NoEdge:
				fw.dist[i][j], fw.next[i][j] = big, -1
			default:
				fw.dist[i][j], fw.next[i][j] = w[i][j], j
			}
		}
	}
	for k := 0; k < n; k++ {
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				if fw.dist[i][k]+fw.dist[k][j] < fw.dist[i][j] {
					fw.dist[i][j] = fw.dist[i][k] + fw.dist[k][j]
					fw.next[i][j] = fw.next[i][k]
				}
			}
		}
	}
	return fw
}

func (fw FW) Route(i, j int) []string {
	if fw.next[i][j] == -1 {
		return nil
	}
	r := []string{cities[i]}
	for i != j {
		i = fw.next[i][j]
		r = append(r, cities[i])
	}
	return r
}

func main() {
	tree, cost := prim(weights, 0)
	fmt.Println("Prim MST:")
	for _, c := range tree {
		fmt.Printf("  %s - %s  (%d)\n", cities[c.from], cities[c.to], c.w)
	}
	fmt.Println("  total cost:", cost)

	t2, c2 := prim(weights, 3)
	fmt.Printf("from Dub: cost=%d first=%+v\n", c2, t2[0])

	fw := floydWarshall(weights)
	fmt.Printf("%5s", "")
	for _, c := range cities {
		fmt.Printf("%5s", c)
	}
	fmt.Println()
	for i, row := range fw.dist {
		fmt.Printf("%5s", cities[i])
		for _, d := range row {
			fmt.Printf("%5d", d)
		}
		fmt.Println()
	}
	for _, q := range [][2]int{{0, 3}, {2, 3}, {1, 4}, {4, 4}} {
		r := fw.Route(q[0], q[1])
		fmt.Printf("%s -> %s: %-22s len=%d\n", cities[q[0]], cities[q[1]], strings.Join(r, "-"), fw.dist[q[0]][q[1]])
	}
	// diameter of the graph
	best, bi, bj := 0, 0, 0
	for i := range fw.dist {
		for j := i + 1; j < len(fw.dist); j++ {
			if fw.dist[i][j] > best {
				best, bi, bj = fw.dist[i][j], i, j
			}
		}
	}
	fmt.Printf("diameter %d between %s and %s\n", best, cities[bi], cities[bj])
}
