package main

import (
	"container/list"
	"fmt"
	"strings"
)

type entry struct {
	key   string
	value int
}

type LRUCache struct {
	capacity int
	ll       *list.List
	items    map[string]*list.Element
	hits     int
	misses   int
	OnEvict  func(key string, value int)
}

func NewLRU(capacity int) *LRUCache {
	return &LRUCache{
		capacity: capacity,
		ll:       list.New(),
		items:    make(map[string]*list.Element),
	}
}

func (c *LRUCache) Get(key string) (int, bool) {
	if el, ok := c.items[key]; ok {
		c.ll.MoveToFront(el)
		c.hits++
		return el.Value.(*entry).value, true
	}
	c.misses++
	return 0, false
}

func (c *LRUCache) Put(key string, value int) {
	if el, ok := c.items[key]; ok {
		el.Value.(*entry).value = value
		c.ll.MoveToFront(el)
		return
	}
	el := c.ll.PushFront(&entry{key, value})
	c.items[key] = el
	if c.ll.Len() > c.capacity {
		oldest := c.ll.Back()
		c.ll.Remove(oldest)
		e := oldest.Value.(*entry)
		delete(c.items, e.key)
		if c.OnEvict != nil {
			c.OnEvict(e.key, e.value)
		}
	}
}

func (c *LRUCache) String() string {
	var parts []string
	for el := c.ll.Front(); el != nil; el = el.Next() {
		e := el.Value.(*entry)
		parts = append(parts, fmt.Sprintf("%s:%d", e.key, e.value))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

func main() {
	cache := NewLRU(3)
	cache.OnEvict = func(k string, v int) {
		fmt.Printf("    evicted %s=%d\n", k, v)
	}

	ops := []string{
		"put a 1", "put b 2", "put c 3", "get a", "put d 4",
		"get b", "get c", "put a 10", "put e 5", "get d", "get a", "get zzz",
	}
	for _, op := range ops {
		f := strings.Fields(op)
		switch f[0] {
		case "put":
			var v int
			fmt.Sscanf(f[2], "%d", &v)
			cache.Put(f[1], v)
			fmt.Printf("%-10s => %v\n", op, cache)
		case "get":
			if v, ok := cache.Get(f[1]); ok {
				fmt.Printf("%-10s => %d   %v\n", op, v, cache)
			} else {
				fmt.Printf("%-10s => miss\n", op)
			}
		}
	}
	total := cache.hits + cache.misses
	fmt.Printf("hits=%d misses=%d hit rate=%.1f%%\n", cache.hits, cache.misses, 100*float64(cache.hits)/float64(total))

	// container/list used directly as a deque
	dq := list.New()
	dq.PushBack(2)
	dq.PushBack(3)
	dq.PushFront(1)
	mid := dq.Front().Next()
	dq.InsertAfter(25, mid)
	dq.InsertBefore(15, mid)
	for e := dq.Front(); e != nil; e = e.Next() {
		fmt.Print(e.Value, " ")
	}
	fmt.Println("| len", dq.Len())
	for e := dq.Back(); e != nil; {
		prev := e.Prev()
		if e.Value.(int)%2 == 1 {
			dq.Remove(e)
		}
		e = prev
	}
	for e := dq.Front(); e != nil; e = e.Next() {
		fmt.Print(e.Value, " ")
	}
	fmt.Println("| len", dq.Len())
}
