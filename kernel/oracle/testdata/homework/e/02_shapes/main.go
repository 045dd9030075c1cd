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

func main() {
	shapes := []Shape{
		Rect{Width: 3, Height: 4},
		Circle{Radius: 1.5},
		Triangle{A: 3, B: 4, C: 5},
		&Square{Rect{2, 2}},
		Circle{Radius: 0.5},
	}

	for i, s := range shapes {
		name := fmt.Sprint(s)
		fmt.Printf("%d: %-16s %-14T area=%7.3f perim=%7.3f\n", i, name, s, s.Area(), s.Perimeter())
	}

	sort.Slice(shapes, func(i, j int) bool {
		return shapes[i].Area() < shapes[j].Area()
	})
	fmt.Println("\nsorted by area:")
	for _, s := range shapes {
		fmt.Println("  ", s)
	}

	fmt.Println("\ndescribe:")
	for _, s := range shapes {
		fmt.Println("  ", describe(s))
	}

	var total float64
	for _, s := range shapes {
		total += s.Area()
	}
	fmt.Printf("\ntotal area: %.4f\n", total)

	// type assertion with ok
	for _, s := range shapes {
		if c, ok := s.(Circle); ok {
			fmt.Printf("circle with diameter %.1f\n", 2*c.Radius)
		}
		if _, ok := s.(fmt.Stringer); !ok {
			fmt.Printf("%T is not a Stringer\n", s)
		}
	}
}

func describe(s Shape) string {
	switch v := s.(type) {
	case Circle:
		return fmt.Sprintf("a circle of radius %g", v.Radius)
	case *Square:
		return fmt.Sprintf("a square with side %g", v.Width)
	case Rect:
		if v.Width == v.Height {
			return "a square-ish rectangle"
		}
		return fmt.Sprintf("a %gx%g rectangle", v.Width, v.Height)
	default:
		return fmt.Sprintf("some other shape (%T)", v)
	}
}

type Rect struct {
	Width, Height float64
}

func (r Rect) Area() float64      { return r.Width * r.Height }
func (r Rect) Perimeter() float64 { return 2 * (r.Width + r.Height) }
func (r Rect) String() string     { return fmt.Sprintf("Rect(%gx%g)", r.Width, r.Height) }

type Square struct {
	Rect
}

func (s *Square) String() string { return fmt.Sprintf("Square(%g)", s.Width) }

type Circle struct {
	Radius float64
}

func (c Circle) Area() float64      { return math.Pi * c.Radius * c.Radius }
func (c Circle) Perimeter() float64 { return 2 * math.Pi * c.Radius }
func (c Circle) String() string     { return fmt.Sprintf("Circle(r=%.2f)", c.Radius) }

type Triangle struct {
	A, B, C float64
}

func (t Triangle) Perimeter() float64 { return t.A + t.B + t.C }

// Heron's formula
func (t Triangle) Area() float64 {
	s := t.Perimeter() / 2
	return math.Sqrt(s * (s - t.A) * (s - t.B) * (s - t.C))
}
