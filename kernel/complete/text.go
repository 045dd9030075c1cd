package complete

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// firstLine shortens a multi-line declaration to its header.
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = strings.TrimRight(s[:i], " {") + " {...}"
	}
	return s
}

// byteOffset converts a cursor in code points to a byte offset, clamping it
// to the code; it returns the clamped cursor too.
func byteOffset(code string, cursor int) (off, clamped int) {
	if cursor <= 0 {
		return 0, 0
	}
	n := 0
	for i := range code {
		if n == cursor {
			return i, n
		}
		n++
	}
	return len(code), n
}

func isIdentRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// identStart is the byte offset where the identifier ending at off begins.
func identStart(src string, off int) int {
	for off > 0 {
		r, n := utf8.DecodeLastRuneInString(src[:off])
		if !isIdentRune(r) {
			break
		}
		off -= n
	}
	return off
}

// identEnd is the byte offset where the identifier continuing at off ends.
func identEnd(src string, off int) int {
	for off < len(src) {
		r, n := utf8.DecodeRuneInString(src[off:])
		if !isIdentRune(r) {
			break
		}
		off += n
	}
	return off
}

// operandBefore returns the selector/call chain that ends at byte end, e.g.
// "mat.NewDense(2, 2, nil).T()" before a dot.
func operandBefore(src string, end int) string {
	i := end
	for i > 0 {
		switch src[i-1] {
		case ')', ']', '}':
			j := matchBack(src, i-1)
			if j < 0 {
				return src[i:end]
			}
			i = j
			continue
		}
		j := identStart(src, i)
		if j == i {
			break
		}
		i = j
		if i > 0 && src[i-1] == '.' {
			i--
			continue
		}
		break
	}
	return src[i:end]
}

// matchBack returns the offset of the bracket that the closing bracket at
// src[close] closes, or -1.
func matchBack(src string, close int) int {
	depth := 0
	for i := close; i >= 0; i-- {
		switch src[i] {
		case ')', ']', '}':
			depth++
		case '(', '[', '{':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

func startsWithDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

// isDottedName reports whether s is a name or a chain of names, "a" or "a.b.c".
func isDottedName(s string) bool {
	for _, part := range strings.Split(s, ".") {
		if part == "" || startsWithDigit(part) || identStart(part, len(part)) != 0 {
			return false
		}
	}
	return true
}
