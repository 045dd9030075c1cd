package main

import (
	"cmp"
	"fmt"
	"strings"
)

type node[T any] struct {
	val  T
	next *node[T]
}

type List[T any] struct {
	head *node[T]
	size int
}

func (l *List[T]) PushFront(v T) {
	l.head = &node[T]{val: v, next: l.head}
	l.size++
}

func (l *List[T]) PushBack(v T) {
	n := &node[T]{val: v}
	l.size++
	if l.head == nil {
		l.head = n
		return
	}
	cur := l.head
	for cur.next != nil {
		cur = cur.next
	}
	cur.next = n
}

func (l *List[T]) Reverse() {
	var prev *node[T]
	cur := l.head
	for cur != nil {
		nxt := cur.next
		cur.next = prev
		prev = cur
		cur = nxt
	}
	l.head = prev
}

func (l *List[T]) Each(f func(int, T)) {
	i := 0
	for n := l.head; n != nil; n = n.next {
		f(i, n.val)
		i++
	}
}

func (l *List[T]) String() string {
	parts := []string{}
	l.Each(func(_ int, v T) { parts = append(parts, fmt.Sprint(v)) })
	return "[" + strings.Join(parts, " -> ") + "]"
}

func Map[T, U any](l *List[T], f func(T) U) *List[U] {
	out := &List[U]{}
	l.Each(func(_ int, v T) { out.PushBack(f(v)) })
	return out
}

func MaxOf[T cmp.Ordered](l *List[T]) (best T, ok bool) {
	for n := l.head; n != nil; n = n.next {
		if !ok || n.val > best {
			best, ok = n.val, true
		}
	}
	return
}

// insertion into sorted list
func InsertSorted[T cmp.Ordered](l *List[T], v T) {
	l.size++
	if l.head == nil || v < l.head.val {
		l.head = &node[T]{v, l.head}
		return
	}
	cur := l.head
	for cur.next != nil && cur.next.val <= v {
		cur = cur.next
	}
	cur.next = &node[T]{v, cur.next}
}

func main() {
	l := &List[int]{}
	for _, v := range []int{3, 1, 4, 1, 5} {
		l.PushBack(v)
	}
	l.PushFront(9)
	fmt.Println(l, "size", l.size)
	l.Reverse()
	fmt.Println("reversed:", l)

	strs := Map(l, func(i int) string { return strings.Repeat("*", i) })
	fmt.Println(strs)
	m, _ := MaxOf(l)
	ms, _ := MaxOf(strs)
	fmt.Printf("max: %d, max str: %q\n", m, ms)

	var empty List[float64]
	_, ok := MaxOf(&empty)
	fmt.Println("empty max ok:", ok, empty.String())

	sorted := &List[string]{}
	for _, w := range strings.Fields("pear apple fig banana cherry apple") {
		InsertSorted(sorted, w)
	}
	fmt.Println(sorted, sorted.size)
	fmt.Println(Map(Map(l, func(i int) float64 { return float64(i) / 2 }), func(f float64) string { return fmt.Sprintf("%.1f", f) }))
}
