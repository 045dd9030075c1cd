// Package magic recognises and runs the IPython-style commands people type
// in notebooks by habit, before a cell is parsed as Go:
//
//	%time stmt      %%time (first line; times the rest of the cell)
//	%timeit stmt    %%timeit (first line)
//	name?  ?name    name??  (the inspect text of name, with a value preview)
//	%vars           the session's variables: name, type, value preview
//	%env            the environment; %env NAME; %env NAME=value
//	!cmd            a shell command in the kernel's working directory
//	%help           the list
//
// A line that is Go stays Go: "!done" is the negation of a declared
// variable done, not a shell command (see Parse).
package magic

import (
	"fmt"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"unicode"

	"github.com/gocurve/gocurve/kernel/complete"
	"github.com/gocurve/gocurve/kernel/symbols"
)

// Kind is what a magic does.
type Kind int

// The magics.
const (
	Time Kind = iota + 1
	TimeIt
	Doc
	Vars
	Environ
	Shell
	Help
)

// names maps a % name to its kind; one list for Parse, %help and completion.
var names = []struct {
	name string
	kind Kind
	help string
}{
	{"time", Time, "%time stmt, or %%time as a cell's first line: wall and CPU time of running it once"},
	{"timeit", TimeIt, "%timeit stmt, or %%timeit as a cell's first line: mean ± standard deviation per run over an automatic number of runs"},
	{"vars", Vars, "%vars: the session's variables with type and value"},
	{"env", Environ, "%env lists the environment; %env NAME shows one variable; %env NAME=value sets it for cells and ! commands"},
	{"help", Help, "%help: this list"},
}

// Command is a parsed magic.
type Command struct {
	Kind Kind
	// Arg is the text after the magic's name on its line: the statement of
	// %time, the name of name?, the command of !cmd.
	Arg string
	// Body is the Go code a %%time or %%timeit cell times (the lines after
	// the first), and for !, every command line of the cell.
	Body string
	// Cell tells %%time from %time.
	Cell bool
	// Lines are the shell commands of a cell of ! lines.
	Lines []string
	// GoOffset is the byte offset in the cell of the Go code the magic
	// runs, for completion inside it; -1 if it runs none.
	GoOffset int
}

// Error is a misused or unknown magic, with what to write instead.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

// Name is the error's name in the cell's error output.
func (e *Error) Name() string { return "MagicError" }

// Traceback is the error's report: its message.
func (e *Error) Traceback() []string { return []string{"MagicError: " + e.Msg} }

// GoNames returns the test Parse needs of which names a cell sees: the
// session's declarations, the preloaded packages and Go's predeclared names.
func GoNames(decls []complete.Decl) func(string) bool {
	return func(name string) bool {
		if types.Universe.Lookup(name) != nil {
			return true
		}
		for _, p := range symbols.Preloaded {
			if p.Name == name {
				return true
			}
		}
		for _, d := range decls {
			if d.Name == name {
				return true
			}
		}
		return false
	}
}

func errorf(format string, args ...any) *Error { return &Error{fmt.Sprintf(format, args...)} }

// Parse recognises a magic cell. It returns ok false for a Go cell. A cell
// is a magic cell when its first line that is not blank starts with %, ?
// or !, or is a name followed by ?. A ! line is Go, not a shell command,
// when what follows the ! is a Go expression that starts with a name the
// cell can see (isGoName, e.g. a declared variable or a preloaded package).
// A magic cell that cannot be run returns an *Error saying what to write.
func Parse(code string, isGoName func(string) bool) (cmd Command, ok bool, err error) {
	lines := strings.Split(code, "\n")
	first := -1
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			first = i
			break
		}
	}
	if first < 0 {
		return Command{}, false, nil
	}
	line := strings.TrimSpace(lines[first])
	rest := strings.Join(lines[first+1:], "\n")
	offset := len(strings.Join(lines[:first], "\n"))
	if first > 0 {
		offset++
	}
	lead := offset + strings.Index(lines[first], line)
	switch {
	case strings.HasPrefix(line, "%%"):
		name, arg := split(line[2:])
		k, known := lookup(name)
		if !known {
			return unknown("%%" + name)
		}
		if k != Time && k != TimeIt {
			return Command{}, true, errorf("%%%%%s is not a cell magic; write %%%s on a line of its own", name, name)
		}
		if arg != "" {
			return Command{}, true, errorf("%%%%%s takes no argument on its line: the cell's other lines are what it times", name)
		}
		if strings.TrimSpace(rest) == "" {
			return Command{}, true, errorf("%%%%%s times the lines below it, and there are none", name)
		}
		return Command{Kind: k, Body: rest, Cell: true, GoOffset: lead + len(lines[first]) + 1}, true, nil
	case strings.HasPrefix(line, "%"):
		name, arg := split(line[1:])
		k, known := lookup(name)
		if !known {
			return unknown("%" + name)
		}
		if strings.TrimSpace(rest) != "" {
			if k == Time || k == TimeIt {
				return Command{}, true, errorf("%%%s times one line; to time a whole cell write %%%%%s as its first line", name, name)
			}
			return Command{}, true, errorf("%%%s must be alone in its cell; put the Go code in another cell", name)
		}
		cmd := Command{Kind: k, Arg: arg, GoOffset: -1}
		switch k {
		case Time, TimeIt:
			if arg == "" {
				return Command{}, true, errorf("%%%s needs a statement: %%%s f(x), or %%%%%s as the first line of a cell", name, name, name)
			}
			cmd.Body, cmd.GoOffset = arg, lead+strings.Index(line, arg)
		case Vars:
			if arg != "" {
				return Command{}, true, errorf("%%vars takes no arguments")
			}
		}
		return cmd, true, nil
	case strings.HasPrefix(line, "?"):
		return inspect(strings.TrimLeft(line, "?"), rest, lead+strings.Index(line, strings.TrimLeft(line, "?")))
	case strings.HasSuffix(line, "?") && isName(strings.TrimRight(line, "?")):
		return inspect(strings.TrimRight(line, "?"), rest, lead)
	case strings.HasPrefix(line, "!") && isShell(line, isGoName):
		var cmds []string
		for _, l := range lines[first:] {
			t := strings.TrimSpace(l)
			if t == "" {
				continue
			}
			if !strings.HasPrefix(t, "!") {
				return Command{}, true, errorf("a cell of ! commands has only ! lines; %q is not one (put Go code in another cell)", t)
			}
			if strings.TrimSpace(t[1:]) == "" {
				return Command{}, true, errorf("! needs a command, e.g. !ls")
			}
			cmds = append(cmds, strings.TrimSpace(t[1:]))
		}
		return Command{Kind: Shell, Arg: cmds[0], Lines: cmds, GoOffset: -1}, true, nil
	}
	return Command{}, false, nil
}

func inspect(name, rest string, offset int) (Command, bool, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return Command{}, true, errorf("? needs a name: x? or ?x")
	}
	if !isName(name) {
		return Command{}, true, errorf("%q is not a name to inspect; write a name such as x, hessian.Gradient or m.Dims", name)
	}
	if strings.TrimSpace(rest) != "" {
		return Command{}, true, errorf("%s? must be alone in its cell; put the Go code in another cell", name)
	}
	return Command{Kind: Doc, Arg: name, GoOffset: offset}, true, nil
}

func unknown(name string) (Command, bool, error) {
	return Command{}, true, errorf("unknown magic %s; %%help lists them", name)
}

func split(s string) (name, arg string) {
	i := strings.IndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimSpace(s[i:])
}

func lookup(name string) (Kind, bool) {
	for _, n := range names {
		if n.name == name {
			return n.kind, true
		}
	}
	return 0, false
}

// isName reports whether s is an identifier or a selector chain (a.b.c).
func isName(s string) bool {
	if s == "" {
		return false
	}
	for _, part := range strings.Split(s, ".") {
		if part == "" || !token.IsIdentifier(part) {
			return false
		}
	}
	return true
}

// isShell decides whether a ! line is a shell command: yes unless the rest
// is a Go expression whose first name the cell can see.
func isShell(line string, isGoName func(string) bool) bool {
	expr := strings.TrimSpace(line[1:])
	if _, err := parser.ParseExpr(expr); err != nil {
		return true
	}
	i := strings.IndexFunc(expr, func(r rune) bool { return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') })
	head := expr
	if i >= 0 {
		head = expr[:i]
	}
	if head == "" {
		return false // !(x > 0), !!ok: an expression, not a command
	}
	return isGoName == nil || !isGoName(head)
}

// Names returns the % magics' names, for completion after %.
func Names() []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = n.name
	}
	return out
}
