// Week 11 pt 2: channels & pipelines. generator -> square -> filter -> print
package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

func gen(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, n := range nums {
			out <- n
		}
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for n := range in {
			out <- n * n
		}
		close(out)
	}()
	return out
}

func filter(in <-chan int, pred func(int) bool) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			if pred(n) {
				out <- n
			}
		}
	}()
	return out
}

// counter that stops when ctx is cancelled
func counter(ctx context.Context) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 0; ; i++ {
			select {
			case <-ctx.Done():
				return
			case out <- i:
			}
		}
	}()
	return out
}

type Msg struct {
	From string
	Text string
}

func pingPong(rounds int) []string {
	ping, pong := make(chan int), make(chan int)
	var log []string
	done := make(chan struct{})
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	go func() {
		defer close(done)
		v := 0
		for i := 0; i < rounds; i++ {
			ping <- v
			v = <-pong
			log = append(log, fmt.Sprintf("round %d -> %d", i, v))
		}
		close(ping)
	}()
	<-done
	return log
}

func main() {
	// pipeline
	evens := filter(square(gen(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)), func(n int) bool { return n%2 == 0 })
	var got []string
	for v := range evens {
		got = append(got, fmt.Sprint(v))
	}
	fmt.Println("even squares:", strings.Join(got, ","))

	// buffered channel as queue
	jobs := make(chan string, 3)
	jobs <- "compile"
	jobs <- "test"
	jobs <- "deploy"
	fmt.Println("buffered len:", len(jobs))
	close(jobs)
	for j := range jobs {
		fmt.Print(j, " ")
	}
	fmt.Println()
	v, ok := <-jobs
	fmt.Printf("recv from closed: %q %v\n", v, ok)

	// select with default: non-blocking send/recv
	mailbox := make(chan Msg, 1)
	for i, text := range []string{"hi", "are you there?", "hello??"} {
		select {
		case mailbox <- Msg{"ann", text}:
			fmt.Println("sent", i, text)
		default:
			fmt.Println("mailbox full, dropped", i, text)
		}
	}
	for range 2 {
		select {
		case m := <-mailbox:
			fmt.Printf("got %+v\n", m)
		default:
			fmt.Println("nothing waiting")
		}
	}

	// context cancel
	ctx, cancel := context.WithCancel(context.Background())
	sum := 0
	for n := range counter(ctx) {
		sum += n
		if n == 10 {
			cancel()
			break
		}
	}
	fmt.Println("sum 0..10 =", sum, "ctx err:", ctx.Err(), errors.Is(ctx.Err(), context.Canceled))

	// timeout that definitely fires
	tctx, tcancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer tcancel()
	block := make(chan int)
	select {
	case <-block:
		fmt.Println("impossible")
	case <-tctx.Done():
		fmt.Println("timed out:", tctx.Err())
	}

	for _, l := range pingPong(4) {
		fmt.Println(l)
	}

	// fan-in with ordered merge by reading each in turn
	a, b := gen(1, 3, 5), gen(2, 4, 6, 8)
	var merged []int
	for a != nil || b != nil {
		if a != nil {
			if x, ok := <-a; ok {
				merged = append(merged, x)
			} else {
				a = nil
			}
		}
		if b != nil {
			if x, ok := <-b; ok {
				merged = append(merged, x)
			} else {
				b = nil
			}
		}
	}
	fmt.Println("merged:", merged)

	// timer channel + duration
	t := time.NewTimer(5 * time.Millisecond)
	<-t.C
	fmt.Println("timer fired after", 5*time.Millisecond)
}
