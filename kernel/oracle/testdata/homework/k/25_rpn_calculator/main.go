// Homework 25: Reverse Polish Notation calculator with an operator table of closures.
package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

type StackUnderflowError struct {
	Op   string
	Need int
	Have int
}

func (e *StackUnderflowError) Error() string {
	return fmt.Sprintf("operator %q needs %d operands, stack has %d", e.Op, e.Need, e.Have)
}

var ErrUnknownToken = errors.New("unknown token")

type op struct {
	arity int
	fn    func(args ...float64) (float64, error)
}

type Calculator struct {
	stack []float64
	ops   map[string]op
	vars  map[string]float64
}

func NewCalculator() *Calculator {
	c := &Calculator{vars: map[string]float64{"pi": math.Pi, "e": math.E}}
	binary := func(f func(a, b float64) float64) op {
		return op{2, func(x ...float64) (float64, error) { return f(x[0], x[1]), nil }}
	}
	unary := func(f func(float64) float64) op {
		return op{1, func(x ...float64) (float64, error) { return f(x[0]), nil }}
	}
	c.ops = map[string]op{
		"+":    binary(func(a, b float64) float64 { return a + b }),
		"-":    binary(func(a, b float64) float64 { return a - b }),
		"*":    binary(func(a, b float64) float64 { return a * b }),
		"^":    binary(math.Pow),
		"sqrt": unary(math.Sqrt),
		"neg":  unary(func(a float64) float64 { return -a }),
		"/": {2, func(x ...float64) (float64, error) {
			if x[1] == 0 {
				return 0, errors.New("division by zero")
			}
			return x[0] / x[1], nil
		}},
	}
	return c
}

func (c *Calculator) Eval(expr string) (result float64, err error) {
	c.stack = c.stack[:0]
	for _, tok := range strings.Fields(expr) {
		if v, perr := strconv.ParseFloat(tok, 64); perr == nil {
			c.stack = append(c.stack, v)
			continue
		}
		if v, ok := c.vars[tok]; ok {
			c.stack = append(c.stack, v)
			continue
		}
		o, ok := c.ops[tok]
		if !ok {
			return 0, fmt.Errorf("token %q: %w", tok, ErrUnknownToken)
		}
		if len(c.stack) < o.arity {
			return 0, &StackUnderflowError{tok, o.arity, len(c.stack)}
		}
		args := c.stack[len(c.stack)-o.arity:]
		v, err := o.fn(args...)
		if err != nil {
			return 0, fmt.Errorf("evaluating %q: %w", tok, err)
		}
		c.stack = append(c.stack[:len(c.stack)-o.arity], v)
	}
	if len(c.stack) != 1 {
		return 0, fmt.Errorf("malformed expression: %d values left on stack", len(c.stack))
	}
	return c.stack[0], nil
}

func main() {
	calc := NewCalculator()
	exprs := []string{
		"3 4 +",
		"5 1 2 + 4 * + 3 -",
		"2 10 ^ 24 -",
		"pi 2 ^ sqrt",
		"9 sqrt neg e *",
		"1 0 /",
		"1 +",
		"2 3 4 +",
		"2 x *",
	}
	for _, e := range exprs {
		v, err := calc.Eval(e)
		var under *StackUnderflowError
		switch {
		case err == nil:
			fmt.Printf("%-22s = %10.4f\n", e, v)
		case errors.As(err, &under):
			fmt.Printf("%-22s ! underflow (%s needs %d)\n", e, under.Op, under.Need)
		case errors.Is(err, ErrUnknownToken):
			fmt.Printf("%-22s ! %v\n", e, err)
		default:
			fmt.Printf("%-22s ! %v\n", e, err)
		}
	}
}
