package main

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
)

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
	maxLoad   = 0.75
)

type entry struct {
	key   string
	value int
	next  *entry
}

type HashMap struct {
	buckets []*entry
	size    int
	resizes int
}

func NewHashMap(n int) *HashMap {
	return &HashMap{buckets: make([]*entry, n)}
}

func fnv32(s string) uint32 {
	h := uint32(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= fnvPrime
	}
	return h
}

func (m *HashMap) index(key string) int {
	return int(fnv32(key) % uint32(len(m.buckets)))
}

func (m *HashMap) Put(key string, value int) {
	if float64(m.size+1)/float64(len(m.buckets)) > maxLoad {
		m.rehash(2 * len(m.buckets))
	}
	i := m.index(key)
	for e := m.buckets[i]; e != nil; e = e.next {
		if e.key == key {
			e.value = value
			return
		}
	}
	m.buckets[i] = &entry{key, value, m.buckets[i]}
	m.size++
}

func (m *HashMap) Get(key string) (int, bool) {
	for e := m.buckets[m.index(key)]; e != nil; e = e.next {
		if e.key == key {
			return e.value, true
		}
	}
	return 0, false
}

func (m *HashMap) Delete(key string) bool {
	i := m.index(key)
	var prev *entry
	for e := m.buckets[i]; e != nil; prev, e = e, e.next {
		if e.key != key {
			continue
		}
		if prev == nil {
			m.buckets[i] = e.next
		} else {
			prev.next = e.next
		}
		m.size--
		return true
	}
	return false
}

func (m *HashMap) rehash(n int) {
	old := m.buckets
	m.buckets = make([]*entry, n)
	m.resizes++
	for _, head := range old {
		for e := head; e != nil; {
			next := e.next
			i := m.index(e.key)
			e.next = m.buckets[i]
			m.buckets[i] = e
			e = next
		}
	}
}

func (m *HashMap) chainLengths() []int {
	lens := make([]int, len(m.buckets))
	for i, e := range m.buckets {
		for ; e != nil; e = e.next {
			lens[i]++
		}
	}
	return lens
}

func (m *HashMap) Keys() []string {
	keys := make([]string, 0, m.size)
	for _, e := range m.buckets {
		for ; e != nil; e = e.next {
			keys = append(keys, e.key)
		}
	}
	slices.Sort(keys)
	return keys
}

var text = `it was the best of times it was the worst of times it was the age of
wisdom it was the age of foolishness it was the epoch of belief it was the epoch
of incredulity it was the season of light it was the season of darkness`

func main() {
	for _, s := range []string{"", "a", "hello", "Go"} {
		std := fnv.New32a()
		std.Write([]byte(s))
		fmt.Printf("fnv32(%q) = %08x std=%08x match=%t\n", s, fnv32(s), std.Sum32(), fnv32(s) == std.Sum32())
	}

	m := NewHashMap(4)
	ref := map[string]int{}
	for _, w := range strings.Fields(text) {
		c, _ := m.Get(w)
		m.Put(w, c+1)
		ref[w]++
	}
	fmt.Printf("size=%d buckets=%d resizes=%d\n", m.size, len(m.buckets), m.resizes)
	fmt.Println("chains:", m.chainLengths())
	mismatch := 0
	for _, k := range m.Keys() {
		v, _ := m.Get(k)
		if v != ref[k] {
			mismatch++
		}
		if v > 1 {
			fmt.Printf("  %-8s %2d\n", k, v)
		}
	}
	fmt.Println("mismatches vs builtin map:", mismatch, "len(ref) =", len(ref))

	for _, k := range []string{"was", "of", "nothing", "was"} {
		fmt.Printf("delete %q -> %t size=%d\n", k, m.Delete(k), m.size)
	}
	_, ok := m.Get("was")
	fmt.Println("was present:", ok)
	fmt.Println(ref)
}
