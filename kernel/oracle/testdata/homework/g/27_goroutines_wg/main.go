// Week 11: goroutines, WaitGroup, Mutex
// output has to be deterministic so results get collected and sorted
package main

import (
	"fmt"
	"maps"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

type SafeCounter struct {
	mu     sync.Mutex
	counts map[string]int
}

func (c *SafeCounter) Inc(key string, by int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.counts[key] += by
}

func (c *SafeCounter) Snapshot() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return maps.Clone(c.counts)
}

type Result struct {
	ID     int
	Output string
	Vowels int
}

var documents = []string{
	"the gopher digs tunnels",
	"python has a global interpreter lock",
	"channels are typed conduits",
	"share memory by communicating",
	"do not communicate by sharing memory",
	"concurrency is not parallelism",
	"a little copying is better than a little dependency",
}

func countVowels(s string) int {
	n := 0
	for _, r := range s {
		if strings.ContainsRune("aeiou", r) {
			n++
		}
	}
	return n
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

func main() {
	// 1. fan out, collect into slice by index (no lock needed, distinct indices)
	results := make([]Result, len(documents))
	var wg sync.WaitGroup
	for i, doc := range documents {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = Result{ID: i, Output: strings.ToUpper(doc[:1]) + doc[1:], Vowels: countVowels(doc)}
		}()
	}
	wg.Wait()
	for _, r := range results {
		fmt.Printf("#%d vowels=%2d %s\n", r.ID, r.Vowels, r.Output)
	}

	// 2. shared map with mutex: word counts across docs
	sc := SafeCounter{counts: map[string]int{}}
	for _, doc := range documents {
		wg.Add(1)
		go func(text string) {
			defer wg.Done()
			for _, w := range strings.Fields(text) {
				sc.Inc(w, 1)
			}
		}(doc)
	}
	wg.Wait()
	snap := sc.Snapshot()
	type kv struct {
		k string
		v int
	}
	var list []kv
	for k, v := range snap {
		if v > 1 {
			list = append(list, kv{k, v})
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].v != list[j].v {
			return list[i].v > list[j].v
		}
		return list[i].k < list[j].k
	})
	fmt.Println("repeated words:", list)

	// 3. atomic counter with many goroutines
	var hits atomic.Int64
	var plain int64
	var mu sync.Mutex
	for g := 0; g < 50; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 200 {
				hits.Add(1)
				mu.Lock()
				plain++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("atomic hits:", hits.Load(), "mutex count:", plain)

	// 4. primes in ranges computed concurrently, collected via mutex then sorted
	var primes []int
	var pmu sync.Mutex
	for chunk := 0; chunk < 5; chunk++ {
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			var local []int
			for n := lo; n < hi; n++ {
				if isPrime(n) {
					local = append(local, n)
				}
			}
			pmu.Lock()
			primes = append(primes, local...)
			pmu.Unlock()
		}(chunk*20, chunk*20+20)
	}
	wg.Wait()
	sort.Ints(primes)
	fmt.Println(len(primes), "primes below 100:", primes)

	// 5. sync.Once
	var once sync.Once
	initCount := 0
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { initCount++ })
		}()
	}
	wg.Wait()
	fmt.Println("init ran", initCount, "time(s)")

	// 6. RWMutex cache
	cache := struct {
		sync.RWMutex
		data map[int]int
	}{data: map[int]int{}}
	for i := 1; i <= 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cache.Lock()
			cache.data[i] = i * i * i
			cache.Unlock()
		}()
	}
	wg.Wait()
	cache.RLock()
	total := 0
	for _, v := range cache.data {
		total += v
	}
	cache.RUnlock()
	fmt.Println("sum of cubes 1..8 =", total, "entries:", len(cache.data))

	// 7. wg.Go (new helper)
	squares := make([]int, 6)
	for i := range squares {
		wg.Go(func() { squares[i] = i * i })
	}
	wg.Wait()
	fmt.Println("squares:", squares)
}
