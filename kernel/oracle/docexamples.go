package oracle

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/doc"
	"go/format"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
)

// DocExample is one runnable example of a package's documentation (a
// func ExampleXxx with an Output comment in a _test.go file), as the
// whole program go/doc synthesizes for the playground.
type DocExample struct {
	// Name is the package's import path and the example func's name,
	// e.g. "strings.ExampleFields".
	Name string
	// Source is the program go/doc synthesizes: package main, the
	// imports, the declarations of the file the example uses, func main.
	Source string
	// Want is the Output comment's text.
	Want string
	// Unordered reports an "Unordered output" comment: lines compare in
	// any order.
	Unordered bool
	// Skip, when not "", is why the example is not a fair test of cells
	// (see DocExamples).
	Skip string
}

// Package is a package's import path and the paths of the files of its
// external test package (package x_test) that its build constraints
// select, as go list's XTestGoFiles names them.
type Package struct {
	Path  string
	Files []string
}

// DocExamples returns the runnable examples with an Output comment of
// each package, sorted by name (go/doc gives a program only for examples
// of an external test package that use nothing unexported). An example is
// listed with a reason to skip it where its output cannot be compared: it
// imports a package that importable rejects (one cells cannot import), or
// one whose output go cannot reproduce from one run to the next or that
// touches the world (the rules of Examples' skip reasons).
func DocExamples(pkgs []Package, importable func(path string) bool) ([]DocExample, error) {
	var out []DocExample
	for _, p := range pkgs {
		fset := token.NewFileSet()
		var files []*ast.File
		for _, name := range p.Files {
			f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
			if err != nil {
				return nil, fmt.Errorf("reading the examples of %s: %w", p.Path, err)
			}
			files = append(files, f)
		}
		for _, ex := range doc.Examples(files...) {
			if ex.Play == nil || ex.Output == "" && !ex.EmptyOutput {
				continue
			}
			var b bytes.Buffer
			if err := format.Node(&b, fset, ex.Play); err != nil {
				return nil, fmt.Errorf("printing the program of %s.Example%s: %w", p.Path, ex.Name, err)
			}
			// Printed and parsed again: the synthesized file's positions
			// are the test file's, which the text no longer has.
			play, err := parser.ParseFile(token.NewFileSet(), "main.go", b.Bytes(), parser.SkipObjectResolution)
			if err != nil {
				return nil, fmt.Errorf("parsing the program of %s.Example%s: %w", p.Path, ex.Name, err)
			}
			out = append(out, DocExample{
				Name:      p.Path + ".Example" + ex.Name,
				Source:    b.String(),
				Want:      ex.Output,
				Unordered: ex.Unordered,
				Skip:      docSkipReason(play, importable),
			})
		}
	}
	slices.SortFunc(out, func(a, b DocExample) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// docSkipReason says why the example program f is not compared, or "".
func docSkipReason(f *ast.File, importable func(string) bool) string {
	for _, im := range f.Imports {
		p, _ := strconv.Unquote(im.Path.Value)
		if why, ok := nondeterministic[p]; ok {
			return "imports " + p + " (" + why + ")"
		}
		if !importable(p) {
			return "imports " + p + ", which cells cannot import"
		}
	}
	return bodySkipReason(f)
}

// SameOutput reports whether a program's output got is the example's
// Output as go test compares them: without leading and trailing space,
// and for unordered output with the lines sorted.
func (ex DocExample) SameOutput(got string) bool {
	return ex.normalize(got) == ex.normalize(ex.Want)
}

func (ex DocExample) normalize(s string) string {
	s = strings.TrimSpace(s)
	if ex.Unordered {
		lines := strings.Split(s, "\n")
		slices.Sort(lines)
		s = strings.Join(lines, "\n")
	}
	return s
}
