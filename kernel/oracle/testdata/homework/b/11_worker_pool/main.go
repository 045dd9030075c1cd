// Worker pool: jobs channel, results channel, WaitGroup; results sorted before printing.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type Job struct {
	ID int
	N  int
}

type Result struct {
	JobID  int
	N      int
	Primes int
	Worker int
}

// countPrimes counts primes <= n with a simple sieve.
func countPrimes(n int) int {
	if n < 2 {
		return 0
	}
	composite := make([]bool, n+1)
	count := 0
	for i := 2; i <= n; i++ {
		if composite[i] {
			continue
		}
		count++
		for j := i * i; j <= n; j += i {
			composite[j] = true
		}
	}
	return count
}

func worker(id int, jobs <-chan Job, results chan<- Result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- Result{JobID: j.ID, N: j.N, Primes: countPrimes(j.N), Worker: id}
	}
}

func main() {
	const numWorkers = 4
	sizes := []int{10, 100, 1000, 10000, 50000, 7, 2, 1, 500, 99991, 12345, 65536}

	jobs := make(chan Job)
	results := make(chan Result, len(sizes))

	var wg sync.WaitGroup
	for w := 1; w <= numWorkers; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}

	go func() {
		for i, n := range sizes {
			jobs <- Job{ID: i + 1, N: n}
		}
		close(jobs)
	}()

	go func() {
		wg.Wait()
		close(results)
	}()

	var all []Result
	perWorker := make([]int, numWorkers+1)
	for r := range results {
		all = append(all, r)
		perWorker[r.Worker]++
	}

	// Which worker handled which job depends on scheduling, so we only
	// print deterministic facts: sorted results and the total job count.
	sort.Slice(all, func(i, j int) bool { return all[i].JobID < all[j].JobID })
	fmt.Printf("%4s %7s %7s\n", "job", "n", "primes")
	total := 0
	for _, r := range all {
		fmt.Printf("%4d %7d %7d\n", r.JobID, r.N, r.Primes)
		total += r.Primes
	}
	handled := 0
	for _, c := range perWorker {
		handled += c
	}
	fmt.Println("jobs handled:", handled, "sum of primes counts:", total)

	sort.Slice(all, func(i, j int) bool {
		if all[i].Primes != all[j].Primes {
			return all[i].Primes > all[j].Primes
		}
		return all[i].JobID < all[j].JobID
	})
	fmt.Print("top 3 by prime count:")
	for _, r := range all[:3] {
		fmt.Printf(" job%d(%d)", r.JobID, r.Primes)
	}
	fmt.Println()
}
