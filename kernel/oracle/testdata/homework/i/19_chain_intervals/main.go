package main

import (
	"cmp"
	"container/heap"
	"fmt"
	"slices"
	"strings"
)

type Interval struct {
	Start, End int
	Label      string
}

func (iv Interval) String() string {
	return fmt.Sprintf("%s[%d,%d)", iv.Label, iv.Start, iv.End)
}

func matrixChain(dims []int) (int, string) {
	n := len(dims) - 1
	cost := make([][]int, n)
	split := make([][]int, n)
	for i := range cost {
		cost[i] = make([]int, n)
		split[i] = make([]int, n)
	}
	for length := 2; length <= n; length++ {
		for i := 0; i+length-1 < n; i++ {
			j := i + length - 1
			cost[i][j] = -1
			for k := i; k < j; k++ {
				c := cost[i][k] + cost[k+1][j] + dims[i]*dims[k+1]*dims[j+1]
				if cost[i][j] < 0 || c < cost[i][j] {
					cost[i][j] = c
					split[i][j] = k
				}
			}
		}
	}
	var paren func(i, j int) string
	paren = func(i, j int) string {
		if i == j {
			return string(rune('A' + i))
		}
		return "(" + paren(i, split[i][j]) + paren(split[i][j]+1, j) + ")"
	}
	return cost[0][n-1], paren(0, n-1)
}

func selectActivities(ivs []Interval) []Interval {
	sorted := slices.Clone(ivs)
	slices.SortFunc(sorted, func(a, b Interval) int {
		return cmp.Or(cmp.Compare(a.End, b.End), cmp.Compare(a.Start, b.Start))
	})
	var chosen []Interval
	lastEnd := -1 << 31
	for _, iv := range sorted {
		if iv.Start >= lastEnd {
			chosen = append(chosen, iv)
			lastEnd = iv.End
		}
	}
	return chosen
}

func merge(ivs []Interval) []Interval {
	if len(ivs) == 0 {
		return nil
	}
	sorted := slices.Clone(ivs)
	slices.SortStableFunc(sorted, func(a, b Interval) int { return a.Start - b.Start })
	out := []Interval{sorted[0]}
	for _, iv := range sorted[1:] {
		last := &out[len(out)-1]
		if iv.Start <= last.End {
			last.End = max(last.End, iv.End)
			last.Label += "+" + iv.Label
		} else {
			out = append(out, iv)
		}
	}
	return out
}

type endHeap []int

func (h endHeap) Len() int           { return len(h) }
func (h endHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h endHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *endHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *endHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func roomsNeeded(ivs []Interval) int {
	sorted := slices.Clone(ivs)
	slices.SortFunc(sorted, func(a, b Interval) int { return a.Start - b.Start })
	h := &endHeap{}
	best := 0
	for _, iv := range sorted {
		if h.Len() > 0 && (*h)[0] <= iv.Start {
			heap.Pop(h)
		}
		heap.Push(h, iv.End)
		best = max(best, h.Len())
	}
	return best
}

func timeline(ivs []Interval, width int) {
	for _, iv := range ivs {
		line := []byte(strings.Repeat(".", width))
		for t := iv.Start; t < iv.End && t < width; t++ {
			line[t] = '#'
		}
		fmt.Printf("%-3s %s\n", iv.Label, line)
	}
}

func main() {
	for _, dims := range [][]int{{10, 30, 5, 60}, {40, 20, 30, 10, 30}, {5, 10, 3, 12, 5, 50, 6}} {
		c, p := matrixChain(dims)
		fmt.Printf("dims=%v cost=%d order=%s\n", dims, c, p)
	}

	meetings := []Interval{
		{1, 4, "a"}, {3, 5, "b"}, {0, 6, "c"}, {5, 7, "d"}, {3, 9, "e"},
		{5, 9, "f"}, {6, 10, "g"}, {8, 11, "h"}, {8, 12, "i"}, {2, 14, "j"}, {12, 16, "k"},
	}
	timeline(meetings, 16)
	fmt.Println("max non-overlapping:", selectActivities(meetings))
	fmt.Println("rooms needed:", roomsNeeded(meetings))

	spans := []Interval{{1, 3, "p"}, {8, 10, "q"}, {2, 6, "r"}, {15, 18, "s"}, {17, 20, "t"}, {6, 7, "u"}}
	merged := merge(spans)
	fmt.Println("merged:", merged)
	fmt.Printf("%v %+v %s\n", merged[0], []Interval{spans[0]}, &spans[1])
	fmt.Println("merge(nil):", merge(nil) == nil)
}
