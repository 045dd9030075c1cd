package cell

import (
	"fmt"
	"go/ast"
	"go/types"
	"strconv"
)

// checkSlog refuses what log/slog would do otherwise than in Go:
//   - a value of a type declared in a cell with a LogValue method given
//     to slog: compiled slog gets the bare value, without the method, and
//     logs the value itself where Go logs what LogValue returns;
//   - slog.SetDefault and slog.SetLogLoggerLevel, and log.SetOutput,
//     log.SetFlags, log.SetPrefix where the cell or the session imports
//     log/slog: yaegi v0.16.1 gives the interpreter a log package of its
//     own (a private *log.Logger), so the settings of log and of slog's
//     default logger no longer reach each other (after log.SetOutput
//     (os.Stdout), slog.Info still wrote to standard error).
func (p *parse) checkSlog(m *model, c *ast.CallExpr) *refusal {
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok || m.pkg == nil {
		return nil
	}
	fn, ok := m.info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil {
		return nil
	}
	method := fn.Type().(*types.Signature).Recv() != nil
	switch fn.Pkg().Path() {
	case "log/slog":
		if !method && (fn.Name() == "SetDefault" || fn.Name() == "SetLogLoggerLevel") {
			return &refusal{c.Fun.Pos(), "slog." + fn.Name() + " ties slog's default logger to the log package, which the interpreter gives a log package of its own (log's settings and output do not reach slog, nor slog's log); make a logger of your own and call its methods: logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{Level: slog.LevelDebug}))"}
		}
		for _, a := range c.Args {
			if t := logValuer(m, m.info.Types[a].Type); t != "" {
				return &refusal{a.Pos(), fmt.Sprintf("slog cannot call the LogValue method of %s, a type declared in a cell: compiled slog gets the bare value and would log it where Go logs what LogValue returns; pass the method's result: %s",
					t, "slog.Any(key, v.LogValue())")}
			}
		}
	case "log":
		if method || fn.Name() != "SetOutput" && fn.Name() != "SetFlags" && fn.Name() != "SetPrefix" || !p.importsSlog(m) {
			return nil
		}
		return &refusal{c.Fun.Pos(), "log." + fn.Name() + " in a session that uses log/slog: the interpreter gives cells a log package of their own, so slog's default logger (slog.Info, ...) would not follow it; make a slog logger of your own: slog.New(slog.NewTextHandler(os.Stdout, nil)), or a log.Logger: log.New(os.Stdout, \"\", 0)"}
	}
	return nil
}

// slogNames are the names of the funcs checkSlog refuses, for needsModel
// (a LogValue method makes every call need the model).
var slogNames = map[string]bool{"SetDefault": true, "SetLogLoggerLevel": true, "SetOutput": true, "SetFlags": true, "SetPrefix": true}

// logValuer returns t as the cell writes it if t is, or points to, a type
// declared in a cell whose method set has LogValue, else "".
func logValuer(m *model, t types.Type) string {
	if t == nil || !declaredInCell(t) || types.IsInterface(t) {
		return ""
	}
	for _, mt := range []types.Type{t, types.NewPointer(t)} {
		if types.NewMethodSet(mt).Lookup(m.pkg, "LogValue") != nil {
			return types.TypeString(t, types.RelativeTo(m.pkg))
		}
	}
	return ""
}

// importsSlog reports whether the cell or the session imports log/slog.
func (p *parse) importsSlog(m *model) bool {
	if _, ok := m.sessionNames["log/slog"]; ok {
		return true
	}
	for _, f := range []*ast.File{p.ast, m.file} {
		if f == nil {
			continue
		}
		for _, im := range f.Imports {
			if path, _ := strconv.Unquote(im.Path.Value); path == "log/slog" {
				return true
			}
		}
	}
	return false
}
