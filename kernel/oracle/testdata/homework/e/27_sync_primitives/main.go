package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type SafeCounter struct {
	mu     sync.Mutex
	counts map[string]int
}

func (c *SafeCounter) Inc(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.counts[key]++
}

func (c *SafeCounter) Snapshot() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	cp := make(map[string]int, len(c.counts))
	for k, v := range c.counts {
		cp[k] = v
	}
	return cp
}

type Config struct {
	Name    string
	Workers int
}

var (
	config     *Config
	configOnce sync.Once
	loadCount  int
)

func getConfig() *Config {
	configOnce.Do(func() {
		loadCount++
		config = &Config{Name: "default", Workers: 4}
	})
	return config
}

type Stats struct {
	sync.RWMutex
	values []int
}

func (s *Stats) Add(v int) {
	s.Lock()
	s.values = append(s.values, v)
	s.Unlock()
}

func (s *Stats) Sum() int {
	s.RLock()
	defer s.RUnlock()
	total := 0
	for _, v := range s.values {
		total += v
	}
	return total
}

func main() {
	counter := SafeCounter{counts: make(map[string]int)}
	text := "the cat and the dog and the bird saw the cat"
	words := strings.Fields(text)

	var wg sync.WaitGroup
	for round := 0; round < 50; round++ {
		for _, w := range words {
			wg.Add(1)
			go func() {
				defer wg.Done()
				counter.Inc(w)
			}()
		}
	}
	wg.Wait()

	snap := counter.Snapshot()
	keys := make([]string, 0, len(snap))
	for k := range snap {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%-5s %4d\n", k, snap[k])
	}

	// sync.Once: many goroutines, one initialisation
	var wg2 sync.WaitGroup
	results := make([]*Config, 10)
	for i := range 10 {
		wg2.Add(1)
		go func(i int) {
			defer wg2.Done()
			results[i] = getConfig()
		}(i)
	}
	wg2.Wait()
	same := true
	for _, r := range results {
		if r != results[0] {
			same = false
		}
	}
	fmt.Printf("config loaded %d time(s), all same pointer: %v, value %+v\n", loadCount, same, *results[0])

	// RWMutex embedded in a struct
	var st Stats
	var wg3 sync.WaitGroup
	for i := 1; i <= 100; i++ {
		wg3.Add(1)
		go func(n int) {
			defer wg3.Done()
			st.Add(n)
		}(i)
	}
	wg3.Wait()
	fmt.Println("sum 1..100 =", st.Sum(), "count =", len(st.values))

	// ping-pong with unbuffered channels gives a fixed order
	ping, pong := make(chan int), make(chan int)
	done := make(chan bool)
	go func() {
		for v := range ping {
			fmt.Println("  pong got", v)
			pong <- v + 1
		}
		done <- true
	}()
	v := 0
	for range 3 {
		ping <- v
		v = <-pong
		fmt.Println("  ping got", v)
		v *= 10
	}
	close(ping)
	<-done
}
