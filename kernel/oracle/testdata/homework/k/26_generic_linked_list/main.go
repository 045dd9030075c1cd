// Homework 26: A generic doubly linked list with iterators (range-over-func).
package main

import (
	"cmp"
	"fmt"
	"iter"
	"strings"
)

type node[T any] struct {
	val        T
	prev, next *node[T]
}

type List[T any] struct {
	head, tail *node[T]
	size       int
}

func (l *List[T]) PushBack(v T) {
	n := &node[T]{val: v, prev: l.tail}
	if l.tail == nil {
		l.head = n
	} else {
		l.tail.next = n
	}
	l.tail = n
	l.size++
}

func (l *List[T]) PushFront(v T) {
	n := &node[T]{val: v, next: l.head}
	if l.head == nil {
		l.tail = n
	} else {
		l.head.prev = n
	}
	l.head = n
	l.size++
}

// RemoveIf deletes all elements matching pred and returns how many were removed.
func (l *List[T]) RemoveIf(pred func(T) bool) int {
	removed := 0
	for n := l.head; n != nil; n = n.next {
		if !pred(n.val) {
			continue
		}
		if n.prev != nil {
			n.prev.next = n.next
		} else {
			l.head = n.next
		}
		if n.next != nil {
			n.next.prev = n.prev
		} else {
			l.tail = n.prev
		}
		l.size--
		removed++
	}
	return removed
}

func (l *List[T]) All() iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		i := 0
		for n := l.head; n != nil; n = n.next {
			if !yield(i, n.val) {
				return
			}
			i++
		}
	}
}

func (l *List[T]) Backward() iter.Seq[T] {
	return func(yield func(T) bool) {
		for n := l.tail; n != nil; n = n.prev {
			if !yield(n.val) {
				return
			}
		}
	}
}

func (l *List[T]) String() string {
	parts := make([]string, 0, l.size)
	for _, v := range l.All() {
		parts = append(parts, fmt.Sprint(v))
	}
	return "(" + strings.Join(parts, " <-> ") + ")"
}

// InsertSorted keeps the list in ascending order.
func InsertSorted[T cmp.Ordered](l *List[T], v T) {
	if l.head == nil || v <= l.head.val {
		l.PushFront(v)
		return
	}
	n := l.head
	for n.next != nil && n.next.val < v {
		n = n.next
	}
	if n.next == nil {
		l.PushBack(v)
		return
	}
	nn := &node[T]{val: v, prev: n, next: n.next}
	n.next.prev = nn
	n.next = nn
	l.size++
}

func main() {
	var nums List[int]
	for _, v := range []int{42, 7, 19, 3, 88, 19, 61} {
		InsertSorted(&nums, v)
	}
	fmt.Println("sorted:", &nums, "size", nums.size)

	var rev []int
	for v := range nums.Backward() {
		rev = append(rev, v)
	}
	fmt.Println("backward:", rev)

	n := nums.RemoveIf(func(x int) bool { return x%2 == 1 })
	fmt.Printf("removed %d odd numbers: %v\n", n, &nums)

	var words List[string]
	for _, w := range strings.Fields("go is fun and go is fast") {
		words.PushBack(w)
	}
	words.PushFront("start:")
	fmt.Println(&words)
	for i, w := range words.All() {
		if i >= 3 {
			fmt.Println("stopped early at index", i)
			break
		}
		fmt.Printf("  [%d] %q\n", i, w)
	}
	words.RemoveIf(func(s string) bool { return s == "go" })
	fmt.Printf("without \"go\": %v (size %d)\n", &words, words.size)
}
