package complete

import (
	"go/scanner"
	"go/token"
	"strings"
)

// IsComplete says whether code is a finished cell, from its syntax alone:
// "incomplete" when brackets are open, a string, raw string or block comment
// is unterminated, or the last token is one that must be followed by more
// (a binary operator, a comma, an assignment, a dot, a colon, or a keyword
// other than break, continue, fallthrough and return); "invalid" when a bracket closes what was never
// opened or a character cannot start a token; "complete" otherwise.
// For an incomplete cell, indent is a tab per open bracket, the
// indentation gofmt would give the next line.
func IsComplete(code string) (status, indent string) {
	if strings.TrimSpace(code) == "" {
		return "complete", ""
	}
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(code))
	var unterminated, illegal bool
	var sc scanner.Scanner
	sc.Init(file, []byte(code), func(_ token.Position, msg string) {
		if strings.Contains(msg, "not terminated") {
			unterminated = true
		} else {
			illegal = true
		}
	}, 0)
	var stack []token.Token
	last := token.ILLEGAL
	for {
		_, t, lit := sc.Scan()
		if t == token.EOF {
			break
		}
		switch t {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			stack = append(stack, t)
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if len(stack) == 0 || stack[len(stack)-1] != opener[t] {
				return "invalid", ""
			}
			stack = stack[:len(stack)-1]
		case token.ILLEGAL:
			illegal = true
		}
		if t == token.SEMICOLON && lit == "\n" {
			continue // inserted at a line end: the line's last token decides
		}
		last = t
	}
	switch {
	case unterminated:
		return "incomplete", strings.Repeat("\t", len(stack))
	case illegal:
		return "invalid", ""
	case len(stack) > 0:
		return "incomplete", strings.Repeat("\t", len(stack))
	case continues(last):
		return "incomplete", "\t"
	}
	return "complete", ""
}

var opener = map[token.Token]token.Token{token.RPAREN: token.LPAREN, token.RBRACK: token.LBRACK, token.RBRACE: token.LBRACE}

// continues reports whether a line ending in t must go on.
func continues(t token.Token) bool {
	switch {
	case t.IsOperator():
		switch t {
		case token.INC, token.DEC, token.RPAREN, token.RBRACK, token.RBRACE, token.SEMICOLON, token.ELLIPSIS:
			return false
		}
		return true
	case t.IsKeyword():
		switch t {
		case token.BREAK, token.CONTINUE, token.FALLTHROUGH, token.RETURN:
			return false
		}
		return true
	}
	return false
}
