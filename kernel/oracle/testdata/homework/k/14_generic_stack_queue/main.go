// Homework 14: Generic Stack and Queue, used for bracket matching and a ring buffer demo.
package main

import (
	"errors"
	"fmt"
)

var ErrEmpty = errors.New("container is empty")

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
func (s *Stack[T]) Pop() (T, error) {
	var zero T
	if len(s.items) == 0 {
		return zero, ErrEmpty
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, nil
}
func (s *Stack[T]) Peek() (T, bool) {
	if len(s.items) == 0 {
		var zero T
		return zero, false
	}
	return s.items[len(s.items)-1], true
}
func (s Stack[T]) Len() int { return len(s.items) }

type Queue[T any] struct {
	head, tail []T
}

// Enqueue/Dequeue use the classic two-stack trick for amortized O(1).
func (q *Queue[T]) Enqueue(v T) { q.tail = append(q.tail, v) }
func (q *Queue[T]) Dequeue() (T, error) {
	if len(q.head) == 0 {
		for len(q.tail) > 0 {
			n := len(q.tail) - 1
			q.head = append(q.head, q.tail[n])
			q.tail = q.tail[:n]
		}
	}
	if len(q.head) == 0 {
		var zero T
		return zero, ErrEmpty
	}
	n := len(q.head) - 1
	v := q.head[n]
	q.head = q.head[:n]
	return v, nil
}
func (q *Queue[T]) Len() int { return len(q.head) + len(q.tail) }

func Balanced(s string) (bool, int) {
	pairs := map[rune]rune{')': '(', ']': '[', '}': '{'}
	var st Stack[rune]
	for i, r := range s {
		switch r {
		case '(', '[', '{':
			st.Push(r)
		case ')', ']', '}':
			top, err := st.Pop()
			if err != nil || top != pairs[r] {
				return false, i
			}
		}
	}
	return st.Len() == 0, len(s)
}

type Job struct {
	ID   int
	Name string
}

func main() {
	for _, s := range []string{"(a[b]{c})", "([)]", "{{}", "f(x) = [1, 2, {3}]", ")("} {
		ok, at := Balanced(s)
		if ok {
			fmt.Printf("%-22q balanced\n", s)
		} else {
			fmt.Printf("%-22q unbalanced at index %d\n", s, at)
		}
	}

	var q Queue[Job]
	for i, name := range []string{"compile", "test", "lint"} {
		q.Enqueue(Job{i + 1, name})
	}
	j, _ := q.Dequeue()
	fmt.Printf("first job: %+v\n", j)
	q.Enqueue(Job{4, "deploy"})
	for q.Len() > 0 {
		j, _ := q.Dequeue()
		fmt.Printf("processing %#v\n", j)
	}
	if _, err := q.Dequeue(); errors.Is(err, ErrEmpty) {
		fmt.Println("queue drained:", err)
	}

	var undo Stack[string]
	for _, edit := range []string{"type hello", "bold", "delete word"} {
		undo.Push(edit)
	}
	top, _ := undo.Peek()
	fmt.Printf("undo stack has %d edits, top=%q, type=%T\n", undo.Len(), top, undo)
}
