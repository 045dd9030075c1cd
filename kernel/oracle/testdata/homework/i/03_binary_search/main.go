package main

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
)

type searchFn func([]int, int) int

var data = []int{1, 3, 3, 3, 5, 8, 8, 13, 21, 34, 34, 55}

// lowerBound returns first index i with a[i] >= x.
func lowerBound(a []int, x int) int {
	lo, hi := 0, len(a)
	for lo < hi {
		mid := lo + (hi-lo)/2
		if a[mid] < x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// upperBound returns first index i with a[i] > x.
func upperBound(a []int, x int) int {
	lo, hi := 0, len(a)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if a[mid] <= x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

func classic(a []int, x int) int {
	lo, hi := 0, len(a)-1
	for lo <= hi {
		mid := (lo + hi) / 2
		switch {
		case a[mid] == x:
			return mid
		case a[mid] < x:
			lo = mid + 1
		default:
			hi = mid - 1
		}
	}
	return -1
}

func recursive(a []int, x int) int {
	return rec(a, x, 0, len(a)-1)
}

func rec(a []int, x, lo, hi int) int {
	if lo > hi {
		return -1
	}
	mid := (lo + hi) / 2
	if a[mid] == x {
		return mid
	} else if a[mid] < x {
		return rec(a, x, mid+1, hi)
	}
	return rec(a, x, lo, mid-1)
}

func generic[T cmp.Ordered](a []T, x T) (idx int, found bool) {
	lo, hi := 0, len(a)
	for lo < hi {
		m := (lo + hi) / 2
		if cmp.Less(a[m], x) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(a) && a[lo] == x
}

// rotated sorted array search
func searchRotated(a []int, x int) int {
	lo, hi := 0, len(a)-1
	for lo <= hi {
		mid := (lo + hi) / 2
		if a[mid] == x {
			return mid
		}
		if a[lo] <= a[mid] {
			if a[lo] <= x && x < a[mid] {
				hi = mid - 1
			} else {
				lo = mid + 1
			}
		} else {
			if a[mid] < x && x <= a[hi] {
				lo = mid + 1
			} else {
				hi = mid - 1
			}
		}
	}
	return -1
}

func sqrtFloor(n int) int {
	// answer search on a monotone predicate
	return sort.Search(n+1, func(k int) bool { return k*k > n }) - 1
}

func main() {
	fmt.Println("data:", data)
	fns := []struct {
		name string
		f    searchFn
	}{
		{"lower", lowerBound},
		{"upper", upperBound},
		{"classic", classic},
		{"recursive", recursive},
	}
	queries := []int{0, 3, 8, 9, 55, 60}
	fmt.Printf("%-10s", "x")
	for _, q := range queries {
		fmt.Printf("%4d", q)
	}
	fmt.Println()
	for _, fn := range fns {
		fmt.Printf("%-10s", fn.name)
		for _, q := range queries {
			fmt.Printf("%4d", fn.f(data, q))
		}
		fmt.Println()
	}
	for _, q := range queries {
		i, ok := slices.BinarySearch(data, q)
		j := sort.SearchInts(data, q)
		cnt := upperBound(data, q) - lowerBound(data, q)
		fmt.Printf("x=%2d slices=(%d,%t) sort=%d count=%d\n", q, i, ok, j, cnt)
	}

	names := []string{"ada", "bob", "eve", "mallory", "trent"}
	for _, s := range []string{"eve", "carol", "zed"} {
		i, ok := generic(names, s)
		fmt.Printf("%-6q -> %d %t\n", s, i, ok)
	}
	fl := []float64{0.5, 1.5, math.Pi, 4}
	i, ok := generic(fl, math.Pi)
	fmt.Println("pi at", i, ok)

	rot := []int{15, 18, 22, 40, 2, 5, 9, 11}
	for _, x := range []int{40, 2, 11, 15, 7} {
		fmt.Printf("rotated find %d -> %d\n", x, searchRotated(rot, x))
	}
	for _, n := range []int{0, 1, 15, 16, 99, 1000000} {
		fmt.Printf("isqrt(%d)=%d ", n, sqrtFloor(n))
	}
	fmt.Println()
}
