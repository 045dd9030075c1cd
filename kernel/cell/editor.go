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
func Check(src string, opts *Options) (m *Model, err error) {
	if opts == nil {
		opts = &Options{}
	}
	p := &parse{src: src, opts: opts}
	if err := p.synth(); err != nil {
		return nil, err
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
