package main

import (
	"fmt"
	"sort"
	"strings"
)

func permutations(xs []int) [][]int {
	if len(xs) <= 1 {
		return [][]int{append([]int{}, xs...)}
	}
	var res [][]int
	for i := range xs {
		rest := make([]int, 0, len(xs)-1)
		rest = append(rest, xs[:i]...)
		rest = append(rest, xs[i+1:]...)
		for _, p := range permutations(rest) {
			res = append(res, append([]int{xs[i]}, p...))
		}
	}
	return res
}

func solveQueens(n int) [][]int {
	var solutions [][]int
	cols := make([]int, n)
	var place func(row int)
	place = func(row int) {
		if row == n {
			sol := make([]int, n)
			copy(sol, cols)
			solutions = append(solutions, sol)
			return
		}
		for c := 0; c < n; c++ {
			ok := true
			for r := 0; r < row; r++ {
				if cols[r] == c || abs(cols[r]-c) == row-r {
					ok = false
					break
				}
			}
			if ok {
				cols[row] = c
				place(row + 1)
			}
		}
	}
	place(0)
	return solutions
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func subsets(xs []string) [][]string {
	if len(xs) == 0 {
		return [][]string{{}}
	}
	rest := subsets(xs[1:])
	out := rest
	for _, s := range rest {
		out = append(out, append([]string{xs[0]}, s...))
	}
	return out
}

func hanoi(n int, from, to, via string, moves *int) {
	if n == 0 {
		return
	}
	hanoi(n-1, from, via, to, moves)
	*moves++
	if n == 3 {
		fmt.Printf("move disk %d %s->%s\n", n, from, to)
	}
	hanoi(n-1, via, to, from, moves)
}

func main() {
	ps := permutations([]int{1, 2, 3})
	fmt.Println(len(ps), ps)
	uniq := map[[4]int]bool{}
	for _, p := range permutations([]int{1, 2, 1, 2}) {
		uniq[[4]int(p)] = true
	}
	fmt.Println("distinct perms of 1212:", len(uniq))
	for n := 4; n <= 8; n++ {
		fmt.Printf("queens(%d) = %d solutions\n", n, len(solveQueens(n)))
	}
	first := solveQueens(6)[0]
	for _, c := range first {
		fmt.Println(strings.Repeat(". ", c) + "Q " + strings.Repeat(". ", 6-c-1))
	}
	subs := subsets([]string{"x", "y", "z"})
	names := make([]string, len(subs))
	for i, s := range subs {
		names[i] = "{" + strings.Join(s, ",") + "}"
	}
	sort.Slice(names, func(i, j int) bool {
		if len(names[i]) != len(names[j]) {
			return len(names[i]) < len(names[j])
		}
		return names[i] < names[j]
	})
	fmt.Println(names)
	moves := 0
	hanoi(5, "A", "C", "B", &moves)
	fmt.Println("hanoi moves:", moves)
}
