package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"text/tabwriter"
)

type Customer struct {
	ID      int
	Arrive  int
	Service int
	Start   int
}

type Teller struct {
	Name     string
	busyTill int
	served   int
	busyTime int
}

type Queue struct {
	items []*Customer
}

func (q *Queue) Push(c *Customer) { q.items = append(q.items, c) }
func (q *Queue) Pop() *Customer {
	c := q.items[0]
	q.items = q.items[1:]
	return c
}
func (q *Queue) Len() int { return len(q.items) }

type Result struct {
	Tellers  int
	AvgWait  float64
	MaxWait  int
	MaxQueue int
	Finished int
	Util     []float64
}

const (
	simMinutes  = 240
	arrivalProb = 0.45
	minService  = 2
	maxService  = 7
)

func simulate(nTellers int, seed uint64) Result {
	rng := rand.New(rand.NewPCG(seed, 2))
	tellers := make([]*Teller, nTellers)
	for i := range tellers {
		tellers[i] = &Teller{Name: fmt.Sprintf("T%d", i+1)}
	}
	var q Queue
	var done []*Customer
	nextID := 1
	maxQ := 0
	for t := 0; t < simMinutes; t++ {
		if rng.Float64() < arrivalProb {
			q.Push(&Customer{ID: nextID, Arrive: t, Service: minService + rng.IntN(maxService-minService+1)})
			nextID++
		}
		for _, tl := range tellers {
			if tl.busyTill <= t && q.Len() > 0 {
				c := q.Pop()
				c.Start = t
				tl.busyTill = t + c.Service
				tl.busyTime += c.Service
				tl.served++
				done = append(done, c)
			}
		}
		maxQ = max(maxQ, q.Len())
	}
	res := Result{Tellers: nTellers, MaxQueue: maxQ, Finished: len(done)}
	total := 0
	for _, c := range done {
		w := c.Start - c.Arrive
		total += w
		res.MaxWait = max(res.MaxWait, w)
	}
	if len(done) > 0 {
		res.AvgWait = float64(total) / float64(len(done))
	}
	for _, tl := range tellers {
		res.Util = append(res.Util, 100*float64(min(tl.busyTime, simMinutes))/simMinutes)
	}
	return res
}

func main() {
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "tellers\tserved\tavg wait\tmax wait\tmax queue\t")
	var results []Result
	for n := 1; n <= 4; n++ {
		r := simulate(n, 42)
		results = append(results, r)
		fmt.Fprintf(tw, "%d\t%d\t%6.2f\t%d\t%d\t\n", r.Tellers, r.Finished, r.AvgWait, r.MaxWait, r.MaxQueue)
	}
	tw.Flush()
	for _, r := range results {
		fmt.Printf("tellers=%d utilization:", r.Tellers)
		for _, u := range r.Util {
			fmt.Printf(" %5.1f%%", u)
		}
		fmt.Println()
	}
	// the same seed must give the same day
	a, b := simulate(2, 7), simulate(2, 7)
	fmt.Printf("repeatable: %t\n", fmt.Sprint(a) == fmt.Sprint(b))
	fmt.Printf("%+v\n", simulate(3, 99))

	rng := rand.New(rand.NewPCG(1, 2))
	var sample []int
	for range 10 {
		sample = append(sample, rng.IntN(100))
	}
	fmt.Println("sample:", sample, "perm:", rng.Perm(6))
}
