// Priority queue with container/heap: task scheduling with update, plus Dijkstra.
package main

import (
	"container/heap"
	"fmt"
)

type Task struct {
	Name     string
	Priority int
	seq      int // insertion order for tie-breaking
	index    int // maintained by heap.Interface methods
}

type PQ []*Task

func (pq PQ) Len() int { return len(pq) }
func (pq PQ) Less(i, j int) bool {
	if pq[i].Priority != pq[j].Priority {
		return pq[i].Priority > pq[j].Priority // max-heap on priority
	}
	return pq[i].seq < pq[j].seq
}
func (pq PQ) Swap(i, j int) {
	pq[i], pq[j] = pq[j], pq[i]
	pq[i].index = i
	pq[j].index = j
}
func (pq *PQ) Push(x any) {
	t := x.(*Task)
	t.index = len(*pq)
	*pq = append(*pq, t)
}
func (pq *PQ) Pop() any {
	old := *pq
	n := len(old)
	t := old[n-1]
	old[n-1] = nil
	t.index = -1
	*pq = old[:n-1]
	return t
}

func (pq *PQ) update(t *Task, priority int) {
	t.Priority = priority
	heap.Fix(pq, t.index)
}

// minHeap is a min-heap of (node, dist) pairs used for Dijkstra.
type item struct{ node, dist int }
type minHeap []item

func (h minHeap) Len() int { return len(h) }
func (h minHeap) Less(i, j int) bool {
	return h[i].dist < h[j].dist || (h[i].dist == h[j].dist && h[i].node < h[j].node)
}
func (h minHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *minHeap) Push(x any)   { *h = append(*h, x.(item)) }
func (h *minHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

type edge struct{ to, w int }

func dijkstra(g [][]edge, src int) []int {
	const inf = 1 << 60
	dist := make([]int, len(g))
	for i := range dist {
		dist[i] = inf
	}
	dist[src] = 0
	h := &minHeap{{src, 0}}
	for h.Len() > 0 {
		cur := heap.Pop(h).(item)
		if cur.dist > dist[cur.node] {
			continue
		}
		for _, e := range g[cur.node] {
			if nd := cur.dist + e.w; nd < dist[e.to] {
				dist[e.to] = nd
				heap.Push(h, item{e.to, nd})
			}
		}
	}
	return dist
}

func main() {
	pq := &PQ{}
	heap.Init(pq)
	tasks := map[string]*Task{}
	for i, spec := range []struct {
		name string
		p    int
	}{{"write docs", 2}, {"fix bug", 5}, {"review PR", 3}, {"deploy", 5}, {"lunch", 1}} {
		t := &Task{Name: spec.name, Priority: spec.p, seq: i}
		tasks[spec.name] = t
		heap.Push(pq, t)
	}
	pq.update(tasks["lunch"], 9)
	pq.update(tasks["fix bug"], 0)
	fmt.Println("processing order:")
	for pq.Len() > 0 {
		t := heap.Pop(pq).(*Task)
		fmt.Printf("  p=%d %s\n", t.Priority, t.Name)
	}

	g := [][]edge{
		0: {{1, 4}, {2, 1}},
		1: {{3, 1}},
		2: {{1, 2}, {3, 5}},
		3: {{4, 3}},
		4: {},
		5: {{0, 1}},
	}
	dist := dijkstra(g, 0)
	for n, d := range dist {
		if d == 1<<60 {
			fmt.Printf("node %d unreachable\n", n)
		} else {
			fmt.Printf("node %d dist %d\n", n, d)
		}
	}
}
