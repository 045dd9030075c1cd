package main

import (
	"fmt"
	"math"
	"sort"
)

func main() {
	shapes := []Shape{
		Circle{R: 1.5},
		&Rect{W: 3, H: 4},
		Triangle{A: 3, B: 4, C: 5},
		Circle{R: 0.5},
		&Rect{W: 2, H: 2},
	}

	sort.Slice(shapes, func(i, j int) bool { return shapes[i].Area() < shapes[j].Area() })

	total := 0.0
	for i, s := range shapes {
		total += s.Area()
		fmt.Printf("%d: %-28s area=%7.3f perim=%7.3f  type=%T\n", i, fmt.Sprint(s), s.Area(), s.Perimeter(), s)
	}
	fmt.Printf("total area = %.4f\n\n", total)

	for _, s := range shapes {
		describe(s)
	}

	// comma-ok assertion
	var s Shape = &Rect{W: 5, H: 5}
	if r, ok := s.(*Rect); ok {
		r.Scale(2)
		fmt.Println("scaled rect:", s)
	}
	if _, ok := s.(Circle); !ok {
		fmt.Println("s is not a Circle")
	}
	// a Shape that is also a Stringer
	if st, ok := s.(fmt.Stringer); ok {
		fmt.Printf("stringer says %q\n", st.String())
	}
}

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Circle struct{ R float64 }
type Rect struct{ W, H float64 }
type Triangle struct{ A, B, C float64 }

func (c Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * math.Pi * c.R }
func (c Circle) String() string     { return fmt.Sprintf("Circle(r=%g)", c.R) }

func (r *Rect) Area() float64      { return r.W * r.H }
func (r *Rect) Perimeter() float64 { return 2 * (r.W + r.H) }
func (r *Rect) Scale(k float64)    { r.W *= k; r.H *= k }
func (r *Rect) String() string     { return fmt.Sprintf("Rect(%gx%g)", r.W, r.H) }

func (t Triangle) Perimeter() float64 { return t.A + t.B + t.C }
func (t Triangle) Area() float64 {
	s := t.Perimeter() / 2
	return math.Sqrt(s * (s - t.A) * (s - t.B) * (s - t.C)) // Heron
}

func describe(s Shape) {
	switch v := s.(type) {
	case Circle:
		fmt.Printf("circle with diameter %.2f\n", 2*v.R)
	case *Rect:
		if v.W == v.H {
			fmt.Println("a square of side", v.W)
		} else {
			fmt.Println("a rectangle, aspect", v.W/v.H)
		}
	default:
		fmt.Printf("something else: %+v\n", v)
	}
}
