package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

func Countdown(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := n; i >= 0; i-- {
			if !yield(i) {
				return
			}
		}
	}
}

func Fib() iter.Seq[int] {
	return func(yield func(int) bool) {
		a, b := 0, 1
		for {
			if !yield(a) {
				return
			}
			a, b = b, a+b
		}
	}
}

func Enumerate[T any](xs []T) iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, x := range xs {
			if !yield(i, x) {
				return
			}
		}
	}
}

func FilterSeq[T any](seq iter.Seq[T], pred func(T) bool) iter.Seq[T] {
	return func(yield func(T) bool) {
		for v := range seq {
			if pred(v) && !yield(v) {
				return
			}
		}
	}
}

func Take[T any](seq iter.Seq[T], n int) iter.Seq[T] {
	return func(yield func(T) bool) {
		i := 0
		for v := range seq {
			if i >= n || !yield(v) {
				return
			}
			i++
		}
	}
}

func main() {
	for i := range 3 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	for v := range Fib() {
		if v > 100 {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
	evenFibs := slices.Collect(Take(FilterSeq(Fib(), func(n int) bool { return n%2 == 0 }), 6))
	fmt.Println("even fibs:", evenFibs)
	for i, s := range Enumerate([]string{"a", "b", "c", "d"}) {
		if i == 2 {
			continue
		}
		fmt.Printf("%d=%s ", i, s)
	}
	fmt.Println()
	for i, r := range "héllo, 世界" {
		fmt.Printf("%d:%c ", i, r)
	}
	fmt.Println()
	ages := map[string]int{"zoe": 31, "adam": 25, "mia": 28, "bob": 40}
	keys := slices.Sorted(maps.Keys(ages))
	fmt.Println(keys)
	vals := slices.Sorted(maps.Values(ages))
	fmt.Println(vals)
	words := strings.Fields("the cat sat on the mat")
	for i, w := range slices.Backward(words) {
		fmt.Print(i, w, " ")
	}
	fmt.Println()
	up := slices.Collect(func(yield func(string) bool) {
		for _, w := range words {
			if !yield(strings.ToUpper(w)) {
				return
			}
		}
	})
	fmt.Println(up, len(up))
	next, stop := iter.Pull(Countdown(3))
	defer stop()
	for {
		v, ok := next()
		if !ok {
			break
		}
		fmt.Print("pulled ", v, "; ")
	}
	fmt.Println()
	m2 := maps.Collect(Enumerate([]string{"x", "y"}))
	fmt.Println(m2)
}
