package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// generate sends 1, 2, 3, ... until the context is cancelled.
func generate(ctx context.Context, wg *sync.WaitGroup) <-chan int {
	out := make(chan int)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(out)
		for n := 1; ; n++ {
			select {
			case out <- n:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func squares(ctx context.Context, in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			select {
			case out <- n * n:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func slowOperation(ctx context.Context, d time.Duration) (string, error) {
	select {
	case <-time.After(d):
		return "finished", nil
	case <-ctx.Done():
		return "", fmt.Errorf("slow operation: %w", ctx.Err())
	}
}

func fetch(result chan<- string, ready bool) {
	if ready {
		result <- "data"
	}
	// otherwise never send: simulates a hung server
}

type ctxKey string

func handler(ctx context.Context) string {
	user, ok := ctx.Value(ctxKey("user")).(string)
	if !ok {
		user = "anonymous"
	}
	return "hello, " + user
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	sq := squares(ctx, generate(ctx, &wg))
	var got []int
	for v := range sq {
		got = append(got, v)
		if len(got) == 6 {
			cancel()
			break
		}
	}
	wg.Wait()
	fmt.Println("first squares:", got)
	fmt.Println("ctx.Err after cancel:", ctx.Err())

	// timeout shorter than the work
	tctx, tcancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer tcancel()
	res, err := slowOperation(tctx, time.Second)
	fmt.Printf("result=%q err=%v deadline? %v\n", res, err, errors.Is(err, context.DeadlineExceeded))

	// work shorter than the timeout
	tctx2, tcancel2 := context.WithTimeout(context.Background(), time.Second)
	res, err = slowOperation(tctx2, 5*time.Millisecond)
	tcancel2()
	fmt.Printf("result=%q err=%v\n", res, err)

	// select with time.After as a timeout
	for _, ready := range []bool{true, false} {
		ch := make(chan string, 1)
		fetch(ch, ready)
		select {
		case r := <-ch:
			fmt.Println("got", r)
		case <-time.After(30 * time.Millisecond):
			fmt.Println("timed out waiting for fetch")
		}
	}

	// cancelling a parent cancels its children
	parent, pcancel := context.WithCancel(context.Background())
	child, ccancel := context.WithCancel(parent)
	defer ccancel()
	pcancel()
	<-child.Done()
	fmt.Println("child error:", child.Err(), "| same as Canceled:", child.Err() == context.Canceled)

	vctx := context.WithValue(context.Background(), ctxKey("user"), "gopher")
	fmt.Println(handler(vctx))
	fmt.Println(handler(context.Background()))

	// non-blocking receive with default
	done := make(chan struct{})
	select {
	case <-done:
		fmt.Println("done already?")
	default:
		fmt.Println("not done yet")
	}
	close(done)
	select {
	case <-done:
		fmt.Println("done is closed")
	default:
		fmt.Println("still not done")
	}
}
