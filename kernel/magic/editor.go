package magic

import (
	"strings"
	"unicode/utf8"

	"github.com/gocurve/gocurve/kernel/complete"
)

// The front end's editing requests on a cell that may be a magic: the Go
// inside a magic (the statement of %time, the name of x?) is completed,
// inspected and checked for completeness as Go, at its place in the cell.

// Complete is complete.Complete for a cell that may be a magic; after a
// leading % it offers the magics' names. Cursors are in code points.
func Complete(code string, cursor int, decls []complete.Decl) complete.Completion {
	if c, ok := completeName(code, cursor); ok {
		return c
	}
	off, ok := goPart(code, decls)
	if !ok {
		return complete.Complete(code, cursor, decls)
	}
	if cursor < off {
		return complete.Completion{Start: cursor, End: cursor}
	}
	c := complete.Complete(cut(code, off), cursor-off, decls)
	c.Start += off
	c.End += off
	return c
}

// Inspect is complete.Inspect for a cell that may be a magic.
func Inspect(code string, cursor int, decls []complete.Decl) (text string, found bool) {
	return inspectGo(complete.Inspect, code, cursor, decls)
}

// InspectMarkdown is complete.InspectMarkdown for a cell that may be a magic.
func InspectMarkdown(code string, cursor int, decls []complete.Decl) (md string, found bool) {
	return inspectGo(complete.InspectMarkdown, code, cursor, decls)
}

// SessionVar is complete.SessionVar for a cell that may be a magic.
func SessionVar(code string, cursor int, decls []complete.Decl) string {
	off, ok := goPart(code, decls)
	if !ok {
		return complete.Default().SessionVar(code, cursor, decls)
	}
	if cursor < off {
		return ""
	}
	return complete.Default().SessionVar(cut(code, off), cursor-off, decls)
}

// inspectGo runs inspect on the Go part of a cell that may be a magic;
// nothing is found in the magic's own words.
func inspectGo(inspect func(string, int, []complete.Decl) (string, bool), code string, cursor int, decls []complete.Decl) (string, bool) {
	off, ok := goPart(code, decls)
	if !ok {
		return inspect(code, cursor, decls)
	}
	if cursor < off {
		return "", false
	}
	return inspect(cut(code, off), cursor-off, decls)
}

// IsComplete is complete.IsComplete for a cell that may be a magic: a
// magic line is complete; the code a %time or %%timeit times is checked as Go.
func IsComplete(code string, decls []complete.Decl) (status, indent string) {
	if t := strings.TrimSpace(code); t == "%%time" || t == "%%timeit" {
		return "incomplete", ""
	}
	cmd, ok, err := Parse(code, GoNames(decls))
	switch {
	case !ok:
		return complete.IsComplete(code)
	case err != nil:
		return "invalid", ""
	case cmd.Kind == Time || cmd.Kind == TimeIt:
		return complete.IsComplete(code[cmd.GoOffset:])
	}
	return "complete", ""
}

// goPart returns where, in code points, the Go inside a magic cell starts;
// ok is false for a Go cell or a magic with no Go in it.
func goPart(code string, decls []complete.Decl) (off int, ok bool) {
	cmd, isMagic, err := Parse(code, GoNames(decls))
	if !isMagic || err != nil || cmd.GoOffset < 0 {
		return 0, false
	}
	return utf8.RuneCountInString(code[:cmd.GoOffset]), true
}

// completeName completes a magic's name after % or %%.
func completeName(code string, cursor int) (complete.Completion, bool) {
	runes := []rune(code)
	if cursor > len(runes) {
		cursor = len(runes)
	}
	before := string(runes[:cursor])
	line := before[strings.LastIndexByte(before, '\n')+1:]
	trimmed := strings.TrimLeft(line, " \t")
	if !strings.HasPrefix(trimmed, "%") || strings.ContainsAny(trimmed, " \t") {
		return complete.Completion{}, false
	}
	prefix := strings.TrimLeft(trimmed, "%")
	start := cursor - utf8.RuneCountInString(prefix)
	c := complete.Completion{Start: start, End: cursor}
	for _, n := range names {
		if strings.HasPrefix(n.name, prefix) {
			c.Matches = append(c.Matches, complete.Match{Text: n.name, Kind: "magic", Signature: n.help})
		}
	}
	return c, true
}

func cut(code string, runes int) string {
	return string([]rune(code)[runes:])
}
