package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

type Number interface {
	~int | ~int32 | ~int64 | ~float32 | ~float64
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

func Sum[T Number](xs []T) T {
	return Reduce(xs, T(0), func(a T, x T) T { return a + x })
}

func ArgMin[T cmp.Ordered](xs []T) (int, T) {
	best := 0
	for i := range xs {
		if xs[i] < xs[best] {
			best = i
		}
	}
	return best, xs[best]
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=>%v", p.Key, p.Val) }

type Celsius float64

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func main() {
	ints := []int{5, 3, 8, 1, 9, 2}
	fmt.Println("sum ints:", Sum(ints))
	sq := Map(ints, func(x int) int { return x * x })
	fmt.Println("squares:", sq, "even squares:", Filter(sq, func(x int) bool { return x%2 == 0 }))
	temps := []Celsius{21.5, 19.0, 23.25}
	fmt.Printf("sum temps: %v (%T)\n", Sum(temps), Sum(temps))
	i, v := ArgMin([]string{"pear", "apple", "fig"})
	fmt.Println("argmin strings:", i, v)
	losses := []float64{0.9, 0.41, 0.38, 0.40, 0.52}
	ep, l := ArgMin(losses)
	fmt.Printf("best epoch %d with loss %.2f\n", ep, l)

	words := strings.Fields("the quick brown fox jumps over the lazy dog")
	lens := Map(words, func(w string) Pair[string, int] { return Pair[string, int]{w, len(w)} })
	slices.SortStableFunc(lens, func(a, b Pair[string, int]) int {
		return cmp.Or(cmp.Compare(b.Val, a.Val), strings.Compare(a.Key, b.Key))
	})
	fmt.Println(lens)
	joined := Reduce(words, "", func(acc string, w string) string { return acc + strings.ToUpper(w[:1]) })
	fmt.Println("acronym:", joined)

	var st Stack[Pair[string, float64]]
	st.Push(Pair[string, float64]{"lr", 0.01})
	st.Push(Pair[string, float64]{"beta", 0.9})
	for {
		p, ok := st.Pop()
		if !ok {
			break
		}
		fmt.Printf("popped %v (%+v)\n", p, p)
	}
}
