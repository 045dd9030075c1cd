// Homework 15: Generic Map / Filter / Reduce / GroupBy over a slice of orders.
package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

type Number interface {
	~int | ~int64 | ~float64
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func Sum[N Number](xs []N) N {
	return Reduce(xs, 0, func(a, b N) N { return a + b })
}

func GroupBy[T any, K comparable](xs []T, key func(T) K) map[K][]T {
	g := make(map[K][]T)
	for _, x := range xs {
		g[key(x)] = append(g[key(x)], x)
	}
	return g
}

func MaxBy[T any, K cmp.Ordered](xs []T, key func(T) K) (best T) {
	for i, x := range xs {
		if i == 0 || key(x) > key(best) {
			best = x
		}
	}
	return best
}

type Cents int

func (c Cents) String() string { return fmt.Sprintf("$%d.%02d", c/100, c%100) }

type Order struct {
	ID       int
	Customer string
	Total    Cents
	Shipped  bool
}

func main() {
	orders := []Order{
		{1, "ana", 2599, true}, {2, "ben", 899, false}, {3, "ana", 12000, true},
		{4, "cho", 4550, true}, {5, "ben", 300, true}, {6, "cho", 999, false},
		{7, "dan", 15075, true},
	}
	totals := Map(orders, func(o Order) Cents { return o.Total })
	fmt.Println("totals:", totals)
	fmt.Println("revenue:", Sum(totals))

	pending := Filter(orders, func(o Order) bool { return !o.Shipped })
	ids := Map(pending, func(o Order) string { return fmt.Sprint(o.ID) })
	fmt.Println("pending order ids:", strings.Join(ids, ","))

	big := MaxBy(orders, func(o Order) Cents { return o.Total })
	fmt.Printf("largest order: %+v\n", big)

	byCust := GroupBy(orders, func(o Order) string { return o.Customer })
	for _, c := range slices.Sorted(maps.Keys(byCust)) {
		group := byCust[c]
		sum := Sum(Map(group, func(o Order) Cents { return o.Total }))
		fmt.Printf("%-4s orders=%d spent=%8v\n", c, len(group), sum)
	}

	words := strings.Fields("the quick brown fox jumps over the lazy dog")
	lengths := Map(words, func(s string) int { return len(s) })
	fmt.Printf("avg word length %.3f\n", float64(Sum(lengths))/float64(len(lengths)))
	longest := Reduce(words, "", func(a, w string) string {
		if len(w) > len(a) {
			return w
		}
		return a
	})
	upper := Map(words, strings.ToUpper) // function value as argument
	fmt.Println("longest:", longest, "| upper:", upper[:3])
}
