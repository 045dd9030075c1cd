package main

import (
	"errors"
	"fmt"
	"sort"
)

type Item struct {
	Name   string
	Weight int
	Value  int
}

var items = []Item{
	{"tent", 5, 60},
	{"stove", 3, 50},
	{"camera", 2, 70},
	{"book", 1, 10},
	{"laptop", 4, 90},
	{"snacks", 2, 30},
}

var ErrNoChange = errors.New("amount cannot be made")

func knapsack(items []Item, capacity int) (best int, chosen []Item) {
	n := len(items)
	dp := make([][]int, n+1)
	for i := range dp {
		dp[i] = make([]int, capacity+1)
	}
	for i := 1; i <= n; i++ {
		it := items[i-1]
		for w := 0; w <= capacity; w++ {
			dp[i][w] = dp[i-1][w]
			if it.Weight <= w {
				if v := dp[i-1][w-it.Weight] + it.Value; v > dp[i][w] {
					dp[i][w] = v
				}
			}
		}
	}
	w := capacity
	for i := n; i > 0; i-- {
		if dp[i][w] != dp[i-1][w] {
			chosen = append(chosen, items[i-1])
			w -= items[i-1].Weight
		}
	}
	return dp[n][capacity], chosen
}

func minCoins(coins []int, amount int) (int, []int, error) {
	const inf = 1 << 31
	dp := make([]int, amount+1)
	last := make([]int, amount+1)
	for a := 1; a <= amount; a++ {
		dp[a] = inf
		for _, c := range coins {
			if c <= a && dp[a-c]+1 < dp[a] {
				dp[a] = dp[a-c] + 1
				last[a] = c
			}
		}
	}
	if dp[amount] >= inf {
		return 0, nil, fmt.Errorf("minCoins(%v, %d): %w", coins, amount, ErrNoChange)
	}
	var used []int
	for a := amount; a > 0; a -= last[a] {
		used = append(used, last[a])
	}
	return dp[amount], used, nil
}

func countWays(coins []int, amount int) int64 {
	ways := make([]int64, amount+1)
	ways[0] = 1
	for _, c := range coins {
		for a := c; a <= amount; a++ {
			ways[a] += ways[a-c]
		}
	}
	return ways[amount]
}

func lisQuadratic(a []int) int {
	dp := make([]int, len(a))
	best := 0
	for i := range a {
		dp[i] = 1
		for j := 0; j < i; j++ {
			if a[j] < a[i] {
				dp[i] = max(dp[i], dp[j]+1)
			}
		}
		best = max(best, dp[i])
	}
	return best
}

func lisFast(a []int) (int, []int) {
	var tails []int
	for _, x := range a {
		i := sort.SearchInts(tails, x)
		if i == len(tails) {
			tails = append(tails, x)
		} else {
			tails[i] = x
		}
	}
	return len(tails), tails
}

type cell struct{ r, c int }

var blocked = map[cell]bool{{1, 1}: true, {2, 3}: true, {3, 0}: true}

func gridPaths(r, c int, memo map[cell]int64) int64 {
	if r < 0 || c < 0 || blocked[cell{r, c}] {
		return 0
	}
	if r == 0 && c == 0 {
		return 1
	}
	key := cell{r, c}
	if v, ok := memo[key]; ok {
		return v
	}
	memo[key] = gridPaths(r-1, c, memo) + gridPaths(r, c-1, memo)
	return memo[key]
}

func main() {
	for _, capacity := range []int{5, 8, 10} {
		best, chosen := knapsack(items, capacity)
		names := []string{}
		for _, it := range chosen {
			names = append(names, it.Name)
		}
		fmt.Printf("cap=%2d best=%3d items=%v\n", capacity, best, names)
	}
	_, ch := knapsack(items, 3)
	fmt.Printf("%+v\n", ch)

	coinSets := [][]int{{1, 5, 10, 25}, {1, 3, 4}, {2, 5}, {4, 6}}
	for _, cs := range coinSets {
		for _, amt := range []int{6, 11, 30} {
			n, used, err := minCoins(cs, amt)
			if err != nil {
				fmt.Printf("%-14s %3d: %v (is=%t)\n", fmt.Sprint(cs), amt, err, errors.Is(err, ErrNoChange))
				continue
			}
			fmt.Printf("%-14s %3d: %d coins %v ways=%d\n", fmt.Sprint(cs), amt, n, used, countWays(cs, amt))
		}
	}
	fmt.Println("ways(100, US coins) =", countWays([]int{1, 5, 10, 25, 50, 100}, 100))

	seqs := [][]int{{10, 9, 2, 5, 3, 7, 101, 18}, {0, 1, 0, 3, 2, 3}, {7, 7, 7}, {3, 10, 2, 1, 20, 4, 6, 7}}
	for _, s := range seqs {
		n, tails := lisFast(s)
		fmt.Printf("LIS %v: %d %d tails=%v\n", s, lisQuadratic(s), n, tails)
	}
	memo := make(map[cell]int64)
	fmt.Println("grid paths to (4,5):", gridPaths(4, 5, memo), "memo size", len(memo))
	fmt.Println("grid paths to (15,15):", gridPaths(15, 15, memo))
}
