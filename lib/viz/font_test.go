package viz_test

import (
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"codeberg.org/go-fonts/dejavu/dejavusans"
	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"

	"github.com/gocurve/gocurve/lib/viz"
)

// courseStrings returns every string literal of the course's Go cells and
// of lib/viz, with where it comes from: every title, label, legend entry and
// note a plot of the course can show is among them.
func courseStrings(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	fence := regexp.MustCompile("(?s)```go[^\n]*\n(.*?)```")
	sources := map[string]string{}
	mds, _ := filepath.Glob("../../notebooks/src/*.md")
	gos, _ := filepath.Glob("*.go")
	if len(mds) < 5 {
		t.Fatalf("found %d course sources", len(mds))
	}
	for _, p := range mds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for i, m := range fence.FindAllStringSubmatch(string(b), -1) {
			sources[filepath.Base(p)+" cell "+strconv.Itoa(i+1)] = m[1]
		}
	}
	for _, p := range gos {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sources[p] = string(b)
	}
	for where, src := range sources {
		fset := token.NewFileSet()
		var s scanner.Scanner
		s.Init(fset.AddFile(where, -1, len(src)), []byte(src), nil, scanner.ScanComments)
		for {
			_, tok, lit := s.Scan()
			if tok == token.EOF {
				break
			}
			if tok != token.STRING && tok != token.CHAR {
				continue
			}
			v, err := strconv.Unquote(lit)
			if err != nil {
				continue
			}
			out[v] = where
		}
	}
	return out
}

// Every rune of every string the course can put on a plot has a glyph in
// the bundled font.
func TestFontCoversTheCourse(t *testing.T) {
	f, err := sfnt.Parse(dejavusans.TTF)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	checked := map[rune]bool{}
	strs := courseStrings(t)
	if len(strs) < 200 {
		t.Fatalf("collected %d strings from the course, expected hundreds", len(strs))
	}
	for s, where := range strs {
		for _, r := range s {
			if unicode.IsControl(r) || checked[r] {
				continue
			}
			checked[r] = true
			if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
				t.Errorf("no glyph for %q (U+%04X) in DejaVu Sans, used in %q (%s)", r, r, s, where)
			}
		}
	}
	for _, r := range "∇‖ᵀ⁻¹²θ̂λκ₀₁ᵢ" {
		if !checked[r] && r != '\u0302' {
			t.Logf("%q is not used by the course", r)
		}
	}
}

// Plots built by hand and by viz use the same face.
func TestOneFontFamily(t *testing.T) {
	p := plot.New()
	if p.Title.TextStyle.Font.Typeface != viz.Font.Typeface || p.X.Label.TextStyle.Font.Typeface != viz.Font.Typeface {
		t.Errorf("plot.New uses %v, viz %v", p.Title.TextStyle.Font, viz.Font)
	}
	if plotter.DefaultFont != viz.Font {
		t.Errorf("plotter.DefaultFont = %v", plotter.DefaultFont)
	}
	q := viz.Losses(nil, viz.Series{Name: "a", Y: []float64{3, 2, 1}})
	if q.Title.TextStyle.Font.Typeface != viz.Font.Typeface {
		t.Errorf("viz uses %v", q.Title.TextStyle.Font)
	}
}
