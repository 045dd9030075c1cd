package main

import (
	"cmp"
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

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

type Set[T comparable] struct {
	m map[T]struct{}
}

func NewSet[T comparable](items ...T) *Set[T] {
	s := &Set[T]{m: make(map[T]struct{})}
	for _, it := range items {
		s.Add(it)
	}
	return s
}

func (s *Set[T]) Add(v T)          { s.m[v] = struct{}{} }
func (s *Set[T]) Has(v T) bool     { _, ok := s.m[v]; return ok }
func (s *Set[T]) Len() int         { return len(s.m) }
func (s *Set[T]) All() iter.Seq[T] { return maps.Keys(s.m) }

func (s *Set[T]) Union(o *Set[T]) *Set[T] {
	r := NewSet[T]()
	for v := range s.All() {
		r.Add(v)
	}
	for v := range o.All() {
		r.Add(v)
	}
	return r
}

func (s *Set[T]) Intersect(o *Set[T]) *Set[T] {
	r := NewSet[T]()
	for v := range s.All() {
		if o.Has(v) {
			r.Add(v)
		}
	}
	return r
}

func SortedMembers[T cmp.Ordered](s *Set[T]) []T {
	return slices.Sorted(s.All())
}

// Naturals is an infinite iterator; the caller decides when to stop.
func Naturals() iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 1; ; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func Take[T any](seq iter.Seq[T], n int) iter.Seq[T] {
	return func(yield func(T) bool) {
		if n <= 0 {
			return
		}
		count := 0
		for v := range seq {
			if !yield(v) {
				return
			}
			count++
			if count == n {
				return
			}
		}
	}
}

func main() {
	nums := make([]int, 0, 15)
	for i := range 15 {
		nums = append(nums, i+1)
	}
	evens := Filter(nums, func(n int) bool { return n%2 == 0 })
	squares := Map(evens, func(n int) int { return n * n })
	sum := Reduce(squares, 0, func(a, n int) int { return a + n })
	fmt.Println(evens, squares, sum)

	words := strings.Fields("apple avocado banana blueberry cherry cranberry coconut date")
	lens := Map(words, func(s string) string { return fmt.Sprintf("%s:%d", s, len(s)) })
	fmt.Println(lens)
	longest := Reduce(words, "", func(best, w string) string {
		if len(w) > len(best) {
			return w
		}
		return best
	})
	fmt.Println("longest:", longest)

	a := NewSet(1, 2, 3, 4, 5)
	b := NewSet(4, 5, 6, 7)
	fmt.Println("union:", SortedMembers(a.Union(b)), "intersect:", SortedMembers(a.Intersect(b)))
	fmt.Println("has 3:", a.Has(3), "b has 3:", b.Has(3), "len:", a.Len())
	letters := NewSet(strings.Split("mississippi", "")...)
	fmt.Println("letters in mississippi:", SortedMembers(letters))

	var firstPrimes []int
	for n := range Take(Naturals(), 30) {
		if n > 1 && !slices.ContainsFunc(firstPrimes, func(p int) bool { return n%p == 0 }) {
			firstPrimes = append(firstPrimes, n)
		}
	}
	fmt.Println("primes <= 30:", firstPrimes)
	fmt.Println("first 5 naturals:", slices.Collect(Take(Naturals(), 5)))

}
