package cell

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// ForwardMode is how a print call that HelperForward is given reads its
// operands.
type ForwardMode int

// The forwarding modes.
const (
	ForwardPrint   ForwardMode = iota // as Print does: each with %v
	ForwardPrintf                     // by the format given
	ForwardUnknown                    // by a format the cell computes (not given again)
)

// logPrintFuncs are log's print funcs (and *log.Logger's methods), with
// the index of the format of those that take one, -1 for the others.
var logPrintFuncs = map[string]int{
	"Print": -1, "Println": -1, "Fatal": -1, "Fatalln": -1, "Panic": -1, "Panicln": -1,
	"Printf": 0, "Fatalf": 0, "Panicf": 0,
}

// checkForward records a print call of fmt or log that forwards a []any
// the cell built (fmt.Sprintf(format, args...) in a func logf(format
// string, args ...any)), to give the slice through HelperForward: yaegi
// v0.16.1 hands compiled fmt the elements of such a slice as they are,
// and a value of a cell type with methods is the interpreter's wrapper,
// which fmt prints as its internals ({0xc000… {…}}), where Go calls its
// String or Error method or prints its fields. The format is given to
// the helper again when evaluating it twice is harmless (a name, a
// literal, a field, a sum of those).
//
// A *log.Logger's print method given operands one by one (l.Printf(f,
// a, b)) gets them as such a slice too (p.loggerArgs): yaegi gives
// compiled fmt's and log's print funcs the String and Error methods of
// an interpreted value, but not a Logger's methods.
func (p *parse) checkForward(m *model, c *ast.CallExpr) {
	if len(c.Args) == 0 || m.pkg == nil {
		return
	}
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	if !c.Ellipsis.IsValid() {
		p.checkLoggerArgs(m, c, sel)
		return
	}
	fi, ok := -1, false
	if id, isID := sel.X.(*ast.Ident); isID {
		if pn, isPkg := m.info.Uses[id].(*types.PkgName); isPkg {
			switch pn.Imported().Path() {
			case "fmt":
				if _, ok = printFuncs[sel.Sel.Name]; !ok {
					fi, ok = printfFuncs[sel.Sel.Name]
				}
			case "log":
				fi, ok = logPrintFuncs[sel.Sel.Name]
			}
		}
	}
	if s := m.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal && isLogger(s.Recv()) {
		fi, ok = logPrintFuncs[sel.Sel.Name]
	}
	if !ok {
		return
	}
	last := c.Args[len(c.Args)-1]
	st, isSlice := types.Unalias(m.info.Types[last].Type).(*types.Slice)
	if !isSlice || !isEmptyIface(st.Elem()) {
		return
	}
	if _, done := p.wraps[last]; done {
		return // the elements' cell types are told apart by checkFormat's helper
	}
	if p.wraps == nil {
		p.wraps = map[ast.Expr]string{}
	}
	p.wraps[last] = p.forwardCall(c, fi, len(c.Args)-1)
}

// forwardCall is the call of HelperForward for the print call c whose
// format is its operand fi (-1: none) and whose printed operands start at
// its operand first.
func (p *parse) forwardCall(c *ast.CallExpr, fi, first int) string {
	if fi < 0 {
		return HelperForward + "(\"\", " + strconv.Itoa(int(ForwardPrint)) + ")"
	}
	if fi < first && pureExpr(c.Args[fi]) {
		s, e := p.span(c.Args[fi])
		return HelperForward + "(" + p.rewrite(s, e, c.Args[fi]) + ", " + strconv.Itoa(int(ForwardPrintf)) + ")"
	}
	return HelperForward + "(\"\", " + strconv.Itoa(int(ForwardUnknown)) + ")"
}

// checkLoggerArgs records the operands of a *log.Logger's print method
// (c, through sel) to give it as a []any through HelperForward, where
// one of them may be of a type declared in a cell (checkForward).
func (p *parse) checkLoggerArgs(m *model, c *ast.CallExpr, sel *ast.SelectorExpr) {
	s := m.info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal || !isLogger(s.Recv()) {
		return
	}
	fi, ok := logPrintFuncs[sel.Sel.Name]
	if !ok || fi+1 >= len(c.Args) {
		return
	}
	for _, a := range c.Args[fi+1:] {
		if t := m.info.Types[a].Type; t != nil && (mentionsCellType(t, map[types.Type]bool{}) || holdsCellType(m, t)) {
			if p.loggerArgs == nil {
				p.loggerArgs = map[*ast.CallExpr]loggerArgs{}
			}
			p.loggerArgs[c] = loggerArgs{p.forwardCall(c, fi, fi+1), fi + 1}
			return
		}
	}
}

// loggerArgs is a call of a *log.Logger's print method recorded by
// checkLoggerArgs: the call of HelperForward its operands go through,
// and the index of the first of them.
type loggerArgs struct {
	helper string
	first  int
}

// isLogger reports whether t is log.Logger or a pointer to it (in the
// interpreter, log.Logger is yaegi's stdlib.logLogger, which the model's
// types have as it is).
func isLogger(t types.Type) bool {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	path, name := n.Obj().Pkg().Path(), n.Obj().Name()
	return path == "log" && name == "Logger" || path == "github.com/traefik/yaegi/stdlib" && name == "logLogger"
}

// pureExpr reports whether evaluating e again has no effect and gives
// the same value: names, literals, fields of names, and sums of those.
func pureExpr(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident, *ast.BasicLit:
		return true
	case *ast.SelectorExpr:
		_, ok := e.X.(*ast.Ident)
		return ok
	case *ast.BinaryExpr:
		return e.Op == token.ADD && pureExpr(e.X) && pureExpr(e.Y)
	}
	return false
}
