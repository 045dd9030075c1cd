package session

import (
	"maps"
	"slices"
	"strings"

	"github.com/gocurve/gocurve/kernel/cell"
	"github.com/traefik/yaegi/interp"
)

// scopeNames are the session's names as the cell parser is told them
// (cell.Options' Consts, Shadowed, Vars, GenericFuncs, Methods and
// Variadic). They are kept as the session grows, so a cell's cost does not
// depend on how many declarations came before it: between two cells the
// session's table, variables and imports only grow at their end unless the
// interpreter was made again (a redefinition, an import changing path, a
// restore, a recovery, a compaction), and then they are taken again whole.
// The maps are shared with every cell.Options made from them; the parser
// only reads them.
type scopeNames struct {
	in                        *interp.Interpreter // the interpreter they were kept for
	tableLen, varsLen, impLen int
	lastSrc, lastVar, lastImp string // the last entries seen, to check the prefix still holds

	consts, shadowed, genericFuncs map[string]bool
	methods                        map[string]string
	prints                         map[string][]cell.ParamPrint // (cell.Options.Prints)
	renamed                        map[string]string            // (cell.Options.Renamed)
	// printers are the types whose method sets have an Error or String
	// method, as yaegi names them ("main.T", "*main.T"); a new map when
	// one is added, as the runtime reads it while cells run (forward)
	printers map[string]bool
	vars     map[string]bool // the variables' names
	varAt    map[string]int  // and their indexes in the session's variables
	variadic map[string][]cell.Variadic
}

// sync brings the names up to date with the session and reports whether
// they were taken again whole.
func (n *scopeNames) sync(s *Session) (whole bool) {
	whole = n.consts == nil || n.in != s.in ||
		len(s.table) < n.tableLen || len(s.vars) < n.varsLen || len(s.imports) < n.impLen ||
		(n.tableLen > 0 && s.table[n.tableLen-1].Src != n.lastSrc) ||
		(n.varsLen > 0 && s.vars[n.varsLen-1].name != n.lastVar) ||
		(n.impLen > 0 && s.imports[n.impLen-1].path != n.lastImp)
	if whole {
		*n = scopeNames{in: s.in, consts: map[string]bool{}, shadowed: map[string]bool{},
			genericFuncs: map[string]bool{}, methods: map[string]string{}, prints: map[string][]cell.ParamPrint{}, renamed: map[string]string{}, vars: map[string]bool{}, varAt: map[string]int{}}
	}
	for _, it := range s.table[n.tableLen:] {
		n.addItem(it)
	}
	for i, v := range s.vars[n.varsLen:] {
		n.shadowed[v.name] = true
		n.vars[v.name] = true
		n.varAt[v.name] = n.varsLen + i
	}
	if whole || len(s.imports) != n.impLen {
		for _, b := range s.imports[n.impLen:] {
			if b.name == "slices" || b.name == "maps" {
				n.shadowed[b.name] = true
			}
		}
		n.variadic = variadics(s.imports)
	}
	n.tableLen, n.varsLen, n.impLen = len(s.table), len(s.vars), len(s.imports)
	if n.tableLen > 0 {
		n.lastSrc = s.table[n.tableLen-1].Src
	}
	if n.varsLen > 0 {
		n.lastVar = s.vars[n.varsLen-1].name
	}
	if n.impLen > 0 {
		n.lastImp = s.imports[n.impLen-1].path
	}
	return whole
}

// addItem adds what one declaration of the table tells the parser.
func (n *scopeNames) addItem(it cell.Item) {
	for _, name := range it.Names {
		if it.Kind == cell.Const {
			n.consts[name] = true
		}
		n.shadowed[name] = true
	}
	if it.Kind == cell.Func && strings.HasPrefix(it.Signature, "func "+it.Names[0]+"[") {
		n.genericFuncs[it.Names[0]] = true
	}
	if len(it.Prints) > 0 {
		key := it.Names[0]
		if it.Kind == cell.Method {
			key = it.Recv
		}
		n.prints[key] = append(n.prints[key], it.Prints...)
	}
	if it.Kind == cell.Method {
		if it.Renamed != "" {
			n.renamed[it.Names[0]] = it.Renamed
		}
		n.printers = addPrinter(n.printers, it)
		n.shadowed[it.Names[0][strings.IndexByte(it.Names[0], '.'):]] = true
		if !strings.HasSuffix(it.Signature, "…") {
			n.methods[it.Names[0]] = it.Signature
		}
	}
}

// options returns cell.Options holding the kept names.
func (n *scopeNames) options() *cell.Options {
	return &cell.Options{Consts: n.consts, Shadowed: n.shadowed, Vars: n.vars,
		GenericFuncs: n.genericFuncs, Methods: n.methods, Variadic: n.variadic, CompiledTerms: basics().byBasic, Prints: n.prints, Renamed: n.renamed}
}

// mayBeDeclared reports whether the session's table may hold a declaration
// named by one of names; false means surely not, without a look at the
// table.
func (n *scopeNames) mayBeDeclared(names []string) bool {
	if n.shadowed == nil {
		return true
	}
	for _, name := range names {
		if n.shadowed[name] {
			return true
		}
	}
	return false
}

// inTable is tableIndex(x.table, it) >= 0, looked up in the kept names
// first so that a new declaration does not cost a pass over the table.
func (x *execution) inTable(it cell.Item) bool {
	return (x.s.names.mayBeDeclared(it.Names) || x.putHere(it.Names)) && tableIndex(x.table, it) >= 0
}

// addsMethod reports whether it is a new method of a type an earlier cell
// declared that other declarations of the session use. yaegi v0.16.1
// fixes the methods a value carries into compiled code (fmt's String, an
// interface's methods) where the code passing it on is compiled: a func
// declared before the method printed the value without it, silently. So
// those declarations are compiled again with it, in a fresh interpreter.
func (x *execution) addsMethod(it cell.Item) bool {
	if it.Kind != cell.Method || it.Recv == "" || tableIndex(x.table, it) >= 0 {
		return false
	}
	isType := func(t cell.Item) bool { return t.Kind == cell.Type && slices.Contains(t.Names, it.Recv) }
	if !slices.ContainsFunc(x.table, isType) {
		return false
	}
	return slices.ContainsFunc(x.table, func(t cell.Item) bool { return !isType(t) && slices.Contains(t.Uses, it.Recv) })
}

// put is x.table = upsert(x.table, it), appending directly a declaration
// whose names are new to the session and to the cell.
func (x *execution) put(it cell.Item) {
	if it.Kind == cell.Func && len(it.Names) == 1 && it.Names[0] == "init" {
		// A cell's func init ran when the cell declared it, as Go runs
		// each once; nothing can call it, and a fresh interpreter
		// replaying it would run it again (xs appended to twice).
		return
	}
	if it.Kind == cell.Type || x.s.names.mayBeDeclared(it.Names) || x.putHere(it.Names) {
		x.table = upsert(x.table, it)
	} else {
		x.table = append(x.table, it)
	}
	for _, n := range it.Names {
		if x.putNames == nil {
			x.putNames = map[string]bool{}
		}
		x.putNames[n] = true
	}
}

// putHere reports whether the cell has put a declaration of one of names.
func (x *execution) putHere(names []string) bool {
	for _, n := range names {
		if x.putNames[n] {
			return true
		}
	}
	return false
}

// addPrinter returns printers (scopeNames.printers) with the types whose
// method sets it, an Error or String method, puts in: a copy where it
// adds any.
func addPrinter(printers map[string]bool, it cell.Item) map[string]bool {
	typ, method, ok := strings.Cut(it.Names[0], ".")
	if !ok || method != "Error" && method != "String" {
		return printers
	}
	names := []string{"*main." + typ}
	if recv, _, ok := strings.Cut(strings.TrimPrefix(it.Signature, "func ("), ")"); ok && !strings.Contains(recv, "*") {
		names = append(names, "main."+typ)
	}
	if !slices.ContainsFunc(names, func(n string) bool { return !printers[n] }) {
		return printers
	}
	out := maps.Clone(printers)
	if out == nil {
		out = map[string]bool{}
	}
	for _, n := range names {
		out[n] = true
	}
	return out
}
