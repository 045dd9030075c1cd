// Goroutine-safe counters with sync.Mutex and sync.RWMutex.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// SafeCounter counts string keys; the mutex guards the map.
type SafeCounter struct {
	mu sync.Mutex
	m  map[string]int
}

func (c *SafeCounter) Inc(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[key]++
}

func (c *SafeCounter) Snapshot() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[string]int, len(c.m))
	for k, v := range c.m {
		out[k] = v
	}
	return out
}

// Stats uses an RWMutex: many readers, occasional writers.
type Stats struct {
	mu    sync.RWMutex
	count int
	sum   int
	max   int
}

func (s *Stats) Add(v int) {
	s.mu.Lock()
	s.count++
	s.sum += v
	if v > s.max {
		s.max = v
	}
	s.mu.Unlock()
}

func (s *Stats) Mean() float64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.count == 0 {
		return 0
	}
	return float64(s.sum) / float64(s.count)
}

func main() {
	c := SafeCounter{m: make(map[string]int)}
	text := "the cat sat on the mat the end"
	words := strings.Fields(text)

	var wg sync.WaitGroup
	for g := 0; g < 50; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, w := range words {
				c.Inc(w)
			}
		}()
	}
	wg.Wait()

	snap := c.Snapshot()
	keys := make([]string, 0, len(snap))
	for k := range snap {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%-4s %d\n", k, snap[k])
	}

	var st Stats
	var rw sync.WaitGroup
	for i := 1; i <= 100; i++ {
		rw.Add(2)
		go func() { defer rw.Done(); st.Add(i) }() // Go 1.22: i is per-iteration
		go func() { defer rw.Done(); _ = st.Mean() }()
	}
	rw.Wait()
	fmt.Printf("count=%d sum=%d max=%d mean=%.1f\n", st.count, st.sum, st.max, st.Mean())

	// The same increment without a lock would race; with a lock it is exact.
	var mu sync.Mutex
	total := 0
	var tw sync.WaitGroup
	for range 8 {
		tw.Add(1)
		go func() {
			defer tw.Done()
			for range 10000 {
				mu.Lock()
				total++
				mu.Unlock()
			}
		}()
	}
	tw.Wait()
	fmt.Println("total increments:", total)
}
