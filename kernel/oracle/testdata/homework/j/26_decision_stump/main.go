package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

type Point struct {
	X []float64
	Y int // +1 / -1
}

type Stump struct {
	Feature   int
	Threshold float64
	Polarity  int // +1: predict +1 when x > threshold
	Err       float64
}

func (s Stump) Predict(x []float64) int {
	if x[s.Feature] > s.Threshold {
		return s.Polarity
	}
	return -s.Polarity
}

func (s Stump) String() string {
	op := ">"
	if s.Polarity < 0 {
		op = "<="
	}
	return fmt.Sprintf("if x%d %s %.2f then +1 (weighted err %.4f)", s.Feature, op, s.Threshold, s.Err)
}

// fitStump searches every midpoint between sorted feature values.
func fitStump(data []Point, w []float64) Stump {
	best := Stump{Err: math.Inf(1)}
	d := len(data[0].X)
	for f := 0; f < d; f++ {
		vals := make([]float64, len(data))
		for i, p := range data {
			vals[i] = p.X[f]
		}
		sort.Float64s(vals)
		cands := []float64{vals[0] - 1}
		for i := 1; i < len(vals); i++ {
			if vals[i] != vals[i-1] {
				cands = append(cands, (vals[i]+vals[i-1])/2)
			}
		}
		for _, t := range cands {
			for _, pol := range []int{1, -1} {
				s := Stump{Feature: f, Threshold: t, Polarity: pol}
				e := 0.0
				for i, p := range data {
					if s.Predict(p.X) != p.Y {
						e += w[i]
					}
				}
				if e < best.Err-1e-12 {
					s.Err = e
					best = s
				}
			}
		}
	}
	return best
}

type weakLearner struct {
	Stump
	Alpha float64
}

type AdaBoost struct {
	learners []weakLearner
}

func (a *AdaBoost) Fit(data []Point, rounds int, report func(round int, wl weakLearner, trainErr float64)) {
	n := len(data)
	w := make([]float64, n)
	for i := range w {
		w[i] = 1 / float64(n)
	}
	for r := 1; r <= rounds; r++ {
		s := fitStump(data, w)
		eps := math.Max(s.Err, 1e-10)
		alpha := 0.5 * math.Log((1-eps)/eps)
		wl := weakLearner{s, alpha}
		a.learners = append(a.learners, wl)
		z := 0.0
		for i, p := range data {
			w[i] *= math.Exp(-alpha * float64(p.Y*s.Predict(p.X)))
			z += w[i]
		}
		for i := range w {
			w[i] /= z
		}
		if report != nil {
			report(r, wl, a.errorRate(data))
		}
	}
}

func (a *AdaBoost) Score(x []float64) float64 {
	s := 0.0
	for _, l := range a.learners {
		s += l.Alpha * float64(l.Predict(x))
	}
	return s
}

func (a *AdaBoost) errorRate(data []Point) float64 {
	wrong := 0
	for _, p := range data {
		if (a.Score(p.X) > 0) != (p.Y > 0) {
			wrong++
		}
	}
	return float64(wrong) / float64(len(data))
}

var train = []Point{
	{[]float64{1, 1}, -1}, {[]float64{2, 1}, -1}, {[]float64{1, 3}, -1}, {[]float64{2, 4}, 1},
	{[]float64{3, 2}, -1}, {[]float64{4, 4}, 1}, {[]float64{5, 1}, 1}, {[]float64{5, 3}, 1},
	{[]float64{3, 5}, 1}, {[]float64{4, 2}, 1}, {[]float64{2, 2.5}, -1}, {[]float64{3.5, 3.5}, 1},
	{[]float64{1.5, 4.5}, 1}, {[]float64{4.5, 0.5}, -1},
}

func main() {
	uniform := make([]float64, len(train))
	for i := range uniform {
		uniform[i] = 1.0 / float64(len(train))
	}
	s := fitStump(train, uniform)
	fmt.Println("best single stump:", s)
	fmt.Printf("training accuracy: %.3f\n\n", 1-s.Err)

	fmt.Println("AdaBoost with stumps:")
	fmt.Printf("%-6s %-48s %-7s %s\n", "round", "stump", "alpha", "train err")
	fmt.Println(strings.Repeat("-", 75))
	var ab AdaBoost
	ab.Fit(train, 8, func(r int, wl weakLearner, te float64) {
		fmt.Printf("%-6d %-48v %-7.4f %.3f\n", r, wl.Stump, wl.Alpha, te)
	})

	fmt.Println("\nensemble decision map (x0 left to right 0.5..5.5, x1 top to bottom 5..0):")
	for y := 5.0; y >= 0; y -= 0.5 {
		var sb strings.Builder
		for x := 0.5; x <= 5.5; x += 0.5 {
			if ab.Score([]float64{x, y}) > 0 {
				sb.WriteString(" +")
			} else {
				sb.WriteString(" .")
			}
		}
		fmt.Printf("  %4.1f%s\n", y, sb.String())
	}
}
