package main

import (
	"cmp"
	"fmt"
	"iter"
	"strings"
)

type Tree[K cmp.Ordered, V any] struct {
	root *Node[K, V]
	size int
}

type Node[K cmp.Ordered, V any] struct {
	Key         K
	Val         V
	Left, Right *Node[K, V]
}

func (t *Tree[K, V]) Put(k K, v V) {
	t.root = t.put(t.root, k, v)
}

func (t *Tree[K, V]) put(n *Node[K, V], k K, v V) *Node[K, V] {
	if n == nil {
		t.size++
		return &Node[K, V]{Key: k, Val: v}
	}
	switch c := cmp.Compare(k, n.Key); {
	case c < 0:
		n.Left = t.put(n.Left, k, v)
	case c > 0:
		n.Right = t.put(n.Right, k, v)
	default:
		n.Val = v
	}
	return n
}

func (t *Tree[K, V]) Get(k K) (v V, ok bool) {
	n := t.root
	for n != nil {
		if k < n.Key {
			n = n.Left
		} else if k > n.Key {
			n = n.Right
		} else {
			return n.Val, true
		}
	}
	return
}

func (t *Tree[K, V]) Delete(k K) {
	t.root = t.del(t.root, k)
}

func (t *Tree[K, V]) del(n *Node[K, V], k K) *Node[K, V] {
	if n == nil {
		return nil
	}
	if k < n.Key {
		n.Left = t.del(n.Left, k)
		return n
	}
	if k > n.Key {
		n.Right = t.del(n.Right, k)
		return n
	}
	t.size--
	if n.Left == nil {
		return n.Right
	}
	if n.Right == nil {
		return n.Left
	}
	succ := n.Right
	for succ.Left != nil {
		succ = succ.Left
	}
	n.Key, n.Val = succ.Key, succ.Val
	t.size++ // the recursive call will decrement again
	n.Right = t.del(n.Right, succ.Key)
	return n
}

func height[K cmp.Ordered, V any](n *Node[K, V]) int {
	if n == nil {
		return 0
	}
	return 1 + max(height(n.Left), height(n.Right))
}

func (t *Tree[K, V]) InOrder() iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		var walk func(n *Node[K, V]) bool
		walk = func(n *Node[K, V]) bool {
			if n == nil {
				return true
			}
			return walk(n.Left) && yield(n.Key, n.Val) && walk(n.Right)
		}
		walk(t.root)
	}
}

func (t *Tree[K, V]) PreOrderKeys() []K {
	var out []K
	stack := []*Node[K, V]{}
	if t.root != nil {
		stack = append(stack, t.root)
	}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		out = append(out, n.Key)
		if n.Right != nil {
			stack = append(stack, n.Right)
		}
		if n.Left != nil {
			stack = append(stack, n.Left)
		}
	}
	return out
}

func (t *Tree[K, V]) Floor(k K) (K, bool) {
	var best K
	found := false
	for n := t.root; n != nil; {
		if n.Key == k {
			return k, true
		} else if n.Key < k {
			best, found = n.Key, true
			n = n.Right
		} else {
			n = n.Left
		}
	}
	return best, found
}

func draw[K cmp.Ordered, V any](n *Node[K, V], prefix string, sb *strings.Builder) {
	if n == nil {
		return
	}
	draw(n.Right, prefix+"    ", sb)
	fmt.Fprintf(sb, "%s%v\n", prefix, n.Key)
	draw(n.Left, prefix+"    ", sb)
}

func main() {
	var t Tree[int, string]
	for _, k := range []int{50, 30, 70, 20, 40, 60, 80, 35, 45, 65} {
		t.Put(k, fmt.Sprintf("v%d", k))
	}
	t.Put(40, "forty")
	fmt.Println("size", t.size, "height", height(t.root))
	var sb strings.Builder
	draw(t.root, "", &sb)
	fmt.Print(sb.String())
	fmt.Println("preorder:", t.PreOrderKeys())
	for k, v := range t.InOrder() {
		if k > 60 {
			break
		}
		fmt.Printf("%d:%s ", k, v)
	}
	fmt.Println()
	for _, q := range []int{40, 41, 10, 100} {
		v, ok := t.Get(q)
		f, fok := t.Floor(q)
		fmt.Printf("get(%d)=%q,%t floor=%d,%t\n", q, v, ok, f, fok)
	}
	for _, k := range []int{30, 50, 99, 20} {
		t.Delete(k)
		fmt.Println("after delete", k, "size", t.size, "pre", t.PreOrderKeys())
	}

	words := Tree[string, int]{}
	for _, w := range strings.Fields("the quick brown fox jumps over the lazy dog the end") {
		old, _ := words.Get(w)
		words.Put(w, old+1)
	}
	for w, c := range words.InOrder() {
		fmt.Printf("%-6s%d\n", w, c)
	}
	leaf := *words.root
	for leaf.Left != nil || leaf.Right != nil {
		if leaf.Left != nil {
			leaf = *leaf.Left
		} else {
			leaf = *leaf.Right
		}
	}
	fmt.Printf("%+v height=%d\n", leaf, height(words.root))
}
