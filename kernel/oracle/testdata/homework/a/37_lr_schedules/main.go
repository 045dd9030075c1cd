package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

type Schedule interface {
	LR(step int) float64
}

type Constant struct{ Base float64 }
type StepDecay struct {
	Base, Gamma float64
	Every       int
}
type ExpDecay struct{ Base, Rate float64 }
type Cosine struct {
	Base, Min float64
	Total     int
}
type Warmup struct {
	Inner  Schedule
	Warmup int
}

func (c Constant) LR(int) float64 { return c.Base }
func (s StepDecay) LR(t int) float64 {
	return s.Base * math.Pow(s.Gamma, float64(t/s.Every))
}
func (e ExpDecay) LR(t int) float64 { return e.Base * math.Exp(-e.Rate*float64(t)) }
func (c Cosine) LR(t int) float64 {
	if t >= c.Total {
		return c.Min
	}
	return c.Min + 0.5*(c.Base-c.Min)*(1+math.Cos(math.Pi*float64(t)/float64(c.Total)))
}
func (w Warmup) LR(t int) float64 {
	if t < w.Warmup {
		return w.Inner.LR(0) * float64(t+1) / float64(w.Warmup)
	}
	return w.Inner.LR(t - w.Warmup)
}

var registry = map[string]Schedule{}

func init() {
	registry["constant"] = Constant{0.1}
	registry["step"] = StepDecay{0.1, 0.5, 25}
	registry["exp"] = ExpDecay{0.1, 0.03}
}

func init() { // a second init in the same file runs after the first
	registry["cosine"] = Cosine{0.1, 0.001, 100}
	registry["warmup+cos"] = Warmup{Cosine{0.1, 0.001, 90}, 10}
}

// train minimises f(x) = 0.5*x^2 + 0.5*sin(3x)^2-ish noise-free objective
func train(s Schedule, steps int) float64 {
	x := 3.0
	for t := 0; t < steps; t++ {
		g := x + 1.5*math.Sin(6*x)*0.5
		x -= s.LR(t) * g * 5
	}
	return x
}

func main() {
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)

	steps := []int{0, 5, 10, 25, 50, 75, 99}
	var sb strings.Builder
	fmt.Fprintf(&sb, "%-11s", "schedule")
	for _, s := range steps {
		fmt.Fprintf(&sb, "%9s", fmt.Sprintf("t=%d", s))
	}
	fmt.Println(sb.String())
	fmt.Println(strings.Repeat("=", sb.Len()))
	for _, n := range names {
		fmt.Printf("%-11s", n)
		for _, t := range steps {
			fmt.Printf("%9.5f", registry[n].LR(t))
		}
		fmt.Println()
	}

	fmt.Println("\nfinal x after 100 steps (optimum near 0):")
	for _, n := range names {
		s := registry[n]
		fmt.Printf("  %-11s %-16T x=%+.3e\n", n, s, train(s, 100))
	}
	fmt.Printf("\n%#v\n", registry["step"])
	if w, ok := registry["warmup+cos"].(Warmup); ok {
		fmt.Printf("inner of warmup: %+v\n", w.Inner)
	}
}
