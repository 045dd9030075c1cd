package main

import (
	"container/heap"
	"fmt"
	"os"
	"text/tabwriter"
)

type Task struct {
	Name     string
	Priority int
	Seq      int
	index    int
}

type TaskPQ []*Task

func (pq TaskPQ) Len() int { return len(pq) }
func (pq TaskPQ) Less(i, j int) bool {
	if pq[i].Priority != pq[j].Priority {
		return pq[i].Priority > pq[j].Priority
	}
	return pq[i].Seq < pq[j].Seq
}
func (pq TaskPQ) Swap(i, j int) {
	pq[i], pq[j] = pq[j], pq[i]
	pq[i].index = i
	pq[j].index = j
}
func (pq *TaskPQ) Push(x any) {
	t := x.(*Task)
	t.index = len(*pq)
	*pq = append(*pq, t)
}
func (pq *TaskPQ) Pop() any {
	old := *pq
	n := len(old)
	t := old[n-1]
	old[n-1] = nil
	t.index = -1
	*pq = old[:n-1]
	return t
}

func (pq *TaskPQ) update(t *Task, prio int) {
	t.Priority = prio
	heap.Fix(pq, t.index)
}

// IntHeap with a pluggable comparison
type IntHeap struct {
	data []int
	less func(a, b int) bool
}

func (h IntHeap) Len() int           { return len(h.data) }
func (h IntHeap) Less(i, j int) bool { return h.less(h.data[i], h.data[j]) }
func (h IntHeap) Swap(i, j int)      { h.data[i], h.data[j] = h.data[j], h.data[i] }
func (h *IntHeap) Push(x any)        { h.data = append(h.data, x.(int)) }
func (h *IntHeap) Pop() any {
	v := h.data[len(h.data)-1]
	h.data = h.data[:len(h.data)-1]
	return v
}
func (h IntHeap) Top() int { return h.data[0] }

type MedianFinder struct {
	low, high *IntHeap
}

func NewMedianFinder() *MedianFinder {
	return &MedianFinder{
		low:  &IntHeap{less: func(a, b int) bool { return a > b }},
		high: &IntHeap{less: func(a, b int) bool { return a < b }},
	}
}

func (m *MedianFinder) Add(x int) {
	if m.low.Len() == 0 || x <= m.low.Top() {
		heap.Push(m.low, x)
	} else {
		heap.Push(m.high, x)
	}
	if m.low.Len() > m.high.Len()+1 {
		heap.Push(m.high, heap.Pop(m.low))
	} else if m.high.Len() > m.low.Len() {
		heap.Push(m.low, heap.Pop(m.high))
	}
}

func (m *MedianFinder) Median() float64 {
	if m.low.Len() > m.high.Len() {
		return float64(m.low.Top())
	}
	return float64(m.low.Top()+m.high.Top()) / 2
}

func main() {
	pq := &TaskPQ{}
	heap.Init(pq)
	byName := map[string]*Task{}
	specs := []struct {
		n string
		p int
	}{{"write report", 3}, {"fix bug", 5}, {"lunch", 1}, {"review PR", 3}, {"deploy", 4}, {"email", 2}}
	for i, s := range specs {
		t := &Task{Name: s.n, Priority: s.p, Seq: i}
		heap.Push(pq, t)
		byName[s.n] = t
	}
	pq.update(byName["lunch"], 10)
	pq.update(byName["fix bug"], 0)

	w := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(w, "order\ttask\tprio\tseq")
	for i := 1; pq.Len() > 0; i++ {
		t := heap.Pop(pq).(*Task)
		fmt.Fprintf(w, "%d\t%s\t%d\t%d\n", i, t.Name, t.Priority, t.Seq)
	}
	w.Flush()

	stream := []int{5, 15, 1, 3, 8, 7, 9, 10, 20, 2}
	mf := NewMedianFinder()
	for _, x := range stream {
		mf.Add(x)
		fmt.Printf("add %2d -> median %5.1f (low=%d high=%d)\n", x, mf.Median(), mf.low.Len(), mf.high.Len())
	}

	// k largest with a min-heap of size k
	k := 4
	h := &IntHeap{less: func(a, b int) bool { return a < b }}
	for _, x := range stream {
		heap.Push(h, x)
		if h.Len() > k {
			heap.Pop(h)
		}
	}
	var top []int
	for h.Len() > 0 {
		top = append(top, heap.Pop(h).(int))
	}
	fmt.Printf("top %d: %v\n", k, top)
	fmt.Printf("%T %v\n", byName["deploy"], *byName["deploy"])
}
