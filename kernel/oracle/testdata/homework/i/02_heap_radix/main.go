package main

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
)

var ErrNegative = errors.New("negative value not supported")

const base = 10

type Stats struct {
	Swaps  int
	Passes int
}

func heapSort[T cmp.Ordered](a []T) (st Stats) {
	n := len(a)
	for i := n/2 - 1; i >= 0; i-- {
		siftDown(a, i, n, &st)
	}
	for end := n - 1; end > 0; end-- {
		a[0], a[end] = a[end], a[0]
		st.Swaps++
		siftDown(a, 0, end, &st)
		st.Passes++
	}
	return
}

func siftDown[T cmp.Ordered](a []T, root, n int, st *Stats) {
	for {
		child := 2*root + 1
		if child >= n {
			return
		}
		if child+1 < n && a[child+1] > a[child] {
			child++
		}
		if a[root] >= a[child] {
			return
		}
		a[root], a[child] = a[child], a[root]
		st.Swaps++
		root = child
	}
}

func countingSort(a []int) ([]int, error) {
	if len(a) == 0 {
		return nil, nil
	}
	hi := a[0]
	for _, v := range a {
		if v < 0 {
			return nil, fmt.Errorf("countingSort(%d): %w", v, ErrNegative)
		}
		hi = max(hi, v)
	}
	counts := make([]int, hi+1)
	for _, v := range a {
		counts[v]++
	}
	out := make([]int, 0, len(a))
	for v, c := range counts {
		for ; c > 0; c-- {
			out = append(out, v)
		}
	}
	return out, nil
}

func radixSort(a []int) ([]int, error) {
	for _, v := range a {
		if v < 0 {
			return nil, fmt.Errorf("radixSort: %w", ErrNegative)
		}
	}
	out := slices.Clone(a)
	buf := make([]int, len(a))
	hi := slices.Max(out)
	for exp := 1; hi/exp > 0; exp *= base {
		var count [base]int
		for _, v := range out {
			count[(v/exp)%base]++
		}
		for d := 1; d < base; d++ {
			count[d] += count[d-1]
		}
		for i := len(out) - 1; i >= 0; i-- {
			d := (out[i] / exp) % base
			count[d]--
			buf[count[d]] = out[i]
		}
		out, buf = buf, out
		fmt.Printf("  after exp=%-4d %v\n", exp, out)
	}
	return out, nil
}

func main() {
	nums := []int{170, 45, 75, 90, 802, 24, 2, 66}
	h := slices.Clone(nums)
	st := heapSort(h)
	fmt.Printf("heapSort: %v %+v\n", h, st)

	words := []string{"pear", "apple", "fig", "kiwi", "banana", "cherry"}
	ws := heapSort(words)
	fmt.Printf("words: %q swaps=%d\n", words, ws.Swaps)

	floats := []float64{3.5, -1.25, 2.0, 0.0, 9.75}
	heapSort(floats)
	for _, f := range floats {
		fmt.Printf("%6.2f|", f)
	}
	fmt.Println()

	c, err := countingSort(nums[:5])
	fmt.Println("counting:", c, err)

	fmt.Println("radix trace:")
	r, err := radixSort(nums)
	if err != nil {
		fmt.Println("error:", err)
	}
	fmt.Println("radix:", r)

	bad := []int{3, -7, 1}
	if _, err := countingSort(bad); errors.Is(err, ErrNegative) {
		fmt.Println("caught:", err)
	}
	if _, err := radixSort(bad); err != nil {
		fmt.Printf("caught: %v (is=%t)\n", err, errors.Is(err, ErrNegative))
	}
	empty, err := countingSort(nil)
	fmt.Printf("empty: %v len=%d nil=%t err=%v\n", empty, len(empty), empty == nil, err)

	same := slices.Clone(nums)
	slices.Sort(same)
	fmt.Println("agree:", slices.Equal(same, h), slices.Equal(same, r))
}
