// Week 7 HW: generic containers. Stack[T], Pair[K,V], List[T]
package main

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

var ErrEmpty = errors.New("container is empty")

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v ...T) { s.items = append(s.items, v...) }
func (s *Stack[T]) Len() int    { return len(s.items) }
func (s *Stack[T]) Pop() (T, error) {
	var zero T
	if len(s.items) == 0 {
		return zero, ErrEmpty
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, nil
}
func (s *Stack[T]) Peek() (v T, ok bool) {
	if len(s.items) > 0 {
		v, ok = s.items[len(s.items)-1], true
	}
	return
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("(%v: %v)", p.Key, p.Val) }

func Zip[K comparable, V any](ks []K, vs []V) []Pair[K, V] {
	n := min(len(ks), len(vs))
	out := make([]Pair[K, V], n)
	for i := range n {
		out[i] = Pair[K, V]{ks[i], vs[i]}
	}
	return out
}

func SortedPairs[K cmp.Ordered, V any](m map[K]V) []Pair[K, V] {
	ps := make([]Pair[K, V], 0, len(m))
	for k, v := range m {
		ps = append(ps, Pair[K, V]{k, v})
	}
	slices.SortFunc(ps, func(a, b Pair[K, V]) int { return cmp.Compare(a.Key, b.Key) })
	return ps
}

// doubly linked list
type List[T any] struct {
	front, back *elem[T]
	n           int
}

type elem[T any] struct {
	Value      T
	prev, next *elem[T]
}

func (l *List[T]) PushBack(v T) *elem[T] {
	e := &elem[T]{Value: v, prev: l.back}
	if l.back != nil {
		l.back.next = e
	} else {
		l.front = e
	}
	l.back = e
	l.n++
	return e
}

func (l *List[T]) PushFront(v T) {
	e := &elem[T]{Value: v, next: l.front}
	if l.front != nil {
		l.front.prev = e
	} else {
		l.back = e
	}
	l.front = e
	l.n++
}

func (l *List[T]) Remove(e *elem[T]) {
	if e.prev != nil {
		e.prev.next = e.next
	} else {
		l.front = e.next
	}
	if e.next != nil {
		e.next.prev = e.prev
	} else {
		l.back = e.prev
	}
	l.n--
}

func (l *List[T]) String() string {
	var parts []string
	for e := l.front; e != nil; e = e.next {
		parts = append(parts, fmt.Sprint(e.Value))
	}
	return "[" + strings.Join(parts, " <-> ") + "]"
}

func (l *List[T]) Reverse() {
	for e := l.front; e != nil; e = e.prev {
		e.prev, e.next = e.next, e.prev
	}
	l.front, l.back = l.back, l.front
}

func balanced(s string) bool {
	pairs := map[rune]rune{')': '(', ']': '[', '}': '{'}
	var st Stack[rune]
	for _, r := range s {
		switch r {
		case '(', '[', '{':
			st.Push(r)
		case ')', ']', '}':
			top, err := st.Pop()
			if err != nil || top != pairs[r] {
				return false
			}
		}
	}
	return st.Len() == 0
}

func main() {
	var s Stack[int]
	s.Push(1, 2, 3)
	top, _ := s.Peek()
	fmt.Println("peek:", top, "len:", s.Len())
	for range 4 {
		v, err := s.Pop()
		fmt.Println("pop:", v, err)
	}

	for _, in := range []string{"(a[b]{c})", "([)]", "((", "{}[]()", ""} {
		fmt.Printf("balanced(%q) = %v\n", in, balanced(in))
	}

	pairs := Zip([]string{"a", "b", "c", "d"}, []float64{1.5, 2.5, 3.5})
	fmt.Println(pairs)
	fmt.Printf("%v %+v\n", pairs[0], Pair[int, bool]{1, true})

	ages := map[string]int{"zoe": 31, "adam": 25, "mia": 40, "liam": 19}
	for _, p := range SortedPairs(ages) {
		fmt.Print(p, " ")
	}
	fmt.Println()

	var l List[int]
	var middle *elem[int]
	for i := 1; i <= 5; i++ {
		e := l.PushBack(i * 10)
		if i == 3 {
			middle = e
		}
	}
	l.PushFront(0)
	fmt.Println(l.String(), l.n)
	l.Remove(middle)
	fmt.Println(l.String(), l.n)
	l.Reverse()
	fmt.Println(l.String(), "front:", l.front.Value, "back:", l.back.Value)

	var names List[Pair[string, int]]
	names.PushBack(Pair[string, int]{"x", 1})
	names.PushBack(Pair[string, int]{"y", 2})
	fmt.Println(names.String())

	ss := Stack[[]string]{}
	ss.Push([]string{"a"}, []string{"b", "c"})
	v, _ := ss.Pop()
	fmt.Printf("%T %v\n", v, v)
}
