package main

import (
	"fmt"
	"math"
	"strings"
)

// x” = -omega^2 x, written as a first-order system in (x, v).
const omega = 2.0

type State struct{ X, V float64 }

func (s State) Add(o State) State     { return State{s.X + o.X, s.V + o.V} }
func (s State) Scale(c float64) State { return State{c * s.X, c * s.V} }
func (s State) Energy() float64       { return 0.5*s.V*s.V + 0.5*omega*omega*s.X*s.X }
func (s State) String() string        { return fmt.Sprintf("(x=%+.5f, v=%+.5f)", s.X, s.V) }
func deriv(s State) State             { return State{s.V, -omega * omega * s.X} }
func exact(t float64, s0 State) State {
	c, sn := math.Cos(omega*t), math.Sin(omega*t)
	return State{s0.X*c + s0.V/omega*sn, -s0.X*omega*sn + s0.V*c}
}

type Integrator func(s State, h float64) State

var schemes = []struct {
	name string
	step Integrator
}{
	{"explicit Euler", func(s State, h float64) State {
		return s.Add(deriv(s).Scale(h))
	}},
	{"symplectic Euler", func(s State, h float64) State {
		v := s.V - h*omega*omega*s.X
		return State{s.X + h*v, v}
	}},
	{"velocity Verlet", func(s State, h float64) State {
		a := -omega * omega * s.X
		x := s.X + h*s.V + 0.5*h*h*a
		a2 := -omega * omega * x
		return State{x, s.V + 0.5*h*(a+a2)}
	}},
	{"Heun", func(s State, h float64) State {
		k1 := deriv(s)
		k2 := deriv(s.Add(k1.Scale(h)))
		return s.Add(k1.Add(k2).Scale(h / 2))
	}},
	{"RK4", rk4},
}

func rk4(s State, h float64) State {
	k1 := deriv(s)
	k2 := deriv(s.Add(k1.Scale(h / 2)))
	k3 := deriv(s.Add(k2.Scale(h / 2)))
	k4 := deriv(s.Add(k3.Scale(h)))
	sum := k1.Add(k2.Scale(2)).Add(k3.Scale(2)).Add(k4)
	return s.Add(sum.Scale(h / 6))
}

type drift struct {
	checkpoints []float64
	maxRel      float64
}

func run(step Integrator, s0 State, h float64, nSteps int, every int) (State, drift) {
	e0 := s0.Energy()
	s := s0
	var d drift
	for i := 1; i <= nSteps; i++ {
		s = step(s, h)
		rel := (s.Energy() - e0) / e0
		if math.Abs(rel) > d.maxRel {
			d.maxRel = math.Abs(rel)
		}
		if i%every == 0 {
			d.checkpoints = append(d.checkpoints, rel)
		}
	}
	return s, d
}

func main() {
	s0 := State{X: 1, V: 0}
	h := 0.05
	n := 2000 // t = 100, about 32 periods
	fmt.Printf("Harmonic oscillator omega=%.1f, start %v, E0=%.4f, h=%.2f, t_end=%.0f\n\n",
		omega, s0, s0.Energy(), h, float64(n)*h)

	fmt.Println("Relative energy error (E-E0)/E0 at t = 20, 40, 60, 80, 100")
	fmt.Printf("%-18s", "scheme")
	for t := 20; t <= 100; t += 20 {
		fmt.Printf("%12s", fmt.Sprintf("t=%d", t))
	}
	fmt.Println()
	fmt.Println(strings.Repeat("=", 78))
	finals := map[string]State{}
	for _, sc := range schemes {
		final, d := run(sc.step, s0, h, n, 400)
		finals[sc.name] = final
		fmt.Printf("%-18s", sc.name)
		for _, c := range d.checkpoints {
			fmt.Printf("%12.3e", c)
		}
		fmt.Println()
	}

	fmt.Println("\nFinal states vs exact:")
	ex := exact(float64(n)*h, s0)
	fmt.Printf("  %-18s %v\n", "exact", ex)
	for _, sc := range schemes {
		f := finals[sc.name]
		fmt.Printf("  %-18s %v  |dx|=%.2e\n", sc.name, f, math.Abs(f.X-ex.X))
	}

	fmt.Println("\nMax |relative energy error| over [0,100] as h shrinks:")
	fmt.Printf("  %-8s %-14s %-14s %-14s\n", "h", "sympl. Euler", "Verlet", "RK4")
	for _, hh := range []float64{0.1, 0.05, 0.025} {
		steps := int(math.Round(100 / hh))
		_, d1 := run(schemes[1].step, s0, hh, steps, steps)
		_, d2 := run(schemes[2].step, s0, hh, steps, steps)
		_, d3 := run(rk4, s0, hh, steps, steps)
		fmt.Printf("  %-8.3f %-14.3e %-14.3e %-14.3e\n", hh, d1.maxRel, d2.maxRel, d3.maxRel)
	}
}
