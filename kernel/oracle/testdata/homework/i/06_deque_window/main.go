package main

import (
	"fmt"
	"unicode"
)

const initialCap = 2

type Deque[T any] struct {
	data  []T
	front int
	size  int
}

func (d *Deque[T]) grow() {
	newCap := len(d.data) * 2
	if newCap == 0 {
		newCap = initialCap
	}
	nd := make([]T, newCap)
	for i := 0; i < d.size; i++ {
		nd[i] = d.data[(d.front+i)%len(d.data)]
	}
	d.data = nd
	d.front = 0
}

func (d *Deque[T]) PushBack(v T) {
	if d.size == len(d.data) {
		d.grow()
	}
	d.data[(d.front+d.size)%len(d.data)] = v
	d.size++
}

func (d *Deque[T]) PushFront(v T) {
	if d.size == len(d.data) {
		d.grow()
	}
	d.front = (d.front - 1 + len(d.data)) % len(d.data)
	d.data[d.front] = v
	d.size++
}

func (d *Deque[T]) PopFront() T {
	if d.size == 0 {
		panic("PopFront on empty deque")
	}
	v := d.data[d.front]
	d.front = (d.front + 1) % len(d.data)
	d.size--
	return v
}

func (d *Deque[T]) PopBack() T {
	if d.size == 0 {
		panic("PopBack on empty deque")
	}
	idx := (d.front + d.size - 1) % len(d.data)
	d.size--
	return d.data[idx]
}

func (d *Deque[T]) Front() T { return d.data[d.front] }
func (d *Deque[T]) Back() T  { return d.data[(d.front+d.size-1)%len(d.data)] }
func (d *Deque[T]) Len() int { return d.size }

func (d *Deque[T]) Slice() []T {
	out := make([]T, d.size)
	for i := range out {
		out[i] = d.data[(d.front+i)%len(d.data)]
	}
	return out
}

func slidingMax(nums []int, k int) []int {
	var dq Deque[int] // holds indices
	var res []int
	for i, v := range nums {
		for dq.Len() > 0 && nums[dq.Back()] <= v {
			dq.PopBack()
		}
		dq.PushBack(i)
		if dq.Front() <= i-k {
			dq.PopFront()
		}
		if i >= k-1 {
			res = append(res, nums[dq.Front()])
		}
	}
	return res
}

func isPalindrome(s string) bool {
	var dq Deque[rune]
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			dq.PushBack(unicode.ToLower(r))
		}
	}
	for dq.Len() > 1 {
		if dq.PopFront() != dq.PopBack() {
			return false
		}
	}
	return true
}

func safePop(d *Deque[int]) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	v = d.PopFront()
	return
}

func main() {
	var d Deque[int]
	for i := 1; i <= 5; i++ {
		d.PushBack(i)
		d.PushFront(-i)
		fmt.Printf("len=%d cap=%d %v\n", d.Len(), len(d.data), d.Slice())
	}
	fmt.Println("pop front/back:", d.PopFront(), d.PopBack())
	fmt.Println(d.Slice())

	nums := []int{1, 3, -1, -3, 5, 3, 6, 7}
	for k := 1; k <= 4; k++ {
		fmt.Printf("k=%d max=%v\n", k, slidingMax(nums, k))
	}

	for _, s := range []string{"A man, a plan, a canal: Panama", "racecar", "Go gopher", "No 'x' in Nixon"} {
		fmt.Printf("%-32q %t\n", s, isPalindrome(s))
	}

	var e Deque[int]
	e.PushBack(42)
	for range 2 {
		v, err := safePop(&e)
		fmt.Println("safePop:", v, err)
	}
}
