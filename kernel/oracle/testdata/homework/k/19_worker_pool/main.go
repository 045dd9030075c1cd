// Homework 19: A worker pool that counts primes in ranges concurrently.
// Results are collected and sorted so the output is deterministic.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type Job struct {
	ID       int
	From, To int
}

type Result struct {
	Job    Job
	Primes int
	Worker int
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

func worker(id int, jobs <-chan Job, results chan<- Result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		count := 0
		for n := j.From; n < j.To; n++ {
			if isPrime(n) {
				count++
			}
		}
		results <- Result{Job: j, Primes: count, Worker: id}
	}
}

func main() {
	const (
		numWorkers = 4
		chunk      = 25000
		limit      = 200000
	)
	jobs := make(chan Job)
	results := make(chan Result)
	var wg sync.WaitGroup
	for w := 1; w <= numWorkers; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	go func() {
		for i, from := 0, 0; from < limit; i, from = i+1, from+chunk {
			jobs <- Job{ID: i, From: from, To: from + chunk}
		}
		close(jobs)
	}()
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
	sort.Slice(all, func(i, j int) bool { return all[i].Job.ID < all[j].Job.ID })

	total := 0
	for _, r := range all {
		total += r.Primes
		fmt.Printf("[%6d, %6d) primes=%5d\n", r.Job.From, r.Job.To, r.Primes)
	}
	fmt.Printf("total primes below %d: %d\n", limit, total)

	jobsDone := 0
	for _, n := range perWorker {
		jobsDone += n
	}
	fmt.Printf("%d jobs handled by %d workers\n", jobsDone, numWorkers)

	// mutex-protected counter as a second exercise
	var mu sync.Mutex
	var twin int
	var wg2 sync.WaitGroup
	for start := 0; start < limit; start += chunk {
		wg2.Add(1)
		go func(lo, hi int) {
			defer wg2.Done()
			local := 0
			for n := lo; n < hi; n++ {
				if isPrime(n) && isPrime(n+2) {
					local++
				}
			}
			mu.Lock()
			twin += local
			mu.Unlock()
		}(start, start+chunk)
	}
	wg2.Wait()
	fmt.Println("twin prime pairs (p, p+2) with p below limit:", twin)
}
