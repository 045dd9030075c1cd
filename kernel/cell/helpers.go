package cell

// Names of the helpers a session defines for rewritten code. Each must exist
// in the interpreter before rewritten code runs.
const (
	HelperMin   = "__gocurve_min"   // func[T cmp.Ordered](a T, rest ...T) T, Go's min with NaN propagation
	HelperMax   = "__gocurve_max"   // func[T cmp.Ordered](a T, rest ...T) T
	HelperClear = "__gocurve_clear" // func(any): Go's clear for maps and slices
	HelperGo    = "__gocurve_go"    // func(func()): runs it in a goroutine, reporting a panic on stderr
	HelperDefer = "__gocurve_defer" // func(func()): runs it when the cell ends
	HelperBind  = "__gocurve_bind"  // func(f any, args ...any) func(): f(args...) with args evaluated now
	HelperBindS = "__gocurve_binds" // like HelperBind for a call ending in args...
	HelperStdin = "__gocurve_stdin" // io.Reader: the session's stdin, for os.Stdin
	// HelperPrint and HelperPrintln are func(...any): Go's print and println,
	// to standard error in the runtime's formats.
	HelperPrint   = "__gocurve_print"
	HelperPrintln = "__gocurve_println"
	HelperExit    = "__gocurve_exit" // func(int): os.Exit, ending the cell
	// HelperMethods is func(v reflect.Value, types, expr string)
	// reflect.Value: v, after a check that it is not a value of one of
	// types (cell types with exported methods, "main.user,*main.node"),
	// whose methods reflect cannot see in the interpreter; expr is the
	// call asking for them, as the cell wrote it. HelperTypeMethods is
	// the same for a reflect.Type.
	HelperMethods     = "__gocurve_methods"
	HelperTypeMethods = "__gocurve_typemethods"
	// HelperTypeOf is func(t reflect.Type, expr string) reflect.Type: t,
	// the type of a value an interface held (reflect.TypeOf(x), expr as
	// the cell wrote it), after a check that it is not, nor is made of,
	// the struct representation of a cell type, which reflect would
	// describe by its fields where Go names the type.
	HelperTypeOf = "__gocurve_typeof"
	// HelperTextTemplate and HelperHTMLTemplate are func(t *Template,
	// methods, expr string) *Template of text/template and html/template:
	// t, once its templates are found to call none of methods, the
	// exported methods of the cells' types ("Total:main.Course,..."); it
	// panics, saying what to write instead, where one does.
	HelperTextTemplate = "__gocurve_texttemplate"
	HelperHTMLTemplate = "__gocurve_htmltemplate"
	// HelperTypeName is func(p any, methods bool, kinds, names, expr
	// string) string: the name %T prints for the value in the interface
	// variable p points to (of an interface with methods, or not), which
	// the interpreter prints as its structure where it is of a cell type:
	// named by the type yaegi keeps beside it, or by the session's types
	// of its representation, and it panics where that is two types', or
	// where the value is of the kinds (reflect's, comma-separated) of the
	// loose types names the operand may hold (instances of generic types,
	// types declared in funcs); expr is the operand as the cell wrote it.
	HelperTypeName = "__gocurve_typename"
	// HelperReturn is func(): a return at the cell's top level ran; the
	// session runs none of the cell's later statements.
	HelperReturn = "__gocurve_return"
	HelperTemp   = "__gocurve_t" // the prefix of temporaries a rewrite declares at top level
	// HelperText is func(s string) any: a compiled value fmt prints as s
	// through its String method (not a string: Print spaces it as the
	// value it stands for).
	HelperText = "__gocurve_text"
	// HelperDecode is func(s string, o int) (rune, int): the rune at byte
	// offset o of s and its length, as a range over a string steps.
	HelperDecode = "__gocurve_decode"
	// HelperEqual is func(a, b any, unique bool, gen int, expr string)
	// bool: == with an interface operand that may hold a cell type (now
	// or once a later cell declares one), checked against the session's
	// types when it runs; unique: the model found the operands' types of
	// distinct representations, as of Options.TypeGen gen.
	HelperEqual = "__gocurve_eq"
	// HelperLost is func(expr, typ string): the panic of an assertion
	// to an interface declared in a cell (assert.go) whose value the
	// interpreter stored without its methods and that may be a typ or
	// another type of its representation.
	HelperLost = "__gocurve_lost"
	// HelperMissed is func(x any, methods, expr string): it panics if x
	// is a compiled value with the methods named (comma-separated), which
	// the interpreter cannot assert to an interface declared in a cell.
	HelperMissed = "__gocurve_missed"
	// HelperShape is func(x any, compiled bool, expr string): it panics
	// if the representation of x, which an assertion to a type that is
	// not an interface matched, may be two types' (see HelperEqual);
	// compiled: the type asserted is not a cell type.
	HelperShape = "__gocurve_shape"
	// HelperIs is func(p any, typ, static string, must bool, expr string)
	// bool: whether the interface variable p points to, which an
	// assertion to typ (a cell type with methods, as the interpreter
	// names it: "main.Dog") matched by its representation, holds a typ,
	// by the type the interpreter keeps beside the value; it panics where
	// the interpreter kept none, and with must where the value is of
	// another type, as Go's x.(T) does (static: x's type).
	HelperIs = "__gocurve_is"
	// HelperKey is func(k any, expr string) any: k, a key of a map keyed
	// by an empty interface, after a check that the interpreter keys it
	// as Go does (not a type declared in a cell with methods, nor of a
	// representation two of the session's types share).
	HelperKey = "__gocurve_key"
	// HelperPlusV is func(v any, unexported string) any: v for %+v with
	// the unexported field names (comma-separated) its runtime type
	// spells "X"+name spelled as the cell wrote them.
	HelperPlusV = "__gocurve_plusv"
	// HelperErrorsIs is func(err, target error, unwrap func(error)
	// ([]error, bool), unique bool, gen int, expr string) bool: errors.Is,
	// comparing with HelperEqual, and unwrapping the cells' error types
	// with unwrap (see unwrapFunc).
	HelperErrorsIs = "__gocurve_errors_Is"
	// HelperAsType is func[E error](error) (E, bool): Go 1.26's errors.AsType.
	HelperAsType = "__gocurve_errors_AsType"
	// HelperAsTypeU is func[E error](err error, unwrap func(error)
	// ([]error, bool), unique bool, gen int, expr string) (E, bool):
	// errors.AsType where the model said whether E is the only error type
	// of its representation (see HelperEqual) and how to unwrap the cells'
	// error types (unwrapFunc).
	HelperAsTypeU = "__gocurve_errors_asType"
	// HelperError is func(error) error, the identity: passing a value of a
	// cell type through it gives compiled code an error with the type's
	// Error method.
	HelperError = "__gocurve_error"
	// HelperRemember is func(x, v any): it keeps v, a value of a struct
	// type declared in a cell, beside x, the interpreter's wrapper that
	// makes it an interface of a package (error, fmt.Stringer), whose
	// IValue field does not hold it; assertions, errors.As and == find it
	// there (checkIfaceConvs).
	HelperRemember = "__gocurve_remember"
	// HelperTypedNil is func(p any, errorMethod func() string) error: an
	// error that holds p, a nil pointer of a cell type, and calls its
	// Error method (which the interpreter's own conversion makes a nil
	// error).
	HelperTypedNil = "__gocurve_typednil"
	// HelperRecalled is func(x, target any) any: the value HelperRemember
	// kept beside the wrapper x, or x; target is the zero value of the
	// struct type an assertion asks for, which it panics for where x is a
	// wrapper nothing was kept for that may hold one.
	HelperRecalled = "__gocurve_recalled"
	// HelperRecovered is func(any) any: what recover() returned, with the
	// interpreter's panics for Go's runtime errors made runtime.Errors in
	// Go's words, and a HelperPanic token made the value it stands for.
	HelperRecovered = "__gocurve_recovered"
	// HelperPanic is func(v any) int and HelperPanicToken func(int)
	// error: panic(v), where v may be of a type declared in a cell, is
	// given HelperPanicToken(HelperPanic(v)), a token that HelperRecovered
	// turns back into v (checkPanicValue).
	HelperPanic      = "__gocurve_panicv"
	HelperPanicToken = "__gocurve_ptoken"
	// HelperRecoveredAs is func(r any, typ string) any: r, what recover()
	// returned, about to be asserted to the cell type typ; it panics with
	// what to write instead where r is a value the interpreter keeps behind
	// an interface's wrapper, which the assertion would not see through
	// (checkRecovered).
	HelperRecoveredAs = "__gocurve_recoveredas"
	// HelperIndex is func(i, n int) int: i, or a panic with Go's runtime
	// error for an index out of range of a length n (indexcheck.go).
	HelperIndex = "__gocurve_idx"
	// HelperSlice is func(lo, hi, max, n int, three, capacity bool) int:
	// lo, or a panic with Go's runtime error for the bounds of a slice
	// expression (three: with max) out of range of n, the operand's
	// capacity (else length) (indexcheck.go).
	HelperSlice = "__gocurve_slc"
	// HelperJSONError is func(err error, desc string, target any) error:
	// err, the error of json.Unmarshal or a Decoder's Decode into target,
	// with the names of the types declared in cells that target's static
	// type's JSONType desc gives, or, for an interface ("" desc), that
	// the type of the value in it has (jsonerr.go).
	HelperJSONError = "__gocurve_jsonerr"
	// HelperTag is func(f reflect.StructField) reflect.StructTag: f's
	// Tag as written (WrittenTag; fieldTagEdits tags unexported fields).
	HelperTag = "__gocurve_tag"
	// HelperSeq is func[T any](seq func(yield func(T) bool)) []T: the
	// values an iterator yields, as the slice the session's slices.Collect
	// and the other funcs that take an iterator take (seqArgs).
	HelperSeq = "__gocurve_seq"
	// HelperSeqMap is func[K comparable, V any](seq func(yield func(K,
	// V) bool)) map[K]V: the pairs an iterator yields, as the map the
	// session's maps.Collect and maps.Insert take (seqArgs).
	HelperSeqMap = "__gocurve_seqmap"
	// HelperRangeDone is func(): a panic with Go's runtime error for a
	// range over a func whose func called yield again after the loop's
	// body said false (rangefunc.go).
	HelperRangeDone = "__gocurve_rangedone"
	// HelperForward is func(format string, mode int) func([]any) []any:
	// the operands a print call of fmt or log forwards as a []any
	// (fmt.Sprintf(format, args...)), made what compiled fmt prints as Go
	// does, or a panic saying what to write where they cannot be
	// (checkForward; mode: a ForwardMode).
	HelperForward = "__gocurve_fwd"
)
