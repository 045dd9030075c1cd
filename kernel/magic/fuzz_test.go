package magic

import (
	"strings"
	"testing"

	"github.com/gocurve/gocurve/kernel/complete"
)

// FuzzParse checks that any cell text parses without a panic, that a Go
// cell is never an error, that the Go inside a magic is where the cell says,
// and that the editor requests on it do not panic.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"%time f(x)", "%%timeit\nx := 1", "x?", "?hessian.Gradient", "!ls -la\n!pwd", "!done", "%env A=b", "  \n%vars", "%%", "?", "!", "é?", "%time  ", "x := 1"} {
		f.Add(s)
	}
	decls := []complete.Decl{{Name: "done", Kind: "var", Type: "bool"}}
	f.Fuzz(func(t *testing.T, code string) {
		cmd, ok, err := Parse(code, GoNames(decls))
		if !ok && err != nil {
			t.Fatalf("a Go cell with an error: %v", err)
		}
		if ok && err == nil && cmd.GoOffset >= 0 {
			if cmd.GoOffset > len(code) {
				t.Fatalf("GoOffset %d beyond the cell (%d bytes)", cmd.GoOffset, len(code))
			}
			if cmd.Body != "" && !strings.HasPrefix(code[cmd.GoOffset:], cmd.Body) {
				t.Fatalf("the body %q is not at offset %d of %q", cmd.Body, cmd.GoOffset, code)
			}
		}
		n := len([]rune(code))
		Complete(code, n, decls)
		Inspect(code, n, decls)
		IsComplete(code, decls)
	})
}
