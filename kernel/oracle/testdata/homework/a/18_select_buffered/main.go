package main

import "fmt"

type msg struct {
	seq  int
	text string
}

func main() {
	// 1. a buffered channel used as a queue, drained with select/default
	queue := make(chan int, 5)
	dropped := 0
	for i := 1; i <= 8; i++ {
		select {
		case queue <- i * i:
		default:
			dropped++ // full, do not block
		}
	}
	fmt.Printf("len=%d cap=%d dropped=%d\n", len(queue), cap(queue), dropped)
	close(queue)
	for v := range queue {
		fmt.Print(v, " ")
	}
	fmt.Println()

	// 2. two producers; we only select between channels that are ready in a
	// fixed order, so the output does not depend on the scheduler.
	evens := make(chan msg, 10)
	odds := make(chan msg, 10)
	done := make(chan struct{})
	go func() {
		for i := 0; i < 10; i += 2 {
			evens <- msg{i, fmt.Sprintf("even %d", i)}
		}
		close(evens)
		done <- struct{}{}
	}()
	go func() {
		for i := 1; i < 10; i += 2 {
			odds <- msg{i, fmt.Sprintf("odd %d", i)}
		}
		close(odds)
		done <- struct{}{}
	}()
	<-done
	<-done // both finished, everything is buffered

	got := make([]string, 10)
	for evens != nil || odds != nil {
		select {
		case m, ok := <-evens:
			if !ok {
				evens = nil
				continue
			}
			got[m.seq] = m.text
		case m, ok := <-odds:
			if !ok {
				odds = nil
				continue
			}
			got[m.seq] = m.text
		}
	}
	for i, s := range got {
		fmt.Printf("%d:%q ", i, s)
	}
	fmt.Println()

	// 3. semaphore pattern: at most 2 "workers" hold a token at once
	sem := make(chan struct{}, 2)
	results := make(chan [2]int, 6)
	for i := 0; i < 6; i++ {
		sem <- struct{}{}
		go func(n int) {
			defer func() { <-sem }()
			results <- [2]int{n, n * n * n}
		}(i)
	}
	cubes := make([]int, 6)
	for i := 0; i < 6; i++ {
		r := <-results
		cubes[r[0]] = r[1]
	}
	fmt.Println("cubes:", cubes)

	// 4. nil channel in select is never ready
	var never chan int
	select {
	case v := <-never:
		fmt.Println("impossible", v)
	default:
		fmt.Println("nil channel blocks forever; default taken")
	}
}
