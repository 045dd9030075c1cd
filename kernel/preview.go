package kernel

import (
	"strings"
	"unicode"

	"github.com/gocurve/gocurve/kernel/complete"
)

// addValue adds to an inspect reply's data the value of the session
// variable at cursor (in code points), when the worker can tell it: not
// while a cell runs, whose variables are changing.
func (k *Kernel) addValue(code string, cursor int, decls []complete.Decl, data map[string]any) {
	name := identAt([]rune(code), cursor)
	if name == "" {
		return
	}
	for _, d := range decls {
		if d.Kind != "var" || d.Name != name {
			continue
		}
		v, ok := k.sup.Preview(name)
		if !ok {
			return
		}
		if t, ok := data["text/plain"].(string); ok {
			data["text/plain"] = t + "\nvalue: " + v
		}
		if md, ok := data["text/markdown"].(string); ok {
			data["text/markdown"] = md + "\n\n**value:** `" + strings.ReplaceAll(v, "`", "'") + "`"
		}
		return
	}
}

// identAt returns the identifier at or just before cursor, "" if there is
// none or it is a selector's field (x.f), which is not a session variable.
func identAt(code []rune, cursor int) string {
	cursor = min(max(cursor, 0), len(code))
	isID := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }
	start, end := cursor, cursor
	for start > 0 && isID(code[start-1]) {
		start--
	}
	for end < len(code) && isID(code[end]) {
		end++
	}
	if start == end || start > 0 && code[start-1] == '.' || unicode.IsDigit(code[start]) {
		return ""
	}
	return string(code[start:end])
}
