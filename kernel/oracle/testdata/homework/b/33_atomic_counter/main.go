// Atomic counters with sync/atomic: Int64, Bool, Value-like Pointer, and CAS loops.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Metrics struct {
	requests atomic.Int64
	errors   atomic.Int64
	bytes    atomic.Uint64
	maxSize  atomic.Int64
}

// observeMax raises maxSize to v using a compare-and-swap loop.
func (m *Metrics) observeMax(v int64) {
	for {
		cur := m.maxSize.Load()
		if v <= cur || m.maxSize.CompareAndSwap(cur, v) {
			return
		}
	}
}

type Settings struct {
	Level string
	Limit int
}

func main() {
	var m Metrics
	var wg sync.WaitGroup
	for w := 1; w <= 10; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 1; i <= 1000; i++ {
				m.requests.Add(1)
				if i%100 == 0 {
					m.errors.Add(1)
				}
				size := int64(w*1000 + i)
				m.bytes.Add(uint64(size))
				m.observeMax(size)
			}
		}()
	}
	wg.Wait()
	fmt.Println("requests:", m.requests.Load())
	fmt.Println("errors:  ", m.errors.Load())
	fmt.Println("bytes:   ", m.bytes.Load())
	fmt.Println("max size:", m.maxSize.Load())

	// Old-style functions on plain integers.
	var hits int32
	var wg2 sync.WaitGroup
	for range 64 {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			atomic.AddInt32(&hits, 2)
		}()
	}
	wg2.Wait()
	fmt.Println("hits:", atomic.LoadInt32(&hits))

	// Only the first CompareAndSwap wins.
	var leader atomic.Int32
	winners := atomic.Int32{}
	var wg3 sync.WaitGroup
	for id := int32(1); id <= 20; id++ {
		wg3.Add(1)
		go func() {
			defer wg3.Done()
			if leader.CompareAndSwap(0, id) {
				winners.Add(1)
			}
		}()
	}
	wg3.Wait()
	fmt.Println("leaders elected:", winners.Load(), "leader non-zero:", leader.Load() != 0)

	// atomic.Bool as a one-shot flag; atomic.Pointer for copy-on-write config.
	var shutdown atomic.Bool
	fmt.Println("first Swap returned:", shutdown.Swap(true), "second:", shutdown.Swap(true))

	var cfg atomic.Pointer[Settings]
	cfg.Store(&Settings{Level: "info", Limit: 10})
	old := cfg.Load()
	next := *old
	next.Limit = 20
	swapped := cfg.CompareAndSwap(old, &next)
	fmt.Printf("swapped=%v now=%+v old=%+v\n", swapped, *cfg.Load(), *old)
	fmt.Println("stale CAS:", cfg.CompareAndSwap(old, &Settings{Level: "debug"}))
}
