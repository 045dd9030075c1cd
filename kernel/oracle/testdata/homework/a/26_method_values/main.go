package main

import (
	"fmt"
	"strings"
)

type Counter struct {
	name string
	n    int
}

func (c *Counter) Inc()         { c.n++ }
func (c *Counter) Add(k int)    { c.n += k }
func (c Counter) Get() int      { return c.n }
func (c Counter) Label() string { return fmt.Sprintf("%s=%d", c.name, c.n) }

type Op func(float64) float64

func compose(fs ...Op) Op {
	return func(x float64) float64 {
		for _, f := range fs {
			x = f(x)
		}
		return x
	}
}

func scaleBy(k float64) Op { return func(x float64) float64 { return k * x } }
func shiftBy(k float64) Op { return func(x float64) float64 { return x + k } }

func main() {
	c := Counter{name: "steps"}
	inc := c.Inc // method value, bound to &c
	get := c.Get // method value, receiver COPIED now (n=0)
	for i := 0; i < 5; i++ {
		inc()
	}
	fmt.Println("c.n =", c.n, " get() =", get(), " c.Get() =", c.Get())

	add := (*Counter).Add // method expression
	add(&c, 10)
	label := Counter.Label
	fmt.Println(label(c))

	// closures capture loop variables: since Go 1.22 each iteration has
	// its own variable, so each func remembers a different i
	var fs []func() int
	for i := 0; i < 4; i++ {
		fs = append(fs, func() int { return i * i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	// explicitly shared variable: all closures see the final value
	shared := 0
	var gs []func() int
	for k := 0; k < 4; k++ {
		shared = k
		gs = append(gs, func() int { return shared })
	}
	for _, g := range gs {
		fmt.Print(g(), " ")
	}
	fmt.Println("(shared)")

	// accumulator generator
	makeAcc := func() func(float64) float64 {
		sum := 0.0
		return func(x float64) float64 { sum += x; return sum }
	}
	a1, a2 := makeAcc(), makeAcc()
	a1(1)
	a1(2)
	a2(10)
	fmt.Println("a1:", a1(0), "a2:", a2(0))

	// function values in a table
	pipeline := compose(scaleBy(2), shiftBy(-1), scaleBy(0.5))
	fmt.Println("pipeline(3) =", pipeline(3))

	ops := []struct {
		name string
		f    func(string) string
	}{
		{"upper", strings.ToUpper},
		{"title", func(s string) string { return strings.ToUpper(s[:1]) + s[1:] }},
		{"repeat", func(s string) string { return strings.Repeat(s, 2) }},
	}
	for _, op := range ops {
		fmt.Printf("%-7s %q\n", op.name, op.f("adam"))
	}

	counters := []*Counter{{name: "a"}, {name: "b"}, {name: "c"}}
	var incs []func()
	for _, ct := range counters {
		incs = append(incs, ct.Inc)
	}
	for i, f := range incs {
		for j := 0; j <= i; j++ {
			f()
		}
	}
	for _, ct := range counters {
		fmt.Print(ct.Label(), " ")
	}
	fmt.Println()
}
