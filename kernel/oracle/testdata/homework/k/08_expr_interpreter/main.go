// Homework 8: Recursive-descent interpreter for arithmetic with named constants.
package main

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

type Node interface {
	Eval() (float64, error)
}

type Num float64
type BinOp struct {
	Op   byte
	L, R Node
}

var (
	ErrDivZero = errors.New("division by zero")
	constants  = map[string]float64{"pi": math.Pi, "e": math.E, "phi": math.Phi}
	arith      = map[byte]func(a, b float64) float64{
		'+': func(a, b float64) float64 { return a + b },
		'-': func(a, b float64) float64 { return a - b },
		'*': func(a, b float64) float64 { return a * b },
		'/': func(a, b float64) float64 { return a / b },
	}
)

func (n Num) Eval() (float64, error) { return float64(n), nil }

func (b BinOp) Eval() (float64, error) {
	l, errL := b.L.Eval()
	r, errR := b.R.Eval()
	if err := cmp.Or(errL, errR); err != nil {
		return 0, err
	}
	if b.Op == '/' && r == 0 {
		return 0, ErrDivZero
	}
	return arith[b.Op](l, r), nil
}

type parser struct {
	s   string
	pos int
}

func (p *parser) peek() byte {
	p.scan(unicode.IsSpace)
	if p.pos < len(p.s) {
		return p.s[p.pos]
	}
	return 0
}

func (p *parser) scan(ok func(rune) bool) string {
	start := p.pos
	for p.pos < len(p.s) && ok(rune(p.s[p.pos])) {
		p.pos++
	}
	return p.s[start:p.pos]
}

// Grammar: expr := term {(+|-) term}; term := unary {(*|/) unary}; unary := -unary | atom
func (p *parser) binary(next func() Node, ops string) Node {
	n := next()
	for c := p.peek(); c != 0 && strings.IndexByte(ops, c) >= 0; c = p.peek() {
		p.pos++
		n = BinOp{c, n, next()}
	}
	return n
}

func (p *parser) expr() Node { return p.binary(p.term, "+-") }
func (p *parser) term() Node { return p.binary(p.unary, "*/") }

func (p *parser) unary() Node {
	if p.peek() == '-' {
		p.pos++
		return BinOp{'-', Num(0), p.unary()}
	}
	return p.atom()
}

func (p *parser) atom() Node {
	c := p.peek()
	switch {
	case c == '(':
		p.pos++
		n := p.expr()
		if p.peek() != ')' {
			panic(fmt.Sprintf("expected ')' at %d", p.pos))
		}
		p.pos++
		return n
	case unicode.IsDigit(rune(c)) || c == '.':
		f, err := strconv.ParseFloat(p.scan(func(r rune) bool { return unicode.IsDigit(r) || r == '.' }), 64)
		if err != nil {
			panic(err.Error())
		}
		return Num(f)
	case unicode.IsLetter(rune(c)):
		name := p.scan(unicode.IsLetter)
		if v, ok := constants[name]; ok {
			return Num(v)
		}
		panic(fmt.Sprintf("unknown name %q", name))
	}
	panic(fmt.Sprintf("unexpected %q at %d", c, p.pos))
}

func Parse(s string) (n Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parse error: %v", r)
		}
	}()
	p := &parser{s: s}
	n = p.expr()
	if p.peek() != 0 {
		panic(fmt.Sprintf("trailing input at %d", p.pos))
	}
	return n, nil
}

func main() {
	program := "1 + 2 * 3\n(1 + 2) * 3\n-3 * -3\n2 * pi * 1.5\n(phi * phi - phi)\n" +
		"10 / (4 - 2 * 2)\ne * x\n3 + * 4\n(1 + 2\n1.2.3 + 1\n42 7"
	for _, line := range strings.Split(program, "\n") {
		ast, err := Parse(line)
		var v float64
		if err == nil {
			v, err = ast.Eval()
		}
		switch {
		case errors.Is(err, ErrDivZero):
			fmt.Printf("%-20s => math error: %v\n", line, err)
		case err != nil:
			fmt.Printf("%-20s => %v\n", line, err)
		default:
			fmt.Printf("%-20s => %-10.6g (%T)\n", line, v, ast)
		}
	}
}
