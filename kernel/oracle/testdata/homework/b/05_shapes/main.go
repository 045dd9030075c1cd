// Shape interface hierarchy with area/perimeter and a type switch.
package main

import (
	"fmt"
	"math"
	"sort"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Circle struct{ R float64 }
type Rect struct{ W, H float64 }
type Square struct{ Rect }
type Triangle struct{ A, B, C float64 }

func (c Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * math.Pi * c.R }
func (r Rect) Area() float64        { return r.W * r.H }
func (r Rect) Perimeter() float64   { return 2 * (r.W + r.H) }
func NewSquare(s float64) Square    { return Square{Rect{s, s}} }
func (t Triangle) Perimeter() float64 {
	return t.A + t.B + t.C
}
func (t Triangle) Area() float64 { // Heron's formula
	s := t.Perimeter() / 2
	return math.Sqrt(s * (s - t.A) * (s - t.B) * (s - t.C))
}

func (c Circle) String() string { return fmt.Sprintf("Circle(r=%g)", c.R) }

func describe(s Shape) string {
	switch v := s.(type) {
	case Circle:
		return fmt.Sprintf("circle with diameter %.1f", 2*v.R)
	case Square:
		return fmt.Sprintf("square with side %.1f", v.W)
	case Rect:
		if v.W == v.H {
			return "rect that happens to be square"
		}
		return fmt.Sprintf("rect %gx%g", v.W, v.H)
	case Triangle:
		if v.A == v.B && v.B == v.C {
			return "equilateral triangle"
		}
		return "triangle"
	default:
		return "unknown shape"
	}
}

func main() {
	shapes := []Shape{
		Circle{1.5},
		Rect{3, 4},
		NewSquare(2.5),
		Triangle{3, 4, 5},
		Triangle{2, 2, 2},
		Rect{2, 2},
	}
	fmt.Printf("%-30s %10s %10s\n", "shape", "area", "perimeter")
	total := 0.0
	for _, s := range shapes {
		fmt.Printf("%-30s %10.3f %10.3f\n", describe(s), s.Area(), s.Perimeter())
		total += s.Area()
	}
	fmt.Printf("total area: %.3f\n", total)

	sort.SliceStable(shapes, func(i, j int) bool { return shapes[i].Area() < shapes[j].Area() })
	fmt.Println("sorted by area:")
	for i, s := range shapes {
		if st, ok := s.(fmt.Stringer); ok {
			fmt.Printf("  %d. %s (Stringer)\n", i+1, st)
		} else {
			fmt.Printf("  %d. %T %+v\n", i+1, s, s)
		}
	}
}
