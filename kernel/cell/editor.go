package cell

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Model is the type model of a cell as an editor asks about it
// (completion, inspection): the cell's file checked inside the session's
// package, exactly as a cell about to run is checked, but not rewritten.
type Model struct {
	// Info holds the checker's scopes, uses, definitions, selections and
	// types of the cell's expressions.
	Info *types.Info
	// Pkg is the session's package; its scope holds the session's names
	// the cell reaches and the cell's own top-level declarations.
	Pkg *types.Package
	// File is the cell's file as checked; its top-level statements are
	// one func's body.
	File *ast.File
	// Real is set when the imported packages had their real types
	// (Options.Importer); without them package members are unknown.
	Real bool
	p    *parse
}

// Check parses src as Parse does and type-checks it with what opts tell of
// the session (Context, FileSet, Importer, ImportFor), without rewriting
// it. Type errors do not fail it: the model then holds what the checker
// could tell, as go/types does. A syntax error is returned as Parse
// returns it; nil and no error mean that the checker itself failed.
//
// With at >= 0 (a byte offset in src) only what the scopes and types at
// at depend on is checked: the bodies of blocks that do not enclose at
// (of funcs, func literals, loops, branches) are left out, since nothing
// they declare is visible outside them. An editor's request costs then
// about the cell's top-level statements, not the whole cell.
func Check(src string, at int, opts *Options) (m *Model, err error) {
	if opts == nil {
		opts = &Options{}
	}
	p := &parse{src: src, opts: opts}
	if err := p.syntax(); err != nil {
		return nil, err
	}
	if at >= 0 {
		p.dropBlocks(at)
	}
	defer func() {
		if recover() != nil { // a bug in go/types or here: no model
			m, err = nil, nil
		}
	}()
	tm := p.typeModel()
	if tm == nil {
		return nil, nil
	}
	if p.autoImport(tm) {
		p.modelDone = false
		if tm = p.typeModel(); tm == nil {
			return nil, nil
		}
	}
	if tm.pkg == nil {
		return nil, nil
	}
	return &Model{Info: tm.info, Pkg: tm.pkg, File: tm.file, Real: tm.real, p: p}, nil
}

// Offset is the byte offset in the cell of a position in File.
func (m *Model) Offset(pos token.Pos) int { return m.p.cellOffset(pos) }

// Source is the cell's text as checked.
func (m *Model) Source() string { return m.p.src }

// InCell reports whether pos is in the cell's text (not in the session's
// declarations or in what the synthesized file adds).
func (m *Model) InCell(pos token.Pos) bool { return m.p.inCell(pos) }

// dropBlocks empties the blocks of the cell that do not enclose the cell
// offset at, but for the funcs that hold the cell's top-level statements.
func (p *parse) dropBlocks(at int) {
	encloses := func(b *ast.BlockStmt) bool {
		return p.cellOffset(b.Lbrace) < at && at <= p.cellOffset(b.Rbrace)
	}
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body != nil && n.Recv == nil && p.isSynth(n) {
				// top-level statements: their blocks are looked at one by one
				for _, st := range n.Body.List {
					ast.Inspect(st, visit)
				}
				return false
			}
		case *ast.BlockStmt:
			if !encloses(n) {
				n.List = nil
				return false
			}
		}
		return true
	}
	ast.Inspect(p.ast, visit)
}
