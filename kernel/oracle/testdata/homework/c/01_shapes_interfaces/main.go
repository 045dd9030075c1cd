// Homework 3: shapes and interfaces
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

type Rect struct {
	W, H float64
}

type Circle struct {
	R float64
}

type Triangle struct {
	A, B, C float64
}

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }
func (r Rect) String() string     { return fmt.Sprintf("Rect(%gx%g)", r.W, r.H) }

func (c *Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 2 * math.Pi * c.R }

func (t Triangle) Area() float64 {
	s := t.Perimeter() / 2
	return math.Sqrt(s * (s - t.A) * (s - t.B) * (s - t.C))
}
func (t Triangle) Perimeter() float64 { return t.A + t.B + t.C }

func describe(s Shape) string {
	switch v := s.(type) {
	case Rect:
		if v.W == v.H {
			return "square " + v.String()
		}
		return "rectangle " + v.String()
	case *Circle:
		return fmt.Sprintf("circle r=%.1f", v.R)
	case Triangle:
		return fmt.Sprintf("triangle %v", v)
	default:
		return "unknown"
	}
}

func main() {
	shapes := []Shape{
		Rect{3, 4},
		&Circle{R: 1.5},
		Triangle{3, 4, 5},
		Rect{W: 2, H: 2},
		&Circle{0.5},
	}

	total := 0.0
	for i, s := range shapes {
		fmt.Printf("%d: %-22s area=%8.3f perim=%8.3f\n", i, describe(s), s.Area(), s.Perimeter())
		total += s.Area()
	}
	fmt.Printf("total area: %.4f\n", total)

	sort.Slice(shapes, func(i, j int) bool {
		return shapes[i].Area() < shapes[j].Area()
	})
	fmt.Println("sorted by area:")
	for _, s := range shapes {
		fmt.Printf("  %T %.2f\n", s, s.Area())
	}

	// check if it implements Stringer
	for _, s := range shapes {
		if st, ok := s.(fmt.Stringer); ok {
			fmt.Println("stringer:", st.String())
		} else {
			fmt.Println("not a stringer:", describe(s))
		}
	}

	var biggest Shape
	for _, s := range shapes {
		if biggest == nil || s.Perimeter() > biggest.Perimeter() {
			biggest = s
		}
	}
	fmt.Println("largest perimeter:", describe(biggest))
	fmt.Println(Rect{1, 2}, shapes[0] == shapes[0])
}
