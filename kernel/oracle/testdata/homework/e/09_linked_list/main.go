package main

import (
	"fmt"
	"iter"
	"strings"
)

type node[T any] struct {
	val  T
	next *node[T]
}

// List is a singly linked list with a tail pointer.
type List[T any] struct {
	head, tail *node[T]
	size       int
}

func (l *List[T]) PushBack(v T) {
	n := &node[T]{val: v}
	if l.tail == nil {
		l.head, l.tail = n, n
	} else {
		l.tail.next = n
		l.tail = n
	}
	l.size++
}

func (l *List[T]) PushFront(v T) {
	l.head = &node[T]{val: v, next: l.head}
	if l.tail == nil {
		l.tail = l.head
	}
	l.size++
}

func (l *List[T]) Reverse() {
	var prev *node[T]
	cur := l.head
	l.tail = l.head
	for cur != nil {
		next := cur.next
		cur.next = prev
		prev, cur = cur, next
	}
	l.head = prev
}

// RemoveIf deletes every element for which pred is true and returns how many.
func (l *List[T]) RemoveIf(pred func(T) bool) int {
	removed := 0
	dummy := &node[T]{next: l.head}
	prev := dummy
	for cur := l.head; cur != nil; cur = cur.next {
		if pred(cur.val) {
			prev.next = cur.next
			removed++
		} else {
			prev = cur
		}
	}
	l.head = dummy.next
	l.tail = nil
	if prev != dummy {
		l.tail = prev
	}
	l.size -= removed
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

func (l *List[T]) Values() iter.Seq[T] {
	return func(yield func(T) bool) {
		for _, v := range l.All() {
			if !yield(v) {
				return
			}
		}
	}
}

func (l *List[T]) String() string {
	parts := []string{}
	for v := range l.Values() {
		parts = append(parts, fmt.Sprint(v))
	}
	return "[" + strings.Join(parts, " -> ") + "]"
}

func main() {
	var l List[int]
	for i := range 8 {
		l.PushBack(i * 3)
	}
	l.PushFront(-1)
	fmt.Println(l.String(), "size", l.size)

	l.Reverse()
	fmt.Println("reversed:", l.String())

	n := l.RemoveIf(func(x int) bool { return x%2 == 0 })
	fmt.Printf("removed %d evens: %s size=%d tail=%d\n", n, l.String(), l.size, l.tail.val)
	l.PushBack(100)
	fmt.Println("after push:", &l)

	for i, v := range l.All() {
		if i >= 3 {
			fmt.Println("stopping early at index", i)
			break
		}
		fmt.Printf("  [%d] %d\n", i, v)
	}

	words := &List[string]{}
	for _, w := range strings.Fields("go is fun and go is fast") {
		words.PushBack(w)
	}
	fmt.Println(words)
	words.RemoveIf(func(s string) bool { return len(s) <= 2 })
	fmt.Println(words, words.size)
	words.RemoveIf(func(string) bool { return true })
	fmt.Println(words, words.size, words.head == nil, words.tail == nil)
}
