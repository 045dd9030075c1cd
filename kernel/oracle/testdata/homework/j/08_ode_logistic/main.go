package main

import (
	"fmt"
	"math"
	"os"
	"text/tabwriter"
)

// Logistic growth dP/dt = r P (1 - P/K)
const (
	r  = 0.8
	K  = 100.0
	P0 = 5.0
	T  = 10.0

	maxSteps = 40960
)

type RHS func(t, y float64) float64

type Stepper interface {
	Step(f RHS, t, y, h float64) float64
	Name() string
	Order() int
}

type Euler struct{}
type Heun struct{}
type RK4 struct{}

func (Euler) Name() string { return "Euler" }
func (Heun) Name() string  { return "Heun" }
func (RK4) Name() string   { return "RK4" }
func (Euler) Order() int   { return 1 }
func (Heun) Order() int    { return 2 }
func (RK4) Order() int     { return 4 }

func (Euler) Step(f RHS, t, y, h float64) float64 { return y + h*f(t, y) }

func (Heun) Step(f RHS, t, y, h float64) float64 {
	k1 := f(t, y)
	k2 := f(t+h, y+h*k1)
	return y + h/2*(k1+k2)
}

func (RK4) Step(f RHS, t, y, h float64) float64 {
	k1 := f(t, y)
	k2 := f(t+h/2, y+h/2*k1)
	k3 := f(t+h/2, y+h/2*k2)
	k4 := f(t+h, y+h*k3)
	return y + h/6*(k1+2*k2+2*k3+k4)
}

type Trajectory struct {
	T, Y []float64
}

func solve(s Stepper, f RHS, y0, t1 float64, n int) Trajectory {
	h := t1 / float64(n)
	tr := Trajectory{make([]float64, n+1), make([]float64, n+1)}
	tr.Y[0] = y0
	for i := 0; i < n; i++ {
		tr.T[i+1] = float64(i+1) * h
		tr.Y[i+1] = s.Step(f, tr.T[i], tr.Y[i], h)
	}
	return tr
}

func logistic(t, p float64) float64 { return r * p * (1 - p/K) }

func exactP(t float64) float64 {
	return K / (1 + (K/P0-1)*math.Exp(-r*t))
}

func main() {
	steppers := []Stepper{Euler{}, Heun{}, RK4{}}

	cfg := struct {
		Rate, Capacity, Start, End float64
		MaxSteps                   int
	}{r, K, P0, T, maxSteps}
	fmt.Printf("config: %+v\n", cfg)
	fmt.Printf("Logistic model r=%.1f K=%.0f P0=%.0f, solution on [0, %.0f]\n\n", r, K, P0, T)

	// trajectory snapshot with n = 20 steps (h = 0.5)
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "t\texact\tEuler\tHeun\tRK4\t")
	trs := make([]Trajectory, len(steppers))
	for i, s := range steppers {
		trs[i] = solve(s, logistic, P0, T, 20)
	}
	for k := 0; k <= 20; k += 4 {
		t := trs[0].T[k]
		fmt.Fprintf(tw, "%.1f\t%.4f\t%.4f\t%.4f\t%.4f\t\n", t, exactP(t), trs[0].Y[k], trs[1].Y[k], trs[2].Y[k])
	}
	tw.Flush()

	fmt.Println("\nGlobal error at t=10 and observed order p = log2(e(h)/e(h/2)):")
	tw = tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "method\tn\th\terror\tp\t")
	for _, s := range steppers {
		prev := 0.0
		for _, n := range []int{10, 20, 40, 80, 160} {
			tr := solve(s, logistic, P0, T, n)
			e := math.Abs(tr.Y[n] - exactP(T))
			p := "-"
			if prev > 0 {
				p = fmt.Sprintf("%.2f", math.Log2(prev/e))
			}
			fmt.Fprintf(tw, "%s\t%d\t%.4f\t%.3e\t%s\t\n", s.Name(), n, T/float64(n), e, p)
			prev = e
		}
	}
	tw.Flush()

	fmt.Println("\nStability of Euler for large steps (final value at t=10):")
	for _, n := range []int{20, 5, 4, 3} {
		tr := solve(Euler{}, logistic, P0, T, n)
		fmt.Printf("  h=%5.3f -> P(10) = %10.4f\n", T/float64(n), tr.Y[n])
	}

	fmt.Println("\nSteps needed for |error| < 1e-6 at t=10:")
	for _, s := range steppers {
		n := stepsFor(s, 1e-6)
		if n < 0 {
			fmt.Printf("  %-6s order %d: n > %d (gave up)\n", s.Name(), s.Order(), maxSteps)
			continue
		}
		fmt.Printf("  %-6s order %d: n = %d\n", s.Name(), s.Order(), n)
	}
}

func stepsFor(s Stepper, tol float64) int {
	for n := 10; n <= maxSteps; n *= 2 {
		tr := solve(s, logistic, P0, T, n)
		if math.Abs(tr.Y[n]-exactP(T)) < tol {
			return n
		}
	}
	return -1
}
