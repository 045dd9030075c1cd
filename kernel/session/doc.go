// Package session runs notebook cells of Go in a yaegi interpreter so that
// they behave as the go toolchain would: cells mix imports, declarations and
// statements in any order; redefinitions take effect everywhere; errors point
// at cell lines; the value of a final expression is rendered for display.
//
// A cell may also be a whole program (package main, imports, func main):
// its declarations join the session in any order, its package-level vars
// initialize in Go's order, and its init funcs and main run once.
//
// yaegi v0.16.1 gets much of modern Go wrong, silently. Package cell parses
// and rewrites each cell, and type-checks the cells that hold a construct
// yaegi runs differently from Go (go/types, inside the session's
// declarations): such a cell is rewritten so that it runs as Go does, or
// refused before anything runs (docs/known-limits.md lists both). The
// session then
//
//   - evaluates imports first (repeats dropped), then the cell's types,
//     consts, funcs and methods as one chunk, then its statements one by one
//     in order; a declaration that uses a variable the cell itself defines
//     runs right after the statement defining it;
//   - keeps aside a declaration that needs a name no cell has declared yet
//     (cells pasted in a program's order), with a notice, and compiles it
//     with the cell that declares the name; statements cannot use it before;
//   - lets a top-level variable named like a type or func of the session
//     hide it from later statements, as a variable of main does, and lets a
//     type, func or const declared under a variable's name replace it;
//   - rebuilds the interpreter when a func, type, method or const is
//     redefined, when a cell fails or is interrupted, and when a variable
//     that earlier funcs use is redeclared: a fresh interpreter, the
//     declarations replayed (the last definition of a name wins) and the
//     variables' values carried over, converted field by field to the new
//     interpreter's types; a notice names each value that cannot be carried
//     (func values, channels, interpreted values inside interfaces);
//   - retries a top-level definition yaegi's type analysis rejects
//     (x := genericCall(...), y := f() where f is generic) inside a func
//     literal and declares the variables with the static types it saw;
//   - provides min, max, clear, the slices, maps, cmp and iter helpers
//     students use as interpreted generics (iter.Pull through a goroutine;
//     package cell writes ranges over funcs as calls of them), and compiled
//     helpers for go and defer
//     statements (arguments evaluated at the statement, panics in goroutines
//     reported on stderr), for os.Stdin (Options.Stdin) and for calls of
//     compiled funcs with variadic interface parameters (p.Add(x) with an
//     interpreted plotter: each argument goes through an interpreted func
//     whose parameter has the interface type, which makes yaegi wrap it);
//   - writes out the methods a struct type promotes from an embedded compiled
//     type (struct{ *mat.Dense }), which yaegi does not see (#1541/#1537),
//     so such a struct is a mat.Matrix to compiled code;
//   - turns method expressions ((*T).M, T.M) into func literals, and
//     re-evaluates the func literal a variable holds to carry it over a
//     rebuild;
//   - renders the final expression statement: its value is kept in a
//     variable of its static type, display.Render draws compiled values, and
//     the interpreted methods HTML, Markdown, LaTeX, SVG, PNG and String the
//     session declared are called inside the interpreter.
//
// # Files
//
//	session.go     the Session, its interpreter, and the running of one cell
//	program.go     whole programs: Go's initialization order, init and main once
//	statements.go  top-level statements in order, declarations placed after what they use
//	pending.go     declarations that wait for names a later cell declares
//	final.go       the value of a final expression, rendered for display
//	scope.go       what a cell sees: the options and type model from the session
//	table.go       the declaration table and the chunks given to the interpreter
//	carry.go       rebuilding the interpreter and carrying variables over
//	recover.go     the state after a failed or interrupted cell
//	state.go       snapshots for a new worker
//	errors.go      error kinds and yaegi's messages in Go's words
//	panics.go      panic positions from yaegi's stderr
//	prelude.go     interpreted and compiled helpers for rewritten code
//	print.go       print and println as the go toolchain's runtime writes them
//	variadic.go    compiled funcs with variadic interface parameters
//	forward.go     operands a cell passes on to fmt and log as a []any
//	logfilter.go   yaegi's internal log lines kept out of the cell's stderr
//	embed.go       struct types embedding compiled types
//	hoist.go       func literals at top level made by generator funcs (no copy of the global frame)
//	sweep.go       what yaegi keeps for no one, dropped after each cell; func body names
//	yaegistate.go  the one file reaching yaegi's unexported fields (pinned to v0.16.1)
//
// # Known limits
//
// What does not work, with what to write instead (docs/known-limits.md also
// lists the constructs refused before a cell runs):
//
//   - An error type declared in a cell is not an error to errors.As and %w
//     (both are refused). Use sentinel errors (errors.New) and errors.Is.
//   - %T of a type declared in a cell is refused: yaegi prints its
//     structure, not main.T.
//   - A variable holding a func value other than a func literal assigned at
//     top level (e.g. f := makeAdder(2)), a channel, or an interpreted value
//     inside an interface is not carried over a rebuild; a notice names it.
//   - yaegi infers some type arguments wrongly; calls of generic funcs the
//     cells declared get the arguments go/types infers written out
//     (Map(xs, f) becomes Map[int, string](xs, f), also from a compiled
//     package's results once the packages' types have loaded) when they
//     can be written in the cell; otherwise instantiate explicitly.
//   - Iterators: maps.Keys, maps.Values, slices.Values, slices.All and
//     maps.All return slices or the map itself here, not iter.Seq values;
//     `for k := range maps.Keys(m)` is rewritten to range over values, but a
//     Keys result stored in a variable and ranged later yields indices.
//     Range over a func (iterators) is not supported.
//   - `range n` over an integer is rewritten when n is an integer literal,
//     len/cap, a conversion, an arithmetic of those, or a name whose type is
//     known (a cell definition or a session variable); otherwise it fails to
//     compile: write `for i := 0; i < n; i++`. n is evaluated twice.
//   - Go 1.22 loop variables: a three-clause loop whose body assigns its
//     loop variable keeps the pre-1.22 shared variable.
//   - A compile error in a later statement of a cell is reported after the
//     earlier statements ran (their output shows); the names the failed cell
//     defined are removed, when the type model does not find the error
//     first (it refuses what does not type-check before anything runs).
//   - An interrupted cell keeps its declarations and the variables its
//     finished statements defined; os.Exit keeps neither.
//   - Top-level defer runs when the cell ends, its arguments evaluated at the
//     defer statement. From a top-level defer of a func (a literal or one
//     the cell declares) that calls recover(), the rest of the cell runs as
//     one function body, so recover stops its panics as in main; names
//     defined there stay local to the cell.
//   - Interrupting stops interpreted loops and loops calling compiled funcs,
//     but not a long compiled call or time.Sleep (the worker restarts then).
//   - Each Eval copies yaegi's global frame, so a cell's fixed cost grows by
//     under a microsecond per earlier top-level statement (bench/cells.md).
package session
