package magic

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gocurve/gocurve/kernel/session"
)

func TestParse(t *testing.T) {
	declared := func(name string) bool { return name == "done" || name == "math" }
	tests := []struct {
		code    string
		ok      bool
		kind    Kind
		arg     string
		body    string
		err     string
		goStart int
	}{
		{code: "x := 1", ok: false},
		{code: "fmt.Println(\"why?\")", ok: false},
		{code: "// is this right?\nx := 1", ok: false},
		{code: "!done", ok: false},
		{code: "!math.IsNaN(x)", ok: false},
		{code: "!(a && b)", ok: false},
		{code: "%time f(x)", ok: true, kind: Time, arg: "f(x)", body: "f(x)", goStart: 6},
		{code: "\n  %timeit  g()", ok: true, kind: TimeIt, arg: "g()", body: "g()", goStart: 12},
		{code: "%%time\nx := 1\ny := 2", ok: true, kind: Time, body: "x := 1\ny := 2", goStart: 7},
		{code: "%%timeit extra\nx()", ok: true, err: "takes no argument on its line"},
		{code: "%%time", ok: true, err: "times the lines below it, and there are none"},
		{code: "%%vars\nx", ok: true, err: "%%vars is not a cell magic"},
		{code: "%time\n", ok: true, err: "%time needs a statement"},
		{code: "%time f()\ng()", ok: true, err: "to time a whole cell write %%time as its first line"},
		{code: "%vars\nx := 1", ok: true, err: "%vars must be alone in its cell"},
		{code: "%vars now", ok: true, err: "%vars takes no arguments"},
		{code: "%foo", ok: true, err: "unknown magic %foo; %help lists them"},
		{code: "%%bar\nx", ok: true, err: "unknown magic %%bar; %help lists them"},
		{code: "x?", ok: true, kind: Doc, arg: "x", goStart: 0},
		{code: "hessian.Gradient??", ok: true, kind: Doc, arg: "hessian.Gradient", goStart: 0},
		{code: "?m", ok: true, kind: Doc, arg: "m", goStart: 1},
		{code: "?", ok: true, err: "? needs a name"},
		{code: "?f(x)", ok: true, err: "is not a name to inspect"},
		{code: "x?\ny := 1", ok: true, err: "must be alone in its cell"},
		{code: "!ls -la", ok: true, kind: Shell, arg: "ls -la"},
		{code: "!echo a\n\n!echo b", ok: true, kind: Shell, arg: "echo a"},
		{code: "!echo a\nx := 1", ok: true, err: "a cell of ! commands has only ! lines"},
		{code: "%env", ok: true, kind: Environ},
		{code: "%env A=b c", ok: true, kind: Environ, arg: "A=b c"},
		{code: "%help", ok: true, kind: Help},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			cmd, ok, err := Parse(tt.code, declared)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want one saying %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				return
			}
			if cmd.Kind != tt.kind || cmd.Arg != tt.arg || cmd.Body != tt.body {
				t.Fatalf("got %+v", cmd)
			}
			if (tt.kind == Time || tt.kind == TimeIt || tt.kind == Doc) && cmd.GoOffset != tt.goStart {
				t.Fatalf("GoOffset = %d, want %d", cmd.GoOffset, tt.goStart)
			}
		})
	}
}

func TestShellLinesAllRun(t *testing.T) {
	cmd, _, err := Parse("!echo a\n!echo b", nil)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := Run(context.Background(), cmd, Env{Stdout: &out, Stderr: &out}); err != nil {
		t.Fatal(err)
	}
	if out.String() != "a\nb\n" {
		t.Fatalf("output %q", out.String())
	}
}

func TestShellInterrupted(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	cmd, _, _ := Parse("!sleep 30; echo late", nil)
	var out bytes.Buffer
	t0 := time.Now()
	_, err := Run(ctx, cmd, Env{Stdout: &out, Stderr: &out})
	if err == nil || !strings.Contains(err.Error(), "interrupted") {
		t.Fatalf("err = %v, want interrupted", err)
	}
	if strings.Contains(out.String(), "late") {
		t.Fatal("the command went on after the interrupt")
	}
	if d := time.Since(t0); d > 20*time.Second {
		t.Fatalf("the interrupt took %v", d)
	}
}

func newSession(t *testing.T) (*session.Session, *bytes.Buffer) {
	var out bytes.Buffer
	s, err := session.New(session.Options{Stdout: &out, Stderr: &out})
	if err != nil {
		t.Fatal(err)
	}
	return s, &out
}

func run(t *testing.T, s *session.Session, code string) (string, *session.Result, error) {
	t.Helper()
	cmd, ok, err := Parse(code, nil)
	if !ok || err != nil {
		t.Fatalf("Parse(%q) = %v, %v", code, ok, err)
	}
	var out bytes.Buffer
	res, err := Run(context.Background(), cmd, Env{Session: s, Stdout: &out, Stderr: &out})
	return out.String(), res, err
}

func TestTimeKeepsDeclarationsAndResult(t *testing.T) {
	s, _ := newSession(t)
	out, res, err := run(t, s, "%%time\nk := 6\nk * 7")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^CPU times: user [0-9.]+ [mµn]?s, sys: [0-9.]+ [mµn]?s, total: [0-9.]+ [mµn]?s\nWall time: [0-9.]+ [mµn]?s\n$`).MatchString(out) {
		t.Fatalf("output %q", out)
	}
	if res.Display == nil || res.Display.Data["text/plain"] != "42" {
		t.Fatalf("result %+v, want 42", res.Display)
	}
	if _, err := s.Execute(context.Background(), "k"); err != nil {
		t.Fatalf("k is not declared after %%%%time: %v", err)
	}
}

func TestTimeIt(t *testing.T) {
	s, _ := newSession(t)
	out, _, err := run(t, s, "%timeit math.Sqrt(2)")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`^[0-9.]+ ([mµn]?s) ± [0-9.]+ [mµn]?s per loop \(mean ± std\. dev\. of ([3-7]) runs, ([0-9]+) loops? each\)\n$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("output %q", out)
	}
	if m[3] == "1" {
		t.Fatalf("a microsecond statement ran once per round: %q", out)
	}
	// Declarations inside %timeit stay inside it.
	if _, _, err := run(t, s, "%timeit q := 1; _ = q"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Execute(context.Background(), "q"); err == nil {
		t.Fatal("q leaked out of the timed code")
	}
	// A compile error is reported, not timed.
	if _, _, err := run(t, s, "%timeit undefinedThing()"); err == nil || !strings.Contains(err.Error(), "undefined") {
		t.Fatalf("err = %v", err)
	}
}

func TestVarsAndInspect(t *testing.T) {
	s, _ := newSession(t)
	if _, err := s.Execute(context.Background(), "lr := 0.05\nname := \"adam\"\nv := make([]float64, 100)"); err != nil {
		t.Fatal(err)
	}
	_, res, err := run(t, s, "%vars")
	if err != nil {
		t.Fatal(err)
	}
	text := res.Display.Data["text/plain"].(string)
	for _, want := range []string{"lr    float64    0.05", `name  string     adam`, "v     []float64  [0 0 0"} {
		if !strings.Contains(text, want) {
			t.Errorf("%%vars lacks %q:\n%s", want, text)
		}
	}
	if !strings.Contains(text, "…") {
		t.Errorf("a long value is not cut:\n%s", text)
	}
	_, res, err = run(t, s, "lr?")
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Display.Data["text/plain"]; got != "var lr float64\nvalue: 0.05" {
		t.Fatalf("lr? = %q", got)
	}
}

func TestSeconds(t *testing.T) {
	for _, tt := range []struct {
		s    float64
		want string
	}{{1.5, "1.5 s"}, {0.0123, "12.3 ms"}, {4.56e-6, "4.56 µs"}, {7e-10, "0.7 ns"}, {0, "0 ns"}, {120, "120 s"}} {
		if got := seconds(tt.s); got != tt.want {
			t.Errorf("seconds(%g) = %q, want %q", tt.s, got, tt.want)
		}
	}
}
