package complete

import (
	"testing"
	"unicode/utf8"
)

// FuzzQueries checks that no text and cursor make Complete, Inspect or
// IsComplete panic, and that completion ranges stay inside the text and end
// at the cursor.
func FuzzQueries(f *testing.F) {
	for _, s := range []string{"math.Sq", "m.T().D", "x := mat.NewDense(2, 2, nil)\nx.", "import \"gonum.org/",
		"func f(a *mat.Dense) {\n\ta.", "θ := 1.0 // 😀\nmath.Co", "for _, r := range []*mat.Dense{m} {\n\tr.", "p.W.", "\"unterminated", "/* x", "f(]"} {
		f.Add(s, utf8.RuneCountInString(s))
	}
	f.Fuzz(func(t *testing.T, code string, cursor int) {
		if !utf8.ValidString(code) {
			return
		}
		n := utf8.RuneCountInString(code)
		d := Default()
		c := d.complete(code, cursor, testDecls) // unprotected by recover

		if c.Start < 0 || c.Start > c.End || c.End > n {
			t.Fatalf("range [%d,%d) outside %d code points", c.Start, c.End, n)
		}
		if want := min(max(cursor, 0), n); c.End != want {
			t.Fatalf("End %d, want the cursor %d", c.End, want)
		}
		if desc := d.lookup(code, cursor, testDecls); desc.sig != "" || desc.doc != "" {
			d.markdown(desc)
		}
		IsComplete(code)
	})
}
