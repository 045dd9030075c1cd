package complete_test

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gocurve/gocurve/kernel/complete"
	"github.com/gocurve/gocurve/kernel/session"
)

// TestWithSession completes against the declarations a real session reports
// after running cells, as the worker does.
func TestWithSession(t *testing.T) {
	var out bytes.Buffer
	s, err := session.New(session.Options{Stdout: &out, Stderr: &out})
	if err != nil {
		t.Fatal(err)
	}
	// Doc comments are not on a cell's first line: the session loses those
	// (reported to the session's owners).
	cells := []string{
		"import \"encoding/json\"\nimport m2 \"math\"",
		"const dim = 2\n\n// Point is a point in the plane.\ntype Point struct{ X, Y float64 }\n\n// Norm is the length of p.\nfunc (p Point) Norm() float64 { return m2.Hypot(p.X, p.Y) }",
		"x0 := 1\n_ = x0\n\n// loss is the training loss.\nfunc loss(w []float64) float64 { return w[0] * w[0] }",
		"A := mat.NewDense(2, 2, []float64{1, 2, 3, 4})\nvar pt Point\nθ := 0.5",
		"q := hessian.Quadratic{A: mat.NewSymDense(1, []float64{2}), B: []float64{1}}\nerr := errors.New(\"e\")\nr := strings.NewReader(\"s\")\nvar sc fmt.Stringer = time.Second",
		"type Model struct {\n\tW    *mat.Dense\n\tBest Point\n}\n\nfunc newModel() *Model { return &Model{W: mat.NewDense(1, 1, nil)} }\n\nmd := newModel()\nms := []*Model{md}\nd := 2 * time.Second\npts := map[string]Point{}\nfirst := ms[0]",
		"func (m *Model) Loss() float64 { return m.W.At(0, 0) }\n\ntype Shape interface {\n\tArea() float64\n\tName() string\n}\n\ntype circle struct{ r float64 }\n\nfunc (c circle) Area() float64 { return c.r * c.r }\nfunc (c circle) Name() string  { return \"circle\" }\n\nvar sh Shape = circle{1}\nshapes := []Shape{sh}",
	}
	for _, c := range cells {
		if _, err := s.Execute(context.Background(), c); err != nil {
			t.Fatalf("cell %q: %v", c, err)
		}
	}
	fromSession := s.Decls() // session.Decl is complete.Decl
	// the kernel's: read from the snapshot the worker sends after each cell
	fromSnapshot, err := session.DeclsOf(s.State())
	if err != nil {
		t.Fatal(err)
	}
	for _, decls := range [][]complete.Decl{fromSession, fromSnapshot} {
		check(t, decls)
	}
}

func check(t *testing.T, decls []complete.Decl) {
	tests := []struct {
		code string
		want []string
	}{
		{"A.Sol", []string{"Solve"}},
		{"q.", []string{"A", "B", "C", "Func", "Grad"}},
		{"err.", []string{"Error"}},
		{"r.Rea", []string{"Read", "ReadAt"}},
		{"sc.", []string{"String"}},
		{"pt.", []string{"Norm", "X", "Y"}},
		{"json.Unmar", []string{"Unmarshal", "Unmarshaler"}},
		{"m2.Hyp", []string{"Hypot"}},
		{"lo", []string{"loss"}},
		{"θ + ma", []string{"make", "map", "mat", "max"}},
		// types the model gave: cell types, package types, chains
		{"q.A.", []string{"At", "SymmetricDim"}},
		{"md.", []string{"Best", "W"}},
		{"md.W.", []string{"Apply", "At", "Solve"}},
		{"md.Best.", []string{"Norm", "X"}},
		{"md.W.T().", []string{"At", "Dims"}},
		{"ms[0].W.", []string{"At"}},
		{"first.Best.", []string{"Norm"}},
		{"d.", []string{"Hours", "Seconds"}},
		{"pts[\"a\"].", []string{"Norm", "X"}},
		{"md.Lo", []string{"Loss"}},
		{"w := md.W\nw.T", []string{"T", "Trace"}},
		{"b := md.Best\nb.No", []string{"Norm"}},
		{"sh.", []string{"Area", "Name"}},
		{"shapes[0].", []string{"Area", "Name"}},
		{"for _, s := range shapes {\n\ts.", []string{"Area", "Name"}},
	}
	for _, tt := range tests {
		c := complete.Complete(tt.code, utf8.RuneCountInString(tt.code), decls)
		var got []string
		for _, m := range c.Matches {
			got = append(got, m.Text[strings.LastIndexByte(m.Text, '.')+1:])
		}
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: %q missing from %q", tt.code, w, got)
			}
		}
	}
	for code, want := range map[string]string{
		"pt.Norm": "length of p",
		"loss":    "training loss",
		"Point":   "point in the plane",
		"md":      "*Model",
		"first":   "*Model",
		"md.W":    "*mat.Dense",
		"q.A":     "*mat.SymDense",
		"err":     "var err error", // its static type, not *errors.errorString
		"d":       "time.Duration",
		"sh":      "Shape",
		"md.Loss": "func (m *Model) Loss() float64",
	} {
		text, ok := complete.Inspect(code, utf8.RuneCountInString(code), decls)
		if !ok || !strings.Contains(text, want) {
			t.Errorf("Inspect(%q) = %q, %v; want it to contain %q", code, text, ok, want)
		}
	}
}
