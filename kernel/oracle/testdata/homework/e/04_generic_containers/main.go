package main

import (
	"cmp"
	"fmt"
	"strings"
)

// Stack is a LIFO container.
type Stack[T any] struct {
	items []T
}

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

func (s *Stack[T]) Peek() (T, bool) {
	if len(s.items) == 0 {
		var zero T
		return zero, false
	}
	return s.items[len(s.items)-1], true
}

func (s *Stack[T]) Len() int { return len(s.items) }

// Queue is a FIFO container.
type Queue[T any] struct {
	items []T
}

func (q *Queue[T]) Enqueue(vs ...T) { q.items = append(q.items, vs...) }

func (q *Queue[T]) Dequeue() (T, bool) {
	var zero T
	if len(q.items) == 0 {
		return zero, false
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v, true
}

func (q Queue[T]) Empty() bool { return len(q.items) == 0 }

type Number interface {
	~int | ~int64 | ~float64
}

type Celsius float64

func Sum[T Number](xs []T) T {
	var total T
	for _, x := range xs {
		total += x
	}
	return total
}

func Max[T cmp.Ordered](first T, rest ...T) T {
	m := first
	for _, v := range rest {
		if v > m {
			m = v
		}
	}
	return m
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

func balanced(s string) bool {
	var st Stack[rune]
	pairs := map[rune]rune{')': '(', ']': '[', '}': '{'}
	for _, r := range s {
		switch r {
		case '(', '[', '{':
			st.Push(r)
		case ')', ']', '}':
			top, ok := st.Pop()
			if !ok || top != pairs[r] {
				return false
			}
		}
	}
	return st.Len() == 0
}

func main() {
	for _, s := range []string{"(a[b]{c})", "(]", "((())", "{[()()]}", ""} {
		fmt.Printf("%-12q balanced=%v\n", s, balanced(s))
	}

	var q Queue[string]
	q.Enqueue("alpha", "beta", "gamma")
	var out []string
	for !q.Empty() {
		v, _ := q.Dequeue()
		out = append(out, strings.ToUpper(v))
	}
	fmt.Println(strings.Join(out, " -> "))

	nums := Stack[int]{}
	for i := 1; i <= 5; i++ {
		nums.Push(i * i)
	}
	top, _ := nums.Peek()
	fmt.Println("peek:", top, "len:", nums.Len())
	for {
		v, ok := nums.Pop()
		if !ok {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println()

	temps := []Celsius{21.5, 19.0, 23.25}
	fmt.Printf("sum ints=%d floats=%.2f celsius=%v (%T)\n",
		Sum([]int{1, 2, 3, 4}), Sum([]float64{0.5, 0.25}), Sum(temps), Sum(temps))
	fmt.Println(Max(3, 9, 2), Max("pear", "apple", "zucchini"), Max(2.5))

	pairs := []Pair[string, int]{{"x", 1}, {"y", 2}}
	fmt.Println(pairs)
	fmt.Printf("%v %+v\n", Pair[int, bool]{7, true}, Pair[string, []int]{"list", []int{1, 2}})
}
