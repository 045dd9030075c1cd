// Pipeline of channels: generate -> filter -> square -> fan-out/fan-in -> sum.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func generate(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, n := range nums {
			out <- n
		}
	}()
	return out
}

func filter(in <-chan int, keep func(int) bool) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			if keep(n) {
				out <- n
			}
		}
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			out <- n * n
		}
	}()
	return out
}

// merge fans in several channels; the order of values is not deterministic.
func merge(cs ...<-chan int) <-chan int {
	var wg sync.WaitGroup
	out := make(chan int)
	for _, c := range cs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

func main() {
	// Linear pipeline: order is preserved because each stage is a single goroutine.
	odd := func(n int) bool { return n%2 == 1 }
	var linear []int
	for v := range square(filter(generate(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), odd)) {
		linear = append(linear, v)
	}
	fmt.Println("odd squares (ordered):", linear)

	// Fan-out to three squarers reading from the same source, then fan-in.
	src := generate(11, 12, 13, 14, 15, 16, 17, 18, 19, 20)
	c1, c2, c3 := square(src), square(src), square(src)
	var fanned []int
	sum := 0
	for v := range merge(c1, c2, c3) {
		fanned = append(fanned, v)
		sum += v
	}
	sort.Ints(fanned) // arrival order depends on scheduling; sort for stable output
	fmt.Println("fan-in squares (sorted):", fanned)
	fmt.Println("count:", len(fanned), "sum:", sum)

	// A done channel lets a consumer stop a producer early.
	done := make(chan struct{})
	naturals := make(chan int)
	go func() {
		defer close(naturals)
		for i := 1; ; i++ {
			select {
			case naturals <- i:
			case <-done:
				return
			}
		}
	}()
	var firstFive []int
	for n := range naturals {
		firstFive = append(firstFive, n)
		if len(firstFive) == 5 {
			close(done)
			break
		}
	}
	fmt.Println("first five naturals:", firstFive)
}
