package oracle

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/gocurve/gocurve/kernel/session"
)

// docSampleStride picks every n-th comparable example for go test; make
// stdexamples (GOCURVE_DOCEXAMPLES=all) runs them all.
const docSampleStride = 25

// TestDocExamples runs the runnable examples of the standard library's
// and gonum's documentation (the programs go/doc synthesizes from their
// Example funcs, read at test time from GOROOT and the module cache)
// pasted whole into one cell and split into cells as a student would
// paste them, beside bare yaegi, and compares each program's standard
// output with the example's Output comment as go test does. It fails on
// any silently wrong output. An example that a runner gets wrong is built
// with the go command too, and not compared where go run does not print
// its Output either.
func TestDocExamples(t *testing.T) {
	pkgs := listPackages(t, "std", "gonum.org/v1/gonum/...")
	all, err := DocExamples(pkgs, session.Importable)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 500 {
		t.Fatalf("found %d examples with an Output comment, expected over 500", len(all))
	}
	full := os.Getenv("GOCURVE_DOCEXAMPLES") == "all"
	var progs []DocExample
	skipped, comparable := 0, 0
	for _, ex := range all {
		if ex.Skip != "" {
			skipped++
			if full {
				progs = append(progs, ex)
			}
			continue
		}
		if full || comparable%docSampleStride == 0 {
			progs = append(progs, ex)
		}
		comparable++
	}
	yaegi := installYaegi(t)

	type outcome struct {
		ex                 DocExample
		skip               string
		whole, split, bare Result
	}
	outcomes := make([]outcome, len(progs))
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	t.Run("programs", func(t *testing.T) {
		for i, ex := range progs {
			t.Run(ex.Name, func(t *testing.T) {
				if ex.Skip != "" {
					outcomes[i] = outcome{ex: ex, skip: ex.Skip}
					t.Skip(ex.Skip)
				}
				t.Parallel()
				sem <- struct{}{}
				defer func() { <-sem }()
				want := ex.normalize(ex.Want)
				judge := func(stdout, errText string, refused bool) Result {
					return Judge(want, ex.normalize(stdout), errText, refused)
				}
				o := outcome{ex: ex}
				w := execCells("", []string{ex.Source}, timeout)
				o.whole = judge(w.out.stdoutText(), w.err, w.refused)
				cells, err := Split(ex.Source)
				if err != nil {
					t.Fatal(err)
				}
				s := execCells("", cells, timeout)
				o.split = judge(s.out.stdoutText(), s.err, s.refused)
				path := filepath.Join(t.TempDir(), "main.go")
				if err := os.WriteFile(path, []byte(ex.Source), 0o644); err != nil {
					t.Fatal(err)
				}
				b := execYaegi(yaegi, path)
				o.bare = judge(b.out.stdoutText(), b.err, b.refused)
				if o.whole.Verdict != Pass || o.split.Verdict != Pass {
					if why := goRunsExample(t, ex, path); why != "" {
						outcomes[i] = outcome{ex: ex, skip: why}
						t.Skip(why)
					}
				}
				outcomes[i] = o
				for _, r := range []struct {
					how string
					res Result
				}{{"pasted whole", o.whole}, {"split into cells", o.split}} {
					if r.res.Verdict == Wrong {
						t.Errorf("silently wrong %s: the cell printed\n%s\nthe example's Output is\n%s", r.how, r.res.Output, want)
					} else if r.res.Verdict != Pass {
						t.Logf("%s: %v: %s", r.how, r.res.Verdict, firstLine(r.res.Error))
					}
				}
			})
		}
	})

	var n, whole, split, bare int
	var wrong []string
	var rows strings.Builder
	for _, o := range outcomes {
		if o.ex.Name == "" {
			continue
		}
		if o.skip != "" {
			if o.ex.Skip == "" {
				skipped++ // go run does not print the Output
			}
			fmt.Fprintf(&rows, "| %s | skipped: %s | | | |\n", o.ex.Name, strings.ReplaceAll(o.skip, "|", `\|`))
			continue
		}
		n++
		for _, c := range []struct {
			r *Result
			k *int
		}{{&o.whole, &whole}, {&o.split, &split}, {&o.bare, &bare}} {
			if c.r.Verdict == Pass {
				*c.k++
			}
		}
		if o.whole.Verdict == Wrong {
			wrong = append(wrong, "whole: "+o.ex.Name)
		}
		if o.split.Verdict == Wrong {
			wrong = append(wrong, "split: "+o.ex.Name)
		}
		errText := firstLine(o.whole.Error)
		if errText == "" {
			errText = firstLine(o.split.Error)
		}
		fmt.Fprintf(&rows, "| %s | %v | %v | %v | %s |\n", o.ex.Name, o.whole.Verdict, o.split.Verdict, o.bare.Verdict,
			strings.ReplaceAll(errText, "|", `\|`))
	}
	pct := func(a int) string {
		if n == 0 {
			return "-"
		}
		return fmt.Sprintf("%d/%d (%.1f %%)", a, n, 100*float64(a)/float64(n))
	}
	scope := fmt.Sprintf("every %d-th comparable example of %d", docSampleStride, len(all))
	if full {
		scope = fmt.Sprintf("%d examples, %d compared, %d skipped", len(all), n, skipped)
	}
	var rep strings.Builder
	fmt.Fprintf(&rep, "Documentation examples of the standard library and gonum (%s, %s, %s):\n\n", scope, runtime.Version(), time.Now().UTC().Format("2006-01-02"))
	fmt.Fprintf(&rep, "| runner | pass |\n|---|---|\n| cell, pasted whole | %s |\n| cells, split as a student would | %s |\n| bare `yaegi run` v0.16.1 | %s |\n",
		pct(whole), pct(split), pct(bare))
	fmt.Fprintf(&rep, "\nSilently wrong: %s\n", listOrNone(wrong))
	t.Log("\n" + rep.String())
	if path := os.Getenv("GOCURVE_DOCEXAMPLES_REPORT"); path != "" {
		detail := rep.String() + "\n| example | whole | split | yaegi | first error |\n|---|---|---|---|---|\n" + rows.String()
		if err := os.WriteFile(path, []byte(detail), 0o644); err != nil {
			t.Error(err)
		}
	}
}

// listPackages returns the packages the go command lists for patterns
// that have an external test package, from this module (gonum's are in
// the module cache, at the version go.mod requires).
func listPackages(t *testing.T, patterns ...string) []Package {
	args := append([]string{"list", "-e", "-f", "{{.ImportPath}}\t{{.Dir}}{{range .XTestGoFiles}}\t{{.}}{{end}}"}, patterns...)
	out, err := exec.Command(goTool(), args...).Output()
	if err != nil {
		t.Fatalf("go list %s: %v", strings.Join(patterns, " "), err)
	}
	var pkgs []Package
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Split(line, "\t")
		if len(fields) < 3 {
			continue
		}
		p := Package{Path: fields[0]}
		for _, name := range fields[2:] {
			p.Files = append(p.Files, filepath.Join(fields[1], name))
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

// goRunsExample builds the example's program at path with the go command
// (in this module, for gonum's version) and runs it, and says why it is
// not compared where go run fails or does not print the Output.
func goRunsExample(t *testing.T, ex DocExample, path string) string {
	bin := filepath.Join(t.TempDir(), "prog")
	build := exec.Command(goTool(), "build", "-o", bin, path)
	build.Env = append(os.Environ(), "GOFLAGS=")
	if b, err := build.CombinedOutput(); err != nil {
		return fmt.Sprintf("go build fails (%v): %s", err, firstLine(string(b)))
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin)
	cmd.WaitDelay = time.Second
	out, err := cmd.Output()
	if err != nil {
		return fmt.Sprintf("go run fails (%v)", err)
	}
	if !ex.SameOutput(string(out)) {
		return "go run does not print the example's Output"
	}
	return ""
}
