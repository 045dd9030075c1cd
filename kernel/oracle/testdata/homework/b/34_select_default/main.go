// select with default (non-blocking ops) and timeouts that never fire thanks to buffering.
package main

import (
	"fmt"
	"time"
)

func trySend(ch chan<- int, v int) bool {
	select {
	case ch <- v:
		return true
	default:
		return false
	}
}

func tryRecv(ch <-chan int) (int, bool) {
	select {
	case v := <-ch:
		return v, true
	default:
		return 0, false
	}
}

func main() {
	// Non-blocking sends into a buffer of 3.
	ch := make(chan int, 3)
	for i := 1; i <= 5; i++ {
		fmt.Printf("trySend(%d) = %v\n", i, trySend(ch, i))
	}
	for {
		v, ok := tryRecv(ch)
		if !ok {
			fmt.Println("channel drained")
			break
		}
		fmt.Println("received", v)
	}

	// A timeout case is present, but data is already buffered so it is never chosen.
	results := make(chan string, 2)
	results <- "fast result"
	select {
	case r := <-results:
		fmt.Println("got:", r)
	case <-time.After(5 * time.Second):
		fmt.Println("timed out")
	}

	// Priority between channels: always drain 'urgent' first using nested select.
	urgent := make(chan string, 4)
	normal := make(chan string, 4)
	for i := range 3 {
		normal <- fmt.Sprintf("normal-%d", i)
	}
	urgent <- "urgent-0"
	urgent <- "urgent-1"
	for range 5 {
		select {
		case m := <-urgent:
			fmt.Println("handled", m)
		default:
			select {
			case m := <-normal:
				fmt.Println("handled", m)
			default:
				fmt.Println("idle")
			}
		}
	}

	// nil channels are never ready; select skips them.
	var disabled chan int
	ready := make(chan int, 1)
	ready <- 99
	select {
	case v := <-disabled:
		fmt.Println("impossible", v)
	case v := <-ready:
		fmt.Println("from ready:", v)
	}

	// A closed channel is always ready and yields the zero value with ok=false.
	done := make(chan struct{})
	close(done)
	select {
	case _, ok := <-done:
		fmt.Println("done closed, ok =", ok)
	default:
		fmt.Println("not done")
	}

	// Timer stopped before it fires.
	t := time.NewTimer(time.Hour)
	fmt.Println("timer stopped before firing:", t.Stop())
}
