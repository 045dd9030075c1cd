package session

// The conformance corpus: sequences of notebook cells, each run through a
// fresh Session, whose outputs must equal what the go toolchain gives.
//
// A file in testdata/corpus holds a sequence:
//
//	optional description lines
//	-- cell --
//	Go code of cell 1
//	-- cell --
//	Go code of cell 2
//	-- program --
//	package main ... the same code as one program
//
// The expected output is not written by hand: every program of the corpus is
// compiled in one `go build` (each becomes a package of one driver binary)
// and run, and the concatenated outputs of the cells must equal its stdout.
// Type names the program prints (%T) read "main." as in a real program.
// Cells print with fmt.Print* and friends, which the session sends to
// Options.Stdout; writes to os.Stdout reach file descriptor 1, which only
// the worker process redirects, so the corpus leaves them out.
// A cell's output is what it prints, then, if it ends in an expression, the
// value's text/plain and a newline (the program prints fmt.Printf("%+v\n", v)).
//
// Sequences that cannot be one program (redefinitions, compile errors) carry
// a hand-checked "-- output --" section instead, and a description line
// starting with "why:" says why. A sequence that must fail has an
// "-- error --" section:
//
//	cell 2: Panic line 3: index out of range
//
// meaning cell 2 fails with an Error named Panic whose traceback mentions
// line 3 of the cell and the text. With a program, the program must fail
// too, with that text on stderr and the same stdout up to the failure.
//
// The test fails if fewer than 95 % of the sequences pass, or if a failing
// sequence is not listed by name (in backquotes) under "## Corpus failures"
// in docs/known-limits.md.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// corpusCase is one sequence of the corpus.
type corpusCase struct {
	name    string
	why     string
	cells   []string
	program string
	output  *string // hand-checked expected output
	err     *corpusError
}

type corpusError struct {
	cell int // 1-based
	name string
	line int // 0: not checked
	text string
}

var errLine = regexp.MustCompile(`^cell (\d+): (\w+)(?: line (\d+))?: (.*)$`)

// parseCorpusFile splits a corpus file into its sections.
func parseCorpusFile(name, src string) (*corpusCase, error) {
	c := &corpusCase{name: name}
	section := "" // "" before the first header: description
	var body []string
	flush := func() error {
		text := strings.Join(body, "\n")
		switch section {
		case "":
			for _, l := range body {
				if w, ok := strings.CutPrefix(strings.TrimSpace(l), "why:"); ok {
					c.why = strings.TrimSpace(w)
				}
			}
		case "cell":
			c.cells = append(c.cells, text)
		case "program":
			c.program = text
		case "output":
			out := text
			if out != "" {
				out += "\n"
			}
			c.output = &out
		case "error":
			m := errLine.FindStringSubmatch(strings.TrimSpace(text))
			if m == nil {
				return fmt.Errorf("bad error line %q", text)
			}
			cell, _ := strconv.Atoi(m[1])
			line, _ := strconv.Atoi(m[3])
			c.err = &corpusError{cell: cell, name: m[2], line: line, text: m[4]}
		default:
			return fmt.Errorf("unknown section %q", section)
		}
		return nil
	}
	for _, l := range strings.Split(strings.TrimRight(src, "\n"), "\n") {
		if strings.HasPrefix(l, "-- ") && strings.HasSuffix(l, " --") {
			if err := flush(); err != nil {
				return nil, err
			}
			section, body = strings.TrimSuffix(strings.TrimPrefix(l, "-- "), " --"), nil
			continue
		}
		body = append(body, l)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	switch {
	case len(c.cells) == 0:
		return nil, errors.New("no cells")
	case (c.program == "") == (c.output == nil):
		return nil, errors.New("want exactly one of a program and an output section")
	case c.output != nil && c.why == "":
		return nil, errors.New("a hand-checked output needs a why: line")
	case c.err != nil && (c.err.cell < 1 || c.err.cell > len(c.cells)):
		return nil, errors.New("error names a cell that does not exist")
	case c.err != nil && c.program != "" && c.err.cell != len(c.cells):
		return nil, errors.New("with a program, only the last cell may fail")
	}
	return c, nil
}

func loadCorpus(t *testing.T) []*corpusCase {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files: %v", err)
	}
	var cases []*corpusCase
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c, err := parseCorpusFile(strings.TrimSuffix(filepath.Base(f), ".txt"), string(src))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		cases = append(cases, c)
	}
	return cases
}

// programRun is what a compiled corpus program did.
type programRun struct {
	stdout, stderr string
	failed         bool
}

// runPrograms compiles every program of the corpus into one driver binary
// inside this module (so gonum and the course library resolve), runs each
// and returns their results by case name.
func runPrograms(t *testing.T, cases []*corpusCase) map[string]programRun {
	t.Helper()
	dir, err := os.MkdirTemp(filepath.Join("testdata", "corpus"), "build")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	modPath := "github.com/gocurve/gocurve/kernel/session/" + filepath.ToSlash(dir)

	var driver bytes.Buffer
	driver.WriteString("// Code generated by the corpus test; DO NOT EDIT.\n\npackage main\n\nimport (\n\t\"os\"\n")
	var table bytes.Buffer
	var names []string
	pkgOf := map[string]string{}
	for i, c := range cases {
		if c.program == "" {
			continue
		}
		pkg := fmt.Sprintf("p%03d", i)
		src, err := asPackage(c.program, pkg)
		if err != nil {
			t.Fatalf("corpus %s: program: %v", c.name, err)
		}
		if err := os.MkdirAll(filepath.Join(dir, pkg), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, pkg, "main.go"), src, 0o644); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&driver, "\t%q\n", modPath+"/"+pkg)
		fmt.Fprintf(&table, "\t%q: %s.Main,\n", c.name, pkg)
		names = append(names, c.name)
		pkgOf[c.name] = pkg
	}
	driver.WriteString(")\n\nvar programs = map[string]func(){\n")
	driver.Write(table.Bytes())
	driver.WriteString("}\n\nfunc main() { programs[os.Args[1]]() }\n")
	if err := os.WriteFile(filepath.Join(dir, "main.go"), driver.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "corpus")
	start := time.Now()
	if out, err := exec.Command("go", "build", "-o", bin, "./"+filepath.ToSlash(dir)).CombinedOutput(); err != nil {
		t.Fatalf("building the corpus programs: %v\n%s", err, out)
	}
	t.Logf("built %d corpus programs in %v", len(names), time.Since(start).Round(time.Millisecond))

	runs := make(map[string]programRun, len(names))
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for _, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, name)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			mu.Lock()
			// the program ran as package pNNN: its type names say so (%T, %v of
			// errors), with the package's path in type arguments (main.Box[main.P])
			out := strings.ReplaceAll(stdout.String(), modPath+"/"+pkgOf[name]+".", "main.")
			out = strings.ReplaceAll(out, pkgOf[name]+".", "main.")
			runs[name] = programRun{stdout: out, stderr: stderr.String(), failed: err != nil}
			mu.Unlock()
		}()
	}
	wg.Wait()
	return runs
}

// asPackage turns a main program into package pkg whose Main is its main.
func asPackage(program, pkg string) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "main.go", program, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	if f.Name.Name != "main" {
		return nil, errors.New("not package main")
	}
	f.Name.Name = pkg
	hasMain := false
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil {
			continue
		}
		switch fd.Name.Name {
		case "main":
			fd.Name.Name, hasMain = "Main", true
		case "init", "Main":
			return nil, fmt.Errorf("func %s is not allowed: all programs share one binary", fd.Name.Name)
		}
	}
	if !hasMain {
		return nil, errors.New("no func main")
	}
	var b bytes.Buffer
	if err := format.Node(&b, fset, f); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// runCells runs the cells in a fresh session and returns the concatenated
// output and the error of the failing cell, if any (1-based index).
func runCells(c *corpusCase) (out string, failed int, err error) {
	var stdout, stderr bytes.Buffer
	s, err := New(Options{Stdout: &stdout, Stderr: &stderr})
	if err != nil {
		return "", 0, fmt.Errorf("New: %w", err)
	}
	var cellErr error
	for i, code := range c.cells {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		res, err := s.Execute(ctx, code)
		cancel()
		if err != nil {
			if failed == 0 {
				failed, cellErr = i+1, err
			}
			if c.err == nil || c.err.cell != i+1 {
				return stdout.String(), i + 1, err
			}
			continue
		}
		if res != nil && res.Display != nil {
			if text, ok := res.Display.Data["text/plain"].(string); ok {
				stdout.WriteString(text)
				if !strings.HasSuffix(text, "\n") {
					stdout.WriteByte('\n')
				}
			}
		}
	}
	return stdout.String(), failed, cellErr
}

// check runs one sequence and says what is wrong with it, or "".
func (c *corpusCase) check(prog programRun) string {
	out, failed, err := runCells(c)
	want := ""
	if c.output != nil {
		want = *c.output
	} else {
		want = prog.stdout
		if c.err != nil {
			if !prog.failed {
				return "corpus bug: the program did not fail"
			}
			if !strings.Contains(prog.stderr, c.err.text) {
				return fmt.Sprintf("corpus bug: the program's stderr lacks %q:\n%s", c.err.text, prog.stderr)
			}
		} else if prog.failed {
			return fmt.Sprintf("corpus bug: the program failed:\n%s", prog.stderr)
		}
	}
	var problems []string
	switch {
	case c.err == nil && err != nil:
		problems = append(problems, fmt.Sprintf("cell %d failed: %s", failed, describeErr(err)))
	case c.err != nil && err == nil:
		problems = append(problems, fmt.Sprintf("cell %d should fail with %s", c.err.cell, c.err.name))
	case c.err != nil && failed != c.err.cell:
		problems = append(problems, fmt.Sprintf("cell %d failed, want cell %d: %s", failed, c.err.cell, describeErr(err)))
	case c.err != nil:
		var se Error
		if !errors.As(err, &se) {
			problems = append(problems, fmt.Sprintf("error %T does not implement session.Error: %v", err, err))
			break
		}
		tb := strings.Join(se.Traceback(), "\n")
		if se.Name() != c.err.name {
			problems = append(problems, fmt.Sprintf("error named %q, want %q", se.Name(), c.err.name))
		}
		if !strings.Contains(tb, c.err.text) && !strings.Contains(se.Error(), c.err.text) {
			problems = append(problems, fmt.Sprintf("error lacks %q", c.err.text))
		}
		if c.err.line > 0 && !mentionsLine(tb+"\n"+se.Error(), c.err.line) {
			problems = append(problems, fmt.Sprintf("error does not point at line %d", c.err.line))
		}
		if len(problems) > 0 {
			problems = append(problems, "got: "+describeErr(err))
		}
	}
	if out != want {
		problems = append(problems, fmt.Sprintf("output:\n%s\nwant:\n%s", indent(out), indent(want)))
	}
	return strings.Join(problems, "\n")
}

// mentionsLine reports whether text has a position on line n ("n:col" or "line n").
func mentionsLine(text string, n int) bool {
	re := regexp.MustCompile(fmt.Sprintf(`(^|[^0-9])%d:\d+|line %d\b`, n, n))
	return re.MatchString(text)
}

func describeErr(err error) string {
	var se Error
	if errors.As(err, &se) {
		return se.Name() + ": " + strings.Join(se.Traceback(), " | ")
	}
	return err.Error()
}

func indent(s string) string {
	return "\t" + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n\t")
}

func TestCorpus(t *testing.T) {
	cases := loadCorpus(t)
	progs := runPrograms(t, cases)

	var failures []string
	start := time.Now()
	for _, c := range cases {
		if msg := c.check(progs[c.name]); msg != "" {
			if strings.HasPrefix(msg, "corpus bug") {
				t.Errorf("%s: %s", c.name, msg)
			}
			failures = append(failures, c.name)
			t.Logf("FAIL %s:\n%s", c.name, indent(msg))
		}
	}
	sort.Strings(failures)
	rate := 100 * float64(len(cases)-len(failures)) / float64(len(cases))
	t.Logf("corpus: %d of %d sequences pass (%.1f %%) in %v", len(cases)-len(failures), len(cases), rate, time.Since(start).Round(time.Millisecond))
	if rate < 95 {
		t.Errorf("corpus pass rate %.1f %% < 95 %%; failing: %s", rate, strings.Join(failures, " "))
	}

	// every failure is documented with its workaround
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "known-limits.md"))
	section := ""
	if err == nil {
		_, section, _ = strings.Cut(string(doc), "## Corpus failures")
		if i := strings.Index(section, "\n## "); i >= 0 {
			section = section[:i]
		}
	}
	listed := func(name string) bool {
		return regexp.MustCompile("`" + regexp.QuoteMeta(name) + "`").MatchString(section)
	}
	for _, f := range failures {
		if !listed(f) {
			t.Errorf("failing sequence %s is not listed under \"## Corpus failures\" in docs/known-limits.md", f)
		}
	}
	for _, c := range cases {
		if listed(c.name) && !slices.Contains(failures, c.name) {
			t.Logf("%s passes now: remove it from docs/known-limits.md", c.name)
		}
	}
}

func TestParseCorpusFile(t *testing.T) {
	tests := []struct {
		src   string
		cells int
		err   bool
	}{
		{"-- cell --\nx := 1\n-- cell --\nfmt.Println(x)\n-- program --\npackage main\n", 2, false},
		{"why: redefinition\n-- cell --\nx := 1\n-- output --\n1\n", 1, false},
		{"-- cell --\nx := 1\n-- output --\n1\n", 0, true}, // hand-checked without why
		{"-- cell --\nx\n", 0, true},                       // nothing to compare with
		{"-- cell --\nx\n-- program --\np\n-- error --\ncell 3: Panic: boom\n", 0, true},
		{"-- cell --\nx\n-- program --\np\n-- error --\ncell 1: Panic line 2: boom\n", 1, false},
	}
	for _, tt := range tests {
		c, err := parseCorpusFile("t", tt.src)
		if (err != nil) != tt.err {
			t.Errorf("%q: error %v, want error %v", tt.src, err, tt.err)
			continue
		}
		if err == nil && len(c.cells) != tt.cells {
			t.Errorf("%q: %d cells, want %d", tt.src, len(c.cells), tt.cells)
		}
	}
}
