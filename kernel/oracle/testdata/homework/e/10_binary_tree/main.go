package main

import (
	"cmp"
	"fmt"
	"iter"
	"strings"
)

func main() {
	t := &Tree[int]{}
	for _, v := range []int{50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30} {
		if !t.Insert(v) {
			fmt.Println("duplicate ignored:", v)
		}
	}
	fmt.Println("size:", t.Size(), "height:", t.Height())

	fmt.Print("in-order:  ")
	for v := range t.InOrder() {
		fmt.Print(v, " ")
	}
	fmt.Println()

	var pre []int
	preorder(t.root, func(v int) { pre = append(pre, v) })
	fmt.Println("pre-order:", pre)

	for _, q := range []int{45, 55} {
		fmt.Printf("contains %d? %t\n", q, t.Contains(q))
	}

	min, _ := t.Min()
	fmt.Println("min:", min)

	// stop the iterator after first value > 42
	for v := range t.InOrder() {
		if v > 42 {
			fmt.Println("first value above 42:", v)
			break
		}
	}

	fmt.Print(t.root.draw(0))

	names := &Tree[string]{}
	for _, s := range strings.Fields("mango apple pear kiwi banana cherry") {
		names.Insert(s)
	}
	var sorted []string
	for s := range names.InOrder() {
		sorted = append(sorted, s)
	}
	fmt.Println(sorted, names.Height())
}

type Node[T cmp.Ordered] struct {
	Val         T
	Left, Right *Node[T]
}

type Tree[T cmp.Ordered] struct {
	root *Node[T]
	size int
}

func (t *Tree[T]) Insert(v T) bool {
	p := &t.root
	for *p != nil {
		switch c := cmp.Compare(v, (*p).Val); {
		case c < 0:
			p = &(*p).Left
		case c > 0:
			p = &(*p).Right
		default:
			return false
		}
	}
	*p = &Node[T]{Val: v}
	t.size++
	return true
}

func (t *Tree[T]) Contains(v T) bool {
	n := t.root
	for n != nil {
		if v == n.Val {
			return true
		} else if v < n.Val {
			n = n.Left
		} else {
			n = n.Right
		}
	}
	return false
}

func (t *Tree[T]) Min() (T, bool) {
	if t.root == nil {
		var zero T
		return zero, false
	}
	n := t.root
	for n.Left != nil {
		n = n.Left
	}
	return n.Val, true
}

func (t *Tree[T]) Size() int { return t.size }

func (t *Tree[T]) Height() int { return height(t.root) }

func height[T cmp.Ordered](n *Node[T]) int {
	if n == nil {
		return 0
	}
	return 1 + max(height(n.Left), height(n.Right))
}

func (t *Tree[T]) InOrder() iter.Seq[T] {
	return func(yield func(T) bool) {
		walk(t.root, yield)
	}
}

func walk[T cmp.Ordered](n *Node[T], yield func(T) bool) bool {
	if n == nil {
		return true
	}
	return walk(n.Left, yield) && yield(n.Val) && walk(n.Right, yield)
}

func preorder[T cmp.Ordered](n *Node[T], visit func(T)) {
	if n == nil {
		return
	}
	visit(n.Val)
	preorder(n.Left, visit)
	preorder(n.Right, visit)
}

func (n *Node[T]) draw(depth int) string {
	if n == nil {
		return ""
	}
	return n.Right.draw(depth+1) +
		fmt.Sprintf("%s%v\n", strings.Repeat("    ", depth), n.Val) +
		n.Left.draw(depth+1)
}
