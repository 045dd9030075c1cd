// Package oracle measures cells against an oracle nobody on the project
// wrote: the `// run` programs of the Go distribution's own test suite
// ($(go env GOROOT)/test, top level and typeparam/).
//
// Each program is pasted whole into one cell of a fresh session, through a
// worker process as the kernel runs it, and its output (stdout and stderr,
// in order) is compared with the program's .out file, or with no output
// where there is none (the Go test harness's rule). The same programs run
// under bare `yaegi run` (yaegi v0.16.1, the interpreter the kernel builds
// on) for a baseline measured in the same run.
//
// The test fails on an output that differs from Go's with no error shown
// (silently wrong), and on a program bare yaegi gets right that a cell gets
// wrong. `go test ./kernel/oracle` runs every program (about a minute of
// CPU: most are small); -short runs every fourth. Set
// GOCURVE_ORACLE_REPORT=FILE (make oracle does) to write the figures and
// the verdict of each program as Markdown.
//
// Two more oracles run beside it: published examples (TestExamples, from
// folders given in GOCURVE_EXAMPLES) and the runnable examples of the
// standard library's and gonum's documentation (TestDocExamples: the
// programs go/doc synthesizes from their Example funcs, compared with
// their Output comments; every 25th under go test, all under make
// stdexamples). Both paste each program whole and split it into cells.
package oracle
