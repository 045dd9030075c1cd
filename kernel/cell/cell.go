// Package cell parses a notebook cell of Go and rewrites it into chunks the
// yaegi interpreter runs as the go toolchain would run the same code.
//
// A cell is Go source that may mix imports, declarations and statements in any
// order. Parse splits it into items (one per top-level import, type, func,
// method, const group, var declaration or statement), each carrying its cell
// line and a rewritten source text whose line structure is the original's: a
// rewrite never adds or removes a newline, so an interpreter's line numbers
// are the cell's.
//
// The package is pure syntax (go/scanner, go/parser, go/ast): it never runs
// code, so it can be fuzzed fast.
package cell

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Kind is the kind of a top-level item of a cell.
type Kind int

// The kinds of items.
const (
	Import Kind = iota // an import spec
	Type               // a type declaration (one name)
	Func               // a function declaration
	Method             // a method declaration
	Const              // a const declaration (a group may declare several names)
	Var                // a var declaration, run in order as a statement
	Stmt               // any other statement
)

var kindNames = [...]string{"import", "type", "func", "method", "const", "var", "stmt"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Item is one top-level import, declaration or statement of a cell.
type Item struct {
	Kind Kind
	// Names are the names the item declares: for a Method "Recv.Name", for a
	// Stmt the variables it defines at top level with := (may be empty).
	Names []string
	// Recv is the receiver's base type name of a Method.
	Recv string
	// Line is the cell line (1-based) the item starts on; Col its column.
	Line, Col int
	// Src is the rewritten source text of the item. It has the same number of
	// lines as the original text, so line k of Src is cell line Line+k.
	Src string
	// Orig is the item's original text.
	Orig string
	// Doc is the doc comment of a declaration, without comment markers.
	Doc string
	// Signature is a one-line header of a declaration, e.g. "func f(x float64) float64".
	Signature string
	// Uses are the identifiers the item refers to (sorted, without duplicates).
	Uses []string
	// Renamed is, for a method of a generic type that shares its name
	// with another generic type's method, the name the interpreter
	// knows it by (genericrename.go).
	Renamed string `json:",omitempty"`
	// Prints are the type parameters a generic func's or method's body
	// prints (genericprint.go).
	Prints []ParamPrint `json:",omitempty"`
	// Types maps the names of a Var declared with an explicit type to the
	// type's source text.
	Types map[string]string
	// ImportName and ImportPath describe an Import; ImportName is the
	// explicit name, or "" for the default.
	ImportName, ImportPath string
	// FuncLits maps the top-level variables a Stmt or Var assigns to the
	// (rewritten) expression it assigns them when that contains a func
	// literal, or to "" when it assigns something else. A session
	// re-evaluates the expression to carry over a value holding a closure,
	// which cannot move between interpreters.
	FuncLits map[string]string
	// Embeds are the embedded field types of a struct Type, as source
	// ("*mat.Dense").
	Embeds []string
	// Synthetic marks an item a session made up (not written by the user).
	Synthetic bool
	// Results is the number of results of a Func or Method, or of values
	// an expression statement's call gives, where the type model knows.
	Results int
	// Expr is set when the item is an expression statement: the expression's
	// source text (rewritten).
	Expr string
	// Call is the callee's source text when Expr is a call, e.g. "fmt.Println".
	Call string
	// Void is true when Expr is a call without results: of a builtin
	// (print, println, panic, close, delete, clear; copy is not void), a
	// func literal, or anything the type model says gives no value.
	Void bool
	// Static maps the top-level variables a Stmt defines to their static
	// type as go/types knows it, written as the cell names it ("error",
	// "*mat.Dense"), when the type model had the packages' real types; for
	// a Type, its name to its underlying type ("struct{W *mat.Dense; N int}").
	Static map[string]string
	// Waits, on a func, method, type or var declaration, are the names no
	// scope has that it needs, directly or through another declaration
	// that waits (a func calling one a later cell declares): it cannot be
	// compiled until a cell declares them (see Options.Pending). Nil when
	// it is ready.
	Waits []string `json:",omitempty"`
	// Earlier marks a declaration of Options.Pending, an earlier cell's,
	// checked again with this cell; its Line is 0 or less.
	Earlier bool `json:",omitempty"`
}

// Cell is a parsed and rewritten cell.
type Cell struct {
	// Items in source order, but for the order the interpreter needs
	// (calleesFirst, earlierLast).
	Items []Item
	// Panicked are the names of the cell types the cell's panic calls
	// may be given; PanickedAny is set when their types are not known
	// (no type model): any cell type. A later cell's Options carry them.
	Panicked    []string
	PanickedAny bool
	// LocalTypes is set when the cell declares types in a func's body
	// (or cannot tell, without a type model).
	LocalTypes bool
}

// Final returns the cell's last item if it is an expression statement, else nil.
func (c *Cell) Final() *Item {
	if len(c.Items) == 0 {
		return nil
	}
	it := &c.Items[len(c.Items)-1]
	if it.Kind != Stmt || it.Expr == "" {
		return nil
	}
	return it
}

// Error is a syntax error at a cell position.
type Error struct {
	Line, Col int    // 1-based cell position
	Msg       string // the parser's message
	Source    string // the offending cell line
}

func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// ErrorList is a list of syntax errors, first one first.
type ErrorList []*Error

func (l ErrorList) Error() string {
	if len(l) == 0 {
		return "no errors"
	}
	if len(l) == 1 {
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0].Error(), len(l)-1)
}

// Options tune the rewriting with what the session knows. The zero value is
// usable.
type Options struct {
	// Consts are the session's constant names, which are left in place
	// when arguments of go and defer calls are evaluated early.
	Consts map[string]bool
	// Shadowed are session-level names that shadow builtins or preloaded
	// packages (e.g. a user func named min), so calls of them stay as they are.
	Shadowed map[string]bool
	// Vars are the session's variables' names.
	Vars map[string]bool
	// Variadic lists compiled funcs ("pkg.Func") and methods ("Method") whose
	// variadic parameter is an interface. yaegi passes interpreted values to
	// them unconverted and the call panics, so each variadic argument is
	// converted to the interface explicitly.
	Variadic map[string][]Variadic
	// GenericFuncs are all the session's generic funcs: calls of them get
	// their inferred type arguments written out.
	GenericFuncs map[string]bool
	// Context returns the session for the cell's type model; nil means an
	// empty session. It is called only for a cell that needs the model.
	Context func() *Context
	// FileSet is where the cell is parsed; the model needs the one the
	// Context was parsed into. Nil means a new one.
	FileSet *token.FileSet
	// Importer gives the type model the real types of the packages a
	// cell imports (kernel/importer). With it a cell that does not
	// type-check is refused before anything runs; nil means none is ready
	// yet, and the model then reports no errors of its own.
	Importer types.Importer
	// Methods maps "T.M" to the source header of the session's method M of
	// type T, e.g. "func (c *Cnt) Add(n int) int"; method expressions
	// ((*T).M, T.M), which yaegi cannot call, become func literals.
	Methods map[string]string
	// TypeGen counts the session's earlier cells that declared types. A
	// rewritten interface comparison (HelperEqual) records it, so that the
	// runtime can tell when types were declared after the comparison's
	// cell and its knowledge of them may be stale.
	TypeGen int
	// ImportFor returns the import path of the one standard package named
	// name that a cell may import, "" when there is none or more than one
	// (rand, template). A cell that uses such a name as a package without
	// importing it gets the import, as goimports would write it.
	ImportFor func(name string) string
	// Pending are declarations of earlier cells that wait for names
	// (Item.Waits). The cell is checked with them, as if they came
	// first, except those whose names it declares again (it replaces
	// them): they come back as items marked Earlier, ready or still
	// waiting. Needs an Importer.
	Pending []Item
	// Panicked are the names of the session's cell types that earlier
	// cells' panic calls may have been given (Cell.Panicked), and
	// PanickedAny says a panic may have been given any: a value recover()
	// gives may hold only those.
	Panicked    map[string]bool
	PanickedAny bool
	// CompiledTerms lists, for a basic type's name ("int64", "byte"), the
	// compiled named types of that underlying type the interpreter can
	// name ("__gocurve_ordpkg6.Duration"); a constraint's term ~int64 gets
	// them written beside it: yaegi v0.16.1 admits through ~int64 the
	// types the cells declare, not compiled ones (Sum of []time.Duration
	// did not compile). Go's type set is the same.
	CompiledTerms map[string][]string
	// Renamed maps "T.M", a method of a generic type, to the name the
	// interpreter knows it by where that is not M (Item.Renamed).
	Renamed map[string]string
	// Prints lists, for the session's generic funcs and generic types (by
	// name), the type parameters their bodies print (Item.Prints): an
	// instantiation whose type arguments would print otherwise in the
	// interpreter is refused.
	Prints map[string][]ParamPrint
	// Whole says the cell is a whole program: a name no scope has is an
	// error in a declaration too, as go build says, and nothing waits.
	Whole bool
}

// Variadic describes a compiled func or method with a variadic interface
// parameter.
type Variadic struct {
	Recv  string // a method's receiver type, path and name: "gonum.org/v1/plot.Plot"; "" for a func
	Fixed int    // the number of parameters before the variadic one
	Iface string // the interface as Go source, e.g. "plot.Plotter"
}

// Parse parses a cell and rewrites it. Syntax errors are returned as an
// ErrorList with cell positions.
func Parse(src string, opts *Options) (*Cell, error) {
	if opts == nil {
		opts = &Options{}
	}
	p := &parse{src: src, opts: opts}
	if len(opts.Pending) > 0 && opts.Importer != nil {
		if err := p.withPending(); err != nil {
			return nil, err
		}
	}
	if err := p.run(); err != nil {
		return nil, err
	}
	if c, ok, err := parseDisplayed(p, src, opts); ok {
		return c, err
	}
	return p.cell(), nil
}

// cell is the result of the parse p.
func (p *parse) cell() *Cell {
	c := &Cell{Items: earlierLast(p.calleesFirst(p.items))}
	c.LocalTypes = p.declaresLocalTypes()
	if !calls(p.ast, "panic") {
		return c
	}
	if m := p.model; m != nil && m.pkg != nil {
		c.Panicked = p.panickedNames(m)
	} else {
		c.PanickedAny = true
	}
	return c
}

// segment is a top-level run of tokens ending at a semicolon at depth 0.
type segment struct {
	start, end int  // byte offsets in the cell
	kind       Kind // Stmt for statements, the decl kind otherwise
}

type parse struct {
	// looseTypes of the model, once asked for (see loose)
	looseList []types.Type
	looseDone bool
	// reflect is what the cell does with reflect's values (reflectUses)
	reflect *reflectUse
	// indexChecks are the index expressions passed through HelperIndex
	// (indexcheck.go)
	indexChecks map[*ast.IndexExpr]bool
	// tupleVars are the top-level var specs that take their values from
	// one call (var a, b = f()), each with whether its declaration is
	// parenthesized (tupleVarEdit)
	tupleVars map[*ast.ValueSpec]bool
	// sliceChecks are the slice expressions whose bounds HelperSlice
	// checks, with what bounds them: "len" or "cap" (indexcheck.go)
	sliceChecks map[*ast.SliceExpr]string
	src         string
	opts        *Options
	fset        *token.FileSet
	file        *token.File
	lines       []int // offsets of line starts in src
	items       []Item

	// mapping from the synthesized file to cell offsets
	ins  []insertion
	off  int             // length of the synthesized prefix
	text string          // the synthesized file
	ast  *ast.File       // the parsed synthesized file
	top  map[string]bool // the names the cell declares at top level
	// recoverBlock holds the statements from a top-level defer that
	// recovers to the end of their run, executed as one function body.
	recoverBlock *ast.BlockStmt
	// cellPanicList are the cell types the cell's panic calls may be
	// given (cellPanics), once asked for
	cellPanicList  []types.Type
	cellPanicsDone bool
	// model is the cell's type model (typeModel), built on first use.
	model     *model
	modelDone bool
	// modelPanic is what building the model panicked with, if it did
	modelPanic any
	// cmps are comparisons with an interface operand whose answer the
	// interpreter may get wrong (one that may hold a cell type, now or
	// once a later cell declares one), to write as calls of HelperEqual
	// (compare.go).
	cmps map[*ast.BinaryExpr]ifaceCmp
	// switches are switches on interface values whose cases are such
	// comparisons (the recorded ones), to write with a variable for the tag
	switches map[*ast.SwitchStmt]map[ast.Expr]ifaceCmp
	// errIs are calls errors.Is(err, target) whose target may hold a cell
	// type with methods, to call HelperErrorsIs instead
	errIs map[*ast.CallExpr]ifaceCmp
	// asTypes are calls errors.AsType[E](err), with whether E is the only
	// error type of its representation (HelperAsTypeU)
	asTypes map[*ast.CallExpr]bool
	// errAs are calls errors.As(err, &t), t of a type declared in a cell,
	// to write with HelperAsTypeU (errorsAsEdits)
	errAs map[*ast.CallExpr]errorsAs
	// errUnwrap are calls errors.Unwrap(err) where err may hold a cell
	// type with an Unwrap method, to write with unwrapFunc (unwrapLit)
	errUnwrap map[*ast.CallExpr]bool
	// typeSwitches are type switches with cases of cell types, to write
	// with typeSwitchEdits
	typeSwitches map[*ast.TypeSwitchStmt]bool
	// unwrapSrc is unwrapFunc's result, once made
	unwrapSrc string

	refusals []refusal           // constructs the interpreter would get wrong
	convs    map[ast.Expr]string // fmt arguments to convert to a basic type
	// shiftConvs are the shifts whose constant left operand is converted
	// to the shift's type (checkShift), by the type as written
	shiftConvs map[*ast.BinaryExpr]string
	typeNames  map[ast.Expr]string // %T operands of cell types: the name Go prints
	literals   map[ast.Expr]string // fmt format literals to replace
	wraps      map[ast.Expr]string // fmt arguments to pass through a prelude helper
	// reflectMethods are the receivers of reflect's method-set queries
	// checked when they run (reflectmethods.go)
	reflectMethods map[ast.Expr]reflectMethods
	// typeOfChecks are reflect.TypeOf(x) and v.Type() of an interface
	// operand, with the call as the cell wrote it, checked when they run
	// (HelperTypeOf)
	typeOfChecks map[*ast.CallExpr]string
	// keptRecvs are the receive expressions left without parentheses
	// (bareRecvs), once asked for
	keptRecvs map[*ast.UnaryExpr]bool
	// sliceCalls are calls in generic bodies of generic funcs variadic
	// in a type parameter, with the variadic parameter's type as the
	// call instantiates it (variadic.go)
	sliceCalls map[*ast.CallExpr]string
	// plusV are %+v operands of types with unexported fields, with those
	// fields' names, to pass through HelperPlusV
	plusV map[ast.Expr]string
	// funcConvs are conversions to a func type declared in a cell (the
	// type, replaced by the text) and func literals appended to a slice of
	// one (the text ending in "(" goes before them, ")" after)
	funcConvs map[ast.Node]string
	// ifaceAsserts are assertions to interfaces declared in the cells,
	// and ifaceCases such cases of type switches (assert.go); commaOK
	// are the assertions in the comma-ok form
	ifaceAsserts map[*ast.TypeAssertExpr]ifaceAssert
	ifaceCases   map[ast.Expr]ifaceAssert
	commaOK      map[*ast.TypeAssertExpr]bool
	// shapeAsserts are assertions to types that are not interfaces, and
	// shapeCases such cases, whose match is checked when it runs
	// (checkShapeAssert), with whether the type asserted is compiled
	shapeAsserts map[*ast.TypeAssertExpr]shapeAssert
	shapeCases   map[ast.Expr]bool
	// identAsserts are assertions to cell types with methods that would
	// match another cell type of their shape, and identCases such cases,
	// whose match is checked by the value's type when it runs
	// (checkIdentity); identCases map a case to the type's name
	identAsserts map[*ast.TypeAssertExpr]identityAssert
	identCases   map[ast.Expr]string
	// anyStores are expressions that store a value of a cell type with
	// methods in an any, with the value, to write as []any{v}[0]
	// (checkAnyStore)
	anyStores map[ast.Expr]ast.Expr
	// mapKeys are keys of maps keyed by an empty interface, to pass
	// through HelperKey (checkKeyShape)
	mapKeys map[ast.Expr]bool
	// aliasUses are the uses of type aliases declared in funcs, and
	// aliasDecls their declarations (checkLocalAliases)
	aliasUses  map[*ast.Ident]aliasUse
	aliasDecls map[*ast.TypeSpec]bool
	// jsonErrors are the calls of json.Unmarshal and Decode whose error
	// HelperJSONError names Go's types in (checkJSONError)
	jsonErrors map[*ast.CallExpr]jsonWrap
	// panics are the values given to panic that may be of a cell type,
	// given to HelperPanic (checkPanicValue)
	panics map[ast.Expr]bool
	// recoveredAs are the operands of assertions of what recover()
	// returned to cell types, with the types' names, given
	// HelperRecoveredAs (checkRecovered)
	recoveredAs map[ast.Expr]string
	// elemStores are the values stored in elements of an interface type
	// declared in a cell, converted to it first (checkElemStore)
	elemStores map[ast.Expr]string
	// tagReads are the reads of a reflect.StructField's Tag, made through
	// HelperTag, true where through a pointer (checkTagReads)
	tagReads map[*ast.SelectorExpr]bool
	// ifaceConvs are the operands of conversions to an interface of
	// values of cell types with methods, with the func literal that
	// returns a copy of each as the interface, up to its call's "("
	// (checkIfaceConvs)
	ifaceConvs map[ast.Expr]string
	// keptAsserts are the assertions written as a call around their
	// operand, with the text before and after it: to an interface of a
	// package of a value that may be of a cell type, a func literal that
	// asserts and keeps the value beside the wrapper (checkKeptAssert);
	// to a struct type of the cells of an interface of a package's value,
	// HelperRecalled's (check)
	keptAsserts map[*ast.TypeAssertExpr][2]string
	// renames are the type parameters of generic funcs, with the names
	// the interpreter sees (renameTypeParams)
	renames map[*ast.Ident]string
	// renamedMethods are the cell's methods of generic types that the
	// interpreter gets under names of its own, by "T.M" (genericrename.go)
	renamedMethods map[string]string
	// nilInits are the var declarations of a pointer to an instance of a
	// generic type of several type parameters, given nil (multiparam.go)
	nilInits map[*ast.ValueSpec]bool
	// intDivs are constant expressions with an integer division whose
	// value becomes a float, and float constant expressions with a
	// compiled package's constant, with the literal to write for them
	// (checkIntDiv).
	intDivs map[ast.Expr]string
	// loggerArgs are the calls of a *log.Logger's print methods whose
	// operands go through HelperForward as a []any (checkLoggerArgs)
	loggerArgs map[*ast.CallExpr]loggerArgs
	// constSpecs are the specs of the cell's const declarations
	// (isConstSpec), once asked for
	constSpecs map[*ast.ValueSpec]bool
	// constLits are the names of float constants of a const declaration
	// with iota whose values are written as literals, with the literal
	// (checkIotaConsts)
	constLits map[*ast.Ident]string
	// apart are the func literals made by a call of their own, and
	// loopDeferred the deferred ones in a loop, made so at the defer
	// statement (madeApart)
	apart, loopDeferred map[*ast.FuncLit]bool
	// deferAt are the cell's defer statements in funcs, where they are
	deferAt map[*ast.DeferStmt]deferSite
	// goVars are the loop variables go statements copy (goCopies)
	goVars map[*ast.GoStmt][]string
	// litVars are the loop variables func literals given to compiled
	// funcs copy (litCopies)
	litVars map[*ast.FuncLit][]string
	// funcValues are the instances of generic funcs used as values, with
	// the func literal that calls them (instancePlace: the instance's own
	// text)
	funcValues map[ast.Expr]string
	// methodVals are method values with value receivers, to be written
	// as a func literal binding a copy: the text before and after X.
	methodVals map[*ast.SelectorExpr][2]string
	// static are the static types of the cell's top-level variables;
	// underlying the underlying types of the types it declares.
	static, underlying map[string]string
	// typeArgs are the inferred type arguments, as "[int, string]", of
	// calls of generic funcs the cells declared (yaegi infers some wrongly).
	typeArgs map[*ast.Ident]string
	// methodCallsOf are the direct method calls written as method
	// expression calls (methods.go), found on first use.
	methodCallsOf methodCalls
	// earlier are the Options.Pending declarations written before the
	// cell's text (withPending): src[:earlierEnd], shift lines.
	earlier    []earlierDecl
	earlierEnd int
	// prints are the type parameters the cell's generic funcs and methods
	// print (notePrintedParams)
	prints map[*ast.FuncDecl][]ParamPrint
	shift  int
	// waits are the top-level declarations that wait for names no scope
	// has (a *ast.FuncDecl, *ast.TypeSpec, or the *ast.GenDecl of a var),
	// with those names (pending.go).
	waits map[ast.Node][]string
	// instAliases are the occurrences of instances of generic types
	// written as another text: an alias of the instance, or its
	// underlying type in a generic func (genericargs.go); instDecls are
	// the aliases the cell declares.
	instAliases map[ast.Expr]string
	// rangeFuncs are the range statements over funcs, and rfJumps the
	// jumps in their bodies that the rewrite changes (rangefunc.go)
	rangeFuncs map[*ast.RangeStmt]*rangeFunc
	rfJumps    map[ast.Stmt]rfJumpSite
	rfDefers   map[*ast.DeferStmt]*rangeFunc // to their outermost range over a func
	// iterOf are the calls' funcs of the session's iterators (maps.Keys)
	// whose result is stored or passed on: these calls give Go's
	// iterator, a func (checkIterators)
	iterOf map[*ast.SelectorExpr]bool
	// seqArg are the iterators given to the session's funcs that take one,
	// with the helper call that gives their values (seqArgs)
	seqArg    map[ast.Expr]string
	instDecls []instAlias
	// atomicDecl declares the interpreted atomic.Pointer (atomicptr.go)
	// where the cell is the session's first to name it, and atomicModel
	// is what the type model reads for it: an alias of atomic.Pointer.
	atomicDecl, atomicModel string
	// constConvs are conversions of a constant to a type parameter, with
	// the variable that holds the value ("" where it is made where it
	// stands), and constDecls the conversions whose variables a generic
	// func's body declares first (constParams).
	constConvs map[*ast.CallExpr]string
	constDecls map[*ast.BlockStmt][]*ast.CallExpr
}

type insertion struct{ at, n int } // n bytes inserted before cell offset at

func (p *parse) run() error {
	if err := p.syntax(); err != nil {
		return err
	}
	before := len(p.refusals)
	model := p.checkModel()
	checked := slices.Clone(p.refusals[before:]) // (the check's own)
	p.refusals = p.refusals[:before]
	rewritten := map[token.Pos]bool{} // jumps out of a range over a func's body: returns there (rangefunc.go)
	for st := range p.rfJumps {
		rewritten[st.Pos()] = true
	}
	for _, r := range selectBranches(p.ast) {
		if !rewritten[r.pos] {
			p.refusals = append(p.refusals, r)
		}
	}
	p.refusals = append(append(p.refusals, checked...), model...)
	if len(p.refusals) > 0 {
		var list ErrorList
		for _, r := range p.refusals {
			list = append(list, p.refusalError(r))
		}
		return list
	}
	imports := p.items
	p.items = nil
	if err := p.collect(p.ast, p.text); err != nil {
		return err
	}
	if aliases := p.instAliasItems(); len(aliases) > 0 {
		// after the cell's last declaration, before its statements
		// (whose last may be the value the cell shows), each on a line
		// of its own after that declaration's first
		at, line := 0, 1
		for i, it := range p.items {
			if it.Kind != Var && it.Kind != Stmt {
				at, line = i+1, it.Line
			}
		}
		for i := range aliases {
			aliases[i].Line = line
		}
		p.items = slices.Insert(p.items, at, aliases...)
	}
	p.addStatic()
	p.finalValues()
	if len(imports) > 0 {
		p.items = append(imports, p.items...)
		sort.SliceStable(p.items, func(i, j int) bool {
			a, b := p.items[i], p.items[j]
			return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
		})
	}
	return nil
}

// syntax builds the synthesized file of the cell and parses it: p.ast,
// p.file and p.top are set, and the cell's imports are p.items.
func (p *parse) syntax() error {
	p.lines = lineStarts(p.src)
	segs := p.segments()
	var b strings.Builder
	const prefix = "package main\n"
	b.WriteString(prefix)
	p.off = len(prefix)
	pos := 0
	nfn := 0
	for i := 0; i < len(segs); {
		s := segs[i]
		if s.kind == Import {
			// Go wants imports first; a cell may have them anywhere.
			b.WriteString(p.src[pos:s.start])
			b.WriteString(blank(p.src[s.start:s.end]))
			pos = s.end
			i++
			if err := p.importSeg(s); err != nil {
				return err
			}
			continue
		}
		if s.kind != Stmt {
			b.WriteString(p.src[pos:s.end])
			pos = s.end
			i++
			continue
		}
		j := i
		for j < len(segs) && segs[j].kind == Stmt {
			j++
		}
		b.WriteString(p.src[pos:s.start])
		open := fmt.Sprintf("func _cell%d(){", nfn)
		nfn++
		p.ins = append(p.ins, insertion{s.start, len(open)})
		b.WriteString(open)
		end := segs[j-1].end
		b.WriteString(p.src[s.start:end])
		b.WriteString("\n}")
		p.ins = append(p.ins, insertion{end, 2})
		pos = end
		i = j
	}
	b.WriteString(p.src[pos:])
	text := b.String()
	p.text = text
	p.fset = p.opts.FileSet
	if p.fset == nil {
		p.fset = token.NewFileSet()
	}
	f, err := parser.ParseFile(p.fset, "cell.go", text, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return p.syntaxError(err)
	}
	p.file = p.fset.File(f.Pos())
	p.ast = f
	p.top = p.topLevelNames(f)
	return nil
}

// blank replaces everything but newlines by spaces.
func blank(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c != '\n' {
			b[i] = ' '
		}
	}
	return string(b)
}

// importSeg parses an import declaration on its own.
func (p *parse) importSeg(s segment) error {
	const prefix = "package main;"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", prefix+p.src[s.start:s.end], parser.ImportsOnly)
	if err != nil {
		if el, ok := err.(scanner.ErrorList); ok && len(el) > 0 {
			o := el[0].Pos.Offset - len(prefix) + s.start
			o = min(max(o, 0), len(p.src))
			line, col := p.lineCol(o)
			return ErrorList{{Line: line, Col: col, Msg: el[0].Msg, Source: p.lineText(line)}}
		}
		return err
	}
	file := fset.File(f.Pos())
	for _, is := range f.Imports {
		o := file.Offset(is.Pos()) - len(prefix) + s.start
		line, col := p.lineCol(o)
		it := Item{Kind: Import, Line: line, Col: col, Orig: p.src[o : file.Offset(is.End())-len(prefix)+s.start]}
		it.ImportPath, _ = strconv.Unquote(is.Path.Value)
		if is.Name != nil {
			it.ImportName = is.Name.Name
		}
		p.items = append(p.items, it)
	}
	return nil
}

// cellOffset maps a position in the synthesized file to a cell offset.
func (p *parse) cellOffset(pos token.Pos) int {
	return p.cellOffsetRaw(p.file.Offset(pos))
}

// lineCol returns the 1-based line and column of a cell offset.
func (p *parse) lineCol(o int) (int, int) {
	i := sort.Search(len(p.lines), func(i int) bool { return p.lines[i] > o }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1 - p.shift, o - p.lines[i] + 1
}

func (p *parse) lineText(line int) string {
	line += p.shift
	if line < 1 || line > len(p.lines) {
		return ""
	}
	s := p.src[p.lines[line-1]:]
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

func (p *parse) syntaxError(err error) error {
	var list ErrorList
	el, ok := err.(scanner.ErrorList)
	if !ok {
		return ErrorList{{Line: 1, Col: 1, Msg: err.Error()}}
	}
	for _, e := range el {
		// Convert the synthesized file's line:col to an offset, then map.
		co := p.cellOffsetRaw(offsetOf(p.text, e.Pos.Line, e.Pos.Column))
		line, col := p.lineCol(co)
		msg := strings.ReplaceAll(e.Msg, "_cell", "cell")
		list = append(list, &Error{Line: line, Col: col, Msg: msg, Source: p.lineText(line)})
		if len(list) == 10 {
			break
		}
	}
	return list
}

func offsetOf(text string, line, col int) int {
	o := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(text[o:], '\n')
		if i < 0 {
			return len(text)
		}
		o += i + 1
	}
	o += col - 1
	if o > len(text) {
		o = len(text)
	}
	return o
}

func lineStarts(s string) []int {
	ls := []int{0}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			ls = append(ls, i+1)
		}
	}
	return ls
}

// segments splits the cell into top-level segments with go/scanner.
func (p *parse) segments() []segment {
	var s scanner.Scanner
	fset := token.NewFileSet()
	file := fset.AddFile("cell.go", -1, len(p.src))
	s.Init(file, []byte(p.src), func(token.Position, string) {}, 0)
	type tok struct {
		off int
		t   token.Token
		lit string
	}
	var toks []tok
	for {
		pos, t, lit := s.Scan()
		if t == token.EOF {
			break
		}
		toks = append(toks, tok{file.Offset(pos), t, lit})
	}
	var segs []segment
	depth := 0
	start := -1
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if start < 0 {
			if t.t == token.SEMICOLON {
				continue
			}
			start = i
		}
		switch t.t {
		case token.LPAREN, token.LBRACE, token.LBRACK:
			depth++
		case token.RPAREN, token.RBRACE, token.RBRACK:
			if depth > 0 {
				depth--
			}
		}
		last := i == len(toks)-1
		if (t.t == token.SEMICOLON && depth == 0) || last {
			end := t.off
			if last && t.t != token.SEMICOLON {
				end = t.off + tokLen(t.t, t.lit)
			}
			if t.t == token.SEMICOLON && t.lit == ";" {
				end = t.off + 1
			}
			first := toks[start]
			if end > len(p.src) {
				end = len(p.src)
			}
			if end < first.off {
				end = first.off
			}
			k := Stmt
			switch first.t {
			case token.IMPORT:
				k = Import
			case token.TYPE:
				k = Type
			case token.CONST:
				k = Const
			case token.VAR:
				k = Var
			case token.FUNC:
				if start+1 < len(toks) && toks[start+1].t == token.IDENT {
					k = Func
				} else if start+1 < len(toks) && toks[start+1].t == token.LPAREN {
					// method receiver or func literal: find the matching paren
					d := 0
					j := start + 1
					for ; j <= i; j++ {
						if toks[j].t == token.LPAREN {
							d++
						} else if toks[j].t == token.RPAREN {
							d--
							if d == 0 {
								break
							}
						}
					}
					if j+2 <= i && toks[j+1].t == token.IDENT && toks[j+2].t == token.LPAREN {
						k = Method
					}
				}
			}
			if k == Var {
				k = Stmt // var declarations run as statements, in order
			}
			segs = append(segs, segment{start: first.off, end: end, kind: k})
			start = -1
			depth = 0
		}
	}
	return segs
}

func tokLen(t token.Token, lit string) int {
	if lit != "" {
		return len(lit)
	}
	return len(t.String())
}

// cellOffsetRaw maps an offset in the synthesized file to a cell offset.
func (p *parse) cellOffsetRaw(o int) int {
	o -= p.off
	shift := 0
	for _, in := range p.ins {
		if o-shift >= in.at+in.n {
			shift += in.n
		} else if o-shift > in.at {
			o = in.at + shift
			break
		} else {
			break
		}
	}
	o -= shift
	if o < 0 {
		o = 0
	}
	if o > len(p.src) {
		o = len(p.src)
	}
	return o
}
