package main

import (
	"container/list"
	"fmt"
	"strings"
)

type Cache[K comparable, V any] interface {
	Get(K) (V, bool)
	Put(K, V)
	Len() int
}

type pair[K comparable, V any] struct {
	key K
	val V
}

// LRU built on container/list
type LRU[K comparable, V any] struct {
	cap     int
	ll      *list.List
	index   map[K]*list.Element
	OnEvict func(K, V)
	hits    int
	misses  int
}

func NewLRU[K comparable, V any](capacity int) *LRU[K, V] {
	return &LRU[K, V]{cap: capacity, ll: list.New(), index: make(map[K]*list.Element)}
}

func (c *LRU[K, V]) Get(k K) (v V, ok bool) {
	if e, found := c.index[k]; found {
		c.ll.MoveToFront(e)
		c.hits++
		return e.Value.(*pair[K, V]).val, true
	}
	c.misses++
	return
}

func (c *LRU[K, V]) Put(k K, v V) {
	if e, ok := c.index[k]; ok {
		e.Value.(*pair[K, V]).val = v
		c.ll.MoveToFront(e)
		return
	}
	c.index[k] = c.ll.PushFront(&pair[K, V]{k, v})
	if c.ll.Len() > c.cap {
		oldest := c.ll.Back()
		p := c.ll.Remove(oldest).(*pair[K, V])
		delete(c.index, p.key)
		if c.OnEvict != nil {
			c.OnEvict(p.key, p.val)
		}
	}
}

func (c *LRU[K, V]) Len() int { return c.ll.Len() }

func (c *LRU[K, V]) Keys() []K {
	keys := make([]K, 0, c.ll.Len())
	for e := c.ll.Front(); e != nil; e = e.Next() {
		keys = append(keys, e.Value.(*pair[K, V]).key)
	}
	return keys
}

// FIFO cache for comparison: evicts in insertion order, ignores access
type FIFO[K comparable, V any] struct {
	cap   int
	order []K
	data  map[K]V
}

func NewFIFO[K comparable, V any](n int) *FIFO[K, V] {
	return &FIFO[K, V]{cap: n, data: map[K]V{}}
}

func (f *FIFO[K, V]) Get(k K) (V, bool) { v, ok := f.data[k]; return v, ok }
func (f *FIFO[K, V]) Len() int          { return len(f.order) }
func (f *FIFO[K, V]) Put(k K, v V) {
	if _, ok := f.data[k]; !ok {
		f.order = append(f.order, k)
		if len(f.order) > f.cap {
			delete(f.data, f.order[0])
			f.order = f.order[1:]
		}
	}
	f.data[k] = v
}

type evictionLog struct {
	lines []string
}

func (l *evictionLog) record(k string, v int) {
	l.lines = append(l.lines, fmt.Sprintf("%s=%d", k, v))
}

func hitRate[K comparable](c Cache[K, int], accesses []K) (hits int) {
	for i, k := range accesses {
		if _, ok := c.Get(k); ok {
			hits++
		} else {
			c.Put(k, i)
		}
	}
	return
}

func main() {
	var log evictionLog
	c := NewLRU[string, int](3)
	c.OnEvict = log.record // method value bound to log
	for i, k := range strings.Split("a b c a d b e a", " ") {
		if _, ok := c.Get(k); !ok {
			c.Put(k, i)
		}
		fmt.Printf("access %s -> %v\n", k, c.Keys())
	}
	fmt.Println("evicted:", log.lines)
	fmt.Printf("hits=%d misses=%d len=%d\n", c.hits, c.misses, c.Len())
	c.Put("a", 100)
	v, ok := c.Get("a")
	fmt.Println("a:", v, ok, c.Keys())

	pattern := []int{1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5, 1, 1, 2, 6, 1, 2, 7, 1}
	for _, size := range []int{2, 3, 4} {
		lru := hitRate[int](NewLRU[int, int](size), pattern)
		fifo := hitRate[int](NewFIFO[int, int](size), pattern)
		fmt.Printf("size %d: LRU hits %2d  FIFO hits %2d of %d\n", size, lru, fifo, len(pattern))
	}

	var cache Cache[string, int] = NewFIFO[string, int](2)
	cache.Put("x", 1)
	fmt.Printf("%T len=%d\n", cache, cache.Len())
	get := cache.Get
	fmt.Println(get("x"))
	fmt.Println(get("nope"))
}
