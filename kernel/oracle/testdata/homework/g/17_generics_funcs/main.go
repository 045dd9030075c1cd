// Week 7: generics! finally map/filter/reduce like python
package main

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
)

type Number interface {
	~int | ~int32 | ~int64 | ~float32 | ~float64
}

type Celsius float64
type Score int

type Shower interface {
	Show() string
}

type Temp struct {
	City string
	C    Celsius
}

func (t Temp) Show() string { return fmt.Sprintf("%s:%.1f°C", t.City, float64(t.C)) }

type Book struct {
	Title string
	Pages int
}

func (b Book) Show() string { return fmt.Sprintf("%q(%dp)", b.Title, b.Pages) }

// Ordered + method constraint
type Rankable interface {
	comparable
	Rank() int
}

func (b Book) Rank() int { return b.Pages }

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

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Mean[T Number](xs []T) float64 {
	if len(xs) == 0 {
		return 0
	}
	return float64(Sum(xs)) / float64(len(xs))
}

func MaxOf[T cmp.Ordered](first T, rest ...T) T {
	m := first
	for _, v := range rest {
		if v > m {
			m = v
		}
	}
	return m
}

func Clamp[T cmp.Ordered](v, lo, hi T) T {
	return min(max(v, lo), hi)
}

func ShowAll[S ~[]E, E Shower](items S) string {
	parts := Map(items, func(e E) string { return e.Show() })
	return strings.Join(parts, ", ")
}

func Best[T Rankable](xs []T) (best T, ok bool) {
	for i, x := range xs {
		if i == 0 || x.Rank() > best.Rank() {
			best, ok = x, true
		}
	}
	return
}

func IndexOf[T comparable](xs []T, target T) int {
	for i, x := range xs {
		if x == target {
			return i
		}
	}
	return -1
}

func GroupBy[T any, K comparable](xs []T, key func(T) K) map[K][]T {
	m := make(map[K][]T)
	for _, x := range xs {
		k := key(x)
		m[k] = append(m[k], x)
	}
	return m
}

func Keys[K cmp.Ordered, V any](m map[K]V) []K {
	ks := make([]K, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	// insertion sort because why not
	for i := 1; i < len(ks); i++ {
		for j := i; j > 0 && cmp.Less(ks[j], ks[j-1]); j-- {
			ks[j], ks[j-1] = ks[j-1], ks[j]
		}
	}
	return ks
}

func main() {
	nums := []int{3, 8, 1, 9, 4, 7, 2}
	squares := Map(nums, func(n int) int { return n * n })
	evens := Filter(squares, func(n int) bool { return n%2 == 0 })
	fmt.Println("squares:", squares, "even:", evens)
	fmt.Println("sum:", Sum(nums), "mean:", Mean(nums))
	strs := Map(nums, strconv.Itoa)
	fmt.Printf("%q\n", strs)
	joined := Reduce(strs, "", func(acc string, s string) string { return acc + s })
	fmt.Println("joined:", joined)

	temps := []Celsius{21.5, 19.0, 25.25}
	fmt.Printf("sum temps: %v (%T), mean %.3f\n", Sum(temps), Sum(temps), Mean(temps))
	scores := []Score{90, 72, 85}
	fmt.Printf("sum scores: %v (%T)\n", Sum(scores), Sum(scores))

	fmt.Println(MaxOf(3, 9, 2), MaxOf("pear", "apple", "zebra", "mango"), MaxOf(2.5))
	fmt.Println(Clamp(15, 0, 10), Clamp(-3.5, -1, 1), Clamp("m", "a", "k"))

	ts := []Temp{{"Oslo", -3}, {"Rome", 18.5}}
	bs := []Book{{"Dune", 412}, {"Go", 380}, {"SICP", 657}}
	fmt.Println(ShowAll(ts))
	fmt.Println(ShowAll(bs))
	if b, ok := Best(bs); ok {
		fmt.Println("longest book:", b.Show())
	}
	_, ok := Best([]Book{})
	fmt.Println("best of empty ok?", ok)

	fmt.Println(IndexOf(bs, Book{"Go", 380}), IndexOf([]string{"a", "b"}, "z"))

	words := strings.Fields("go is fun and generics make go more fun than before")
	groups := GroupBy(words, func(s string) int { return len(s) })
	for _, k := range Keys(groups) {
		fmt.Printf("%d: %v\n", k, groups[k])
	}
	byFirst := GroupBy(words, func(s string) byte { return s[0] })
	for _, k := range Keys(byFirst) {
		fmt.Printf("%c=%d ", k, len(byFirst[k]))
	}
	fmt.Println()

	// explicit instantiation
	toLen := Map[string, int]
	fmt.Println(toLen(words[:4], func(s string) int { return len(s) }))
	fmt.Println(cmp.Compare(1, 2), cmp.Compare("b", "a"), cmp.Or(0, 0, 5, 7), cmp.Or("", "default"))
}
