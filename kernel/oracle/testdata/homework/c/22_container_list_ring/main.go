package main

import (
	"container/list"
	"container/ring"
	"fmt"
)

type entry struct {
	key string
	val int
}

type LRU struct {
	cap   int
	ll    *list.List
	items map[string]*list.Element
}

func (c *LRU) Get(k string) (int, bool) {
	if e, ok := c.items[k]; ok {
		c.ll.MoveToFront(e)
		return e.Value.(*entry).val, true
	}
	return 0, false
}

func (c *LRU) Put(k string, v int) {
	if e, ok := c.items[k]; ok {
		e.Value.(*entry).val = v
		c.ll.MoveToFront(e)
		return
	}
	c.items[k] = c.ll.PushFront(&entry{k, v})
	if c.ll.Len() > c.cap {
		last := c.ll.Back()
		c.ll.Remove(last)
		delete(c.items, last.Value.(*entry).key)
		fmt.Println("  evicted", last.Value.(*entry).key)
	}
}

func (c *LRU) Keys() []string {
	var ks []string
	for e := c.ll.Front(); e != nil; e = e.Next() {
		ks = append(ks, e.Value.(*entry).key)
	}
	return ks
}

type RingBuffer struct {
	buf        []int
	head, size int
}

func NewRingBuffer(n int) *RingBuffer { return &RingBuffer{buf: make([]int, n)} }

func (r *RingBuffer) Write(v int) {
	r.buf[(r.head+r.size)%len(r.buf)] = v
	if r.size < len(r.buf) {
		r.size++
	} else {
		r.head = (r.head + 1) % len(r.buf)
	}
}

func (r *RingBuffer) Items() []int {
	out := make([]int, r.size)
	for i := 0; i < r.size; i++ {
		out[i] = r.buf[(r.head+i)%len(r.buf)]
	}
	return out
}

func main() {
	l := list.New()
	l.PushBack(2)
	l.PushBack(3)
	front := l.PushFront(1)
	l.InsertAfter(15, front)
	l.PushBack("mixed")
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Printf("%v(%T) ", e.Value, e.Value)
	}
	fmt.Println("len", l.Len())
	cache := &LRU{cap: 3, ll: list.New(), items: map[string]*list.Element{}}
	for i, k := range []string{"a", "b", "c"} {
		cache.Put(k, i)
	}
	cache.Get("a")
	cache.Put("d", 4)
	_, okB := cache.Get("b")
	cache.Put("c", 30)
	cache.Put("e", 5)
	v, _ := cache.Get("c")
	fmt.Println(cache.Keys(), okB, v)
	rb := NewRingBuffer(4)
	for i := 1; i <= 6; i++ {
		rb.Write(i * 11)
		fmt.Println(rb.Items())
	}
	r := ring.New(5)
	for i := 0; i < r.Len(); i++ {
		r.Value = i * i
		r = r.Next()
	}
	r.Do(func(x any) { fmt.Print(x, " ") })
	fmt.Println()
	r = r.Move(2)
	fmt.Println("first after move:", r.Value, r.Prev().Value)
	removed := r.Unlink(2)
	fmt.Print("removed: ")
	removed.Do(func(x any) { fmt.Print(x, " ") })
	fmt.Print("| left: ")
	r.Do(func(x any) { fmt.Print(x, " ") })
	fmt.Println(r.Len())
}
