package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

type TokenKind int

const (
	NUMBER TokenKind = iota
	OP
	PAREN
	EOF
)

func (k TokenKind) String() string {
	return [...]string{"NUMBER", "OP", "PAREN", "EOF"}[k]
}

type Token struct {
	Kind TokenKind
	Text string
	Pos  int
}

func tokenize(src string) ([]Token, error) {
	var toks []Token
	for i := 0; i < len(src); {
		c := rune(src[i])
		start := i
		switch {
		case unicode.IsSpace(c):
			i++
		case unicode.IsDigit(c) || c == '.':
			for i < len(src) && (unicode.IsDigit(rune(src[i])) || src[i] == '.') {
				i++
			}
			toks = append(toks, Token{NUMBER, src[start:i], start})
		case strings.ContainsRune("+-*/%^()", c):
			kind := OP
			if c == '(' || c == ')' {
				kind = PAREN
			}
			toks = append(toks, Token{kind, string(c), i})
			i++
		default:
			return nil, fmt.Errorf("unexpected character %q at %d", c, i)
		}
	}
	return append(toks, Token{Kind: EOF, Pos: len(src)}), nil
}

type parser struct {
	toks []Token
	pos  int
}

func (p *parser) peek() Token { return p.toks[p.pos] }
func (p *parser) next() Token { t := p.toks[p.pos]; p.pos++; return t }

type binop struct {
	prec int
	fn   func(a, b float64) float64
}

var ops = map[string]binop{
	"+": {1, func(a, b float64) float64 { return a + b }},
	"-": {1, func(a, b float64) float64 { return a - b }},
	"*": {2, func(a, b float64) float64 { return a * b }},
	"/": {2, func(a, b float64) float64 { return a / b }},
	"%": {2, math.Mod},
	"^": {3, math.Pow},
}

// expr parses binary operators by precedence climbing; '^' is right associative.
func (p *parser) expr(minPrec int) float64 {
	lhs := p.unary()
	for {
		t := p.peek()
		op, ok := ops[t.Text]
		if t.Kind != OP || !ok || op.prec < minPrec {
			return lhs
		}
		p.next()
		nextMin := op.prec + 1
		if t.Text == "^" {
			nextMin = op.prec
		}
		rhs := p.expr(nextMin)
		if t.Text == "/" && rhs == 0 {
			panic(fmt.Sprintf("division by zero at %d", t.Pos))
		}
		lhs = op.fn(lhs, rhs)
	}
}

func (p *parser) unary() float64 {
	t := p.next()
	switch {
	case t.Kind == NUMBER:
		f, err := strconv.ParseFloat(t.Text, 64)
		if err != nil {
			panic("bad number " + strconv.Quote(t.Text))
		}
		return f
	case t.Text == "(":
		v := p.expr(1)
		if p.next().Text != ")" {
			panic("expected )")
		}
		return v
	}
	panic(fmt.Sprintf("unexpected %v %q at %d", t.Kind, t.Text, t.Pos))
}

func eval(src string) (result float64, err error) {
	toks, err := tokenize(src)
	if err != nil {
		return 0, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	p := &parser{toks: toks}
	result = p.expr(1)
	if p.peek().Kind != EOF {
		return 0, fmt.Errorf("trailing input at %d", p.peek().Pos)
	}
	return result, nil
}

func main() {
	fmt.Println(tokenize("1.5*(4 + 2.5)"))
	for _, src := range []string{
		"1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-4 + 10", "17 % 5 + 1.5 * (4 + 2.5)",
		"3.14159 * 2", "1 / (4 - 4)", "1.2.3 + 1", "4 $ 4", "(1 + 2", "1 2", "2 * )",
	} {
		if v, err := eval(src); err != nil {
			fmt.Printf("%-26s error: %v\n", src, err)
		} else {
			fmt.Printf("%-26s = %g\n", src, v)
		}
	}
}
