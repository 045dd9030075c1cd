package kernel

import (
	"strings"

	"github.com/gocurve/gocurve/kernel/complete"
	"github.com/gocurve/gocurve/kernel/magic"
)

// addValue adds to an inspect reply's data the value of the session
// variable at cursor (in code points), when the worker can tell it: not
// while a cell runs, whose variables are changing. A cell's own variable
// of the same name, a field or a package's member is not the session's.
func (k *Kernel) addValue(code string, cursor int, decls []complete.Decl, data map[string]any) {
	name := magic.SessionVar(code, cursor, decls)
	if name == "" {
		return
	}
	v, ok := k.sup.Preview(name)
	if !ok {
		return
	}
	if t, ok := data["text/plain"].(string); ok {
		data["text/plain"] = t + "\nvalue: " + v
	}
	if md, ok := data["text/markdown"].(string); ok {
		data["text/markdown"] = md + "\n\n**value:** `" + strings.ReplaceAll(v, "`", "'") + "`"
	}
}
