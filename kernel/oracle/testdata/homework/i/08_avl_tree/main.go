package main

import (
	"fmt"
	"strings"
)

type RotationStats struct {
	LL, RR, LR, RL int
}

func (r RotationStats) Total() int { return r.LL + r.RR + r.LR + r.RL }

type avlNode struct {
	key         int
	height      int
	left, right *avlNode
}

type AVL struct {
	RotationStats
	root  *avlNode
	count int
}

func h(n *avlNode) int {
	if n == nil {
		return 0
	}
	return n.height
}

func (n *avlNode) update() { n.height = 1 + max(h(n.left), h(n.right)) }
func (n *avlNode) balance() int {
	return h(n.left) - h(n.right)
}

func rotateRight(y *avlNode) *avlNode {
	x := y.left
	y.left = x.right
	x.right = y
	y.update()
	x.update()
	return x
}

func rotateLeft(x *avlNode) *avlNode {
	y := x.right
	x.right = y.left
	y.left = x
	x.update()
	y.update()
	return y
}

func (t *AVL) Insert(key int) bool {
	var inserted bool
	t.root, inserted = t.insert(t.root, key)
	if inserted {
		t.count++
	}
	return inserted
}

func (t *AVL) insert(n *avlNode, key int) (_ *avlNode, inserted bool) {
	if n == nil {
		return &avlNode{key: key, height: 1}, true
	}
	if key < n.key {
		n.left, inserted = t.insert(n.left, key)
	} else if key > n.key {
		n.right, inserted = t.insert(n.right, key)
	} else {
		return n, false
	}
	n.update()
	bal := n.balance()
	switch {
	case bal > 1 && key < n.left.key:
		t.LL++
		return rotateRight(n), inserted
	case bal < -1 && key > n.right.key:
		t.RR++
		return rotateLeft(n), inserted
	case bal > 1 && key > n.left.key:
		t.LR++
		n.left = rotateLeft(n.left)
		return rotateRight(n), inserted
	case bal < -1 && key < n.right.key:
		t.RL++
		n.right = rotateRight(n.right)
		return rotateLeft(n), inserted
	}
	return n, inserted
}

func (t *AVL) isBalanced() bool {
	var check func(n *avlNode) (int, bool)
	check = func(n *avlNode) (int, bool) {
		if n == nil {
			return 0, true
		}
		lh, lok := check(n.left)
		rh, rok := check(n.right)
		d := lh - rh
		return 1 + max(lh, rh), lok && rok && d >= -1 && d <= 1
	}
	_, ok := check(t.root)
	return ok
}

func (t *AVL) levels() [][]int {
	var out [][]int
	if t.root == nil {
		return out
	}
	queue := []*avlNode{t.root}
	for len(queue) > 0 {
		var level []int
		next := queue[:0:0]
		for _, n := range queue {
			level = append(level, n.key)
			if n.left != nil {
				next = append(next, n.left)
			}
			if n.right != nil {
				next = append(next, n.right)
			}
		}
		out = append(out, level)
		queue = next
	}
	return out
}

func main() {
	sequences := map[string][]int{
		"ascending":  {1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
		"descending": {10, 9, 8, 7, 6, 5, 4, 3, 2, 1},
		"zigzag":     {50, 20, 40, 10, 15, 60, 55, 70, 65, 30, 20},
	}
	for _, name := range []string{"ascending", "descending", "zigzag"} {
		var t AVL
		dups := 0
		for _, k := range sequences[name] {
			if !t.Insert(k) {
				dups++
			}
		}
		fmt.Printf("== %s ==\n", name)
		fmt.Printf("count=%d dups=%d height=%d balanced=%t\n", t.count, dups, h(t.root), t.isBalanced())
		fmt.Printf("rotations %+v total=%d\n", t.RotationStats, t.Total())
		for i, lvl := range t.levels() {
			fmt.Printf("  L%d %s%v\n", i, strings.Repeat(" ", 2*i), lvl)
		}
	}

	var big AVL
	for i := 0; i < 1000; i++ {
		big.Insert((i * 37) % 1000)
	}
	fmt.Println("big:", big.count, "height", h(big.root), "balanced", big.isBalanced(), "rot", big.Total())
	fmt.Printf("%v\n", big.levels()[0])
}
