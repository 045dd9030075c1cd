// HW6: tiny calculator. tokenizer + recursive descent parser
package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"unicode"
)

type TokenKind int

const (
	NUM TokenKind = iota
	IDENT
	OP
	LPAREN
	RPAREN
	EOF
)

func (k TokenKind) String() string { return kindNames[k] }

type Token struct {
	Kind TokenKind
	Text string
	Pos  int
}

func (t Token) String() string { return fmt.Sprintf("%v(%q)", t.Kind, t.Text) }

type SyntaxError struct {
	Pos int
	Msg string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("syntax error at %d: %s", e.Pos, e.Msg) }

var ErrDivZero = errors.New("division by zero")
var kindNames = []string{"NUM", "IDENT", "OP", "LPAREN", "RPAREN", "EOF"}
var vars = map[string]float64{"pi": math.Pi, "e": math.E, "x": 4}
var funcs = map[string]func(float64) float64{
	"sqrt": math.Sqrt, "abs": math.Abs, "sq": func(v float64) float64 { return v * v },
}

var punct = map[rune]TokenKind{'(': LPAREN, ')': RPAREN, '+': OP, '-': OP, '*': OP, '/': OP, '%': OP, '^': OP}

func isNumChar(r rune) bool   { return unicode.IsDigit(r) || r == '.' }
func isIdentChar(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func tokenize(src string) ([]Token, error) {
	var toks []Token
	rs := []rune(src)
	for i := 0; i < len(rs); {
		r, start := rs[i], i
		scan := func(ok func(rune) bool) string {
			for i < len(rs) && ok(rs[i]) {
				i++
			}
			return string(rs[start:i])
		}
		switch {
		case unicode.IsSpace(r):
			i++
		case isNumChar(r):
			toks = append(toks, Token{NUM, scan(isNumChar), start})
		case unicode.IsLetter(r):
			toks = append(toks, Token{IDENT, scan(isIdentChar), start})
		default:
			kind, ok := punct[r]
			if !ok {
				return nil, &SyntaxError{i, fmt.Sprintf("unexpected character %q", r)}
			}
			toks = append(toks, Token{kind, string(r), i})
			i++
		}
	}
	return append(toks, Token{EOF, "", len(rs)}), nil
}

type parser struct {
	toks []Token
	pos  int
}

func (p *parser) peek() Token { return p.toks[p.pos] }
func (p *parser) next() (t Token) {
	t, p.pos = p.toks[p.pos], min(p.pos+1, len(p.toks)-1)
	return
}

var prec = map[string]int{"+": 1, "-": 1, "*": 2, "/": 2, "%": 2, "^": 3}

var binops = map[string]func(a, b float64) float64{
	"+": func(a, b float64) float64 { return a + b },
	"-": func(a, b float64) float64 { return a - b },
	"*": func(a, b float64) float64 { return a * b },
	"/": func(a, b float64) float64 { return a / b },
	"%": math.Mod,
	"^": math.Pow,
}

// precedence climbing, one function instead of expr/term/factor
func (p *parser) expr(minPrec int) (float64, error) {
	left, err := p.primary()
	if err != nil {
		return 0, err
	}
	for {
		t := p.peek()
		pr, isOp := prec[t.Text]
		if t.Kind != OP || !isOp || pr < minPrec {
			return left, nil
		}
		p.next()
		nextMin := pr + 1
		if t.Text == "^" {
			nextMin = pr // right assoc
		}
		right, err := p.expr(nextMin)
		if err != nil {
			return 0, err
		}
		if (t.Text == "/" || t.Text == "%") && right == 0 {
			return 0, fmt.Errorf("at %d: %w", t.Pos, ErrDivZero)
		}
		left = binops[t.Text](left, right)
	}
}

func (p *parser) primary() (float64, error) {
	t := p.next()
	switch t.Kind {
	case OP:
		if t.Text == "-" { // unary minus
			v, err := p.primary()
			return -v, err
		}
	case NUM:
		v, err := strconv.ParseFloat(t.Text, 64)
		if err != nil {
			return 0, &SyntaxError{t.Pos, "bad number " + strconv.Quote(t.Text)}
		}
		return v, nil
	case IDENT:
		if f, ok := funcs[t.Text]; ok && p.peek().Kind == LPAREN {
			arg, err := p.primary()
			return f(arg), err
		}
		v, ok := vars[t.Text]
		if !ok {
			return 0, fmt.Errorf("unknown variable %q", t.Text)
		}
		return v, nil
	case LPAREN:
		v, err := p.expr(1)
		if cl := p.next(); err == nil && cl.Kind != RPAREN {
			return 0, &SyntaxError{cl.Pos, "expected )"}
		}
		return v, err
	}
	return 0, &SyntaxError{t.Pos, "unexpected " + t.String()}
}

func eval(src string) (float64, error) {
	toks, err := tokenize(src)
	if err != nil {
		return 0, err
	}
	p := parser{toks, 0}
	v, err := p.expr(1)
	if err == nil && p.peek().Kind != EOF {
		err = &SyntaxError{p.peek().Pos, "trailing " + p.peek().String()}
	}
	return v, err
}

func main() {
	fmt.Println(tokenize("sqrt(x) + 3.5*(2 - y)"))
	inputs := []string{
		"1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "10 / 4", "10 % 4",
		"sqrt(16) + sq(3)", "2 * pi * x", "abs(-7.25) - -1", "1 / (2 - 2)",
		"3 + * 4", "(1 + 2", "1 2", "foo + 1", "4 $ 4", "1..2 + 1", "",
	}
	for _, in := range inputs {
		v, err := eval(in)
		var se *SyntaxError
		switch {
		case err == nil:
			fmt.Printf("%-20q = %.6g\n", in, v)
		case errors.Is(err, ErrDivZero):
			fmt.Printf("%-20q ! math: %v\n", in, err)
		case errors.As(err, &se):
			fmt.Printf("%-20q ! syntax(pos %d): %s\n", in, se.Pos, se.Msg)
		default:
			fmt.Printf("%-20q ! %v\n", in, err)
		}
	}
}
