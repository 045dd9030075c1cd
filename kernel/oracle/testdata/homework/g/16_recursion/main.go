// Week 6 - recursion problem set
package main

import (
	"fmt"
	"slices"
	"strings"
)

var memo = map[int]int{}
var calls int

func fibMemo(n int) int {
	calls++
	if n < 2 {
		return n
	}
	if v, ok := memo[n]; ok {
		return v
	}
	v := fibMemo(n-1) + fibMemo(n-2)
	memo[n] = v
	return v
}

func fibNaive(n int) int {
	calls++
	if n < 2 {
		return n
	}
	return fibNaive(n-1) + fibNaive(n-2)
}

type Move struct {
	Disk     int
	From, To byte
}

func hanoi(n int, from, to, via byte, moves *[]Move) {
	if n == 0 {
		return
	}
	hanoi(n-1, from, via, to, moves)
	*moves = append(*moves, Move{n, from, to})
	hanoi(n-1, via, to, from, moves)
}

func permutations(s []rune) []string {
	if len(s) <= 1 {
		return []string{string(s)}
	}
	var out []string
	for i := range s {
		rest := make([]rune, 0, len(s)-1)
		rest = append(rest, s[:i]...)
		rest = append(rest, s[i+1:]...)
		for _, p := range permutations(rest) {
			out = append(out, string(s[i])+p)
		}
	}
	return out
}

func subsets(items []string) [][]string {
	if len(items) == 0 {
		return [][]string{{}}
	}
	without := subsets(items[1:])
	result := slices.Clone(without)
	for _, s := range without {
		with := append([]string{items[0]}, s...)
		result = append(result, with)
	}
	return result
}

func solveQueens(n int) (count int, first []int) {
	cols := make([]int, n)
	var place func(row int)
	place = func(row int) {
		if row == n {
			count++
			if first == nil {
				first = slices.Clone(cols)
			}
			return
		}
	next:
		for c := 0; c < n; c++ {
			for r := 0; r < row; r++ {
				d := cols[r] - c
				if d == 0 || d == row-r || d == r-row {
					continue next
				}
			}
			cols[row] = c
			place(row + 1)
		}
	}
	place(0)
	return
}

func gcd(a, b int) int {
	if b == 0 {
		return a
	}
	return gcd(b, a%b)
}

func power(base, exp int) int {
	if exp == 0 {
		return 1
	}
	half := power(base, exp/2)
	if exp%2 == 0 {
		return half * half
	}
	return half * half * base
}

func flatten(v any) []int {
	switch x := v.(type) {
	case int:
		return []int{x}
	case []any:
		var out []int
		for _, e := range x {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return nil
}

func binarySearch(xs []int, target, lo, hi int) int {
	if lo > hi {
		return -1
	}
	mid := (lo + hi) / 2
	switch {
	case xs[mid] == target:
		return mid
	case xs[mid] < target:
		return binarySearch(xs, target, mid+1, hi)
	default:
		return binarySearch(xs, target, lo, mid-1)
	}
}

func main() {
	calls = 0
	fmt.Println("fibNaive(20) =", fibNaive(20), "calls:", calls)
	calls = 0
	fmt.Println("fibMemo(20)  =", fibMemo(20), "calls:", calls)
	calls = 0
	fmt.Println("fibMemo(90)  =", fibMemo(90), "calls:", calls)

	var moves []Move
	hanoi(4, 'A', 'C', 'B', &moves)
	fmt.Println("hanoi(4) moves:", len(moves))
	for i, m := range moves[:5] {
		fmt.Printf("  %d: disk %d %c->%c\n", i+1, m.Disk, m.From, m.To)
	}

	perms := permutations([]rune("abcd"))
	fmt.Println("perms of abcd:", len(perms), perms[:6], perms[len(perms)-1])
	fmt.Println("perms of aab:", permutations([]rune("aab")))

	subs := subsets([]string{"x", "y", "z"})
	strs := make([]string, len(subs))
	for i, s := range subs {
		strs[i] = "{" + strings.Join(s, ",") + "}"
	}
	fmt.Println("subsets:", strings.Join(strs, " "))

	for n := 4; n <= 8; n++ {
		c, f := solveQueens(n)
		fmt.Printf("%d-queens: %d solutions, first=%v\n", n, c, f)
	}
	_, board := solveQueens(6)
	for _, c := range board {
		fmt.Println(strings.Repeat(". ", c) + "Q " + strings.Repeat(". ", 6-c-1))
	}

	fmt.Println("gcd(1071, 462) =", gcd(1071, 462), " 3^13 =", power(3, 13))
	nested := []any{1, []any{2, 3, []any{4, []any{5}}}, 6, []any{}}
	fmt.Println("flatten:", flatten(nested))
	sorted := []int{1, 3, 5, 7, 9, 11, 13, 15}
	for _, t := range []int{1, 9, 15, 4} {
		fmt.Printf("search %d -> %d\n", t, binarySearch(sorted, t, 0, len(sorted)-1))
	}
}
