// Stack and queue, both a plain int version and a generic version.
package main

import "fmt"

// IntStack is a non-generic stack backed by a slice.
type IntStack struct{ data []int }

func (s *IntStack) Push(v int) { s.data = append(s.data, v) }
func (s *IntStack) Pop() (int, bool) {
	if len(s.data) == 0 {
		return 0, false
	}
	v := s.data[len(s.data)-1]
	s.data = s.data[:len(s.data)-1]
	return v, true
}
func (s *IntStack) Len() int { return len(s.data) }

// Stack is a generic LIFO.
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
func (s *Stack[T]) Peek() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	return s.items[len(s.items)-1], true
}
func (s *Stack[T]) Empty() bool { return len(s.items) == 0 }

// Queue is a generic FIFO implemented with two stacks.
type Queue[T any] struct{ in, out []T }

func (q *Queue[T]) Enqueue(v T) { q.in = append(q.in, v) }
func (q *Queue[T]) Dequeue() (T, bool) {
	if len(q.out) == 0 {
		for len(q.in) > 0 {
			n := len(q.in) - 1
			q.out = append(q.out, q.in[n])
			q.in = q.in[:n]
		}
	}
	var zero T
	if len(q.out) == 0 {
		return zero, false
	}
	n := len(q.out) - 1
	v := q.out[n]
	q.out = q.out[:n]
	return v, true
}
func (q *Queue[T]) Len() int { return len(q.in) + len(q.out) }

func balanced(s string) bool {
	pairs := map[rune]rune{')': '(', ']': '[', '}': '{'}
	var st Stack[rune]
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
	return st.Empty()
}

func main() {
	var is IntStack
	for i := 1; i <= 5; i++ {
		is.Push(i * i)
	}
	fmt.Print("int stack pops:")
	for is.Len() > 0 {
		v, _ := is.Pop()
		fmt.Print(" ", v)
	}
	fmt.Println()

	for _, s := range []string{"(a[b]{c})", "([)]", "((", "{[()()]}", ""} {
		fmt.Printf("balanced(%q) = %v\n", s, balanced(s))
	}

	var q Queue[string]
	for _, w := range []string{"first", "second", "third"} {
		q.Enqueue(w)
	}
	v, _ := q.Dequeue()
	fmt.Println("dequeued:", v)
	q.Enqueue("fourth")
	fmt.Println("queue length:", q.Len())
	for q.Len() > 0 {
		v, _ := q.Dequeue()
		fmt.Println("dequeued:", v)
	}
	_, ok := q.Dequeue()
	fmt.Println("dequeue from empty ok?", ok)
}
