// A tiny arithmetic expression tokenizer and precedence-climbing evaluator.
package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

type Token struct {
	Kind string // "num", "ident", "op", "eof"
	Text string
}

func tokenize(src string) ([]Token, error) {
	var toks []Token
	for i := 0; i < len(src); {
		c := rune(src[i])
		start := i
		switch {
		case unicode.IsSpace(c):
			i++
			continue
		case unicode.IsDigit(c) || c == '.':
			for i < len(src) && (unicode.IsDigit(rune(src[i])) || src[i] == '.') {
				i++
			}
			toks = append(toks, Token{"num", src[start:i]})
		case unicode.IsLetter(c):
			for i < len(src) && unicode.IsLetter(rune(src[i])) {
				i++
			}
			toks = append(toks, Token{"ident", src[start:i]})
		case strings.ContainsRune("+-*/%()", c):
			i++
			toks = append(toks, Token{"op", src[start:i]})
		default:
			return nil, fmt.Errorf("unexpected character %q at offset %d", c, i)
		}
	}
	return append(toks, Token{Kind: "eof"}), nil
}

var precedence = map[string]int{"+": 1, "-": 1, "*": 2, "/": 2, "%": 2}

type Evaluator struct {
	toks []Token
	pos  int
	vars map[string]float64
}

var ErrSyntax = errors.New("syntax error")

func (e *Evaluator) next() Token { t := e.toks[e.pos]; e.pos++; return t }

// primary := number | ident | '-' primary | '(' expr ')'
func (e *Evaluator) primary() (float64, error) {
	t := e.next()
	switch {
	case t.Kind == "num":
		return strconv.ParseFloat(t.Text, 64)
	case t.Kind == "ident":
		if v, ok := e.vars[t.Text]; ok {
			return v, nil
		}
		return 0, fmt.Errorf("undefined variable %q", t.Text)
	case t.Text == "-":
		v, err := e.primary()
		return -v, err
	case t.Text == "(":
		v, err := e.expr(1)
		if err != nil {
			return 0, err
		}
		if e.next().Text != ")" {
			return 0, fmt.Errorf("missing ')': %w", ErrSyntax)
		}
		return v, nil
	}
	return 0, fmt.Errorf("unexpected %s %q: %w", t.Kind, t.Text, ErrSyntax)
}

// expr parses operators whose precedence is at least minPrec (left associative).
func (e *Evaluator) expr(minPrec int) (float64, error) {
	lhs, err := e.primary()
	for err == nil {
		op := e.toks[e.pos]
		prec, isOp := precedence[op.Text]
		if op.Kind != "op" || !isOp || prec < minPrec {
			break
		}
		e.pos++
		var rhs float64
		if rhs, err = e.expr(prec + 1); err != nil {
			break
		}
		switch op.Text {
		case "+":
			lhs += rhs
		case "-":
			lhs -= rhs
		case "*":
			lhs *= rhs
		case "/", "%":
			if rhs == 0 {
				return 0, errors.New("division by zero")
			}
			if op.Text == "/" {
				lhs /= rhs
			} else {
				lhs = float64(int(lhs) % int(rhs))
			}
		}
	}
	return lhs, err
}

func Eval(src string, vars map[string]float64) (float64, error) {
	toks, err := tokenize(src)
	if err != nil {
		return 0, err
	}
	e := &Evaluator{toks: toks, vars: vars}
	v, err := e.expr(1)
	if err == nil && e.toks[e.pos].Kind != "eof" {
		err = fmt.Errorf("trailing %q: %w", e.toks[e.pos].Text, ErrSyntax)
	}
	return v, err
}

func main() {
	toks, _ := tokenize("rate*(x - 2.5)")
	fmt.Printf("tokens: %v\n", toks)
	vars := map[string]float64{"x": 4, "rate": 1.5}
	for _, src := range []string{
		"1 + 2 * 3", "(1 + 2) * 3", "10 - 4 - 3", "2 * -3", "17 % 5 + 0.5",
		"rate*(x - 2.5)", "100 / (x - 4)", "1 +", "2 $ 3", "y * 2", "(1 + 2", "1 2",
	} {
		v, err := Eval(src, vars)
		switch {
		case errors.Is(err, ErrSyntax):
			fmt.Printf("%-16s syntax: %v\n", src, err)
		case err != nil:
			fmt.Printf("%-16s error:  %v\n", src, err)
		default:
			fmt.Printf("%-16s = %g\n", src, v)
		}
	}
}
