package main

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// tokenize splits an expression into numbers, operators and parens.
func tokenize(s string) ([]string, error) {
	var toks []string
	for i := 0; i < len(s); {
		ch := rune(s[i])
		switch {
		case unicode.IsSpace(ch):
			i++
		case unicode.IsDigit(ch) || ch == '.':
			j := i
			for j < len(s) && (unicode.IsDigit(rune(s[j])) || s[j] == '.') {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		case strings.ContainsRune("+-*/%()", ch):
			toks, i = append(toks, string(ch)), i+1
		default:
			return nil, fmt.Errorf("unexpected character %q at %d", ch, i)
		}
	}
	return toks, nil
}

type parser struct {
	toks []string
	pos  int
}

var prec = map[string]int{"+": 1, "-": 1, "*": 2, "/": 2, "%": 2}

var ops = map[string]func(a, b float64) float64{
	"+": func(a, b float64) float64 { return a + b },
	"-": func(a, b float64) float64 { return a - b },
	"*": func(a, b float64) float64 { return a * b },
	"%": func(a, b float64) float64 { return float64(int(a) % int(b)) },
	"/": func(a, b float64) float64 {
		if b == 0 {
			panic("division by zero")
		}
		return a / b
	},
}

func (p *parser) next() string {
	if p.pos >= len(p.toks) {
		panic("unexpected end")
	}
	p.pos++
	return p.toks[p.pos-1]
}

func (p *parser) parse(minPrec int) float64 {
	v := p.factor()
	for p.pos < len(p.toks) && prec[p.toks[p.pos]] >= minPrec {
		op := p.next()
		v = ops[op](v, p.parse(prec[op]+1))
	}
	return v
}

func (p *parser) factor() float64 {
	switch t := p.next(); t {
	case "-":
		return -p.factor()
	case "(":
		v := p.parse(1)
		if p.pos >= len(p.toks) || p.next() != ")" {
			panic("missing )")
		}
		return v
	default:
		v, err := strconv.ParseFloat(t, 64)
		if err != nil {
			panic(err)
		}
		return v
	}
}

func eval(s string) (result float64, err error) {
	toks, err := tokenize(s)
	if err != nil {
		return 0, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("eval %q: %v", s, r)
		}
	}()
	p := &parser{toks: toks}
	result = p.parse(1)
	if p.pos != len(toks) {
		return 0, fmt.Errorf("trailing tokens: %q", toks[p.pos:])
	}
	return result, nil
}

func main() {
	toks, _ := tokenize("3 + 4.5*(2 - 1)")
	fmt.Printf("%q %d\n", toks, len(toks))
	exprs := []string{"1 + 2 * 3", "(1 + 2) * 3", "10 / 4", "-(3 - 5) * 2", "17 % 5 + 1", "2 * (3 + (4 - 1)) / 3",
		"1 / 0", "(1 + 2", "3 $ 4", "1.2.3 + 1", "4 4", "", "2 * )", "8 - 3 - 2", "2.5 * 4 % 3"}
	for _, e := range exprs {
		if v, err := eval(e); err != nil {
			fmt.Printf("%-24q ERROR %v\n", e, err)
		} else {
			fmt.Printf("%-24q = %g\n", e, v)
		}
	}
}
