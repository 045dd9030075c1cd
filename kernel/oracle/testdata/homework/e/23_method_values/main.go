package main

import (
	"fmt"
	"sort"
	"strings"
)

type Point struct{ X, Y float64 }

func (p Point) Add(q Point) Point     { return Point{p.X + q.X, p.Y + q.Y} }
func (p Point) Scale(f float64) Point { return Point{p.X * f, p.Y * f} }
func (p *Point) Move(dx, dy float64)  { p.X += dx; p.Y += dy }
func (p Point) String() string        { return fmt.Sprintf("(%g,%g)", p.X, p.Y) }

type Counter struct {
	name string
	n    int
}

func (c *Counter) Inc()          { c.n++ }
func (c *Counter) IncBy(k int)   { c.n += k }
func (c Counter) String() string { return fmt.Sprintf("%s=%d", c.name, c.n) }

type Op func(float64, float64) float64

func (op Op) apply(a, b float64) float64 { return op(a, b) }

type Temp float64

func (t Temp) Fahrenheit() float64 { return float64(t)*9/5 + 32 }

func applyAll(fs []func(), times int) {
	for range times {
		for _, f := range fs {
			f()
		}
	}
}

func main() {
	p := Point{1, 2}

	// method value: receiver bound now (copied, since Add has a value receiver)
	addP := p.Add
	p = Point{100, 100}
	fmt.Println("addP(1,1) =", addP(Point{1, 1}), "p =", p)

	// method expression: receiver becomes the first parameter
	scale := Point.Scale
	fmt.Println("Point.Scale(p, 0.5) =", scale(p, 0.5))
	fmt.Printf("%T\n", scale)

	move := (*Point).Move
	move(&p, -50, 25)
	fmt.Println("after (*Point).Move:", p)

	// pointer method value keeps pointing at the same variable
	mv := p.Move
	mv(1, 1)
	mv(1, 1)
	fmt.Println("after mv twice:", p)

	a, b := &Counter{name: "a"}, &Counter{name: "b"}
	applyAll([]func(){a.Inc, b.Inc, a.Inc}, 3)
	incB := b.IncBy
	incB(10)
	fmt.Println(a, b)

	strFn := Counter.String
	fmt.Println("via method expression:", strFn(*a))

	// method values stored in a map
	var sb strings.Builder
	writers := map[string]func(string) (int, error){
		"builder": sb.WriteString,
	}
	writers["builder"]("hello, ")
	writers["builder"]("world")
	fmt.Println(sb.String(), sb.Len())

	// methods on function types
	ops := map[string]Op{
		"add": func(a, b float64) float64 { return a + b },
		"mul": func(a, b float64) float64 { return a * b },
		"pow": func(a, b float64) float64 {
			r := 1.0
			for i := 0; i < int(b); i++ {
				r *= a
			}
			return r
		},
	}
	names := make([]string, 0, len(ops))
	for k := range ops {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Printf("%s(3, 4) = %g\n", n, ops[n].apply(3, 4))
	}

	// method value on a named non-struct type
	temps := []Temp{-40, 0, 37, 100}
	conv := make([]func() float64, len(temps))
	for i, t := range temps {
		conv[i] = t.Fahrenheit
	}
	for i, f := range conv {
		fmt.Printf("%6.1fC = %6.1fF\n", float64(temps[i]), f())
	}

	// strings functions as values
	transforms := []struct {
		name string
		fn   func(string) string
	}{
		{"upper", strings.ToUpper},
		{"title-ish", func(s string) string { return strings.ToUpper(s[:1]) + s[1:] }},
		{"repeat", func(s string) string { return strings.Repeat(s, 2) }},
	}
	for _, t := range transforms {
		fmt.Printf("%-10s %q\n", t.name, t.fn("gopher"))
	}
}
