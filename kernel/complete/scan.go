package complete

import (
	"go/scanner"
	"go/token"
	"strings"
)

// cellText is the code before the cursor, scanned.
type cellText struct {
	src  string
	toks []tok
	// where the cursor is: inside a string, comment, or import path string
	inString, inComment, inImport bool
	strStart                      int // byte offset of the open string's first content byte
}

type tok struct {
	pos int // byte offset
	tok token.Token
	lit string
}

// scanCell scans src (the code up to the cursor) with go/scanner.
func scanCell(src string) *cellText {
	ct := &cellText{src: src, toks: make([]tok, 0, len(src)/4)}
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var errAt = -1
	var sc scanner.Scanner
	sc.Init(file, []byte(src), func(pos token.Position, msg string) {
		if strings.Contains(msg, "not terminated") {
			errAt = pos.Offset
		}
	}, scanner.ScanComments)
	importDepth := 0 // 1 after `import`, 2 inside `import (`
	for {
		pos, t, lit := sc.Scan()
		if t == token.EOF {
			break
		}
		off := file.Offset(pos)
		switch {
		case t == token.IMPORT:
			importDepth = 1
		case importDepth == 1 && t == token.LPAREN:
			importDepth = 2
		case importDepth == 1 && t == token.SEMICOLON && lit == "\n" && len(ct.toks) > 0 && ct.toks[len(ct.toks)-1].tok == token.STRING:
			importDepth = 0
		case importDepth == 1 && t == token.SEMICOLON && lit != "\n":
			importDepth = 0
		case importDepth == 2 && t == token.RPAREN:
			importDepth = 0
		}
		if t == token.SEMICOLON && lit == "\n" {
			lit = ""
		}
		ct.toks = append(ct.toks, tok{off, t, lit})
		end := off + len(lit)
		if end == len(src) && errAt >= off {
			switch t {
			case token.STRING, token.CHAR:
				ct.inString = true
				ct.strStart = off + 1
				ct.inImport = importDepth > 0 && t == token.STRING
			case token.COMMENT:
				ct.inComment = true
			}
		}
		if t == token.COMMENT && end == len(src) && strings.HasPrefix(lit, "//") {
			ct.inComment = true
		}
	}
	return ct
}
