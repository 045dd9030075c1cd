// A simple LRU cache built from a map and a hand-rolled doubly linked list.
package main

import (
	"fmt"
	"strings"
)

type entry[K comparable, V any] struct {
	key        K
	val        V
	prev, next *entry[K, V]
}

type LRU[K comparable, V any] struct {
	cap        int
	items      map[K]*entry[K, V]
	head, tail *entry[K, V] // sentinels: head.next is most recent
	hits, miss int
	onEvict    func(K, V)
}

func NewLRU[K comparable, V any](capacity int, onEvict func(K, V)) *LRU[K, V] {
	c := &LRU[K, V]{cap: capacity, items: make(map[K]*entry[K, V]), onEvict: onEvict}
	c.head, c.tail = &entry[K, V]{}, &entry[K, V]{}
	c.head.next, c.tail.prev = c.tail, c.head
	return c
}

func (c *LRU[K, V]) unlink(e *entry[K, V]) {
	e.prev.next, e.next.prev = e.next, e.prev
}

func (c *LRU[K, V]) pushFront(e *entry[K, V]) {
	e.prev, e.next = c.head, c.head.next
	c.head.next.prev = e
	c.head.next = e
}

func (c *LRU[K, V]) Get(k K) (V, bool) {
	if e, ok := c.items[k]; ok {
		c.hits++
		c.unlink(e)
		c.pushFront(e)
		return e.val, true
	}
	c.miss++
	var zero V
	return zero, false
}

func (c *LRU[K, V]) Put(k K, v V) {
	if e, ok := c.items[k]; ok {
		e.val = v
		c.unlink(e)
		c.pushFront(e)
		return
	}
	if len(c.items) == c.cap {
		old := c.tail.prev
		c.unlink(old)
		delete(c.items, old.key)
		if c.onEvict != nil {
			c.onEvict(old.key, old.val)
		}
	}
	e := &entry[K, V]{key: k, val: v}
	c.items[k] = e
	c.pushFront(e)
}

func (c *LRU[K, V]) String() string {
	var parts []string
	for e := c.head.next; e != c.tail; e = e.next {
		parts = append(parts, fmt.Sprintf("%v:%v", e.key, e.val))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func main() {
	cache := NewLRU(3, func(k string, v int) { fmt.Printf("  evicted %s=%d\n", k, v) })
	ops := []string{"put a 1", "put b 2", "put c 3", "get a", "put d 4", "get b", "get c",
		"put a 10", "put e 5", "get d", "get a", "get e"}
	for _, op := range ops {
		var cmd, key string
		var val int
		fmt.Sscan(op, &cmd, &key, &val)
		switch cmd {
		case "put":
			cache.Put(key, val)
			fmt.Printf("%-9s -> %v\n", op, cache)
		case "get":
			v, ok := cache.Get(key)
			fmt.Printf("%-9s -> %d %v %v\n", op, v, ok, cache)
		}
	}
	fmt.Printf("hits=%d misses=%d\n", cache.hits, cache.miss)

	// Use the cache to memoize an expensive function on ints.
	calls := 0
	slowSquare := func(n int) int { calls++; return n * n }
	sq := NewLRU[int, int](2, nil)
	cached := func(n int) int {
		if v, ok := sq.Get(n); ok {
			return v
		}
		v := slowSquare(n)
		sq.Put(n, v)
		return v
	}
	sum := 0
	for _, n := range []int{3, 4, 3, 3, 5, 4, 5, 5} {
		sum += cached(n)
	}
	fmt.Println("sum:", sum, "underlying calls:", calls, "cache:", sq)
}
