package main

import (
	"errors"
	"fmt"
	"strings"
)

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

func (s *Stack[T]) Peek() (v T, ok bool) {
	if len(s.items) > 0 {
		v, ok = s.items[len(s.items)-1], true
	}
	return
}

func (s Stack[T]) Len() int { return len(s.items) }

type Queue[T any] struct {
	data []T
}

func (q *Queue[T]) Enqueue(vs ...T) { q.data = append(q.data, vs...) }
func (q *Queue[T]) Dequeue() (T, error) {
	var zero T
	if len(q.data) == 0 {
		return zero, errors.New("queue empty")
	}
	v := q.data[0]
	q.data = q.data[1:]
	return v, nil
}
func (q *Queue[T]) Empty() bool { return len(q.data) == 0 }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

func MakePair[K comparable, V any](k K, v V) Pair[K, V] {
	return Pair[K, V]{k, v}
}

func balanced(s string) bool {
	var st Stack[rune]
	match := map[rune]rune{')': '(', ']': '[', '}': '{'}
	for _, r := range s {
		switch r {
		case '(', '[', '{':
			st.Push(r)
		case ')', ']', '}':
			top, ok := st.Pop()
			if !ok || top != match[r] {
				return false
			}
		}
	}
	return st.Len() == 0
}

func main() {
	var s Stack[int]
	for i := range 5 {
		s.Push(i * 10)
	}
	top, _ := s.Peek()
	fmt.Println("len", s.Len(), "top", top)
	for {
		v, ok := s.Pop()
		if !ok {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
	_, ok := s.Pop()
	fmt.Println("pop on empty ok?", ok)

	for _, e := range []string{"(a[b]{c})", "((]", "{[()()]}", "(", ""} {
		fmt.Printf("%-10q balanced=%v\n", e, balanced(e))
	}

	q := &Queue[string]{}
	q.Enqueue("alpha", "beta")
	q.Enqueue("gamma")
	var sb strings.Builder
	for !q.Empty() {
		v, _ := q.Dequeue()
		sb.WriteString(strings.ToUpper(v[:1]) + v[1:] + ";")
	}
	fmt.Println(sb.String())
	_, err := q.Dequeue()
	fmt.Println("err:", err)

	pairs := []Pair[string, int]{MakePair("a", 1), MakePair("b", 2)}
	pairs = append(pairs, Pair[string, int]{Key: "c", Val: 3})
	fmt.Println(pairs)
	fmt.Printf("%v %+v %T\n", pairs[0], MakePair(1.5, []bool{true}), MakePair(1, "x"))

	ps := Stack[Pair[string, float64]]{items: []Pair[string, float64]{MakePair("pi", 3.14159)}}
	p, _ := ps.Pop()
	fmt.Printf("%s %.2f %d\n", p.Key, p.Val, ps.Len())
}
