package magic

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"io"
	"math"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/gocurve/gocurve/kernel/complete"
	"github.com/gocurve/gocurve/kernel/display"
	"github.com/gocurve/gocurve/kernel/session"
)

// Session is what magics need of the interpreter session.
type Session interface {
	Execute(ctx context.Context, code string) (*session.Result, error)
	Decls() []session.Decl
}

// Env is where a magic runs: the session, and where its output goes.
type Env struct {
	Session Session
	// Stdout and Stderr receive printed output. A shell command writes to
	// them directly when they are *os.File, so its output streams.
	Stdout, Stderr io.Writer
}

// Run runs cmd. Its result is the cell's result (what the cell shows, as a
// Go cell's final expression would), and its error the cell's error.
func Run(ctx context.Context, cmd Command, env Env) (*session.Result, error) {
	switch cmd.Kind {
	case Time:
		return timeOnce(ctx, cmd.Body, env)
	case TimeIt:
		return nil, timeIt(ctx, cmd.Body, env)
	case Doc:
		return inspectName(ctx, cmd.Arg, env)
	case Vars:
		return vars(ctx, env), nil
	case Environ:
		return nil, environment(cmd.Arg, env)
	case Shell:
		for _, line := range cmd.Lines {
			if err := shell(ctx, line, env); err != nil {
				return nil, err
			}
		}
		return nil, nil
	case Help:
		return help(), nil
	}
	return nil, fmt.Errorf("magic: unknown kind %d", cmd.Kind)
}

// timeOnce runs code once as a cell, then prints its wall and CPU time.
func timeOnce(ctx context.Context, code string, env Env) (*session.Result, error) {
	u0, s0 := cpuTimes()
	t0 := time.Now()
	res, err := env.Session.Execute(ctx, code)
	wall := time.Since(t0)
	u1, s1 := cpuTimes()
	user, sys := u1-u0, s1-s0
	fmt.Fprintf(env.Stdout, "CPU times: user %s, sys: %s, total: %s\nWall time: %s\n",
		seconds(user.Seconds()), seconds(sys.Seconds()), seconds((user + sys).Seconds()), seconds(wall.Seconds()))
	return res, err
}

func cpuTimes() (user, sys time.Duration) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, 0
	}
	return time.Duration(ru.Utime.Nano()), time.Duration(ru.Stime.Nano())
}

// Bounds of %timeit: a round lasts at least minRound (the number of runs
// per round grows 1, 2, 5, 10, 20, … until it does), and there are up to
// maxRounds rounds, fewer when rounds are slow, never fewer than minRounds.
const (
	minRound   = 200 * time.Millisecond
	maxRounds  = 7
	minRounds  = 3
	roundsTime = 3 * time.Second
)

// timeIt runs code as a function body n times per round, in rounds, as
// Go's benchmarks and IPython's %timeit do, and prints the mean and
// standard deviation of the time per run across rounds. Declarations in
// code stay local to it.
func timeIt(ctx context.Context, code string, env Env) error {
	body := code
	if e, err := parser.ParseExpr(strings.TrimSpace(code)); err == nil {
		if _, call := e.(*ast.CallExpr); !call {
			body = "_ = " + strings.TrimSpace(code)
		}
	}
	round := func(n int) (time.Duration, error) {
		src := fmt.Sprintf("{\n__gocurve_timeit := func() {\n%s\n}\nfor __gocurve_i := 0; __gocurve_i < %d; __gocurve_i++ {\n__gocurve_timeit()\n}\n}", body, n)
		t0 := time.Now()
		_, err := env.Session.Execute(ctx, src)
		return time.Since(t0), err
	}
	n := 1
	var d time.Duration
	for {
		var err error
		if d, err = round(n); err != nil {
			return err
		}
		if d >= minRound {
			break
		}
		n = nextCount(n)
	}
	rounds := int(roundsTime / d)
	rounds = max(minRounds, min(maxRounds, rounds))
	per := []float64{d.Seconds() / float64(n)}
	for len(per) < rounds {
		d, err := round(n)
		if err != nil {
			return err
		}
		per = append(per, d.Seconds()/float64(n))
	}
	mean, sd := meanStd(per)
	loops := "loops"
	if n == 1 {
		loops = "loop"
	}
	fmt.Fprintf(env.Stdout, "%s ± %s per loop (mean ± std. dev. of %d runs, %d %s each)\n", seconds(mean), seconds(sd), len(per), n, loops)
	return nil
}

// nextCount steps through 1, 2, 5, 10, 20, 50, …
func nextCount(n int) int {
	p := 1
	for p*10 <= n {
		p *= 10
	}
	switch n / p {
	case 1:
		return 2 * p
	case 2:
		return 5 * p
	}
	return 10 * p
}

func meanStd(xs []float64) (mean, sd float64) {
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	for _, x := range xs {
		sd += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(sd / float64(len(xs)))
}

// seconds formats a time in seconds with three significant digits and a
// unit that keeps the number between 1 and 1000, as IPython does.
func seconds(s float64) string {
	units := []struct {
		name  string
		scale float64
	}{{"s", 1}, {"ms", 1e-3}, {"µs", 1e-6}, {"ns", 1e-9}}
	if s == 0 {
		return "0 ns"
	}
	for _, u := range units {
		if s >= u.scale || u.name == "ns" {
			return fmt.Sprintf("%.3g %s", s/u.scale, u.name)
		}
	}
	return ""
}

// inspectName shows what Shift-Tab shows for name, with a variable's value.
func inspectName(ctx context.Context, name string, env Env) (*session.Result, error) {
	decls := env.Session.Decls()
	text, found := complete.Inspect(name, len([]rune(name)), decls)
	if !found {
		return nil, &Error{fmt.Sprintf("%s: nothing by that name (not a variable, function or type of the session, nor a preloaded package's)", name)}
	}
	md, _ := complete.InspectMarkdown(name, len([]rune(name)), decls)
	if v := complete.Default().SessionVar(name, len([]rune(name)), decls); v != "" {
		v := Preview(ctx, env.Session, v)
		text += "\nvalue: " + v
		md += "\n\n**value:** `" + strings.ReplaceAll(v, "`", "'") + "`"
	}
	b := display.Bundle{Data: map[string]any{display.MIMEText: text}, Metadata: map[string]any{}}
	if md != "" {
		b.Data[display.MIMEMarkdown] = md
	}
	return &session.Result{Display: &b}, nil
}

// PreviewLen is the longest value preview, in runes.
const PreviewLen = 80

// Preview returns a variable's value as one line of text, at most
// PreviewLen runes, evaluated in the session.
func Preview(ctx context.Context, s Session, name string) string {
	res, err := s.Execute(ctx, name)
	if err != nil {
		return "(" + err.Error() + ")"
	}
	if res == nil || res.Display == nil {
		return ""
	}
	t, _ := res.Display.Data[display.MIMEText].(string)
	t = strings.Join(strings.Fields(t), " ")
	if r := []rune(t); len(r) > PreviewLen {
		t = string(r[:PreviewLen-1]) + "…"
	}
	return t
}

// vars lists the session's variables as a table.
func vars(ctx context.Context, env Env) *session.Result {
	var rows [][3]string
	for _, d := range env.Session.Decls() {
		if d.Kind != "var" || strings.HasPrefix(d.Name, "__gocurve") {
			continue
		}
		rows = append(rows, [3]string{d.Name, d.Type, Preview(ctx, env.Session, d.Name)})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i][0] < rows[j][0] })
	if len(rows) == 0 {
		b := display.Bundle{Data: map[string]any{display.MIMEText: "no variables yet"}, Metadata: map[string]any{}}
		return &session.Result{Display: &b}
	}
	var text strings.Builder
	tw := tabwriter.NewWriter(&text, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "name\ttype\tvalue")
	var md strings.Builder
	md.WriteString("| name | type | value |\n|---|---|---|\n")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r[0], r[1], r[2])
		fmt.Fprintf(&md, "| `%s` | `%s` | %s |\n", r[0], r[1], mdCell(r[2]))
	}
	tw.Flush()
	b := display.Bundle{Data: map[string]any{
		display.MIMEText:     strings.TrimRight(text.String(), "\n"),
		display.MIMEMarkdown: md.String(),
	}, Metadata: map[string]any{}}
	return &session.Result{Display: &b}
}

func mdCell(s string) string {
	r := strings.NewReplacer("|", `\|`, "`", "'", "*", `\*`, "_", `\_`, "<", "&lt;")
	return r.Replace(s)
}

// environment lists, shows or sets environment variables of the worker,
// which cells and ! commands see.
func environment(arg string, env Env) error {
	if arg == "" {
		vs := os.Environ()
		sort.Strings(vs)
		for _, v := range vs {
			if !strings.HasPrefix(v, "GOCURVE_WORKER") {
				fmt.Fprintln(env.Stdout, v)
			}
		}
		return nil
	}
	name, value, set := strings.Cut(arg, "=")
	if !set {
		if n, v, ok := strings.Cut(arg, " "); ok {
			name, value, set = n, strings.TrimSpace(v), true
		}
	}
	name = strings.TrimSpace(name)
	if name == "" || strings.ContainsAny(name, " \t") {
		return &Error{fmt.Sprintf("%%env %s: write %%env NAME to show a variable, %%env NAME=value to set it", arg)}
	}
	if !set {
		v, ok := os.LookupEnv(name)
		if !ok {
			return &Error{fmt.Sprintf("%%env: %s is not set", name)}
		}
		fmt.Fprintln(env.Stdout, v)
		return nil
	}
	if err := os.Setenv(name, value); err != nil {
		return &Error{fmt.Sprintf("%%env: setting %s: %v", name, err)}
	}
	// The interpreter keeps an environment of its own for cells' os.Getenv.
	if env.Session != nil {
		if _, err := env.Session.Execute(context.Background(), fmt.Sprintf("os.Setenv(%s, %s)", strconv.Quote(name), strconv.Quote(value))); err != nil {
			return &Error{fmt.Sprintf("%%env: setting %s for cells: %v", name, err)}
		}
	}
	fmt.Fprintf(env.Stdout, "env: %s=%s\n", name, value)
	return nil
}

// shell runs line with /bin/sh in the working directory; its output goes
// to env's writers as it comes. Cancelling ctx (an interrupt) kills the
// command and everything it started.
func shell(ctx context.Context, line string, env Env) error {
	cmd := exec.CommandContext(ctx, "/bin/sh", "-c", line)
	cmd.Stdout, cmd.Stderr = env.Stdout, env.Stderr
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GOCURVE_WORKER") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = time.Second
	err := cmd.Run()
	if ctx.Err() != nil {
		return &Error{fmt.Sprintf("!%s: interrupted", line)}
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		fmt.Fprintf(env.Stderr, "[!%s: exit status %d]\n", line, exit.ExitCode())
		return nil
	}
	if err != nil {
		return &Error{fmt.Sprintf("!%s: %v", line, err)}
	}
	return nil
}

func help() *session.Result {
	var text, md strings.Builder
	md.WriteString("| magic | what it does |\n|---|---|\n")
	rows := [][2]string{}
	for _, n := range names {
		rows = append(rows, [2]string{"%" + n.name, n.help})
	}
	rows = append(rows,
		[2]string{"name?  ?name", "the documentation of name; for a variable its type and value"},
		[2]string{"!cmd", "runs cmd with /bin/sh in the kernel's working directory; its output streams; interrupt stops it"},
	)
	for _, r := range rows {
		fmt.Fprintf(&text, "%-14s %s\n", r[0], r[1])
		fmt.Fprintf(&md, "| `%s` | %s |\n", r[0], r[1])
	}
	b := display.Bundle{Data: map[string]any{
		display.MIMEText:     strings.TrimRight(text.String(), "\n"),
		display.MIMEMarkdown: md.String(),
	}, Metadata: map[string]any{}}
	return &session.Result{Display: &b}
}
