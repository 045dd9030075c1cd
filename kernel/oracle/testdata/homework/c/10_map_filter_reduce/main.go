package main

import (
	"fmt"
	"strings"
)

type Number interface {
	~int | ~int64 | ~float64
}

type Score int

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, pred func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if pred(x) {
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

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Average[T Number](xs []T) float64 {
	if len(xs) == 0 {
		return 0
	}
	return float64(Sum(xs)) / float64(len(xs))
}

func GroupBy[T any, K comparable](xs []T, key func(T) K) map[K][]T {
	m := make(map[K][]T)
	for _, x := range xs {
		k := key(x)
		m[k] = append(m[k], x)
	}
	return m
}

func Zip[A, B any](as []A, bs []B) []struct {
	First  A
	Second B
} {
	n := min(len(as), len(bs))
	out := make([]struct {
		First  A
		Second B
	}, n)
	for i := range n {
		out[i].First, out[i].Second = as[i], bs[i]
	}
	return out
}

func main() {
	nums := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	evens := Filter(nums, func(n int) bool { return n%2 == 0 })
	squares := Map(evens, func(n int) int { return n * n })
	total := Reduce(squares, 0, func(a, b int) int { return a + b })
	fmt.Println(evens, squares, total)

	words := strings.Fields("go is fun and go is fast")
	lens := Map(words, func(s string) int { return len(s) })
	fmt.Println(lens, Sum(lens), Average(lens))
	joined := Reduce(words, "", func(acc string, w string) string {
		if acc == "" {
			return strings.ToUpper(w)
		}
		return acc + "-" + w
	})
	fmt.Println(joined)

	scores := []Score{90, 72, 85, 60}
	fmt.Printf("%v %T %.2f\n", Sum(scores), Sum(scores), Average(scores))
	fl := []float64{1.5, 2.25, 3.125}
	fmt.Println(Sum(fl), Average(fl))

	groups := GroupBy(words, func(s string) int { return len(s) })
	fmt.Println(groups)
	byFirst := GroupBy(nums, func(n int) bool { return n > 5 })
	fmt.Println(byFirst[true], byFirst[false])

	z := Zip(words, nums)
	fmt.Printf("%+v\n", z[:3])
	fmt.Println(len(Zip([]int{}, words)))

	counts := Reduce(words, map[string]int{}, func(m map[string]int, w string) map[string]int {
		m[w]++
		return m
	})
	fmt.Println(counts)
	strs := Map(Filter(nums, func(n int) bool { return n%3 == 0 }), func(n int) string {
		return fmt.Sprintf("<%d>", n)
	})
	fmt.Printf("%q %d\n", strs, len(strs))
}
