package main

import (
	"container/heap"
	"errors"
	"fmt"
	"math"
	"os"
	"strings"
	"text/tabwriter"
)

const Inf = math.MaxInt64 / 4

var ErrNegativeCycle = errors.New("graph contains a negative cycle")

type Arc struct {
	To, W int
}

type WGraph struct {
	names []string
	adj   map[int][]Arc
}

type item struct {
	node, dist int
}

type minQueue []item

func (q minQueue) Len() int            { return len(q) }
func (q minQueue) Less(i, j int) bool  { return q[i].dist < q[j].dist }
func (q minQueue) Swap(i, j int)       { q[i], q[j] = q[j], q[i] }
func (q *minQueue) Push(x interface{}) { *q = append(*q, x.(item)) }
func (q *minQueue) Pop() interface{} {
	old := *q
	it := old[len(old)-1]
	*q = old[:len(old)-1]
	return it
}

func (g *WGraph) Dijkstra(src int) (dist, prev []int, pops int) {
	n := len(g.names)
	dist = make([]int, n)
	prev = make([]int, n)
	for i := range dist {
		dist[i] = Inf
		prev[i] = -1
	}
	dist[src] = 0
	pq := &minQueue{{src, 0}}
	for pq.Len() > 0 {
		cur := heap.Pop(pq).(item)
		pops++
		if cur.dist > dist[cur.node] {
			continue // stale entry
		}
		for _, a := range g.adj[cur.node] {
			if nd := cur.dist + a.W; nd < dist[a.To] {
				dist[a.To] = nd
				prev[a.To] = cur.node
				heap.Push(pq, item{a.To, nd})
			}
		}
	}
	return
}

func (g *WGraph) BellmanFord(src int) ([]int, error) {
	n := len(g.names)
	dist := make([]int, n)
	for i := range dist {
		dist[i] = Inf
	}
	dist[src] = 0
	for round := 0; round < n-1; round++ {
		changed := false
		for u := 0; u < n; u++ {
			if dist[u] == Inf {
				continue
			}
			for _, a := range g.adj[u] {
				if dist[u]+a.W < dist[a.To] {
					dist[a.To] = dist[u] + a.W
					changed = true
				}
			}
		}
		if !changed {
			break
		}
	}
	for u := 0; u < n; u++ {
		for _, a := range g.adj[u] {
			if dist[u] != Inf && dist[u]+a.W < dist[a.To] {
				return dist, fmt.Errorf("edge %s->%s still relaxes: %w", g.names[u], g.names[a.To], ErrNegativeCycle)
			}
		}
	}
	return dist, nil
}

func (g *WGraph) path(prev []int, t int) string {
	var parts []string
	for v := t; v != -1; v = prev[v] {
		parts = append([]string{g.names[v]}, parts...)
	}
	return strings.Join(parts, ">")
}

func parse(names string, spec string) *WGraph {
	g := &WGraph{names: strings.Split(names, ","), adj: map[int][]Arc{}}
	idx := map[string]int{}
	for i, n := range g.names {
		idx[n] = i
	}
	for _, e := range strings.Fields(spec) {
		var a, b string
		var w int
		fields := strings.Split(e, ":")
		a, b = fields[0], fields[1]
		fmt.Sscanf(fields[2], "%d", &w)
		g.adj[idx[a]] = append(g.adj[idx[a]], Arc{idx[b], w})
	}
	return g
}

func fmtDist(d int) string {
	if d == Inf {
		return "inf"
	}
	return fmt.Sprint(d)
}

func main() {
	g := parse("A,B,C,D,E,F,G", "A:B:4 A:C:2 B:C:5 B:D:10 C:E:3 E:D:4 D:F:11 E:F:20 F:G:1 G:A:7")
	dist, prev, pops := g.Dijkstra(0)
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "node\tdist\tpath")
	for v := range g.names {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", g.names[v], fmtDist(dist[v]), g.path(prev, v))
	}
	tw.Flush()
	fmt.Println("heap pops:", pops)

	bf, err := g.BellmanFord(0)
	same := true
	for i := range bf {
		same = same && bf[i] == dist[i]
	}
	fmt.Println("bellman-ford agrees:", same, err)

	neg := parse("S,T,U,V,W", "S:T:6 S:U:7 T:V:5 T:W:-4 U:V:-3 U:W:9 V:T:-2 W:V:7")
	d2, err := neg.BellmanFord(0)
	fmt.Println("negative edges:", d2, err)

	cyc := parse("P,Q,R,Z", "P:Q:1 Q:R:-2 R:Q:1 R:Z:3")
	_, err = cyc.BellmanFord(0)
	if errors.Is(err, ErrNegativeCycle) {
		fmt.Println("error:", err)
	}
	iso := parse("X,Y", "")
	d3, _, _ := iso.Dijkstra(0)
	fmt.Println("isolated:", fmtDist(d3[0]), fmtDist(d3[1]))
}
