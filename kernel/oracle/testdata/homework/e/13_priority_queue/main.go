package main

import (
	"container/heap"
	"fmt"
	"math/rand"
)

type Task struct {
	name     string
	priority int
	index    int // maintained by heap.Interface methods
}

type PriorityQueue []*Task

func (pq PriorityQueue) Len() int { return len(pq) }

func (pq PriorityQueue) Less(i, j int) bool {
	if pq[i].priority == pq[j].priority {
		return pq[i].name < pq[j].name
	}
	return pq[i].priority > pq[j].priority
}

func (pq PriorityQueue) Swap(i, j int) {
	pq[i], pq[j] = pq[j], pq[i]
	pq[i].index = i
	pq[j].index = j
}

func (pq *PriorityQueue) Push(x any) {
	t := x.(*Task)
	t.index = len(*pq)
	*pq = append(*pq, t)
}

func (pq *PriorityQueue) Pop() any {
	old := *pq
	n := len(old)
	t := old[n-1]
	old[n-1] = nil
	t.index = -1
	*pq = old[:n-1]
	return t
}

func (pq *PriorityQueue) update(t *Task, priority int) {
	t.priority = priority
	heap.Fix(pq, t.index)
}

// IntHeap is a min-heap of ints.
type IntHeap []int

func (h IntHeap) Len() int           { return len(h) }
func (h IntHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h IntHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *IntHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *IntHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func kSmallest(nums []int, k int) []int {
	h := IntHeap(append([]int(nil), nums...))
	heap.Init(&h)
	var out []int
	for i := 0; i < k && h.Len() > 0; i++ {
		out = append(out, heap.Pop(&h).(int))
	}
	return out
}

func main() {
	tasks := map[string]int{
		"write report": 2, "fix bug": 5, "lunch": 1, "code review": 3, "deploy": 5,
	}
	pq := PriorityQueue{}
	heap.Init(&pq)
	byName := map[string]*Task{}
	// insert in a fixed order so output does not depend on map order
	for _, name := range []string{"write report", "fix bug", "lunch", "code review", "deploy"} {
		t := &Task{name: name, priority: tasks[name]}
		byName[name] = t
		heap.Push(&pq, t)
	}
	pq.update(byName["lunch"], 4)
	heap.Push(&pq, &Task{name: "coffee", priority: 6})
	heap.Remove(&pq, byName["code review"].index)

	fmt.Println("processing tasks:")
	for pq.Len() > 0 {
		t := heap.Pop(&pq).(*Task)
		fmt.Printf("  [%d] %s\n", t.priority, t.name)
	}

	rng := rand.New(rand.NewSource(42))
	nums := make([]int, 12)
	for i := range nums {
		nums[i] = rng.Intn(100)
	}
	fmt.Println("numbers:", nums)
	fmt.Println("3 smallest:", kSmallest(nums, 3))

	h := &IntHeap{5, 2, 8}
	heap.Init(h)
	heap.Push(h, 3)
	fmt.Printf("min=%d len=%d\n", (*h)[0], h.Len())
	for h.Len() > 0 {
		fmt.Printf("%d ", heap.Pop(h))
	}
	fmt.Println()
}
