// container/list: doubly linked list operations and a browser-history example.
package main

import (
	"container/list"
	"fmt"
	"strings"
)

func dump(l *list.List) string {
	var parts []string
	for e := l.Front(); e != nil; e = e.Next() {
		parts = append(parts, fmt.Sprint(e.Value))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func dumpBackward(l *list.List) string {
	var parts []string
	for e := l.Back(); e != nil; e = e.Prev() {
		parts = append(parts, fmt.Sprint(e.Value))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// History models back/forward navigation with a cursor into a list.
type History struct {
	pages *list.List
	cur   *list.Element
}

func NewHistory(home string) *History {
	h := &History{pages: list.New()}
	h.cur = h.pages.PushBack(home)
	return h
}

func (h *History) Visit(url string) {
	// Drop forward history.
	for e := h.cur.Next(); e != nil; {
		next := e.Next()
		h.pages.Remove(e)
		e = next
	}
	h.cur = h.pages.PushBack(url)
}

func (h *History) Back() string {
	if p := h.cur.Prev(); p != nil {
		h.cur = p
	}
	return h.cur.Value.(string)
}

func (h *History) Forward() string {
	if n := h.cur.Next(); n != nil {
		h.cur = n
	}
	return h.cur.Value.(string)
}

func main() {
	l := list.New()
	e4 := l.PushBack(4)
	e1 := l.PushFront(1)
	l.InsertBefore(3, e4)
	l.InsertAfter(2, e1)
	fmt.Println("built:   ", dump(l), "len", l.Len())
	fmt.Println("backward:", dumpBackward(l))

	l.MoveToFront(e4)
	fmt.Println("4 to front:", dump(l))
	l.MoveAfter(e1, l.Back())
	fmt.Println("1 to back: ", dump(l))

	// Remove even values while iterating: save Next before removing.
	for e := l.Front(); e != nil; {
		next := e.Next()
		if e.Value.(int)%2 == 0 {
			l.Remove(e)
		}
		e = next
	}
	fmt.Println("odds only:", dump(l))

	other := list.New()
	other.PushBack("a")
	other.PushBack("b")
	l.PushBackList(other)
	l.PushFrontList(other)
	fmt.Println("mixed:    ", dump(l), "len", l.Len())

	h := NewHistory("home")
	h.Visit("news")
	h.Visit("sports")
	h.Visit("scores")
	fmt.Println("back:", h.Back(), "back:", h.Back(), "forward:", h.Forward())
	h.Visit("weather")
	fmt.Println("after visiting weather:", dump(h.pages))
	fmt.Println("forward at end:", h.Forward(), "back x3:", h.Back(), h.Back(), h.Back(), "extra back:", h.Back())
}
