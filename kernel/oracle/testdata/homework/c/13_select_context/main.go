package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

func producer(ctx context.Context, out chan<- int) error {
	defer close(out)
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case out <- i:
		}
	}
}

func ticker(done <-chan struct{}, out chan<- string) {
	n := 0
	for {
		select {
		case <-done:
			out <- fmt.Sprintf("ticker stopped after %d", n)
			return
		default:
			n++
			if n == 1000 {
				// wait to be told to stop
				<-done
				out <- fmt.Sprintf("ticker stopped after %d", n)
				return
			}
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	nums := make(chan int)
	errc := make(chan error, 1)
	go func() { errc <- producer(ctx, nums) }()

	sum := 0
	for v := range nums {
		sum += v
		if v == 9 {
			cancel()
			break
		}
	}
	// drain until closed
	for range nums {
	}
	err := <-errc
	fmt.Println("sum:", sum)
	fmt.Println("err:", err, errors.Is(err, context.Canceled))
	fmt.Println("ctx.Err():", ctx.Err())

	done := make(chan struct{})
	msgs := make(chan string, 1)
	go ticker(done, msgs)
	close(done)
	m := <-msgs
	fmt.Println(m[:14])

	// select with default on empty / full channel
	c := make(chan int, 1)
	select {
	case v := <-c:
		fmt.Println("got", v)
	default:
		fmt.Println("nothing ready")
	}
	c <- 5
	select {
	case c <- 6:
		fmt.Println("sent 6")
	default:
		fmt.Println("channel full")
	}
	select {
	case v, ok := <-c:
		fmt.Println("received", v, ok)
	}

	// context values and parent cancel propagation
	type key string
	parent, pcancel := context.WithCancel(context.WithValue(context.Background(), key("user"), "gopher"))
	child, ccancel := context.WithCancel(parent)
	defer ccancel()
	fmt.Println("user:", child.Value(key("user")), "missing:", child.Value(key("x")))
	var wg sync.WaitGroup
	results := make([]string, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			<-child.Done()
			results[i] = fmt.Sprintf("worker %d: %v", i, child.Err())
		}(i)
	}
	pcancel()
	wg.Wait()
	for _, r := range results {
		fmt.Println(r)
	}

	var nilCh chan int
	select {
	case <-nilCh:
		fmt.Println("impossible")
	default:
		fmt.Println("nil channel never ready")
	}
	fmt.Println(context.Background(), context.TODO())
}
