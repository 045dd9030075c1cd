// Homework 4: A tokenizer for a small C-like language.
package main

import (
	"fmt"
	"strings"
	"unicode"
)

type Kind int

const (
	Ident Kind = iota
	Number
	String
	Operator
	Punct
	Keyword
	EOF
)

func (k Kind) String() string {
	return [...]string{"Ident", "Number", "String", "Operator", "Punct", "Keyword", "EOF"}[k]
}

type Token struct {
	Kind Kind
	Text string
	Pos  int
}

var keywords = map[string]bool{"if": true, "else": true, "for": true, "return": true, "func": true}

type Lexer struct {
	src []rune
	pos int
}

func (l *Lexer) peek() rune {
	if l.pos >= len(l.src) {
		return 0
	}
	return l.src[l.pos]
}

func (l *Lexer) Next() (Token, error) {
	for l.pos < len(l.src) && unicode.IsSpace(l.src[l.pos]) {
		l.pos++
	}
	start := l.pos
	if l.pos >= len(l.src) {
		return Token{EOF, "", start}, nil
	}
	r := l.peek()
	switch {
	case unicode.IsLetter(r) || r == '_':
		for unicode.IsLetter(l.peek()) || unicode.IsDigit(l.peek()) || l.peek() == '_' {
			l.pos++
		}
		text := string(l.src[start:l.pos])
		if keywords[text] {
			return Token{Keyword, text, start}, nil
		}
		return Token{Ident, text, start}, nil
	case unicode.IsDigit(r):
		for unicode.IsDigit(l.peek()) || l.peek() == '.' {
			l.pos++
		}
		return Token{Number, string(l.src[start:l.pos]), start}, nil
	case r == '"':
		l.pos++
		for l.peek() != '"' {
			if l.peek() == 0 {
				return Token{}, fmt.Errorf("unterminated string at %d", start)
			}
			l.pos++
		}
		l.pos++
		return Token{String, string(l.src[start+1 : l.pos-1]), start}, nil
	case strings.ContainsRune("(){};,", r):
		l.pos++
		return Token{Punct, string(r), start}, nil
	case strings.ContainsRune("+-*/=<>!&|", r):
		l.pos++
		if two := string(r) + string(l.peek()); two == "==" || two == "!=" || two == "<=" || two == ">=" || two == "&&" || two == "||" {
			l.pos++
			return Token{Operator, two, start}, nil
		}
		return Token{Operator, string(r), start}, nil
	}
	return Token{}, fmt.Errorf("unexpected character %q at %d", r, start)
}

func Tokenize(src string) ([]Token, error) {
	l := &Lexer{src: []rune(src)}
	var toks []Token
	for {
		t, err := l.Next()
		if err != nil {
			return toks, err
		}
		toks = append(toks, t)
		if t.Kind == EOF {
			return toks, nil
		}
	}
}

func main() {
	inputs := []string{
		`func max(a, b) { if a >= b { return a } else { return b } }`,
		`x = 3.14 * r * r; msg = "área";`,
		`y = a && b || !c`,
		`bad = 5 # 3`,
		`s = "never closed`,
	}
	for _, src := range inputs {
		fmt.Printf("source: %q\n", src)
		toks, err := Tokenize(src)
		counts := map[Kind]int{}
		var sb strings.Builder
		for _, t := range toks {
			counts[t.Kind]++
			fmt.Fprintf(&sb, "[%v %q] ", t.Kind, t.Text)
		}
		fmt.Println("  tokens:", strings.TrimSpace(sb.String()))
		if err != nil {
			fmt.Println("  error:", err)
		}
		for k := Ident; k <= EOF; k++ {
			if counts[k] > 0 {
				fmt.Printf("  %-8v x%d\n", k, counts[k])
			}
		}
	}
}
