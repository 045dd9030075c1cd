package main

import (
	"cmp"
	"fmt"
	"iter"
	"maps"
	"math"
	"slices"
	"strings"
)

type Number interface {
	~int | ~int64 | ~float64
}

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }
type Square struct{ Rect }

func (r Rect) Area() float64   { return r.W * r.H }
func (r Rect) Name() string    { return "rect" }
func (c Circle) Area() float64 { return math.Pi * c.R * c.R }
func (c Circle) Name() string  { return "circle" }
func (s Square) Name() string  { return "square" }

func NewSquare(side float64) Square { return Square{Rect{side, side}} }

type Set[T comparable] struct {
	m map[T]struct{}
}

func SetOf[T comparable](xs ...T) *Set[T] {
	s := &Set[T]{m: make(map[T]struct{})}
	for _, x := range xs {
		s.Add(x)
	}
	return s
}

func (s *Set[T]) Add(x T)          { s.m[x] = struct{}{} }
func (s *Set[T]) Has(x T) bool     { _, ok := s.m[x]; return ok }
func (s *Set[T]) All() iter.Seq[T] { return maps.Keys(s.m) }
func (s *Set[T]) Len() int         { return len(s.m) }

func Intersect[T cmp.Ordered](a, b *Set[T]) []T {
	var out []T
	for x := range a.All() {
		if b.Has(x) {
			out = append(out, x)
		}
	}
	slices.Sort(out)
	return out
}

func Filter[T any](seq iter.Seq[T], keep func(T) bool) iter.Seq[T] {
	return func(yield func(T) bool) {
		for v := range seq {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func Map[T, U any](seq iter.Seq[T], f func(T) U) iter.Seq[U] {
	return func(yield func(U) bool) {
		for v := range seq {
			if !yield(f(v)) {
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
		i := 0
		for v := range seq {
			if !yield(v) {
				return
			}
			i++
			if i == n {
				return
			}
		}
	}
}

func Sum[T Number](seq iter.Seq[T]) (total T) {
	for v := range seq {
		total += v
	}
	return
}

func Naturals() iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 1; ; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func MaxBy[T any, K cmp.Ordered](xs []T, key func(T) K) (best T, ok bool) {
	for i, x := range xs {
		if i == 0 || key(x) > key(best) {
			best, ok = x, true
		}
	}
	return
}

type Celsius float64

func main() {
	evens := Filter(Naturals(), func(n int) bool { return n%2 == 0 })
	squares := Map(evens, func(n int) int { return n * n })
	fmt.Println("first 6 even squares:", slices.Collect(Take(squares, 6)))
	fmt.Println("sum:", Sum(Take(squares, 6)))
	temps := []Celsius{21.5, 19.0, 23.25}
	fmt.Printf("%.2f %T\n", Sum(slices.Values(temps)), Sum(slices.Values(temps)))

	words := Map(slices.Values(strings.Fields("Go is fun and go is fast")), strings.ToLower)
	seen := SetOf[string]()
	for w := range words {
		seen.Add(w)
	}
	fmt.Println("distinct:", slices.Sorted(seen.All()), seen.Len())
	a := SetOf(1, 2, 3, 4, 5, 6)
	b := SetOf(4, 5, 6, 7, 8)
	fmt.Println("intersect:", Intersect(a, b))

	shapes := []Shape{Rect{3, 4}, Circle{1.5}, NewSquare(2.5), Circle{0.5}, Rect{1, 10}}
	slices.SortFunc(shapes, func(x, y Shape) int { return cmp.Compare(x.Area(), y.Area()) })
	for i, s := range shapes {
		fmt.Printf("%d %-7s %6.2f %+v\n", i, s.Name(), s.Area(), s)
	}
	big, _ := MaxBy(shapes, Shape.Area)
	fmt.Printf("largest: %T %v\n", big, big)
	longest, _ := MaxBy(strings.Fields("pear fig banana kiwi"), func(s string) int { return len(s) })
	fmt.Println("longest word:", longest)
	_, ok := MaxBy([]int{}, func(i int) int { return i })
	fmt.Println("empty ok:", ok)

	areaOf := Rect.Area // method expression
	sq := NewSquare(3)
	fmt.Println(areaOf(Rect{2, 5}), sq.Area(), sq.Rect.Name(), sq.Name())

	byKind := map[string][]float64{}
	for _, s := range shapes {
		byKind[s.Name()] = append(byKind[s.Name()], math.Round(s.Area()*100)/100)
	}
	fmt.Println(byKind)
	for _, k := range slices.Sorted(maps.Keys(byKind)) {
		fmt.Printf("%-7s total=%.3f\n", k, Sum(slices.Values(byKind[k])))
	}
	var funcs []func() int
	for i := range 3 {
		funcs = append(funcs, func() int { return i * 10 })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	for i, v := range slices.Backward([]string{"x", "y", "z"}) {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
}
