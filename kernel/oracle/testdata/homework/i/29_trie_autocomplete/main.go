package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

type trieNode struct {
	children map[rune]*trieNode
	terminal bool
	count    int // words passing through
	freq     int
}

func newNode() *trieNode { return &trieNode{children: map[rune]*trieNode{}} }

type Trie struct {
	root  *trieNode
	words int
}

func NewTrie() *Trie { return &Trie{root: newNode()} }

func (t *Trie) Insert(w string) {
	n := t.root
	if t.Contains(w) {
		for _, r := range w {
			n = n.children[r]
		}
		n.freq++
		return
	}
	for _, r := range w {
		child, ok := n.children[r]
		if !ok {
			child = newNode()
			n.children[r] = child
		}
		child.count++
		n = child
	}
	n.terminal = true
	n.freq = 1
	t.words++
}

func (t *Trie) find(prefix string) *trieNode {
	n := t.root
	for _, r := range prefix {
		var ok bool
		if n, ok = n.children[r]; !ok {
			return nil
		}
	}
	return n
}

func (t *Trie) Contains(w string) bool {
	n := t.find(w)
	return n != nil && n.terminal
}

func (t *Trie) CountPrefix(p string) int {
	if p == "" {
		return t.words
	} else if n := t.find(p); n != nil {
		return n.count
	}
	return 0
}

func sortedKeys(m map[rune]*trieNode) []rune {
	return slices.Sorted(maps.Keys(m))
}

// Words yields all words with the given prefix in lexical order.
func (t *Trie) Words(prefix string) iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		start := t.find(prefix)
		if start == nil {
			return
		}
		var walk func(n *trieNode, buf []rune) bool
		walk = func(n *trieNode, buf []rune) bool {
			if n.terminal && !yield(string(buf), n.freq) {
				return false
			}
			for _, r := range sortedKeys(n.children) {
				if !walk(n.children[r], append(buf, r)) {
					return false
				}
			}
			return true
		}
		walk(start, []rune(prefix))
	}
}

func (t *Trie) Delete(w string) bool {
	if !t.Contains(w) {
		return false
	}
	n := t.root
	for _, r := range w {
		child := n.children[r]
		child.count--
		if child.count == 0 {
			delete(n.children, r)
			t.words--
			return true
		}
		n = child
	}
	n.terminal = false
	t.words--
	return true
}

func (t *Trie) LongestCommonPrefix() string {
	var sb strings.Builder
	n := t.root
	for len(n.children) == 1 && !n.terminal {
		for r, c := range n.children {
			sb.WriteRune(r)
			n = c
		}
	}
	return sb.String()
}

func suggest(t *Trie, prefix string, k int) []string {
	type cand struct {
		w string
		f int
	}
	var cs []cand
	for w, f := range t.Words(prefix) {
		cs = append(cs, cand{w, f})
	}
	slices.SortStableFunc(cs, func(a, b cand) int { return b.f - a.f })
	var out []string
	for _, c := range cs[:min(k, len(cs))] {
		out = append(out, fmt.Sprintf("%s(%d)", c.w, c.f))
	}
	return out
}

const corpus = `to tea ted ten in inn tea to tea team tear teach tent in tenth
tokyo token tea ted inn inner tear tea ten`

func main() {
	t := NewTrie()
	for _, w := range strings.Fields(corpus) {
		t.Insert(w)
	}
	fmt.Println("distinct words:", t.words)
	for _, p := range []string{"", "t", "te", "tea", "ten", "i", "x"} {
		fmt.Printf("prefix %-5q count=%d\n", p, t.CountPrefix(p))
	}
	for _, w := range []string{"tea", "te", "tokyo", "toky", "inner"} {
		fmt.Printf("contains(%s)=%t ", w, t.Contains(w))
	}
	fmt.Println()
	var all []string
	for w := range t.Words("te") {
		all = append(all, w)
	}
	fmt.Println("te*:", all)
	fmt.Println("suggest te:", suggest(t, "te", 3))
	fmt.Println("suggest to:", suggest(t, "to", 5))

	count := 0
	for w, f := range t.Words("") {
		if count++; count > 4 {
			break
		}
		fmt.Printf("%-6s freq=%d\n", w, f)
	}
	for _, w := range []string{"tenth", "tea", "tea", "zzz"} {
		fmt.Printf("delete %s: %t (words=%d)\n", w, t.Delete(w), t.words)
	}
	var rest []string
	for w := range t.Words("te") {
		rest = append(rest, w)
	}
	fmt.Println("te* now:", rest, "contains team:", t.Contains("team"))

	t2 := NewTrie()
	for _, w := range []string{"interview", "internet", "interval", "internal"} {
		t2.Insert(w)
	}
	fmt.Printf("lcp=%q\n", t2.LongestCommonPrefix())
	t2.Insert("in")
	fmt.Printf("lcp=%q\n", t2.LongestCommonPrefix())
}
