package oracle

import (
	"bufio"
	"bytes"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Program is one runnable test program of the Go distribution.
type Program struct {
	// Name is the path below GOROOT/test, e.g. "typeparam/list.go".
	Name string
	// Path is the file's absolute path.
	Path string
	// Source is the program's text.
	Source string
	// Want is the output the Go test harness expects: the .out file, or "".
	Want string
	// LowLevel reports whether the program imports unsafe or runtime.
	LowLevel bool
}

// skipped are eligible by their header but run the go tool or read GOROOT.
var skipped = []string{"const7.go", "winbatch.go"}

// Programs returns the programs of goroot/test and goroot/test/typeparam
// whose first line is exactly "// run", without build constraints and
// without companion files (a NAME.dir folder), sorted by name.
func Programs(goroot string) ([]Program, error) {
	var out []Program
	for _, sub := range []string{"", "typeparam"} {
		dir := filepath.Join(goroot, "test", sub)
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			return nil, err
		}
		for _, path := range files {
			base := filepath.Base(path)
			if slices.Contains(skipped, base) {
				continue
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return nil, err
			}
			if !runnable(src) {
				continue
			}
			if _, err := os.Stat(strings.TrimSuffix(path, ".go") + ".dir"); err == nil {
				continue
			}
			p := Program{Name: filepath.ToSlash(filepath.Join(sub, base)), Path: path, Source: string(src)}
			if want, err := os.ReadFile(strings.TrimSuffix(path, ".go") + ".out"); err == nil {
				p.Want = string(want)
			}
			p.LowLevel = lowLevel(path, src)
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b Program) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// runnable reports whether src is a plain `// run` program.
func runnable(src []byte) bool {
	first, _, _ := bytes.Cut(src, []byte("\n"))
	if string(bytes.TrimRight(first, "\r")) != "// run" {
		return false
	}
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "//go:build") || strings.HasPrefix(line, "// +build") {
			return false
		}
		if strings.HasPrefix(line, "package ") {
			break
		}
	}
	return true
}

func lowLevel(path string, src []byte) bool {
	f, err := parser.ParseFile(token.NewFileSet(), path, src, parser.ImportsOnly)
	if err != nil {
		return false
	}
	for _, im := range f.Imports {
		if p, _ := strconv.Unquote(im.Path.Value); p == "unsafe" || p == "runtime" {
			return true
		}
	}
	return false
}

// Verdict is how a program fared under one runner.
type Verdict int

// The verdicts, from best to worst.
const (
	// Pass: no error and Go's output.
	Pass Verdict = iota
	// Refused: a compile error; nothing or part of the program ran.
	Refused
	// Failed: a panic, a crash, a timeout or another error at run time.
	Failed
	// Wrong: no error, but output that differs from Go's.
	Wrong
)

var verdictNames = [...]string{"pass", "compile refusal", "runtime error", "silently wrong"}

func (v Verdict) String() string {
	if int(v) < len(verdictNames) {
		return verdictNames[v]
	}
	return fmt.Sprintf("Verdict(%d)", int(v))
}

// Result is a program's verdict under one runner, with what it printed.
type Result struct {
	Verdict Verdict
	Output  string
	// Error is the error reported, if any (ename and message).
	Error string
}

// Judge gives the verdict for a run that printed got and reported errText
// ("" for none); refused says the error was a compile error.
func Judge(want, got, errText string, refused bool) Result {
	r := Result{Output: got, Error: errText}
	switch {
	case errText != "" && refused:
		r.Verdict = Refused
	case errText != "":
		r.Verdict = Failed
	case got != want:
		r.Verdict = Wrong
	default:
		r.Verdict = Pass
	}
	return r
}
