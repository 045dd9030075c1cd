// Week 5: interfaces (duck typing but checked at compile time)
package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Named interface {
	Name() string
}

// embedded interfaces
type NamedShape interface {
	Shape
	Named
	fmt.Stringer
}

type Scaler interface {
	Scale(f float64)
}

type Circle struct{ R float64 }
type Rect struct{ W, H float64 }
type Triangle struct{ A, B, C float64 }
type Square struct {
	Rect
}

func (c Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * math.Pi * c.R }
func (c Circle) Name() string       { return "circle" }
func (c Circle) String() string     { return fmt.Sprintf("Circle(r=%g)", c.R) }
func (c *Circle) Scale(f float64)   { c.R *= f }

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }
func (r Rect) Name() string       { return "rect" }
func (r Rect) String() string     { return fmt.Sprintf("Rect(%gx%g)", r.W, r.H) }
func (r *Rect) Scale(f float64)   { r.W *= f; r.H *= f }

func NewSquare(s float64) *Square { return &Square{Rect{s, s}} }
func (s Square) Name() string     { return "square" }
func (s Square) String() string   { return fmt.Sprintf("Square(%g)", s.W) }

func (t Triangle) Perimeter() float64 { return t.A + t.B + t.C }
func (t Triangle) Area() float64 {
	s := t.Perimeter() / 2
	return math.Sqrt(s * (s - t.A) * (s - t.B) * (s - t.C))
}

// compile-time interface checks
var (
	_ NamedShape = Circle{}
	_ NamedShape = Rect{}
	_ NamedShape = (*Square)(nil)
	_ Scaler     = (*Circle)(nil)
	_ Shape      = Triangle{}
)

func main() {
	shapes := []Shape{
		Circle{1.5},
		Rect{3, 4},
		Triangle{3, 4, 5},
		NewSquare(2.5),
		&Circle{0.5},
		Rect{W: 10, H: 0.5},
	}

	for i, s := range shapes {
		fmt.Printf("%d %-22T area=%8.3f perim=%8.3f  %s\n", i, s, s.Area(), s.Perimeter(), label(s))
	}

	// sort by area
	sort.Slice(shapes, func(i, j int) bool { return shapes[i].Area() < shapes[j].Area() })
	var names []string
	for _, s := range shapes {
		names = append(names, label(s))
	}
	fmt.Println("by area:", strings.Join(names, " < "))

	fmt.Printf("total area: %.4f\n", totalArea(shapes...))

	// scaling only works for things with pointer methods
	for _, s := range shapes {
		if sc, ok := s.(Scaler); ok {
			sc.Scale(2)
			fmt.Println("scaled:", label(s))
		} else {
			fmt.Printf("cannot scale %T\n", s)
		}
	}

	// type switch with several forms
	things := []any{42, "hi", 3.5, Circle{2}, &Rect{1, 2}, nil, []int{1, 2}, fmt.Errorf("oops"), true}
	for _, t := range things {
		fmt.Println(describe(t))
	}

	// interface holding nil pointer is not nil
	var cp *Circle
	var sh Shape = cp
	fmt.Println("cp == nil:", cp == nil, " sh == nil:", sh == nil)

	// comparing interface values
	var a, b Shape = Rect{1, 2}, Rect{1, 2}
	fmt.Println("a == b:", a == b, " a == Circle{1}:", a == Shape(Circle{1}))

	largest := maxBy(shapes, Shape.Perimeter)
	fmt.Println("largest perimeter:", label(largest))
}

func label(s Shape) string {
	if n, ok := s.(fmt.Stringer); ok {
		return n.String()
	}
	if n, ok := s.(Named); ok {
		return n.Name()
	}
	return fmt.Sprintf("%v", s)
}

func totalArea(shapes ...Shape) (sum float64) {
	for _, s := range shapes {
		sum += s.Area()
	}
	return
}

func maxBy(shapes []Shape, key func(Shape) float64) Shape {
	best := shapes[0]
	for _, s := range shapes[1:] {
		if key(s) > key(best) {
			best = s
		}
	}
	return best
}

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil value"
	case int, int64:
		return fmt.Sprintf("integer %v", x)
	case float64:
		return fmt.Sprintf("float %.2f", x)
	case string:
		return fmt.Sprintf("string %q len %d", x, len(x))
	case error:
		return "error: " + x.Error()
	case NamedShape:
		return fmt.Sprintf("named shape %s area %.2f", x.Name(), x.Area())
	case Shape:
		return "some shape"
	case fmt.Stringer:
		return "stringer " + x.String()
	default:
		return fmt.Sprintf("other %T = %v", x, x)
	}
}
