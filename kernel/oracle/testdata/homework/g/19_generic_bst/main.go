// week 7 project: generic binary search tree w/ iterators
package main

import (
	"cmp"
	"fmt"
	"iter"
	"slices"
	"strings"
)

type Tree[K cmp.Ordered, V any] struct {
	root *treeNode[K, V]
	size int
}

type treeNode[K cmp.Ordered, V any] struct {
	key         K
	val         V
	left, right *treeNode[K, V]
}

func (t *Tree[K, V]) Put(k K, v V) {
	t.root = t.put(t.root, k, v)
}

func (t *Tree[K, V]) put(n *treeNode[K, V], k K, v V) *treeNode[K, V] {
	if n == nil {
		t.size++
		return &treeNode[K, V]{key: k, val: v}
	}
	switch c := cmp.Compare(k, n.key); {
	case c < 0:
		n.left = t.put(n.left, k, v)
	case c > 0:
		n.right = t.put(n.right, k, v)
	default:
		n.val = v
	}
	return n
}

func (t *Tree[K, V]) Get(k K) (V, bool) {
	n := t.root
	for n != nil {
		if k < n.key {
			n = n.left
		} else if k > n.key {
			n = n.right
		} else {
			return n.val, true
		}
	}
	var zero V
	return zero, false
}

func (t *Tree[K, V]) Height() int { return height(t.root) }

func height[K cmp.Ordered, V any](n *treeNode[K, V]) int {
	if n == nil {
		return 0
	}
	return 1 + max(height(n.left), height(n.right))
}

// All yields key/value pairs in order
func (t *Tree[K, V]) All() iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		t.root.walk(yield)
	}
}

func (n *treeNode[K, V]) walk(yield func(K, V) bool) bool {
	if n == nil {
		return true
	}
	return n.left.walk(yield) && yield(n.key, n.val) && n.right.walk(yield)
}

func (t *Tree[K, V]) Keys() iter.Seq[K] {
	return func(yield func(K) bool) {
		for k := range t.All() {
			if !yield(k) {
				return
			}
		}
	}
}

// Range yields keys in [lo, hi]
func (t *Tree[K, V]) Range(lo, hi K) iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		var rec func(n *treeNode[K, V]) bool
		rec = func(n *treeNode[K, V]) bool {
			if n == nil {
				return true
			}
			if lo < n.key && !rec(n.left) {
				return false
			}
			if lo <= n.key && n.key <= hi && !yield(n.key, n.val) {
				return false
			}
			if n.key < hi {
				return rec(n.right)
			}
			return true
		}
		rec(t.root)
	}
}

func (t *Tree[K, V]) Pretty() string {
	var sb strings.Builder
	var rec func(n *treeNode[K, V], prefix string, isLeft bool)
	rec = func(n *treeNode[K, V], prefix string, isLeft bool) {
		if n == nil {
			return
		}
		rec(n.right, prefix+pick(isLeft, "│   ", "    "), false)
		sb.WriteString(prefix + pick(isLeft, "└── ", "┌── ") + fmt.Sprint(n.key) + "\n")
		rec(n.left, prefix+pick(isLeft, "    ", "│   "), true)
	}
	rec(t.root, "", true)
	return sb.String()
}

func pick(c bool, a, b string) string {
	if c {
		return a
	}
	return b
}

func main() {
	t := &Tree[int, string]{}
	for _, k := range []int{50, 30, 70, 20, 40, 60, 80, 35, 45, 65} {
		t.Put(k, fmt.Sprintf("v%d", k))
	}
	t.Put(40, "forty")
	fmt.Println("size:", t.size, "height:", t.Height())
	fmt.Print(t.Pretty())

	for k, v := range t.All() {
		fmt.Printf("%d=%s ", k, v)
	}
	fmt.Println()

	keys := slices.Collect(t.Keys())
	fmt.Println("keys:", keys, "sorted?", slices.IsSorted(keys))

	fmt.Print("range [33,66]: ")
	for k, v := range t.Range(33, 66) {
		fmt.Print(k, ":", v, " ")
	}
	fmt.Println()

	// early break stops the iterator
	count := 0
	for k := range t.Keys() {
		if k > 40 {
			break
		}
		count++
	}
	fmt.Println("keys <= 40:", count)

	for _, k := range []int{45, 99} {
		v, ok := t.Get(k)
		fmt.Printf("get(%d) = %q, %v\n", k, v, ok)
	}

	words := &Tree[string, int]{}
	for _, w := range strings.Fields("the quick brown fox jumps over the lazy dog the end") {
		old, _ := words.Get(w)
		words.Put(w, old+1)
	}
	for w, c := range words.All() {
		fmt.Printf("%s(%d) ", w, c)
	}
	fmt.Println()
	fmt.Println("height of word tree:", words.Height(), "size:", words.size)

	// degenerate tree
	line := &Tree[float64, bool]{}
	for i := range 6 {
		line.Put(float64(i)/2, i%2 == 0)
	}
	fmt.Println("degenerate height:", line.Height())
	fmt.Print(line.Pretty())
}
