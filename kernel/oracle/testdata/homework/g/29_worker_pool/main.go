// Week 12: worker pools. N workers pull jobs from a channel,
// results are summed / sorted so output doesn't depend on scheduling.
package main

import (
	"errors"
	"fmt"
	"math/rand"
	"slices"
	"sort"
	"strings"
	"sync"
)

const numWorkers = 4

type Job struct {
	ID   int
	Data []int
}

type Result struct {
	JobID  int
	Worker int
	Sum    int
	Max    int
	Err    error
}

var ErrEmptyJob = errors.New("empty job")

func process(j Job) (sum, mx int, err error) {
	if len(j.Data) == 0 {
		err = fmt.Errorf("job %d: %w", j.ID, ErrEmptyJob)
		return
	}
	mx = j.Data[0]
	for _, v := range j.Data {
		sum += v
		mx = max(mx, v)
	}
	return
}

func worker(id int, jobs <-chan Job, results chan<- Result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		s, m, err := process(j)
		results <- Result{JobID: j.ID, Worker: id, Sum: s, Max: m, Err: err}
	}
}

func makeJobs(r *rand.Rand, n int) []Job {
	jobs := make([]Job, n)
	for i := range jobs {
		size := r.Intn(8)
		if i == 5 {
			size = 0
		}
		data := make([]int, size)
		for k := range data {
			data[k] = r.Intn(100)
		}
		jobs[i] = Job{ID: i, Data: data}
	}
	return jobs
}

// generic parallel map keeping order
func ParallelMap[T, U any](in []T, workers int, f func(T) U) []U {
	out := make([]U, len(in))
	idx := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range idx {
				out[i] = f(in[i])
			}
		}()
	}
	for i := range in {
		idx <- i
	}
	close(idx)
	wg.Wait()
	return out
}

func main() {
	r := rand.New(rand.NewSource(1))
	jobs := makeJobs(r, 12)
	expected := 0
	for _, j := range jobs {
		for _, v := range j.Data {
			expected += v
		}
	}

	jobCh := make(chan Job)
	resCh := make(chan Result, len(jobs))
	var wg sync.WaitGroup
	for w := 1; w <= numWorkers; w++ {
		wg.Add(1)
		go worker(w, jobCh, resCh, &wg)
	}
	go func() {
		for _, j := range jobs {
			jobCh <- j
		}
		close(jobCh)
	}()
	go func() {
		wg.Wait()
		close(resCh)
	}()

	var all []Result
	total := 0
	perWorker := map[int]int{}
	for res := range resCh {
		all = append(all, res)
		total += res.Sum
		perWorker[res.Worker]++
	}
	sort.Slice(all, func(i, j int) bool { return all[i].JobID < all[j].JobID })
	var failed []string
	for _, res := range all {
		if res.Err != nil {
			failed = append(failed, res.Err.Error())
			fmt.Printf("job %2d: FAILED (%v) empty=%v\n", res.JobID, res.Err, errors.Is(res.Err, ErrEmptyJob))
			continue
		}
		fmt.Printf("job %2d: n=%d sum=%3d max=%2d\n", res.JobID, len(jobs[res.JobID].Data), res.Sum, res.Max)
	}
	fmt.Println("total:", total, "expected:", expected, "match:", total == expected)
	processed := 0
	for _, c := range perWorker {
		processed += c
	}
	fmt.Println("jobs processed:", processed, "workers used <= 4:", len(perWorker) <= numWorkers)
	fmt.Println("failures:", strings.Join(failed, "; "))

	words := strings.Fields("alpha beta gamma delta epsilon zeta eta theta iota kappa")
	lens := ParallelMap(words, 3, func(s string) string { return fmt.Sprintf("%s:%d", s, len(s)) })
	fmt.Println(lens)

	// semaphore limiting concurrency, track max in flight
	sem := make(chan struct{}, 2)
	var mu sync.Mutex
	inFlight, peak := 0, 0
	var done []int
	var wg2 sync.WaitGroup
	for i := range 10 {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			sem <- struct{}{}
			mu.Lock()
			inFlight++
			peak = max(peak, inFlight)
			done = append(done, i*i)
			inFlight--
			mu.Unlock()
			<-sem
		}()
	}
	wg2.Wait()
	slices.Sort(done)
	fmt.Println("peak <= 2:", peak <= 2, "results:", done)

	// shuffle with fixed seed is reproducible
	deck := []string{"A", "2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K"}
	r2 := rand.New(rand.NewSource(42))
	r2.Shuffle(len(deck), func(i, j int) { deck[i], deck[j] = deck[j], deck[i] })
	fmt.Println("shuffled:", deck, r2.Float64() < 1)
}
