// Homework 5: A generic LRU cache built on container/list.
package main

import (
	"container/list"
	"fmt"
	"strings"
)

type entry[K comparable, V any] struct {
	key   K
	value V
}

type LRU[K comparable, V any] struct {
	capacity  int
	ll        *list.List
	index     map[K]*list.Element
	hits      int
	misses    int
	OnEvicted func(K, V)
}

func NewLRU[K comparable, V any](capacity int) *LRU[K, V] {
	return &LRU[K, V]{capacity: capacity, ll: list.New(), index: make(map[K]*list.Element)}
}

func (c *LRU[K, V]) Get(key K) (V, bool) {
	if el, ok := c.index[key]; ok {
		c.ll.MoveToFront(el)
		c.hits++
		return el.Value.(*entry[K, V]).value, true
	}
	c.misses++
	var zero V
	return zero, false
}

func (c *LRU[K, V]) Put(key K, value V) {
	if el, ok := c.index[key]; ok {
		el.Value.(*entry[K, V]).value = value
		c.ll.MoveToFront(el)
		return
	}
	c.index[key] = c.ll.PushFront(&entry[K, V]{key, value})
	if c.ll.Len() > c.capacity {
		oldest := c.ll.Back()
		e := c.ll.Remove(oldest).(*entry[K, V])
		delete(c.index, e.key)
		if c.OnEvicted != nil {
			c.OnEvicted(e.key, e.value)
		}
	}
}

func (c *LRU[K, V]) String() string {
	var sb strings.Builder
	sb.WriteString("[")
	for el := c.ll.Front(); el != nil; el = el.Next() {
		e := el.Value.(*entry[K, V])
		fmt.Fprintf(&sb, "%v:%v", e.key, e.value)
		if el.Next() != nil {
			sb.WriteString(" ")
		}
	}
	sb.WriteString("]")
	return sb.String()
}

func (c *LRU[K, V]) HitRate() float64 {
	total := c.hits + c.misses
	if total == 0 {
		return 0
	}
	return float64(c.hits) / float64(total)
}

func slowSquare(n int) int {
	return n * n
}

func main() {
	cache := NewLRU[string, int](3)
	cache.OnEvicted = func(k string, v int) { fmt.Printf("  evicted %s=%d\n", k, v) }
	for i, k := range []string{"a", "b", "c", "a", "d", "b", "e"} {
		cache.Put(k, i)
		fmt.Printf("put %s=%d -> %v\n", k, i, cache)
	}
	for _, k := range []string{"a", "b", "c", "e"} {
		v, ok := cache.Get(k)
		fmt.Printf("get %s: %d %t\n", k, v, ok)
	}
	fmt.Printf("hit rate: %.2f\n", cache.HitRate())

	// memoize with a small cache
	memo := NewLRU[int, int](4)
	calls := 0
	square := func(n int) int {
		if v, ok := memo.Get(n); ok {
			return v
		}
		calls++
		v := slowSquare(n)
		memo.Put(n, v)
		return v
	}
	sum := 0
	for _, n := range []int{1, 2, 3, 1, 2, 5, 6, 7, 1, 2} {
		sum += square(n)
	}
	fmt.Printf("sum=%d computed=%d hit rate=%.1f%% cache=%v\n", sum, calls, memo.HitRate()*100, memo)
}
