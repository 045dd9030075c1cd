// Homework 7: Emergency room triage with container/heap.
package main

import (
	"container/heap"
	"fmt"
	"time"
)

type Severity int

const (
	Minor Severity = iota + 1
	Moderate
	Serious
	Critical
)

func (s Severity) String() string {
	switch s {
	case Minor:
		return "minor"
	case Moderate:
		return "moderate"
	case Serious:
		return "serious"
	case Critical:
		return "CRITICAL"
	default:
		return "?"
	}
}

type Patient struct {
	Name     string
	Severity Severity
	Arrival  time.Duration // offset from start of shift
	index    int
}

type PatientQueue []*Patient

func (pq PatientQueue) Len() int { return len(pq) }
func (pq PatientQueue) Less(i, j int) bool {
	if pq[i].Severity != pq[j].Severity {
		return pq[i].Severity > pq[j].Severity
	}
	return pq[i].Arrival < pq[j].Arrival
}
func (pq PatientQueue) Swap(i, j int) {
	pq[i], pq[j] = pq[j], pq[i]
	pq[i].index = i
	pq[j].index = j
}
func (pq *PatientQueue) Push(x any) {
	p := x.(*Patient)
	p.index = len(*pq)
	*pq = append(*pq, p)
}
func (pq *PatientQueue) Pop() any {
	old := *pq
	n := len(old)
	p := old[n-1]
	old[n-1] = nil
	p.index = -1
	*pq = old[:n-1]
	return p
}

// Escalate changes a patient's severity and fixes the heap.
func (pq *PatientQueue) Escalate(p *Patient, s Severity) {
	p.Severity = s
	heap.Fix(pq, p.index)
}

func main() {
	arrivals := []Patient{
		{Name: "Ana", Severity: Moderate, Arrival: 5 * time.Minute},
		{Name: "Ben", Severity: Minor, Arrival: 7 * time.Minute},
		{Name: "Cleo", Severity: Critical, Arrival: 12 * time.Minute},
		{Name: "Dev", Severity: Serious, Arrival: 13 * time.Minute},
		{Name: "Eve", Severity: Moderate, Arrival: 20 * time.Minute},
		{Name: "Finn", Severity: Minor, Arrival: 21 * time.Minute},
	}
	pq := &PatientQueue{}
	heap.Init(pq)
	byName := map[string]*Patient{}
	for i := range arrivals {
		p := &arrivals[i]
		heap.Push(pq, p)
		byName[p.Name] = p
	}
	fmt.Printf("%d patients waiting\n", pq.Len())

	pq.Escalate(byName["Finn"], Critical)
	fmt.Println("Finn escalated to", byName["Finn"].Severity)

	clock := 25 * time.Minute
	treatTime := map[Severity]time.Duration{Minor: 10 * time.Minute, Moderate: 15 * time.Minute,
		Serious: 30 * time.Minute, Critical: 45 * time.Minute}
	var totalWait time.Duration
	n := pq.Len()
	for pq.Len() > 0 {
		p := heap.Pop(pq).(*Patient)
		wait := clock - p.Arrival
		totalWait += wait
		fmt.Printf("%-8v %-5s arrived %-6v waited %-7v treated %v\n", p.Severity, p.Name, p.Arrival, wait, treatTime[p.Severity])
		clock += treatTime[p.Severity]
	}
	fmt.Println("shift finished at", clock)
	fmt.Println("average wait:", (totalWait / time.Duration(n)).Round(time.Second))
}
