package main

import (
	"container/heap"
	"fmt"
)

type Task struct {
	Name     string
	Priority int
	index    int
}

type PQ []*Task

func (pq PQ) Len() int { return len(pq) }
func (pq PQ) Less(i, j int) bool {
	if pq[i].Priority == pq[j].Priority {
		return pq[i].Name < pq[j].Name
	}
	return pq[i].Priority > pq[j].Priority
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

func (pq *PQ) update(t *Task, prio int) {
	t.Priority = prio
	heap.Fix(pq, t.index)
}

// simple int min-heap
type IntHeap []int

func (h IntHeap) Len() int           { return len(h) }
func (h IntHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h IntHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *IntHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *IntHeap) Pop() any {
	old := *h
	n := len(old)
	x := old[n-1]
	*h = old[:n-1]
	return x
}

// dijkstra on a small graph
func dijkstra(graph map[string]map[string]int, src string) map[string]int {
	dist := map[string]int{src: 0}
	pq := &PQ{}
	heap.Push(pq, &Task{Name: src, Priority: 0})
	for pq.Len() > 0 {
		t := heap.Pop(pq).(*Task)
		d := -t.Priority
		if d > dist[t.Name] {
			continue
		}
		for nb, w := range graph[t.Name] {
			nd := d + w
			if old, ok := dist[nb]; !ok || nd < old {
				dist[nb] = nd
				heap.Push(pq, &Task{Name: nb, Priority: -nd})
			}
		}
	}
	return dist
}

func main() {
	tasks := map[string]int{"write report": 2, "fix bug": 5, "lunch": 1, "review PR": 3, "deploy": 5}
	pq := make(PQ, 0)
	heap.Init(&pq)
	refs := map[string]*Task{}
	for name, p := range tasks {
		t := &Task{Name: name, Priority: p}
		refs[name] = t
		heap.Push(&pq, t)
	}
	pq.update(refs["lunch"], 4)
	for pq.Len() > 0 {
		t := heap.Pop(&pq).(*Task)
		fmt.Printf("%d %-13s idx=%d\n", t.Priority, t.Name, t.index)
	}

	h := &IntHeap{5, 2, 8}
	heap.Init(h)
	heap.Push(h, 3)
	heap.Push(h, 1)
	fmt.Printf("min: %d len: %d\n", (*h)[0], h.Len())
	var out []int
	for h.Len() > 0 {
		out = append(out, heap.Pop(h).(int))
	}
	fmt.Println(out)

	graph := map[string]map[string]int{
		"A": {"B": 4, "C": 1},
		"C": {"B": 2, "D": 7},
		"B": {"D": 1, "E": 6},
		"D": {"E": 2},
	}
	fmt.Println(dijkstra(graph, "A"))
}
