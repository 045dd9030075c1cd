package main

import (
	"fmt"
	"slices"
	"strings"
)

type Queens struct {
	n                int
	cols, diag, anti []bool
	placement        []int
	solutions        int
	first            []int
}

func NewQueens(n int) *Queens {
	return &Queens{
		n:         n,
		cols:      make([]bool, n),
		diag:      make([]bool, 2*n),
		anti:      make([]bool, 2*n),
		placement: make([]int, n),
	}
}

func (q *Queens) solve(row int) {
	if row == q.n {
		q.solutions++
		if q.first == nil {
			q.first = slices.Clone(q.placement)
		}
		return
	}
	for c := 0; c < q.n; c++ {
		d, a := row-c+q.n, row+c
		if q.cols[c] || q.diag[d] || q.anti[a] {
			continue
		}
		q.cols[c], q.diag[d], q.anti[a] = true, true, true
		q.placement[row] = c
		q.solve(row + 1)
		q.cols[c], q.diag[d], q.anti[a] = false, false, false
	}
}

func (q *Queens) Board() string {
	var sb strings.Builder
	for _, c := range q.first {
		sb.WriteString(strings.Repeat(". ", c))
		sb.WriteString("Q ")
		sb.WriteString(strings.Repeat(". ", q.n-c-1))
		sb.WriteString("\n")
	}
	return sb.String()
}

func permutations[T any](items []T) [][]T {
	var res [][]T
	used := make([]bool, len(items))
	cur := make([]T, 0, len(items))
	var rec func()
	rec = func() {
		if len(cur) == len(items) {
			res = append(res, slices.Clone(cur))
			return
		}
		for i := range items {
			if used[i] {
				continue
			}
			used[i] = true
			cur = append(cur, items[i])
			rec()
			cur = cur[:len(cur)-1]
			used[i] = false
		}
	}
	rec()
	return res
}

func combinations(n, k int) (out [][]int) {
	var cur []int
	var rec func(start int)
	rec = func(start int) {
		if len(cur) == k {
			out = append(out, append([]int(nil), cur...))
			return
		}
		for i := start; i <= n-(k-len(cur))+1; i++ {
			cur = append(cur, i)
			rec(i + 1)
			cur = cur[:len(cur)-1]
		}
	}
	rec(1)
	return
}

func subsetSum(nums []int, target int) [][]int {
	sorted := slices.Clone(nums)
	slices.Sort(sorted)
	var res [][]int
	var path []int
	var rec func(i, remaining int)
	rec = func(i, remaining int) {
		if remaining == 0 {
			res = append(res, slices.Clone(path))
			return
		}
		for j := i; j < len(sorted); j++ {
			if j > i && sorted[j] == sorted[j-1] {
				continue // skip duplicates at the same depth
			}
			if sorted[j] > remaining {
				break
			}
			path = append(path, sorted[j])
			rec(j+1, remaining-sorted[j])
			path = path[:len(path)-1]
		}
	}
	rec(0, target)
	return res
}

func main() {
	for n := 1; n <= 9; n++ {
		q := NewQueens(n)
		q.solve(0)
		fmt.Printf("n=%d solutions=%d first=%v\n", n, q.solutions, q.first)
	}
	q := NewQueens(6)
	q.solve(0)
	fmt.Print(q.Board())

	perms := permutations([]string{"x", "y", "z"})
	fmt.Println(len(perms), perms)
	pr := permutations([]rune("abcd"))
	fmt.Printf("%d perms of abcd, 10th = %q, last = %c\n", len(pr), string(pr[9]), pr[len(pr)-1])

	combos := combinations(5, 3)
	fmt.Println("C(5,3) =", len(combos), combos)
	fmt.Println("C(10,4) =", len(combinations(10, 4)))

	for _, target := range []int{8, 10, 30} {
		res := subsetSum([]int{10, 1, 2, 7, 6, 1, 5}, target)
		fmt.Printf("subsets summing to %d: %v\n", target, res)
	}
}
