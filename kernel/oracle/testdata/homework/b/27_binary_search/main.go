// Binary search: hand-written, sort.Search, sort.SearchInts and slices.BinarySearch.
package main

import (
	"fmt"
	"math"
	"slices"
	"sort"
)

// search returns the index of target in sorted xs, or -1.
func search(xs []int, target int) (int, int) {
	lo, hi, steps := 0, len(xs)-1, 0
	for lo <= hi {
		steps++
		mid := lo + (hi-lo)/2
		switch {
		case xs[mid] == target:
			return mid, steps
		case xs[mid] < target:
			lo = mid + 1
		default:
			hi = mid - 1
		}
	}
	return -1, steps
}

// isqrt finds floor(sqrt(n)) by searching for the first k with k*k > n.
func isqrt(n int) int {
	return sort.Search(n+1, func(k int) bool { return k*k > n }) - 1
}

type Bracket struct {
	Upto float64
	Rate float64
}

func main() {
	xs := []int{2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47}
	for _, t := range []int{2, 19, 47, 20, 1, 100} {
		i, steps := search(xs, t)
		fmt.Printf("search %3d -> index %2d in %d steps\n", t, i, steps)
	}

	// sort.Search returns the insertion point: the smallest i with f(i) true.
	for _, t := range []int{0, 12, 13, 50} {
		i := sort.Search(len(xs), func(i int) bool { return xs[i] >= t })
		found := i < len(xs) && xs[i] == t
		fmt.Printf("sort.Search(>= %2d) = %2d found=%v\n", t, i, found)
	}

	// Insert while keeping the slice sorted.
	for _, v := range []int{4, 50, 0} {
		i := sort.SearchInts(xs, v)
		xs = slices.Insert(xs, i, v)
	}
	fmt.Println("after inserts:", xs)

	words := []string{"apple", "banana", "cherry", "grape", "kiwi", "mango"}
	for _, w := range []string{"cherry", "fig"} {
		i, ok := slices.BinarySearch(words, w)
		fmt.Printf("BinarySearch(%q) = %d, %v\n", w, i, ok)
	}

	for _, n := range []int{0, 1, 15, 16, 17, 1000000, 999999} {
		fmt.Printf("isqrt(%d) = %d\n", n, isqrt(n))
	}

	// Bisection on a monotone float function: solve x^3 + x = 10.
	lo, hi := 0.0, 10.0
	for range 60 {
		mid := (lo + hi) / 2
		if mid*mid*mid+mid < 10 {
			lo = mid
		} else {
			hi = mid
		}
	}
	fmt.Printf("root of x^3+x=10: %.9f (check %.2e)\n", lo, math.Abs(lo*lo*lo+lo-10))

	// Lookup in a sorted table of tax brackets.
	brackets := []Bracket{{10000, 0}, {40000, 0.1}, {90000, 0.2}, {math.Inf(1), 0.35}}
	for _, income := range []float64{5000, 10000, 10001, 75000, 250000} {
		i := sort.Search(len(brackets), func(i int) bool { return income <= brackets[i].Upto })
		fmt.Printf("income %8.0f -> bracket %d rate %.0f%%\n", income, i, brackets[i].Rate*100)
	}
}
