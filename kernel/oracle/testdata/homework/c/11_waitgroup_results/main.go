package main

import (
	"fmt"
	"sync"
)

type SafeCounter struct {
	mu sync.Mutex
	m  map[string]int
}

func (c *SafeCounter) Inc(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[key]++
}

func (c *SafeCounter) Value(key string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[key]
}

func isPrime(n int) bool {
	if n < 2 {
		return false
	}
	for d := 2; d*d <= n; d++ {
		if n%d == 0 {
			return false
		}
	}
	return true
}

func countPrimes(lo, hi int) int {
	c := 0
	for i := lo; i < hi; i++ {
		if isPrime(i) {
			c++
		}
	}
	return c
}

func main() {
	// results gathered by index
	ranges := [][2]int{{0, 1000}, {1000, 2000}, {2000, 3000}, {3000, 4000}, {4000, 5000}}
	results := make([]int, len(ranges))
	var wg sync.WaitGroup
	for i, r := range ranges {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = countPrimes(r[0], r[1])
		}()
	}
	wg.Wait()
	sum := 0
	for i, n := range results {
		fmt.Printf("primes in [%d,%d): %d\n", ranges[i][0], ranges[i][1], n)
		sum += n
	}
	fmt.Println("total:", sum, "check:", countPrimes(0, 5000))

	// mutex counter
	var mu sync.Mutex
	total := 0
	var wg2 sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg2.Add(1)
		go func(id int) {
			defer wg2.Done()
			for k := 0; k < 1000; k++ {
				mu.Lock()
				total += id
				mu.Unlock()
			}
		}(g)
	}
	wg2.Wait()
	fmt.Println("mutex total:", total)

	sc := SafeCounter{m: make(map[string]int)}
	var wg3 sync.WaitGroup
	keys := []string{"red", "green", "blue"}
	for i := 0; i < 30; i++ {
		wg3.Add(1)
		go func(k string) {
			defer wg3.Done()
			sc.Inc(k)
		}(keys[i%len(keys)])
	}
	wg3.Wait()
	for _, k := range keys {
		fmt.Printf("%s=%d ", k, sc.Value(k))
	}
	fmt.Println()
	fmt.Println(sc.m)

	// sync.Once
	var once sync.Once
	var wg4 sync.WaitGroup
	initCount := 0
	for i := 0; i < 5; i++ {
		wg4.Add(1)
		go func() {
			defer wg4.Done()
			once.Do(func() { initCount++ })
		}()
	}
	wg4.Wait()
	fmt.Println("once ran", initCount, "time(s)")
}
