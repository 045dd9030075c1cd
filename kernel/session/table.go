package session

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/gocurve/gocurve/kernel/cell"
	"github.com/gocurve/gocurve/kernel/complete"
)

func tableIndex(t []cell.Item, it cell.Item) int {
	for i, old := range t {
		if old.Kind == it.Kind || (isDeclKind(old.Kind) && isDeclKind(it.Kind) && old.Kind != cell.Method && it.Kind != cell.Method) {
			for _, n := range old.Names {
				for _, m := range it.Names {
					if n == m {
						return i
					}
				}
			}
		}
	}
	return -1
}

func isDeclKind(k cell.Kind) bool {
	return k == cell.Type || k == cell.Func || k == cell.Const || k == cell.Method
}

// upsert puts a declaration in the table, replacing the one of the same name;
// a type's methods made up for its old embedded fields go with it. t is
// never changed in place: a declaration replaced or dropped makes a new
// table, and one only added is appended (a cell's table shares the
// session's until then, see execution.run).
func upsert(t []cell.Item, it cell.Item) []cell.Item {
	if it.Kind == cell.Type && slices.ContainsFunc(t, func(old cell.Item) bool { return old.Synthetic && old.Recv == it.Names[0] }) {
		kept := t[:0:0]
		for _, old := range t {
			if !(old.Synthetic && old.Recv == it.Names[0]) {
				kept = append(kept, old)
			}
		}
		t = kept
	}
	for {
		i := tableIndex(t, it)
		if i < 0 {
			break
		}
		t = append(t[:i:i], t[i+1:]...)
	}
	if it.Kind == cell.Type && slices.ContainsFunc(t, func(old cell.Item) bool { return instAliasOf(old, it.Names[0]) }) {
		// the aliases the cells made of its instances (Pair[string, int])
		// are declared after it again: a replay declares in table order
		var aliases []cell.Item
		kept := t[:0:0]
		for _, old := range t {
			if instAliasOf(old, it.Names[0]) {
				aliases = append(aliases, old)
			} else {
				kept = append(kept, old)
			}
		}
		return append(append(kept, it), aliases...)
	}
	return append(t, it)
}

// instAliasOf reports whether it is an alias a cell made of an instance
// of the generic type name.
func instAliasOf(it cell.Item, name string) bool {
	return it.Kind == cell.Type && it.Synthetic && it.Recv == "" && slices.Contains(it.Uses, name)
}

// declChunk is the source of declarations for Eval. Lines are padded so
// the interpreter's line numbers are cell lines plus one.
func declChunk(items []cell.Item) string { return chunk("package main;", items, true) }

// stmtChunk is declChunk for statements: the interpreter runs them as the
// body of main, so the variables they define are session globals.
func stmtChunk(items []cell.Item) string { return chunk(";", items, false) }

// chunk writes items after prefix at their cell lines and columns. With
// ownLine, an item that comes after the line it belongs to (a synthetic
// declaration added after the cell's own, a method the cell moved up,
// cell.calleesFirst) gets a line of its own, after a line directive that
// gives it its own line's number; without, it follows on the current line.
func chunk(prefix string, items []cell.Item, ownLine bool) string {
	var b strings.Builder
	b.WriteString(prefix)
	line := 1
	for _, it := range items {
		want := it.Line + 1
		for line < want {
			b.WriteByte('\n')
			line++
		}
		switch {
		case ownLine && line > want && want >= 1:
			fmt.Fprintf(&b, "\n//line :%d:1\n", want)
			line = want
		case ownLine && line > want:
			// (an earlier cell's declaration written before the cell's
			// text, Options.Pending, has no line of this cell)
			b.WriteByte('\n')
			line++
		}
		b.WriteString(strings.Repeat(" ", max(it.Col-1, 0)))
		b.WriteString(it.Src)
		line += strings.Count(it.Src, "\n")
		b.WriteByte(';')
	}
	return b.String()
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// Decl describes one user declaration in scope. It is the completion
// engine's type, so what the session reports feeds completion unchanged.
type Decl = complete.Decl

// Decls returns the user declarations in scope now, sorted by name; the
// preloaded packages are included as imports. It is safe to call while
// Execute runs. The slice is shared until the session changes: callers
// must not modify it.
func (s *Session) Decls() []Decl {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.decls == nil || s.declsGen != s.gen {
		s.decls, s.declsGen = declsOf(s.imports, s.table, s.vars), s.gen
	}
	return s.decls
}

// DeclsOf returns the declarations in scope in a snapshot from State or
// JoinRecords, as Decls would in the session it was taken from.
func DeclsOf(state []byte) ([]Decl, error) {
	snap, err := parseSnapshot(state)
	if err != nil {
		return nil, fmt.Errorf("session: declarations of a snapshot: %w", err)
	}
	var imports []binding
	for _, b := range snap.Imports {
		imports = append(imports, binding{b.Name, b.Path})
	}
	var vars []variable
	for _, sv := range snap.Vars {
		vars = append(vars, variable{name: sv.Name, declared: sv.Declared, typ: sv.Type, static: sv.Static, doc: sv.Doc})
	}
	return declsOf(imports, snap.Table, vars), nil
}

func declsOf(imports []binding, table []cell.Item, vars []variable) []Decl {
	var out []Decl
	for _, b := range imports {
		out = append(out, Decl{Name: b.name, Kind: "import", Signature: fmt.Sprintf("import %s %q", b.name, b.path)})
	}
	for _, it := range table {
		if it.Synthetic {
			continue
		}
		for _, n := range it.Names {
			// a type's Type is its underlying type, as the type model wrote it
			out = append(out, Decl{Name: n, Kind: it.Kind.String(), Signature: it.Signature, Doc: it.Doc, Type: it.Static[n], Src: it.Src})
		}
	}
	for _, v := range vars {
		t, guessed := v.modelType()
		sig := "var " + v.name
		if t != "" {
			sig += " " + t
		}
		d := Decl{Name: v.name, Kind: "var", Signature: sig, Doc: v.doc, Type: t}
		if src, ok := v.modelDecl(); ok {
			d.Src, d.Guessed = src, guessed
		}
		out = append(out, d)
	}
	// Sorted through an index: moving the large Decl values themselves
	// in a stable sort was the most of a cell's cost in a long session.
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(strings.Compare(out[a].Name, out[b].Name), cmp.Compare(a, b))
	})
	sorted := make([]Decl, len(out))
	for i, j := range order {
		sorted[i] = out[j]
	}
	return sorted
}
