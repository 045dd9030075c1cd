// Singly linked list with recursive node type: insert, reverse, remove, recursive sum.
package main

import (
	"fmt"
	"strings"
)

type Node struct {
	Val  int
	Next *Node
}

type List struct {
	head *Node
	size int
}

func (l *List) PushFront(v int) {
	l.head = &Node{Val: v, Next: l.head}
	l.size++
}

func (l *List) PushBack(v int) {
	n := &Node{Val: v}
	l.size++
	if l.head == nil {
		l.head = n
		return
	}
	cur := l.head
	for cur.Next != nil {
		cur = cur.Next
	}
	cur.Next = n
}

// Remove deletes the first node with value v using a pointer-to-pointer walk.
func (l *List) Remove(v int) bool {
	for pp := &l.head; *pp != nil; pp = &(*pp).Next {
		if (*pp).Val == v {
			*pp = (*pp).Next
			l.size--
			return true
		}
	}
	return false
}

func (l *List) Reverse() {
	var prev *Node
	cur := l.head
	for cur != nil {
		next := cur.Next
		cur.Next = prev
		prev, cur = cur, next
	}
	l.head = prev
}

func sumRec(n *Node) int {
	if n == nil {
		return 0
	}
	return n.Val + sumRec(n.Next)
}

func middle(n *Node) *Node {
	slow, fast := n, n
	for fast != nil && fast.Next != nil {
		slow, fast = slow.Next, fast.Next.Next
	}
	return slow
}

func (l *List) String() string {
	var b strings.Builder
	b.WriteString("[")
	for n := l.head; n != nil; n = n.Next {
		if n != l.head {
			b.WriteString(" -> ")
		}
		fmt.Fprint(&b, n.Val)
	}
	b.WriteString("]")
	return b.String()
}

func main() {
	var l List
	for _, v := range []int{3, 5, 7} {
		l.PushBack(v)
	}
	l.PushFront(1)
	l.PushBack(9)
	fmt.Println("list:", &l, "size", l.size)
	fmt.Println("sum (recursive):", sumRec(l.head))
	fmt.Println("middle:", middle(l.head).Val)

	fmt.Println("remove 5:", l.Remove(5), &l)
	fmt.Println("remove 42:", l.Remove(42), &l)
	fmt.Println("remove head 1:", l.Remove(1), &l)

	l.Reverse()
	fmt.Println("reversed:", &l, "size", l.size)

	var empty List
	empty.Reverse()
	fmt.Println("empty:", &empty, "sum", sumRec(empty.head))
}
