// Homework 16: Shapes, interfaces, type switches and method expressions.
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

type Named interface {
	Name() string
}

type Circle struct{ R float64 }
type Rect struct{ W, H float64 }
type Triangle struct{ A, B, C float64 }
type Square struct{ Rect } // embedding: Square gets Area/Perimeter from Rect

func (c Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * math.Pi * c.R }
func (r Rect) Area() float64        { return r.W * r.H }
func (r Rect) Perimeter() float64   { return 2 * (r.W + r.H) }
func (t Triangle) Perimeter() float64 {
	return t.A + t.B + t.C
}
func (t Triangle) Area() float64 { // Heron's formula
	s := t.Perimeter() / 2
	return math.Sqrt(s * (s - t.A) * (s - t.B) * (s - t.C))
}
func (Square) Name() string { return "square" }

func NewSquare(side float64) Square { return Square{Rect{side, side}} }

func describe(s Shape) string {
	switch v := s.(type) {
	case Circle:
		return fmt.Sprintf("circle r=%.1f", v.R)
	case Square:
		return fmt.Sprintf("%s side=%.1f", v.Name(), v.W)
	case Rect:
		return fmt.Sprintf("rect %.1fx%.1f", v.W, v.H)
	case Triangle:
		return fmt.Sprintf("triangle %v/%v/%v", v.A, v.B, v.C)
	default:
		return fmt.Sprintf("unknown %T", v)
	}
}

type ByArea []Shape

func (a ByArea) Len() int           { return len(a) }
func (a ByArea) Less(i, j int) bool { return a[i].Area() < a[j].Area() }
func (a ByArea) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }

func total(shapes []Shape, measure func(Shape) float64) float64 {
	sum := 0.0
	for _, s := range shapes {
		sum += measure(s)
	}
	return sum
}

func main() {
	shapes := []Shape{
		Circle{1.5}, Rect{3, 4}, Triangle{3, 4, 5}, NewSquare(2.5), Circle{0.5},
	}
	sort.Sort(ByArea(shapes))
	for _, s := range shapes {
		fmt.Printf("%-22s area=%8.3f perimeter=%8.3f\n", describe(s), s.Area(), s.Perimeter())
	}

	// Method expressions: Shape.Area is a func(Shape) float64.
	fmt.Printf("total area      %8.3f\n", total(shapes, Shape.Area))
	fmt.Printf("total perimeter %8.3f\n", total(shapes, Shape.Perimeter))

	// Method value bound to a specific receiver.
	c := Circle{2}
	areaOfC := c.Area
	c.R = 10 // does not affect the bound copy (value receiver)
	fmt.Printf("bound method value: %.3f, current: %.3f\n", areaOfC(), c.Area())

	named := 0
	for _, s := range shapes {
		if n, ok := s.(Named); ok {
			fmt.Println("has a Name():", n.Name())
			named++
		}
	}
	fmt.Printf("%d of %d shapes implement Named; %%v of square: %v\n", named, len(shapes), NewSquare(1))
}
