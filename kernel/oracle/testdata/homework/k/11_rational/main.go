// Homework 11: A rational number type, checked against math/big.Rat.
package main

import (
	"errors"
	"fmt"
	"math/big"
)

var ErrZeroDenominator = errors.New("zero denominator")

type Rational struct {
	num, den int64
}

func gcd(a, b int64) int64 {
	if a < 0 {
		a = -a
	}
	if b < 0 {
		b = -b
	}
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func NewRational(n, d int64) (Rational, error) {
	if d == 0 {
		return Rational{}, fmt.Errorf("NewRational(%d, %d): %w", n, d, ErrZeroDenominator)
	}
	if d < 0 {
		n, d = -n, -d
	}
	g := gcd(n, d)
	if g == 0 {
		g = 1
	}
	return Rational{n / g, d / g}, nil
}

func must(r Rational, err error) Rational {
	if err != nil {
		panic(err)
	}
	return r
}

func (r Rational) Add(o Rational) Rational {
	return must(NewRational(r.num*o.den+o.num*r.den, r.den*o.den))
}
func (r Rational) Sub(o Rational) Rational { return r.Add(Rational{-o.num, o.den}) }
func (r Rational) Mul(o Rational) Rational { return must(NewRational(r.num*o.num, r.den*o.den)) }
func (r Rational) Div(o Rational) (Rational, error) {
	return NewRational(r.num*o.den, r.den*o.num)
}
func (r Rational) Less(o Rational) bool { return r.num*o.den < o.num*r.den }
func (r Rational) Float() float64       { return float64(r.num) / float64(r.den) }

func (r Rational) String() string {
	if r.den == 1 {
		return fmt.Sprintf("%d", r.num)
	}
	return fmt.Sprintf("%d/%d", r.num, r.den)
}

// harmonic returns 1 + 1/2 + ... + 1/n.
func harmonic(n int64) Rational {
	sum := Rational{0, 1}
	for i := int64(1); i <= n; i++ {
		sum = sum.Add(Rational{1, i})
	}
	return sum
}

func main() {
	a := must(NewRational(6, 8))
	b := must(NewRational(-5, 12))
	fmt.Printf("a = %v, b = %v\n", a, b)
	fmt.Printf("a + b = %v\n", a.Add(b))
	fmt.Printf("a - b = %v\n", a.Sub(b))
	fmt.Printf("a * b = %v\n", a.Mul(b))
	if q, err := a.Div(b); err == nil {
		fmt.Printf("a / b = %v (%.4f)\n", q, q.Float())
	}
	if _, err := a.Div(Rational{0, 1}); errors.Is(err, ErrZeroDenominator) {
		fmt.Println("division by zero rejected:", err)
	}
	fmt.Printf("a < b? %t   %%+v: %+v   %%#v: %#v\n", a.Less(b), a, a)

	for _, n := range []int64{5, 10, 20} {
		h := harmonic(n)
		ref := new(big.Rat)
		for i := int64(1); i <= n; i++ {
			ref.Add(ref, big.NewRat(1, i))
		}
		fmt.Printf("H(%d) = %v  big.Rat agrees: %t  ≈ %.6f\n", n, h, ref.String() == fmt.Sprintf("%d/%d", h.num, h.den), h.Float())
	}

	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
		}
	}()
	_ = must(NewRational(1, 0))
	fmt.Println("not reached")
}
