package main

import (
	"fmt"
	"sort"
	"sync"
)

type Job struct {
	ID    int
	Input int
}

type Result struct {
	JobID  int
	Input  int
	Output int
	Steps  int
}

// collatz returns the number of steps to reach 1 and the max value seen.
func collatz(n int) (steps, peak int) {
	peak = n
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		if n > peak {
			peak = n
		}
		steps++
	}
	return
}

func worker(id int, jobs <-chan Job, results chan<- Result, wg *sync.WaitGroup, counts []int) {
	defer wg.Done()
	for j := range jobs {
		steps, peak := collatz(j.Input)
		counts[id]++ // each worker only writes its own slot
		results <- Result{JobID: j.ID, Input: j.Input, Output: peak, Steps: steps}
	}
}

func main() {
	const numWorkers = 4
	inputs := []int{27, 7, 97, 1, 871, 6171, 15, 63, 255, 703}

	jobs := make(chan Job)
	results := make(chan Result, len(inputs))
	perWorker := make([]int, numWorkers)

	var wg sync.WaitGroup
	for w := 0; w < numWorkers; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg, perWorker)
	}

	go func() {
		for i, in := range inputs {
			jobs <- Job{ID: i + 1, Input: in}
		}
		close(jobs)
	}()

	go func() {
		wg.Wait()
		close(results)
	}()

	var all []Result
	for r := range results {
		all = append(all, r)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].JobID < all[j].JobID })

	fmt.Printf("%-4s %6s %6s %8s\n", "job", "n", "steps", "peak")
	for _, r := range all {
		fmt.Printf("%-4d %6d %6d %8d\n", r.JobID, r.Input, r.Steps, r.Output)
	}

	total := 0
	for _, c := range perWorker {
		total += c
	}
	fmt.Println("jobs processed:", total)

	best := all[0]
	for _, r := range all[1:] {
		if r.Steps > best.Steps {
			best = r
		}
	}
	fmt.Printf("longest chain: n=%d with %d steps\n", best.Input, best.Steps)

	// fan-in: square numbers in parallel, sum results
	sq := make(chan int)
	var wg2 sync.WaitGroup
	for i := 1; i <= 10; i++ {
		wg2.Add(1)
		go func(n int) {
			defer wg2.Done()
			sq <- n * n
		}(i)
	}
	go func() { wg2.Wait(); close(sq) }()
	sum := 0
	for v := range sq {
		sum += v
	}
	fmt.Println("sum of squares 1..10 =", sum)
}
