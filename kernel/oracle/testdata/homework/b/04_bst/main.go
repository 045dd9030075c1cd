// Binary search tree with recursive insert, search, traversal, height and delete.
package main

import "fmt"

type Tree struct {
	Left, Right *Tree
	Key         int
}

func Insert(t *Tree, k int) *Tree {
	if t == nil {
		return &Tree{Key: k}
	}
	switch {
	case k < t.Key:
		t.Left = Insert(t.Left, k)
	case k > t.Key:
		t.Right = Insert(t.Right, k)
	}
	return t
}

func (t *Tree) Contains(k int) bool {
	for t != nil {
		if k == t.Key {
			return true
		} else if k < t.Key {
			t = t.Left
		} else {
			t = t.Right
		}
	}
	return false
}

func (t *Tree) InOrder(visit func(int)) {
	if t == nil {
		return
	}
	t.Left.InOrder(visit)
	visit(t.Key)
	t.Right.InOrder(visit)
}

func (t *Tree) Height() int {
	if t == nil {
		return 0
	}
	return 1 + max(t.Left.Height(), t.Right.Height())
}

func (t *Tree) Min() int {
	for t.Left != nil {
		t = t.Left
	}
	return t.Key
}

func Delete(t *Tree, k int) *Tree {
	if t == nil {
		return nil
	}
	switch {
	case k < t.Key:
		t.Left = Delete(t.Left, k)
	case k > t.Key:
		t.Right = Delete(t.Right, k)
	default:
		if t.Left == nil {
			return t.Right
		}
		if t.Right == nil {
			return t.Left
		}
		succ := t.Right.Min()
		t.Key = succ
		t.Right = Delete(t.Right, succ)
	}
	return t
}

func (t *Tree) String() string {
	if t == nil {
		return "()"
	}
	if t.Left == nil && t.Right == nil {
		return fmt.Sprint(t.Key)
	}
	return fmt.Sprintf("(%v %d %v)", t.Left, t.Key, t.Right)
}

func collect(t *Tree) []int {
	var out []int
	t.InOrder(func(k int) { out = append(out, k) })
	return out
}

func main() {
	var root *Tree
	for _, k := range []int{50, 30, 70, 20, 40, 60, 80, 35, 45, 65} {
		root = Insert(root, k)
	}
	fmt.Println("tree:   ", root)
	fmt.Println("inorder:", collect(root))
	fmt.Println("height: ", root.Height())
	for _, k := range []int{45, 55} {
		fmt.Printf("contains %d: %v\n", k, root.Contains(k))
	}
	for _, k := range []int{20, 30, 50} {
		root = Delete(root, k)
		fmt.Printf("after delete %d: %v  %v\n", k, collect(root), root)
	}
	fmt.Println("height: ", root.Height(), "min:", root.Min())
}
