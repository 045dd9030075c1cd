// Homework 13: learning-rate schedules as function types.
// Constant, step decay, cosine annealing, linear warmup + cosine, and
// 1/t decay, compared on noisy SGD for linear regression.
package main

import (
	"fmt"
	"math"
	"math/rand"
	"strings"
)

type Schedule func(step int) float64

func Constant(lr float64) Schedule { return func(int) float64 { return lr } }

func StepDecay(lr0, factor float64, every int) Schedule {
	return func(step int) float64 {
		return lr0 * math.Pow(factor, float64(step/every))
	}
}

func Cosine(lr0, lrMin float64, total int) Schedule {
	return func(step int) float64 {
		if step >= total {
			return lrMin
		}
		c := 0.5 * (1 + math.Cos(math.Pi*float64(step)/float64(total)))
		return lrMin + (lr0-lrMin)*c
	}
}

// Warmup wraps another schedule with a linear ramp.
func Warmup(warm int, inner Schedule) Schedule {
	return func(step int) float64 {
		if step < warm {
			return inner(0) * float64(step+1) / float64(warm)
		}
		return inner(step - warm)
	}
}

func InverseTime(lr0, k float64) Schedule {
	return func(step int) float64 { return lr0 / (1 + k*float64(step)) }
}

const totalSteps = 400

type named struct {
	name string
	s    Schedule
}

var schedules = []named{
	{"constant", Constant(0.05)},
	{"step", StepDecay(0.05, 0.3, 100)},
	{"cosine", Cosine(0.05, 0.0005, totalSteps)},
	{"warmup+cos", Warmup(40, Cosine(0.05, 0.0005, totalSteps-40))},
	{"1/t", InverseTime(0.05, 0.02)},
}

// noisy linear regression: y = 2 x1 - 3 x2 + 0.5 + noise
type sample struct {
	x [2]float64
	y float64
}

func makeData(rng *rand.Rand, n int) []sample {
	out := make([]sample, n)
	for i := range out {
		x1, x2 := rng.NormFloat64(), rng.NormFloat64()
		out[i] = sample{[2]float64{x1, x2}, 2*x1 - 3*x2 + 0.5 + 0.5*rng.NormFloat64()}
	}
	return out
}

func fullLoss(w [3]float64, data []sample) float64 {
	s := 0.0
	for _, d := range data {
		r := w[0]*d.x[0] + w[1]*d.x[1] + w[2] - d.y
		s += r * r
	}
	return s / float64(2*len(data))
}

func train(s Schedule, data []sample, seed int64) ([3]float64, []float64) {
	rng := rand.New(rand.NewSource(seed))
	var w [3]float64
	var hist []float64
	for step := 0; step < totalSteps; step++ {
		d := data[rng.Intn(len(data))]
		r := w[0]*d.x[0] + w[1]*d.x[1] + w[2] - d.y
		lr := s(step)
		w[0] -= lr * r * d.x[0]
		w[1] -= lr * r * d.x[1]
		w[2] -= lr * r
		if (step+1)%100 == 0 {
			hist = append(hist, fullLoss(w, data))
		}
	}
	return w, hist
}

func main() {
	fmt.Printf("%-12s", "step:")
	probe := []int{0, 20, 39, 40, 100, 200, 300, 399}
	for _, p := range probe {
		fmt.Printf("%9d", p)
	}
	fmt.Println()
	for _, sc := range schedules {
		fmt.Printf("%-12s", sc.name)
		for _, p := range probe {
			fmt.Printf("%9.5f", sc.s(p))
		}
		fmt.Println()
	}

	fmt.Println("\nwarmup+cos shape (one column per 20 steps):")
	ws := schedules[3].s
	for level := 5; level >= 1; level-- {
		var sb strings.Builder
		for step := 0; step < totalSteps; step += 20 {
			if ws(step)/0.05*5 >= float64(level)-0.5 {
				sb.WriteByte('*')
			} else {
				sb.WriteByte(' ')
			}
		}
		fmt.Printf("  |%s\n", sb.String())
	}
	fmt.Printf("  +%s\n", strings.Repeat("-", totalSteps/20))

	data := makeData(rand.New(rand.NewSource(1)), 200)
	fmt.Printf("\nnoise floor (loss at true w): %.5f\n", fullLoss([3]float64{2, -3, 0.5}, data))
	fmt.Println("SGD loss at steps 100/200/300/400 and final weights:")
	for _, sc := range schedules {
		w, hist := train(sc.s, data, 7)
		fmt.Printf("  %-11s %.5f  w=[%.3f %.3f %.3f]\n", sc.name, hist, w[0], w[1], w[2])
	}
}
