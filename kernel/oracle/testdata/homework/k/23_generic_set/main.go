// Homework 23: A generic Set type with set algebra, used on student course enrollments.
package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
)

type Set[T cmp.Ordered] map[T]struct{}

func NewSet[T cmp.Ordered](items ...T) Set[T] {
	s := Set[T]{}
	for _, it := range items {
		s.Add(it)
	}
	return s
}

func (s Set[T]) Add(v T)        { s[v] = struct{}{} }
func (s Set[T]) Has(v T) bool   { _, ok := s[v]; return ok }
func (s Set[T]) Len() int       { return len(s) }
func (s Set[T]) Items() []T     { return slices.Sorted(maps.Keys(s)) }
func (s Set[T]) String() string { return fmt.Sprint(s.Items()) }
func (s Set[T]) Remove(v T)     { delete(s, v) }
func (s Set[T]) Clone() Set[T]  { return maps.Clone(s) }
func (s Set[T]) Equal(o Set[T]) bool {
	return s.Len() == o.Len() && s.IsSubset(o)
}

func (s Set[T]) Union(o Set[T]) Set[T] {
	out := s.Clone()
	for v := range o {
		out.Add(v)
	}
	return out
}

func (s Set[T]) Intersect(o Set[T]) Set[T] {
	out := Set[T]{}
	for v := range s {
		if o.Has(v) {
			out.Add(v)
		}
	}
	return out
}

func (s Set[T]) Diff(o Set[T]) Set[T] {
	out := Set[T]{}
	for v := range s {
		if !o.Has(v) {
			out.Add(v)
		}
	}
	return out
}

func (s Set[T]) IsSubset(o Set[T]) bool {
	for v := range s {
		if !o.Has(v) {
			return false
		}
	}
	return true
}

func main() {
	enroll := map[string]Set[string]{
		"ana":  NewSet("Go", "Algorithms", "Databases"),
		"ben":  NewSet("Go", "Networks"),
		"cara": NewSet("Algorithms", "Databases", "Go", "Compilers"),
		"dev":  NewSet("Networks", "Security"),
	}
	for _, name := range slices.Sorted(maps.Keys(enroll)) {
		fmt.Printf("%-5s %v\n", name, enroll[name])
	}
	all := NewSet[string]()
	for _, s := range enroll {
		all = all.Union(s)
	}
	fmt.Println("all courses:", all, "count:", all.Len())
	fmt.Println("ana ∩ cara:", enroll["ana"].Intersect(enroll["cara"]))
	fmt.Println("cara \\ ana:", enroll["cara"].Diff(enroll["ana"]))
	fmt.Println("ana ⊆ cara?", enroll["ana"].IsSubset(enroll["cara"]))
	fmt.Println("ben ⊆ cara?", enroll["ben"].IsSubset(enroll["cara"]))

	// Which pairs of students share at least two courses?
	names := slices.Sorted(maps.Keys(enroll))
	for i, a := range names {
		for _, b := range names[i+1:] {
			if common := enroll[a].Intersect(enroll[b]); common.Len() >= 2 {
				fmt.Printf("study buddies: %s & %s share %v\n", a, b, common)
			}
		}
	}

	nums := NewSet(5, 3, 9, 1, 3, 5)
	evens := NewSet(2, 4, 6, 8)
	fmt.Printf("nums=%v evens=%v union=%v\n", nums, evens, nums.Union(evens))
	c := nums.Clone()
	c.Remove(9)
	fmt.Println("clone after remove:", c, "original:", nums, "equal:", c.Equal(nums))
	fmt.Printf("%T\n", nums)
}
