// A bit set backed by []uint64 with set algebra, plus bit-twiddling tricks.
package main

import (
	"fmt"
	"math/bits"
	"strings"
)

type BitSet struct{ words []uint64 }

func (s *BitSet) Add(x int) {
	w, b := x/64, uint(x%64)
	for w >= len(s.words) {
		s.words = append(s.words, 0)
	}
	s.words[w] |= 1 << b
}

func (s *BitSet) Remove(x int) {
	if w := x / 64; w < len(s.words) {
		s.words[w] &^= 1 << uint(x%64)
	}
}

func (s *BitSet) Has(x int) bool {
	w, b := x/64, uint(x%64)
	return w < len(s.words) && s.words[w]&(1<<b) != 0
}

func (s *BitSet) Len() int {
	n := 0
	for _, w := range s.words {
		n += bits.OnesCount64(w)
	}
	return n
}

func (s *BitSet) combine(t *BitSet, op func(a, b uint64) uint64) *BitSet {
	n := max(len(s.words), len(t.words))
	r := &BitSet{words: make([]uint64, n)}
	for i := range n {
		var a, b uint64
		if i < len(s.words) {
			a = s.words[i]
		}
		if i < len(t.words) {
			b = t.words[i]
		}
		r.words[i] = op(a, b)
	}
	return r
}

func (s *BitSet) Union(t *BitSet) *BitSet {
	return s.combine(t, func(a, b uint64) uint64 { return a | b })
}
func (s *BitSet) Intersect(t *BitSet) *BitSet {
	return s.combine(t, func(a, b uint64) uint64 { return a & b })
}
func (s *BitSet) Difference(t *BitSet) *BitSet {
	return s.combine(t, func(a, b uint64) uint64 { return a &^ b })
}
func (s *BitSet) SymDiff(t *BitSet) *BitSet {
	return s.combine(t, func(a, b uint64) uint64 { return a ^ b })
}

// Elems iterates set bits in increasing order using TrailingZeros.
func (s *BitSet) Elems() []int {
	var out []int
	for i, w := range s.words {
		for w != 0 {
			tz := bits.TrailingZeros64(w)
			out = append(out, i*64+tz)
			w &= w - 1 // clear lowest set bit
		}
	}
	return out
}

func (s *BitSet) String() string {
	parts := make([]string, 0)
	for _, e := range s.Elems() {
		parts = append(parts, fmt.Sprint(e))
	}
	return "{" + strings.Join(parts, " ") + "}"
}

func of(xs ...int) *BitSet {
	s := &BitSet{}
	for _, x := range xs {
		s.Add(x)
	}
	return s
}

func main() {
	a := of(1, 3, 5, 64, 100, 130)
	b := of(3, 4, 5, 100, 200)
	fmt.Println("a =", a, "len", a.Len())
	fmt.Println("b =", b, "len", b.Len())
	fmt.Println("a ∪ b =", a.Union(b))
	fmt.Println("a ∩ b =", a.Intersect(b))
	fmt.Println("a - b =", a.Difference(b))
	fmt.Println("a △ b =", a.SymDiff(b))
	a.Remove(64)
	a.Remove(999)
	fmt.Println("a after removing 64 and 999:", a, "has 130?", a.Has(130), "has 64?", a.Has(64))

	// Sieve of Eratosthenes using the bit set for composites.
	composite := &BitSet{}
	var primes []int
	for i := 2; i < 60; i++ {
		if !composite.Has(i) {
			primes = append(primes, i)
			for j := i * i; j < 60; j += i {
				composite.Add(j)
			}
		}
	}
	fmt.Println("primes < 60:", primes)

	// Classic bit tricks.
	for _, x := range []uint32{0, 1, 12, 64, 255, 1 << 31} {
		fmt.Printf("x=%-10d pow2=%-5v ones=%-2d lead0=%-2d len=%-2d rev=%032b\n",
			x, x != 0 && x&(x-1) == 0, bits.OnesCount32(x), bits.LeadingZeros32(x), bits.Len32(x), bits.Reverse32(x))
	}
	// Enumerate all subsets of a 3-element set via bitmasks.
	items := []string{"a", "b", "c"}
	var subsets []string
	for mask := 0; mask < 1<<len(items); mask++ {
		var sub []string
		for i, it := range items {
			if mask&(1<<i) != 0 {
				sub = append(sub, it)
			}
		}
		subsets = append(subsets, "{"+strings.Join(sub, ",")+"}")
	}
	fmt.Println("subsets:", strings.Join(subsets, " "))
}
