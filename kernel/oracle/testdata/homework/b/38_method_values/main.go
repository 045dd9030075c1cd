// Method values (bound receivers) and method expressions (receiver as first argument).
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Point struct{ X, Y float64 }

func (p Point) Dist2() float64     { return p.X*p.X + p.Y*p.Y }
func (p Point) Add(q Point) Point  { return Point{p.X + q.X, p.Y + q.Y} }
func (p *Point) ScaleBy(f float64) { p.X *= f; p.Y *= f }
func (p Point) String() string     { return fmt.Sprintf("(%g,%g)", p.X, p.Y) }

type Counter struct {
	name string
	n    int
}

func (c *Counter) Inc()           { c.n++ }
func (c *Counter) Report() string { return fmt.Sprintf("%s=%d", c.name, c.n) }

type Op struct {
	Name string
	Fn   func(Point, Point) Point
}

func main() {
	p := Point{3, 4}

	// Method value: receiver is bound when the value is created (copied for value receivers).
	dist := p.Dist2
	p.X = 100
	fmt.Println("bound Dist2 (copy of old p):", dist(), " current:", p.Dist2())

	// Pointer-receiver method value binds &p, so later calls see changes.
	q := Point{1, 2}
	scale := q.ScaleBy
	scale(10)
	scale(0.5)
	fmt.Println("q after scale method value:", q)

	// Method expressions: the receiver becomes an explicit parameter.
	add := Point.Add              // func(Point, Point) Point
	scaleExpr := (*Point).ScaleBy // func(*Point, float64)
	dist2 := Point.Dist2          // func(Point) float64
	r := add(Point{1, 1}, Point{2, 3})
	scaleExpr(&r, 3)
	fmt.Println("via method expressions:", r, "dist2:", dist2(r))
	fmt.Printf("types: %T | %T | %T\n", add, scaleExpr, dist2)

	// Choosing a method expression at run time.
	sub := func(a, b Point) Point { return Point{a.X - b.X, a.Y - b.Y} }
	ops := []Op{{"add", Point.Add}, {"sub", sub}}
	a, b := Point{5, 5}, Point{1, 2}
	for _, op := range ops {
		fmt.Printf("%s %v %v = %v\n", op.Name, a, b, op.Fn(a, b))
	}

	// Method values as callbacks: each closure keeps its own receiver.
	clicks := &Counter{name: "clicks"}
	views := &Counter{name: "views"}
	handlers := map[string]func(){"click": clicks.Inc, "view": views.Inc}
	for _, ev := range strings.Fields("view click view view click view") {
		handlers[ev]()
	}
	reporters := []func() string{clicks.Report, views.Report}
	for _, rep := range reporters {
		fmt.Println(rep())
	}

	// Method values passed to library functions.
	pts := []Point{{3, 1}, {-1, 0}, {2, 2}, {0, -4}}
	key := Point.Dist2
	sort.Slice(pts, func(i, j int) bool { return key(pts[i]) < key(pts[j]) })
	fmt.Println("sorted by distance:", pts)

	var sb strings.Builder
	write := sb.WriteString // method value on a pointer-addressable variable
	for _, w := range []string{"method", "-", "values"} {
		write(w)
	}
	fmt.Println("builder:", sb.String())
}
