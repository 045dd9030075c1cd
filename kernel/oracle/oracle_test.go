package oracle

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gocurve/gocurve/kernel/comm"
	"github.com/gocurve/gocurve/kernel/display"
	"github.com/gocurve/gocurve/kernel/worker"
)

// The test binary is also the worker: the supervisor starts os.Args[0]
// with GOCURVE_WORKER set.
func TestMain(m *testing.M) {
	if worker.IsWorker() {
		if err := worker.Serve(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// timeout bounds one program under one runner (none of them takes 5 s
// under go run). A cell that runs past it while the programs run in
// parallel, where bare yaegi passed, runs again alone under alone.
const (
	timeout = 20 * time.Second
	alone   = 3 * timeout
)

// subsetStride picks every n-th program under go test -short.
const subsetStride = 4

// TestGoroot runs the Go distribution's `// run` programs in cells and
// under bare yaegi, and fails on a silently wrong cell and on a program
// bare yaegi gets right that a cell gets wrong (unless listed in
// testdata/behind.txt, which the test keeps honest).
func TestGoroot(t *testing.T) {
	goroot := goEnv(t, "GOROOT")
	all, err := Programs(goroot)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 200 {
		t.Fatalf("found %d runnable programs in %s/test, expected over 200", len(all), goroot)
	}
	progs := all
	full := !testing.Short()
	if !full {
		progs = nil
		for i, p := range all {
			if i%subsetStride == 0 {
				progs = append(progs, p)
			}
		}
	}
	yaegi := installYaegi(t)
	behind := readList(t, "testdata/behind.txt")

	type outcome struct {
		prog        Program
		cell, yaegi Result
	}
	outcomes := make([]outcome, len(progs))
	var slow []int // programs whose cell ran out of time where bare yaegi passed
	var slowMu sync.Mutex
	check := func(t *testing.T, p Program, c, y Result) {
		if c.Verdict == Wrong {
			t.Errorf("silently wrong: the cell printed\n%s\nGo prints\n%s", c.Output, p.Want)
		}
		if y.Verdict == Pass && c.Verdict != Pass {
			if behind[p.Name] {
				t.Logf("bare yaegi passes, the cell: %v (listed in testdata/behind.txt): %s", c.Verdict, firstLine(c.Error))
			} else {
				t.Errorf("bare yaegi passes, the cell: %v: %s\n%s", c.Verdict, c.Error, c.Output)
			}
		}
		if behind[p.Name] && c.Verdict == Pass {
			t.Logf("listed in testdata/behind.txt but passes now: remove it")
		}
	}
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	t.Run("programs", func(t *testing.T) {
		for i, p := range progs {
			t.Run(p.Name, func(t *testing.T) {
				t.Parallel()
				sem <- struct{}{}
				defer func() { <-sem }()
				c, timedOut := runCell(t, p, timeout)
				y := runYaegi(yaegi, p)
				outcomes[i] = outcome{p, c, y}
				if timedOut && y.Verdict == Pass {
					slowMu.Lock()
					slow = append(slow, i) // judged below, alone
					slowMu.Unlock()
					return
				}
				check(t, p, c, y)
			})
		}
	})
	// Slowness that comes from sharing the cores with the other programs
	// is not the cell's: those that ran out of time run again one at a
	// time, with more of it.
	for _, i := range slow {
		o := &outcomes[i]
		t.Run("alone/"+o.prog.Name, func(t *testing.T) {
			o.cell, _ = runCell(t, o.prog, alone)
			check(t, o.prog, o.cell, o.yaegi)
		})
	}

	// Figures.
	type tally struct{ n, cell, yaegi int }
	var allT, plain tally
	count := map[string]map[Verdict]int{"cell": {}, "yaegi": {}}
	var wrong, behindNow []string
	for _, o := range outcomes {
		if o.prog.Name == "" {
			continue // the subtest did not finish
		}
		for _, tl := range []*tally{&allT, &plain} {
			if tl == &plain && o.prog.LowLevel {
				continue
			}
			tl.n++
			if o.cell.Verdict == Pass {
				tl.cell++
			}
			if o.yaegi.Verdict == Pass {
				tl.yaegi++
			}
		}
		count["cell"][o.cell.Verdict]++
		count["yaegi"][o.yaegi.Verdict]++
		if o.cell.Verdict == Wrong {
			wrong = append(wrong, "cell: "+o.prog.Name)
		}
		if o.yaegi.Verdict == Wrong {
			wrong = append(wrong, "yaegi: "+o.prog.Name)
		}
		if o.yaegi.Verdict == Pass && o.cell.Verdict != Pass {
			behindNow = append(behindNow, o.prog.Name)
		}
	}
	pct := func(a, b int) string {
		if b == 0 {
			return "-"
		}
		return fmt.Sprintf("%.1f %%", 100*float64(a)/float64(b))
	}
	var rep strings.Builder
	scope := fmt.Sprintf("every %d-th of %d programs", subsetStride, len(all))
	if full {
		scope = fmt.Sprintf("all %d programs", len(all))
	}
	fmt.Fprintf(&rep, "GOROOT/test `// run` programs (%s, %s, %s):\n\n", scope, runtime.Version(), time.Now().UTC().Format("2006-01-02"))
	fmt.Fprintf(&rep, "| runner | pass | pass without unsafe/runtime | compile refusal | runtime error | silently wrong |\n|---|---|---|---|---|---|\n")
	for _, r := range []struct {
		name string
		pass func(tally) int
	}{{"cell", func(t tally) int { return t.cell }}, {"yaegi", func(t tally) int { return t.yaegi }}} {
		label := map[string]string{"cell": "gocurve cell (worker)", "yaegi": "bare `yaegi run` v0.16.1"}[r.name]
		c := count[r.name]
		fmt.Fprintf(&rep, "| %s | %d/%d (%s) | %d/%d (%s) | %d | %d | %d |\n", label,
			r.pass(allT), allT.n, pct(r.pass(allT), allT.n), r.pass(plain), plain.n, pct(r.pass(plain), plain.n),
			c[Refused], c[Failed], c[Wrong])
	}
	fmt.Fprintf(&rep, "\nSilently wrong: %s\n", listOrNone(wrong))
	fmt.Fprintf(&rep, "\nBare yaegi passes, the cell does not: %s\n", listOrNone(behindNow))
	t.Log("\n" + rep.String())
	if path := os.Getenv("GOCURVE_ORACLE_REPORT"); path != "" {
		var detail strings.Builder
		detail.WriteString(rep.String())
		detail.WriteString("\n| program | cell | yaegi | cell's error |\n|---|---|---|---|\n")
		for _, o := range outcomes {
			if o.prog.Name != "" {
				fmt.Fprintf(&detail, "| %s | %v | %v | %s |\n", o.prog.Name, o.cell.Verdict, o.yaegi.Verdict,
					strings.ReplaceAll(firstLine(o.cell.Error), "|", `\|`))
			}
		}
		if err := os.WriteFile(path, []byte(detail.String()), 0o644); err != nil {
			t.Error(err)
		}
	}
}

func listOrNone(xs []string) string {
	if len(xs) == 0 {
		return "none"
	}
	return strings.Join(xs, ", ")
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// runCell pastes p whole into the first cell of a new worker, and reports
// whether it ran out of time.
func runCell(t *testing.T, p Program, limit time.Duration) (Result, bool) {
	r := execCells(filepath.Dir(p.Path), []string{p.Source}, limit)
	return Judge(p.Want, r.out.text(), r.err, r.refused), r.timedOut
}

// cellsRun is what cells printed and the first error they reported.
type cellsRun struct {
	out sink
	// err is the error ("" for none): for one cell its ename and
	// traceback, for several the cell's number, ename and message.
	err               string
	refused, timedOut bool
}

// execCells runs cells one after the other in one new worker working in
// dir ("" for the test's), as a student would in a notebook beside the
// program's files, each within limit, and stops at the first error.
func execCells(dir string, cells []string, limit time.Duration) *cellsRun {
	exe, err := os.Executable() // (os.Args[0] may be relative to the test's folder)
	if err != nil {
		exe = os.Args[0]
	}
	sup := worker.New(worker.Options{Command: []string{exe}, Dir: dir})
	defer sup.Close()
	r := &cellsRun{}
	for i, code := range cells {
		ctx, cancel := context.WithTimeout(context.Background(), limit)
		o := sup.Execute(ctx, worker.Request{Type: "execute", Code: code}, &r.out)
		r.timedOut = ctx.Err() != nil
		cancel()
		switch {
		case r.timedOut && len(cells) == 1:
			r.err = "timeout after " + limit.String()
		case r.timedOut:
			r.err = fmt.Sprintf("cell %d: timeout after %v", i+1, limit)
		case o.Status == "ok":
			continue
		case len(cells) == 1 && len(o.Traceback) > 0:
			r.err = o.Ename + ": " + strings.Join(o.Traceback, "\n")
		case len(cells) == 1:
			r.err = o.Ename + ": " + o.Evalue
		default:
			r.err = fmt.Sprintf("cell %d: %s: %s", i+1, o.Ename, o.Evalue)
		}
		r.refused = !r.timedOut && o.Ename == "CompileError"
		break
	}
	return r
}

// sink collects a cell's streams in the order they arrive, and its
// standard output alone.
type sink struct {
	mu          sync.Mutex
	all, stdout strings.Builder
}

func (s *sink) Stream(name, text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.all.WriteString(text)
	if name == "stdout" {
		s.stdout.WriteString(text)
	}
}
func (s *sink) Display(display.Bundle, string, bool) {}
func (s *sink) ClearOutput(bool)                     {}
func (s *sink) Page(display.Bundle)                  {}
func (s *sink) Comm(comm.Kind, comm.Message)         {}
func (s *sink) Input(string, bool) (string, error) {
	return "", errors.New("no stdin in the oracle")
}

// text returns both streams, in the order they arrived.
func (s *sink) text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.all.String()
}

// stdoutText returns the standard output alone.
func (s *sink) stdoutText() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stdout.String()
}

// yaegiCompileError is how `yaegi run` reports a compile error: a position
// in the file, and no panic.
var yaegiCompileError = regexp.MustCompile(`(?m)\.go:\d+:\d+: `)

// runYaegi runs p under bare `yaegi run`, in p's folder.
func runYaegi(bin string, p Program) Result {
	r := execYaegi(bin, p.Path)
	return Judge(p.Want, r.out.text(), r.err, r.refused)
}

// yaegiRun is what a program printed under bare yaegi and its error.
type yaegiRun struct {
	out     sink
	err     string
	refused bool
}

// execYaegi runs the program at path under bare `yaegi run`, in its
// folder, with an 8 GiB address-space limit.
func execYaegi(bin, path string) *yaegiRun {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	args := []string{bin, "run", path}
	if pl, err := exec.LookPath("prlimit"); err == nil {
		args = append([]string{pl, "--as=8589934592"}, args...)
	}
	r := &yaegiRun{}
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.WaitDelay = time.Second
	cmd.Dir = filepath.Dir(path)
	cmd.Stdout = streamWriter{&r.out, "stdout"}
	cmd.Stderr = streamWriter{&r.out, "stderr"}
	err := cmd.Run()
	switch {
	case ctx.Err() != nil:
		r.err = "timeout after " + timeout.String()
	case err != nil:
		r.err = err.Error()
	}
	text := r.out.text()
	r.refused = r.err != "" && ctx.Err() == nil && yaegiCompileError.MatchString(text) && !strings.Contains(text, "panic")
	return r
}

// streamWriter writes to one stream of a sink.
type streamWriter struct {
	s    *sink
	name string
}

func (w streamWriter) Write(b []byte) (int, error) {
	w.s.Stream(w.name, string(b))
	return len(b), nil
}

// installYaegi builds yaegi v0.16.1's command into a temporary folder.
func installYaegi(t *testing.T) string {
	bin := t.TempDir()
	cmd := exec.Command(goTool(), "install", "github.com/traefik/yaegi/cmd/yaegi@v0.16.1")
	cmd.Env = append(os.Environ(), "GOBIN="+bin, "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("installing yaegi: %v\n%s", err, out)
	}
	return filepath.Join(bin, "yaegi")
}

func goTool() string {
	if p := filepath.Join(runtime.GOROOT(), "bin", "go"); fileExists(p) {
		return p
	}
	return "go"
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func goEnv(t *testing.T, name string) string {
	out, err := exec.Command(goTool(), "env", name).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", name, err)
	}
	return strings.TrimSpace(string(out))
}

// readList reads a list of program names, one a line; # starts a comment.
func readList(t *testing.T, path string) map[string]bool {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return map[string]bool{}
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		if line = strings.TrimSpace(line); line != "" {
			m[line] = true
		}
	}
	return m
}
