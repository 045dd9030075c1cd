package main

import (
	"errors"
	"fmt"
	"math"
	"os"
	"strings"
	"text/tabwriter"
)

var ErrDiverged = errors.New("iteration diverged")
var ErrMaxIter = errors.New("maximum iterations reached")

type Map func(float64) float64

type Step struct {
	K     int
	X     float64
	Delta float64
	Ratio float64
}

type History []Step

func (h History) Last() Step { return h[len(h)-1] }

func (h History) Print(title string, every int) {
	fmt.Println(title)
	tw := tabwriter.NewWriter(os.Stdout, 4, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "k\tx_k\t|x_k - x_k-1|\tratio\t")
	for i, s := range h {
		if i%every != 0 && i != len(h)-1 {
			continue
		}
		ratio := "-"
		if s.Ratio > 0 {
			ratio = fmt.Sprintf("%.4f", s.Ratio)
		}
		fmt.Fprintf(tw, "%d\t%.10f\t%.3e\t%s\t\n", s.K, s.X, s.Delta, ratio)
	}
	tw.Flush()
}

func iterate(g Map, x0, tol float64, maxIt int) (History, error) {
	h := History{{K: 0, X: x0}}
	x := x0
	for k := 1; k <= maxIt; k++ {
		nx := g(x)
		if math.IsNaN(nx) || math.IsInf(nx, 0) || math.Abs(nx) > 1e8 {
			return h, fmt.Errorf("step %d: %w", k, ErrDiverged)
		}
		d := math.Abs(nx - x)
		st := Step{K: k, X: nx, Delta: d}
		if prev := h.Last().Delta; prev > 0 && d > 0 {
			st.Ratio = d / prev
		}
		h = append(h, st)
		if d < tol {
			return h, nil
		}
		x = nx
	}
	return h, ErrMaxIter
}

// steffensen applies Aitken's delta-squared to each triple of iterates.
func steffensen(g Map, x0, tol float64, maxIt int) (History, error) {
	h := History{{K: 0, X: x0}}
	x := x0
	for k := 1; k <= maxIt; k++ {
		x1 := g(x)
		x2 := g(x1)
		den := x2 - 2*x1 + x
		if den == 0 {
			h = append(h, Step{K: k, X: x2})
			return h, nil
		}
		nx := x - (x1-x)*(x1-x)/den
		d := math.Abs(nx - x)
		st := Step{K: k, X: nx, Delta: d}
		if prev := h.Last().Delta; prev > 0 && d > 0 {
			st.Ratio = d / prev
		}
		h = append(h, st)
		if d < tol {
			return h, nil
		}
		x = nx
	}
	return h, ErrMaxIter
}

func main() {
	const tol = 1e-10
	type entry struct {
		label string
		g     Map
		x0    float64
	}
	// All are rearrangements of x^3 + 4x^2 - 10 = 0 (root near 1.365).
	entries := []entry{
		{"g1 = x - x^3 - 4x^2 + 10", func(x float64) float64 { return x - x*x*x - 4*x*x + 10 }, 1.5},
		{"g2 = sqrt(10/x - 4x)", func(x float64) float64 { return math.Sqrt(10/x - 4*x) }, 1.5},
		{"g3 = 0.5*sqrt(10 - x^3)", func(x float64) float64 { return 0.5 * math.Sqrt(10-x*x*x) }, 1.5},
		{"g4 = sqrt(10/(4+x))", func(x float64) float64 { return math.Sqrt(10 / (4 + x)) }, 1.5},
	}

	for _, e := range entries {
		h, err := iterate(e.g, e.x0, tol, 60)
		fmt.Printf("%-26s ", e.label)
		switch {
		case errors.Is(err, ErrDiverged):
			fmt.Printf("diverged (%v)\n", err)
		case errors.Is(err, ErrMaxIter):
			fmt.Printf("no convergence in %d steps, last x=%.6f\n", h.Last().K, h.Last().X)
		default:
			fmt.Printf("converged in %2d steps to %.10f\n", h.Last().K, h.Last().X)
		}
	}
	fmt.Println(strings.Repeat("-", 60))

	h3, _ := iterate(entries[2].g, 1.5, tol, 60)
	h3.Print("Table for g3 (linear convergence, ratio -> |g3'(p)|):", 4)
	fmt.Println()

	h4, _ := iterate(entries[3].g, 1.5, tol, 60)
	h4.Print("Table for g4:", 2)
	fmt.Println()

	hs, err := steffensen(entries[2].g, 1.5, tol, 20)
	if err != nil {
		fmt.Println("steffensen:", err)
	}
	hs.Print("Steffensen acceleration of g3:", 1)

	p := hs.Last().X
	dg := (entries[2].g(p+1e-6) - entries[2].g(p-1e-6)) / 2e-6
	fmt.Printf("\nestimated |g3'(p)| = %.4f, so expected ratio ~ %.4f\n", math.Abs(dg), math.Abs(dg))
}
