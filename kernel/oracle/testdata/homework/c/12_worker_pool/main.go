package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Job struct {
	ID   int
	Text string
}

type Result struct {
	JobID  int
	Worker int
	Vowels int
	Upper  string
}

func worker(id int, jobs <-chan Job, results chan<- Result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		v := 0
		for _, r := range j.Text {
			if strings.ContainsRune("aeiouAEIOU", r) {
				v++
			}
		}
		results <- Result{JobID: j.ID, Worker: id, Vowels: v, Upper: strings.ToUpper(j.Text)}
	}
}

func main() {
	texts := []string{
		"the quick brown fox", "jumps over", "the lazy dog",
		"goroutines are cheap", "channels orchestrate", "mutexes serialize",
		"select multiplexes", "context cancels", "buffered channels", "done",
	}
	jobs := make(chan Job, len(texts))
	results := make(chan Result, len(texts))

	var wg sync.WaitGroup
	const numWorkers = 3
	for w := 1; w <= numWorkers; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for i, t := range texts {
		jobs <- Job{ID: i, Text: t}
	}
	close(jobs)

	go func() {
		wg.Wait()
		close(results)
	}()

	var all []Result
	perWorker := map[int]int{}
	for r := range results {
		all = append(all, r)
		perWorker[r.Worker]++
	}
	sort.Slice(all, func(i, j int) bool { return all[i].JobID < all[j].JobID })

	totalV := 0
	for _, r := range all {
		fmt.Printf("job %2d: %-22s vowels=%d\n", r.JobID, r.Upper, r.Vowels)
		totalV += r.Vowels
	}
	done := 0
	for _, n := range perWorker {
		done += n
	}
	fmt.Println("jobs done:", done, "total vowels:", totalV)

	// pipeline: gen -> square -> sum
	gen := func(n int) <-chan int {
		out := make(chan int)
		go func() {
			defer close(out)
			for i := 1; i <= n; i++ {
				out <- i
			}
		}()
		return out
	}
	sq := func(in <-chan int) <-chan int {
		out := make(chan int)
		go func() {
			defer close(out)
			for v := range in {
				out <- v * v
			}
		}()
		return out
	}
	var pipeline []int
	for v := range sq(sq(gen(6))) {
		pipeline = append(pipeline, v)
	}
	fmt.Println("pipeline:", pipeline)

	buf := make(chan string, 3)
	buf <- "a"
	buf <- "b"
	fmt.Println("len/cap:", len(buf), cap(buf))
	close(buf)
	for s := range buf {
		fmt.Print(s)
	}
	v, ok := <-buf
	fmt.Printf(" closed read: %q %v\n", v, ok)
}
