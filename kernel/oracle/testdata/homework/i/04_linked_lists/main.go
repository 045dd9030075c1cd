package main

import (
	"errors"
	"fmt"
	"iter"
	"strings"
)

var ErrOutOfRange = errors.New("index out of range")

type node struct {
	val  int
	next *node
}

type IntList struct {
	head *node
	size int
}

func (l *IntList) PushFront(v int) {
	l.head = &node{v, l.head}
	l.size++
}

func (l *IntList) PushBack(v int) {
	n := &node{val: v}
	if l.head == nil {
		l.head = n
	} else {
		cur := l.head
		for cur.next != nil {
			cur = cur.next
		}
		cur.next = n
	}
	l.size++
}

func (l *IntList) Reverse() {
	var prev *node
	cur := l.head
	for cur != nil {
		next := cur.next
		cur.next = prev
		prev, cur = cur, next
	}
	l.head = prev
}

func (l *IntList) RemoveAt(i int) (v int, err error) {
	if i < 0 || i >= l.size {
		return 0, fmt.Errorf("RemoveAt(%d) size %d: %w", i, l.size, ErrOutOfRange)
	}
	l.size--
	if i == 0 {
		v = l.head.val
		l.head = l.head.next
		return
	}
	cur := l.head
	for k := 0; k < i-1; k++ {
		cur = cur.next
	}
	v = cur.next.val
	cur.next = cur.next.next
	return
}

func (l *IntList) Middle() int {
	slow, fast := l.head, l.head
	for fast != nil && fast.next != nil {
		slow = slow.next
		fast = fast.next.next
	}
	return slow.val
}

func (l *IntList) String() string {
	var sb strings.Builder
	for n := l.head; n != nil; n = n.next {
		fmt.Fprintf(&sb, "%d -> ", n.val)
	}
	sb.WriteString("nil")
	return sb.String()
}

// ---- generic doubly linked list ----

type dnode[T any] struct {
	Val        T
	prev, next *dnode[T]
}

type DList[T any] struct {
	sentinel dnode[T]
	n        int
}

func NewDList[T any]() *DList[T] {
	d := &DList[T]{}
	d.sentinel.next = &d.sentinel
	d.sentinel.prev = &d.sentinel
	return d
}

func (d *DList[T]) insertAfter(at *dnode[T], v T) *dnode[T] {
	nn := &dnode[T]{Val: v, prev: at, next: at.next}
	at.next.prev = nn
	at.next = nn
	d.n++
	return nn
}

func (d *DList[T]) PushBack(v T) *dnode[T]  { return d.insertAfter(d.sentinel.prev, v) }
func (d *DList[T]) PushFront(v T) *dnode[T] { return d.insertAfter(&d.sentinel, v) }

func (d *DList[T]) Remove(x *dnode[T]) T {
	x.prev.next = x.next
	x.next.prev = x.prev
	d.n--
	return x.Val
}

func (d *DList[T]) All() iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		i := 0
		for x := d.sentinel.next; x != &d.sentinel; x = x.next {
			if !yield(i, x.Val) {
				return
			}
			i++
		}
	}
}

func (d *DList[T]) Backward() iter.Seq[T] {
	return func(yield func(T) bool) {
		for x := d.sentinel.prev; x != &d.sentinel; x = x.prev {
			if !yield(x.Val) {
				return
			}
		}
	}
}

type point struct{ X, Y int }

func main() {
	var l IntList
	for i := 1; i <= 6; i++ {
		if i%2 == 0 {
			l.PushBack(i * 10)
		} else {
			l.PushFront(i)
		}
	}
	fmt.Println(l.String(), "size", l.size)
	fmt.Println("middle:", l.Middle())
	l.Reverse()
	fmt.Println("reversed:", &l)
	v, err := l.RemoveAt(2)
	fmt.Println("removed", v, err, "->", &l)
	_, err = l.RemoveAt(17)
	if errors.Is(err, ErrOutOfRange) {
		fmt.Println("error:", err)
	}

	d := NewDList[string]()
	keep := d.PushBack("b")
	d.PushBack("c")
	d.PushFront("a")
	d.PushBack("d")
	for i, s := range d.All() {
		fmt.Printf("[%d]=%q ", i, s)
	}
	fmt.Println()
	fmt.Println("removed", d.Remove(keep), "len", d.n)
	var back []string
	for s := range d.Backward() {
		back = append(back, s)
	}
	fmt.Println("backward:", back)

	pts := NewDList[*point]()
	for i := range 4 {
		pts.PushBack(&point{i, i * i})
	}
	for i, p := range pts.All() {
		if i == 3 {
			break
		}
		fmt.Printf("%v %+v\n", p, *p)
	}
}
