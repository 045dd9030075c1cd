package session

import (
	"fmt"
	"io"
	"reflect"
	"sort"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/gocurve/gocurve/kernel/cell"
	"github.com/gocurve/gocurve/kernel/display"
	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// rtPath is the import path of the compiled helpers a session gives its
// interpreter; the prelude imports it under the name __gocurve_rt.
const rtPath = "gocurve.internal/rt"

// prelude defines the helpers rewritten cells call (see package cell).
// yaegi cannot call generic compiled code, so min, max and the slices and
// maps functions students use are interpreted generics here.
const prelude = `package main

import __gocurve_rt "gocurve.internal/rt"

type __gocurve_ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string
}

func __gocurve_min[__T __gocurve_ordered](a __T, rest ...__T) __T {
	m := a
	for _, v := range rest {
		if v != v {
			return v
		}
		if v < m {
			m = v
		}
	}
	return m
}

// __gocurve_strs and friends give fmt the strings of a slice's or map's
// elements: compiled fmt cannot call the String and Error methods of
// interpreted elements, and prints []string and map[K]string as it would
// print the elements through those methods.
func __gocurve_strs[__T interface{ String() string }](xs []__T) []string {
	if xs == nil {
		return nil
	}
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = x.String()
	}
	return out
}
func __gocurve_errtext(e error) string { return e.Error() }
func __gocurve_errs[__T interface{ Error() string }](xs []__T) []string {
	if xs == nil {
		return nil
	}
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = x.Error()
	}
	return out
}
func __gocurve_strmap[__K comparable, __V interface{ String() string }](m map[__K]__V) map[__K]string {
	if m == nil {
		return nil
	}
	out := make(map[__K]string, len(m))
	for k, v := range m {
		out[k] = v.String()
	}
	return out
}
// __gocurve_keymap is the text fmt prints for a map whose keys have a
// String method (map[Op]int: map[add:1 sub:2]): its keys in the order of
// their values (less), as fmt sorts them, each by its String method.
func __gocurve_keymap[__K interface {
	comparable
	String() string
}, __V any](m map[__K]__V, less func(a, b __K) bool) any {
	if m == nil {
		return __gocurve_rt.Text("map[]")
	}
	keys := make([]__K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ { // (insertion: maps printed are small)
		for j := i; j > 0 && less(keys[j], keys[j-1]); j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	s := "map["
	for i, k := range keys {
		if i > 0 {
			s += " "
		}
		s += k.String() + ":" + __gocurve_rt.Sprint(m[k])
	}
	return __gocurve_rt.Text(s + "]")
}
func __gocurve_seq[__T any](seq func(func(__T) bool)) []__T {
	var out []__T
	seq(func(v __T) bool {
		out = append(out, v)
		return true
	})
	return out
}
func __gocurve_seqmap[__K comparable, __V any](seq func(func(__K, __V) bool)) map[__K]__V {
	out := map[__K]__V{}
	seq(func(k __K, v __V) bool {
		out[k] = v
		return true
	})
	return out
}
func __gocurve_max[__T __gocurve_ordered](a __T, rest ...__T) __T {
	m := a
	for _, v := range rest {
		if v != v {
			return v
		}
		if v > m {
			m = v
		}
	}
	return m
}

var __gocurve_clear = __gocurve_rt.Clear
var __gocurve_bare = __gocurve_rt.Bare

// __gocurve_panicv keeps v, what a cell's panic(v) is given where v may
// be of a type declared in a cell, and returns its index for
// __gocurve_ptoken: the interpreter hands the runtime such a value without
// its type, so recover() could not assert it. The panic carries a compiled
// token naming the index, which prints as Go prints v (its Error or
// String, taken now: once the panic has ended the cell, v's frames are
// gone); __gocurve_recovered gives v back.
var __gocurve_panics = make([]any, __gocurve_rt.PanicSlots())
var __gocurve_npanics int

func __gocurve_panicv[__T any](x __T) int {
	var v any = x // from a variable of its type: with its methods
	i := __gocurve_npanics % len(__gocurve_panics)
	__gocurve_npanics++
	__gocurve_panics[i] = v
	__gocurve_rt.SetPanicText(i, __gocurve_panictext(v))
	return i
}

// __gocurve_ptoken is the token of the value __gocurve_panicv kept: a
// compiled call, so that the panic gets the compiled error itself (an
// interpreted func's result would be the interpreter's wrapper of it).
var __gocurve_ptoken = __gocurve_rt.PanicToken

// __gocurve_panictext is what Go prints for the panic value v.
func __gocurve_panictext(v any) (text string) {
	defer func() {
		if recover() != nil {
			text = __gocurve_rt.Sprint(v)
		}
	}()
	if e, ok := v.(error); ok {
		return e.Error()
	}
	if s, ok := v.(interface{ String() string }); ok {
		return s.String()
	}
	return __gocurve_rt.Sprint(v)
}

// __gocurve_fwd is cell.HelperForward: the operands xs a print call
// forwards, with, for those the interpreter keeps behind its wrapper,
// their Error or String method, which Forward calls where Go's fmt
// would. (Assertions to compiled interfaces: one to an interface the
// prelude declares panics on such a value.)
func __gocurve_fwd(format string, mode int) func([]any) []any {
	return func(xs []any) []any {
		var methods []func() string
		for i, x := range xs {
			if !__gocurve_rt.Wrapped(xs, i) {
				continue // (given alone, x would reach compiled code unwrapped)
			}
			if methods == nil {
				methods = make([]func() string, len(xs))
			}
			methods[i] = __gocurve_fwdmethod(x)
		}
		return __gocurve_rt.Forward(format, mode, xs, methods)
	}
}

// __gocurve_fwdmethod returns x's Error or String method, called here in
// the interpreter, or nil: yaegi v0.16.1 runs a method that compiled code
// calls through its wrapper wrongly where the method assigns to its
// receiver (c = -c: "reflect.Set: value of type int is not assignable to
// type int64"). An assertion the interpreter fails at (it panics for
// some pointers) gives nil: Forward then refuses a value of a type with
// such a method.
func __gocurve_fwdmethod(x any) (m func() string) {
	defer func() { recover() }()
	if e, ok := x.(error); ok {
		return func() string { return e.Error() }
	}
	if s, ok := x.(__gocurve_rt.Stringer); ok {
		return func() string { return s.String() }
	}
	return nil
}

// __gocurve_recovered is what a cell's recover() returned: the value a
// __gocurve_panicv token names, or the runtime's (Recovered).
func __gocurve_recovered(r any) any {
	if i, ok := __gocurve_rt.PanicIndex(r); ok {
		return __gocurve_panics[i] // kept: a re-panic of the token names it again
	}
	return __gocurve_rt.Recovered(r)
}

// __gocurve_recoveredas is r, about to be asserted to typ, a type declared
// in a cell; WrappedPanic refuses a value behind an interface's wrapper.
func __gocurve_recoveredas(r any, typ string) any {
	__gocurve_rt.WrappedPanic(r, typ)
	return r
}

var __gocurve_idx = __gocurve_rt.Index
var __gocurve_rangedone = __gocurve_rt.RangeDone
var __gocurve_slc = __gocurve_rt.Slice
// __gocurve_go runs f in a goroutine; a panic there is reported on stderr
// instead of ending the process. It is interpreted: a closure handed to
// compiled code sees its loop variables' last values.
func __gocurve_go(f func()) {
	__gocurve_rt.GoStarted()
	go func() {
		defer __gocurve_rt.GoEnded()
		defer func() {
			if r := recover(); r != nil {
				__gocurve_rt.GoPanic(r)
			}
		}()
		f()
	}()
}
var __gocurve_defer = __gocurve_rt.Defer
var __gocurve_decode = __gocurve_rt.DecodeRune
var __gocurve_eq = __gocurve_rt.Equal
var __gocurve_remember = __gocurve_rt.Remember
var __gocurve_recalled = __gocurve_rt.Recalled
var __gocurve_typednil = __gocurve_rt.TypedNil
var __gocurve_lost = __gocurve_rt.Lost
var __gocurve_shape = __gocurve_rt.Shape
var __gocurve_is = __gocurve_rt.Is
var __gocurve_missed = __gocurve_rt.Missed
var __gocurve_key = __gocurve_rt.Key
var __gocurve_plusv = __gocurve_rt.PlusV
var __gocurve_jsonerr = __gocurve_rt.JSONError
var __gocurve_tag = __gocurve_rt.Tag
var __gocurve_sharpv = __gocurve_rt.SharpV
var __gocurve_sharpdyn = __gocurve_rt.SharpDyn
var __gocurve_exit = __gocurve_rt.Exit
var __gocurve_return = __gocurve_rt.Return
var __gocurve_methods = __gocurve_rt.Methods
var __gocurve_typemethods = __gocurve_rt.TypeMethods
var __gocurve_typeof = __gocurve_rt.TypeOf
var __gocurve_typename = __gocurve_rt.TypeName
var __gocurve_texttemplate = __gocurve_rt.TextTemplate
var __gocurve_htmltemplate = __gocurve_rt.HTMLTemplate
var __gocurve_print = __gocurve_rt.Print
var __gocurve_println = __gocurve_rt.Println
var __gocurve_bind = __gocurve_rt.Bind
var __gocurve_text = __gocurve_rt.Text
var __gocurve_binds = __gocurve_rt.BindSlice
var __gocurve_stdin = __gocurve_rt.Stdin()

`

// slicesSrc and mapsSrc are interpreted versions of the generic functions of
// the slices and maps packages; package cell rewrites slices.F to
// __gocurve_slices_F. Iterators are slices here (see docs/known-limits.md).
const slicesSrc = `package main

func __gocurve_slices_Sort[__E __gocurve_ordered](x []__E) {
	__gocurve_rt.SortSlice(x, func(i, j int) bool { return x[i] < x[j] || (x[i] != x[i] && x[j] == x[j]) })
}
func __gocurve_slices_SortFunc[__E any](x []__E, cmp func(a, b __E) int) {
	__gocurve_rt.SortSlice(x, func(i, j int) bool { return cmp(x[i], x[j]) < 0 })
}
func __gocurve_slices_SortStableFunc[__E any](x []__E, cmp func(a, b __E) int) {
	__gocurve_rt.SortSliceStable(x, func(i, j int) bool { return cmp(x[i], x[j]) < 0 })
}
func __gocurve_slices_IsSorted[__E __gocurve_ordered](x []__E) bool {
	for i := 1; i < len(x); i++ {
		if x[i] < x[i-1] {
			return false
		}
	}
	return true
}
func __gocurve_slices_Max[__E __gocurve_ordered](x []__E) __E {
	if len(x) < 1 {
		panic("slices.Max: empty list")
	}
	return __gocurve_max(x[0], x[1:]...)
}
func __gocurve_slices_Min[__E __gocurve_ordered](x []__E) __E {
	if len(x) < 1 {
		panic("slices.Min: empty list")
	}
	return __gocurve_min(x[0], x[1:]...)
}
func __gocurve_slices_Index[__E comparable](s []__E, v __E) int {
	for i := range s {
		if s[i] == v {
			return i
		}
	}
	return -1
}
func __gocurve_slices_IndexFunc[__E any](s []__E, f func(__E) bool) int {
	for i := range s {
		if f(s[i]) {
			return i
		}
	}
	return -1
}
func __gocurve_slices_Contains[__E comparable](s []__E, v __E) bool {
	return __gocurve_slices_Index(s, v) >= 0
}
func __gocurve_slices_ContainsFunc[__E any](s []__E, f func(__E) bool) bool {
	return __gocurve_slices_IndexFunc(s, f) >= 0
}
func __gocurve_slices_Reverse[__E any](s []__E) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}
func __gocurve_slices_Equal[__E comparable](a, b []__E) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
func __gocurve_slices_Clone[__E any](s []__E) []__E {
	if s == nil {
		return nil
	}
	return append([]__E{}, s...)
}
func __gocurve_slices_Sorted[__E __gocurve_ordered](seq []__E) []__E {
	s := __gocurve_slices_Clone(seq)
	__gocurve_slices_Sort(s)
	return s
}
func __gocurve_slices_Collect[__E any](seq []__E) []__E { return __gocurve_slices_Clone(seq) }
func __gocurve_slices_SortedFunc[__E any](seq []__E, cmp func(__E, __E) int) []__E {
	s := __gocurve_slices_Clone(seq)
	__gocurve_slices_SortFunc(s, cmp)
	return s
}
func __gocurve_slices_SortedStableFunc[__E any](seq []__E, cmp func(__E, __E) int) []__E {
	s := __gocurve_slices_Clone(seq)
	__gocurve_slices_SortStableFunc(s, cmp)
	return s
}
func __gocurve_slices_AppendSeq[__E any](s []__E, seq []__E) []__E { return append(s, seq...) }
func __gocurve_slices_Backward[__E any](s []__E) func(yield func(int, __E) bool) {
	return func(yield func(int, __E) bool) {
		for i := len(s) - 1; i >= 0; i-- {
			if !yield(i, s[i]) {
				return
			}
		}
	}
}
func __gocurve_slices_Chunk[__E any](s []__E, n int) func(yield func([]__E) bool) {
	if n < 1 {
		panic("cannot be less than 1")
	}
	return func(yield func([]__E) bool) {
		for i := 0; i < len(s); i += n {
			end := i + n
			if end > len(s) {
				end = len(s)
			}
			if !yield(s[i:end:end]) {
				return
			}
		}
	}
}
func __gocurve_slices_Values[__E any](s []__E) []__E { return s }
func __gocurve_slices_All[__E any](s []__E) []__E { return s }
func __gocurve_slices_Compact[__E comparable](s []__E) []__E {
	if len(s) < 2 {
		return s
	}
	i := 1
	for k := 1; k < len(s); k++ {
		if s[k] != s[k-1] {
			s[i] = s[k]
			i++
		}
	}
	return s[:i]
}
func __gocurve_slices_BinarySearch[__E __gocurve_ordered](x []__E, target __E) (int, bool) {
	lo, hi := 0, len(x)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if x[m] < target {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(x) && x[lo] == target
}
func __gocurve_slices_Delete[__E any](s []__E, i, j int) []__E {
	if i < 0 || j > len(s) || i > j {
		panic("slices: index out of range")
	}
	n := append(s[:i], s[j:]...)
	var zero __E
	for k := len(n); k < len(s); k++ {
		s[k] = zero
	}
	return n
}
func __gocurve_slices_Insert[__E any](s []__E, i int, v ...__E) []__E {
	if i < 0 || i > len(s) {
		panic("slices: index out of range")
	}
	r := make([]__E, 0, len(s)+len(v))
	r = append(r, s[:i]...)
	r = append(r, v...)
	return append(r, s[i:]...)
}
func __gocurve_slices_EqualFunc[__E, __F any](a []__E, b []__F, eq func(__E, __F) bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !eq(a[i], b[i]) {
			return false
		}
	}
	return true
}
func __gocurve_slices_MaxFunc[__E any](x []__E, cmp func(a, b __E) int) __E {
	if len(x) < 1 {
		panic("slices.MaxFunc: empty list")
	}
	m := x[0]
	for _, v := range x[1:] {
		if cmp(v, m) > 0 {
			m = v
		}
	}
	return m
}
func __gocurve_slices_MinFunc[__E any](x []__E, cmp func(a, b __E) int) __E {
	if len(x) < 1 {
		panic("slices.MinFunc: empty list")
	}
	m := x[0]
	for _, v := range x[1:] {
		if cmp(v, m) < 0 {
			m = v
		}
	}
	return m
}
func __gocurve_slices_Concat[__E any](ss ...[]__E) []__E {
	var r []__E
	for _, s := range ss {
		r = append(r, s...)
	}
	return r
}
func __gocurve_slices_Repeat[__E any](x []__E, count int) []__E {
	r := make([]__E, 0, len(x)*count)
	for i := 0; i < count; i++ {
		r = append(r, x...)
	}
	return r
}
func __gocurve_slices_Clip[__E any](s []__E) []__E { return s[:len(s):len(s)] }
func __gocurve_slices_Grow[__E any](s []__E, n int) []__E {
	if n < 0 {
		panic("cannot be negative")
	}
	if n -= cap(s) - len(s); n > 0 {
		s = append(s[:cap(s)], make([]__E, n)...)[:len(s)]
	}
	return s
}
func __gocurve_slices_CompactFunc[__E any](s []__E, eq func(__E, __E) bool) []__E {
	if len(s) < 2 {
		return s
	}
	i, prev := 1, s[0]
	for k := 1; k < len(s); k++ {
		cur := s[k]
		if !eq(cur, prev) {
			s[i] = cur
			i++
		}
		prev = cur
	}
	var zero __E
	for k := i; k < len(s); k++ {
		s[k] = zero
	}
	return s[:i]
}
func __gocurve_slices_DeleteFunc[__E any](s []__E, del func(__E) bool) []__E {
	i := 0
	for _, v := range s {
		if !del(v) {
			s[i] = v
			i++
		}
	}
	var zero __E
	for k := i; k < len(s); k++ {
		s[k] = zero
	}
	return s[:i]
}
func __gocurve_slices_Replace[__E any](s []__E, i, j int, v ...__E) []__E {
	_ = s[i:j] // Go's bounds check
	tail := append([]__E{}, s[j:]...)
	r := append(append(s[:i], v...), tail...)
	var zero __E
	for k := len(r); k < len(s); k++ {
		s[k] = zero
	}
	return r
}
func __gocurve_slices_IsSortedFunc[__E any](x []__E, cmp func(a, b __E) int) bool {
	for i := len(x) - 1; i > 0; i-- {
		if cmp(x[i], x[i-1]) < 0 {
			return false
		}
	}
	return true
}
func __gocurve_slices_BinarySearchFunc[__E, __T any](x []__E, target __T, cmp func(__E, __T) int) (int, bool) {
	lo, hi := 0, len(x)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if cmp(x[m], target) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(x) && cmp(x[lo], target) == 0
}
func __gocurve_slices_CompareFunc[__E1, __E2 any](s1 []__E1, s2 []__E2, cmp func(__E1, __E2) int) int {
	for i, v1 := range s1 {
		if i >= len(s2) {
			return 1
		}
		if c := cmp(v1, s2[i]); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}
`

const mapsSrc = `package main

func __gocurve_cmp_Compare[__T __gocurve_ordered](x, y __T) int {
	xNaN, yNaN := x != x, y != y
	switch {
	case xNaN && yNaN:
		return 0
	case xNaN || x < y:
		if yNaN {
			return 1
		}
		return -1
	case yNaN || x > y:
		return 1
	}
	return 0
}
func __gocurve_cmp_Less[__T __gocurve_ordered](x, y __T) bool { return (x != x && y == y) || x < y }
func __gocurve_cmp_Or[__T comparable](vals ...__T) __T {
	var zero __T
	for _, v := range vals {
		if v != zero {
			return v
		}
	}
	return zero
}
func __gocurve_slices_Compare[__E __gocurve_ordered](s1, s2 []__E) int {
	for i, v1 := range s1 {
		if i >= len(s2) {
			return 1
		}
		if c := __gocurve_cmp_Compare(v1, s2[i]); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}
func __gocurve_maps_EqualFunc[__K comparable, __V1, __V2 any](m1 map[__K]__V1, m2 map[__K]__V2, eq func(__V1, __V2) bool) bool {
	if len(m1) != len(m2) {
		return false
	}
	for k, v1 := range m1 {
		if v2, ok := m2[k]; !ok || !eq(v1, v2) {
			return false
		}
	}
	return true
}

func __gocurve_maps_Keys[__K comparable, __V any](m map[__K]__V) []__K {
	r := make([]__K, 0, len(m))
	for k := range m {
		r = append(r, k)
	}
	return r
}
func __gocurve_maps_Values[__K comparable, __V any](m map[__K]__V) []__V {
	r := make([]__V, 0, len(m))
	for _, v := range m {
		r = append(r, v)
	}
	return r
}
func __gocurve_maps_All[__K comparable, __V any](m map[__K]__V) map[__K]__V { return m }
func __gocurve_maps_Insert[__K comparable, __V any](m map[__K]__V, seq map[__K]__V) {
	for k, v := range seq {
		m[k] = v
	}
}
func __gocurve_maps_Clone[__K comparable, __V any](m map[__K]__V) map[__K]__V {
	if m == nil {
		return nil
	}
	r := make(map[__K]__V, len(m))
	for k, v := range m {
		r[k] = v
	}
	return r
}
func __gocurve_maps_Copy[__K comparable, __V any](dst, src map[__K]__V) {
	for k, v := range src {
		dst[k] = v
	}
}
func __gocurve_maps_Equal[__K, __V comparable](a, b map[__K]__V) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		w, ok := b[k]
		if !ok || v != w {
			return false
		}
	}
	return true
}
func __gocurve_maps_DeleteFunc[__K comparable, __V any](m map[__K]__V, del func(__K, __V) bool) {
	for k, v := range m {
		if del(k, v) {
			delete(m, k)
		}
	}
}
func __gocurve_maps_Collect[__K comparable, __V any](m map[__K]__V) map[__K]__V { return __gocurve_maps_Clone(m) }
`

// iterSrc is package iter's Pull and Pull2, which the interpreter's
// symbol tables cannot hold (package cell writes iter.Seq and iter.Seq2 as
// their func types). Go runs the iterator as a coroutine; here it runs in
// a goroutine of its own that hands each value over, one at a time, as
// next asks for it, so what a cell sees is the same: values in order, a
// panic of the iterator raised by next or stop, stop ending it.
const iterSrc = `package main

func __gocurve_iterof_slices_All[__E any](s []__E) func(yield func(int, __E) bool) {
	return func(yield func(int, __E) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}
func __gocurve_iterof_slices_Values[__E any](s []__E) func(yield func(__E) bool) {
	return func(yield func(__E) bool) {
		for _, v := range s {
			if !yield(v) {
				return
			}
		}
	}
}
func __gocurve_iterof_maps_All[__K comparable, __V any](m map[__K]__V) func(yield func(__K, __V) bool) {
	return func(yield func(__K, __V) bool) {
		for k, v := range m {
			if !yield(k, v) {
				return
			}
		}
	}
}
func __gocurve_iterof_maps_Keys[__K comparable, __V any](m map[__K]__V) func(yield func(__K) bool) {
	return func(yield func(__K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
func __gocurve_iterof_maps_Values[__K comparable, __V any](m map[__K]__V) func(yield func(__V) bool) {
	return func(yield func(__V) bool) {
		for _, v := range m {
			if !yield(v) {
				return
			}
		}
	}
}
func __gocurve_iter_Pull2[__K, __V any](seq func(yield func(__K, __V) bool)) (func() (__K, __V, bool), func()) {
	req := make(chan bool)
	ks := make(chan __K)
	vs := make(chan __V)
	end := make(chan any, 1)
	started, finished := false, false
	run := func() {
		defer func() {
			r := recover()
			end <- r
		}()
		if more := <-req; !more {
			return
		}
		seq(func(k __K, v __V) bool {
			ks <- k
			vs <- v
			more := <-req
			return more
		})
	}
	next := func() (__K, __V, bool) {
		var k __K
		var v __V
		if finished {
			return k, v, false
		}
		if !started {
			started = true
			go run()
		}
		req <- true
		select {
		case k = <-ks:
			v = <-vs
			return k, v, true
		case r := <-end:
			finished = true
			if r != nil {
				panic(r)
			}
			return k, v, false
		}
	}
	stop := func() {
		if finished {
			return
		}
		finished = true
		if !started {
			return
		}
		req <- false
		if r := <-end; r != nil {
			panic(r)
		}
	}
	return next, stop
}

func __gocurve_iter_Pull[__V any](seq func(yield func(__V) bool)) (func() (__V, bool), func()) {
	next, stop := __gocurve_iter_Pull2(func(yield func(__V, bool) bool) {
		seq(func(v __V) bool { return yield(v, true) })
	})
	return func() (__V, bool) {
		v, _, ok := next()
		return v, ok
	}, stop
}
`

// syncSrc are the generic funcs of sync that yaegi's symbol tables cannot
// hold (sync.OnceValue, sync.OnceValues); package cell rewrites them to
// these (its interpretedMembers). (atomic.Pointer[T] is not among them: a
// generic type with methods in the prelude keeps the session from taking
// its frame's slots again, TestFrameSlotsReclaimed.)
const syncSrc = `package main

func __gocurve_sync_OnceValue[__T any](f func() __T) func() __T {
	var v __T
	g := __gocurve_rt.OnceFunc(func() { v = f() })
	return func() __T { g(); return v }
}
func __gocurve_sync_OnceValues[__T1, __T2 any](f func() (__T1, __T2)) func() (__T1, __T2) {
	var v1 __T1
	var v2 __T2
	g := __gocurve_rt.OnceFunc(func() { v1, v2 = f() })
	return func() (__T1, __T2) { g(); return v1, v2 }
}

`

// errorsSrc is errors.AsType (Go 1.26), which the interpreter's symbol
// tables lack; package cell rewrites errors.AsType to it. It finds error
// types declared in cells, which the compiled errors.As cannot see.
const errorsSrc = `package main

// __gocurve_error returns its argument: a value of a cell type passed
// to it reaches compiled code as an error with the type's Error method.
func __gocurve_error(e error) error { return e }

func __gocurve_errors_AsType[__E error](err error) (__E, bool) {
	return __gocurve_errors_asType[__E](err, nil, false, 0, "errors.AsType")
}

// __gocurve_errors_asType is errors.AsType where the type model said
// whether E is the only error type of its representation (unique, as of
// the cells up to gen; see __gocurve_eq): yaegi's assertion err.(E) also
// succeeds for another cell type of the same shape, so a match is then
// refused at run time rather than returned.
//
// unwrap, when not nil, calls the Unwrap method of the cells' error types
// that have one (package cell writes it from the type model): the
// interpreter gives compiled code, and assertions to an interface, only
// the Error method of such a value.
func __gocurve_errors_asType[__E error](err error, unwrap func(error) ([]error, bool), unique bool, gen int, expr string) (__E, bool) {
	todo := []error{err}
	for len(todo) > 0 {
		err := todo[0]
		todo = todo[1:]
		if err == nil {
			continue
		}
		// a value of a struct type declared in a cell is behind its
		// wrapper only where remembered (kept.go)
		var target __E
		if r, ok := __gocurve_rt.Recall(err, target); ok {
			if e, ok := r.(__E); ok {
				__gocurve_rt.Unique(unique, gen, expr)
				return e, true
			}
		} else if e, ok := err.(__E); ok {
			__gocurve_rt.Unique(unique, gen, expr)
			return e, true
		}
		// the cells' Unwrap methods, then the compiled ones'
		if unwrap != nil {
			if us, ok := unwrap(err); ok {
				todo = append(us, todo...)
				continue
			}
		}
		if u, ok := err.(interface{ Unwrap() error }); ok {
			todo = append([]error{u.Unwrap()}, todo...)
		} else if u, ok := err.(interface{ Unwrap() []error }); ok {
			todo = append(append([]error{}, u.Unwrap()...), todo...)
		} else {
			todo = append(__gocurve_rt.Unwrap(err), todo...)
		}
	}
	var zero __E
	return zero, false
}

// __gocurve_errors_Is is errors.Is for a target that may hold an error
// type declared in a cell, which the compiled errors.Is cannot compare
// (package cell rewrites such calls to it): the same walk, comparing with
// __gocurve_eq.
func __gocurve_errors_Is(err, target error, unwrap func(error) ([]error, bool), unique bool, gen int, expr string) bool {
	if err == nil || target == nil {
		return __gocurve_eq(err, target, unique, gen, expr)
	}
	comparable := __gocurve_rt.Comparable(target)
	todo := []error{err}
	for len(todo) > 0 {
		err := todo[0]
		todo = todo[1:]
		if err == nil {
			continue
		}
		if comparable && __gocurve_eq(err, target, unique, gen, expr) {
			return true
		}
		// the methods of interpreted types, then of compiled ones
		if x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) || __gocurve_rt.IsMethod(err, target) {
			return true
		}
		if unwrap != nil {
			if us, ok := unwrap(err); ok {
				todo = append(us, todo...)
				continue
			}
		}
		if u, ok := err.(interface{ Unwrap() error }); ok {
			todo = append([]error{u.Unwrap()}, todo...)
		} else if u, ok := err.(interface{ Unwrap() []error }); ok {
			todo = append(append([]error{}, u.Unwrap()...), todo...)
		} else {
			todo = append(__gocurve_rt.Unwrap(err), todo...)
		}
	}
	return false
}
`

// runtime is the compiled side of the helpers, bound to one session.
type runtime struct {
	// panicTexts are what Go prints for the values the prelude's
	// __gocurve_panics keeps, by index (setPanicText).
	panicTexts [panicSlots]atomic.Pointer[string]
	stdin      io.Reader
	stderr     io.Writer
	defers     []func()
	shown      *display.Bundle
	exit       *exiter // the running cell's
	// returned is set when a return at the running cell's top level ran
	// (cell.HelperReturn): the cell's later statements do not run.
	returned atomic.Bool
	// typeGen is the session's cell.Options.TypeGen as of the running cell.
	typeGen int
	// shapes counts the session's types by representation (setShapes);
	// comparisons in goroutines read it while a cell declares types.
	shapes atomic.Pointer[map[reflect.Type]int]
	// localTypes is set once a cell of the session has declared types in
	// a func's body (cell.Cell.LocalTypes), which shapes does not know.
	localTypes atomic.Bool
	// printers are the session's types with an Error or String method,
	// as of the running cell (scopeNames.printers), for forward.
	printers atomic.Pointer[map[string]bool]
	// concrete are the session's types that are not interfaces, by the
	// names the interpreter gives them ("main.Dog"; setShapes), for is.
	concrete atomic.Pointer[map[string]reflect.Type]
	// kept are the values of cell types behind the interpreter's
	// wrappers (kept.go).
	kept keptValues
	// goroutines counts the goroutines cells started that still run (the
	// session's count, kept across interpreters).
	goroutines *atomic.Int64
}

// exiter is os.Exit for one cell. Go runs no deferred call on os.Exit, but
// a panic would run the interpreted ones, so the calling goroutine is
// parked for good instead and the cell cancelled: the session then treats
// it as interrupted (a fresh interpreter, the earlier state restored) and
// reports "exit status n". The parked goroutine is the price of an exit.
type exiter struct {
	mu     sync.Mutex
	code   int
	exited bool
	cancel func()
}

func (e *exiter) exit(code int) {
	e.mu.Lock()
	if !e.exited {
		e.code, e.exited = code, true
	}
	e.mu.Unlock()
	e.cancel()
	select {}
}

// status returns the code of os.Exit if the cell called it.
func (e *exiter) status() (int, bool) {
	if e == nil {
		return 0, false
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.code, e.exited
}

func (rt *runtime) exports() interp.Exports {
	return interp.Exports{rtPath + "/rt": {
		"Clear":     reflect.ValueOf(clearValue),
		"GoStarted": reflect.ValueOf(func() { rt.goroutines.Add(1) }),
		"GoEnded":   reflect.ValueOf(func() { rt.goroutines.Add(-1) }),
		"GoPanic":   reflect.ValueOf(rt.goPanic),
		// Bare returns its argument: a value of a cell type passed to it
		// with its own static type reaches compiled code as its plain
		// representation, not as the interpreter's wrapper.
		"Bare":         reflect.ValueOf(func(v any) any { return v }),
		"Recovered":    reflect.ValueOf(recovered),
		"PanicToken":   reflect.ValueOf(rt.tokenAt),
		"PanicSlots":   reflect.ValueOf(func() int { return panicSlots }),
		"PanicIndex":   reflect.ValueOf(panicIndex),
		"WrappedPanic": reflect.ValueOf(wrappedPanic),
		"SetPanicText": reflect.ValueOf(rt.setPanicText),
		// fmt.Stringer, with the interpreter's wrapper for it: an
		// assertion to an interface the prelude declares panics on a
		// value behind the interpreter's wrapper
		"Stringer":  stdlib.Symbols["fmt/fmt"]["Stringer"],
		"_Stringer": stdlib.Symbols["fmt/fmt"]["_Stringer"],
		"Wrapped":   reflect.ValueOf(func(xs []any, i int) bool { return isValueInterface(reflect.TypeOf(xs[i])) }),
		"Forward":   reflect.ValueOf(rt.forward),
		"Sprint":    reflect.ValueOf(func(v any) string { return fmt.Sprint(v) }),
		"Index":     reflect.ValueOf(indexCheck),
		"RangeDone": reflect.ValueOf(func() {
			panic(runtimeError("runtime error: range function continued iteration after function for loop body returned false"))
		}),
		"Slice": reflect.ValueOf(sliceCheck),
		// for the interpreted sync.OnceValue and OnceValues (syncSrc)
		"OnceFunc":     reflect.ValueOf(sync.OnceFunc),
		"Stdin":        reflect.ValueOf(func() io.Reader { return rt.stdin }),
		"Defer":        reflect.ValueOf(func(f func()) { rt.defers = append(rt.defers, f) }),
		"Exit":         reflect.ValueOf(func(code int) { rt.exit.exit(code) }),
		"Return":       reflect.ValueOf(func() { rt.returned.Store(true) }),
		"Methods":      reflect.ValueOf(rt.methods),
		"TypeMethods":  reflect.ValueOf(rt.typeMethods),
		"TypeOf":       reflect.ValueOf(rt.typeOf),
		"TypeName":     reflect.ValueOf(rt.typeName),
		"TextTemplate": reflect.ValueOf(textTemplate),
		"HTMLTemplate": reflect.ValueOf(htmlTemplate),
		"Print":        reflect.ValueOf(func(args ...any) { goPrint(rt.stderr, false, args) }),
		"Println":      reflect.ValueOf(func(args ...any) { goPrint(rt.stderr, true, args) }),
		"Bind":         reflect.ValueOf(bind),
		"Text":         reflect.ValueOf(func(s string) any { return text{s} }),
		"BindSlice":    reflect.ValueOf(bindSlice),
		"SortSlice":    reflect.ValueOf(sortSlice),
		"Equal":        reflect.ValueOf(rt.equal),
		"Remember":     reflect.ValueOf(rt.kept.remember),
		"Recall":       reflect.ValueOf(rt.kept.recall),
		"Recalled":     reflect.ValueOf(rt.kept.recalled),
		"TypedNil":     reflect.ValueOf(func(p any, m func() string) error { return typedNil{p, m} }),
		"Key":          reflect.ValueOf(rt.key),
		"Lost":         reflect.ValueOf(lost),
		"Shape":        reflect.ValueOf(rt.shape),
		"Is":           reflect.ValueOf(rt.is),
		"Missed":       reflect.ValueOf(rt.missed),
		"PlusV":        reflect.ValueOf(plusV),
		"JSONError":    reflect.ValueOf(rt.jsonError),
		"Tag": reflect.ValueOf(func(f reflect.StructField) reflect.StructTag {
			return reflect.StructTag(cell.WrittenTag(string(f.Tag)))
		}),
		"SharpV":          reflect.ValueOf(sharpV),
		"SharpDyn":        reflect.ValueOf(newSharpDyn),
		"Comparable":      reflect.ValueOf(rt.comparableIface),
		"IsMethod":        reflect.ValueOf(isMethod),
		"Unique":          reflect.ValueOf(rt.unique),
		"Unwrap":          reflect.ValueOf(unwrapErr),
		"SortSliceStable": reflect.ValueOf(sortSliceStable),
		// DecodeRune is the step of a range over a string: the rune at
		// byte offset o and its length in bytes (1 for an invalid byte).
		"DecodeRune": reflect.ValueOf(func(s string, o int) (rune, int) { return utf8.DecodeRuneInString(s[o:]) }),
	}}
}

// goPanic reports a panic in a goroutine a cell started.
func (rt *runtime) goPanic(r any) {
	fmt.Fprintf(rt.stderr, "panic in goroutine started by a cell: %v\n", r)
}

// pngOnly lets display encode PNG bytes the way it does for compiled values.
type pngOnly []byte

func (p pngOnly) PNG() []byte { return p }

// clearValue is Go's clear for a map or a slice.
func clearValue(x any) {
	v := reflect.ValueOf(x)
	switch v.Kind() {
	case reflect.Map:
		v.Clear()
	case reflect.Slice:
		z := reflect.Zero(v.Type().Elem())
		for i := 0; i < v.Len(); i++ {
			v.Index(i).Set(z)
		}
	case reflect.Invalid:
	default:
		panic(fmt.Sprintf("invalid argument: clear(%T)", x))
	}
}

// text is what fmt prints as its string, through its String method (a
// struct: fmt.Print spaces operands that are not strings).
type text struct{ s string }

func (t text) String() string { return t.s }

// bind evaluates f and its arguments now and returns a func calling f with
// them later, as the go and defer statements do. Untyped constants arrive as
// their default types and are converted to the parameter types.
func bind(f any, args ...any) func() {
	fv := reflect.ValueOf(f)
	in := convertArgs(fv, args, false)
	return func() { fv.Call(in) }
}

// bindSlice is bind for a call f(a, b, s...).
func bindSlice(f any, args ...any) func() {
	fv := reflect.ValueOf(f)
	in := convertArgs(fv, args, true)
	return func() { fv.CallSlice(in) }
}

func convertArgs(fv reflect.Value, args []any, spread bool) []reflect.Value {
	if fv.Kind() != reflect.Func {
		panic(fmt.Sprintf("cannot call non-function %v", fv))
	}
	t := fv.Type()
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		var pt reflect.Type
		switch {
		case t.IsVariadic() && i >= t.NumIn()-1:
			pt = t.In(t.NumIn() - 1)
			if !spread {
				pt = pt.Elem()
			}
		case i < t.NumIn():
			pt = t.In(i)
		}
		v := reflect.ValueOf(a)
		if !v.IsValid() {
			if pt != nil {
				v = reflect.Zero(pt)
			}
		} else if pt != nil && !v.Type().AssignableTo(pt) && v.Type().ConvertibleTo(pt) {
			v = v.Convert(pt)
		}
		in[i] = v
	}
	return in
}

func sortSlice(x any, less func(i, j int) bool)       { sort.Slice(x, less) }
func sortSliceStable(x any, less func(i, j int) bool) { sort.SliceStable(x, less) }
