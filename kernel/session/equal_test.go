package session

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestEqualShapes shows how the compiled == of rewritten interface
// comparisons answers equal values from the session's types: a
// representation that one struct type of a cell has, or no cell type,
// is one type's; one that two cell types share, or a basic one a cell
// type has (C float64 beside float64), panics, saying to run the
// comparison's cell again when types were declared after it.
func TestEqualShapes(t *testing.T) {
	type p struct{ X int } // the representation of a cell's struct types
	rt := &runtime{typeGen: 2}
	rt.setShapes(map[string]reflect.Type{
		"P":     reflect.TypeFor[p](),
		"C":     reflect.TypeFor[float64](),
		"Shape": reflect.TypeFor[interface{ Area() float64 }](),
	})
	tests := []struct {
		name   string
		a, b   any
		unique bool
		gen    int
		want   bool
		panics string // a part of the message, "" for no panic
	}{
		{"unequal values", 2.0, 3.0, false, 2, false, ""},
		{"different representations", 2.0, 2, false, 2, false, ""},
		{"nil", nil, 2.0, false, 2, false, ""},
		{"both nil", nil, nil, false, 2, true, ""},
		{"a representation no cell type has", 2, 2, false, 2, true, ""},
		{"one struct type's", p{1}, p{1}, false, 2, true, ""},
		{"unique as of now", 2.0, 2.0, true, 2, true, ""},
		{"a basic representation of a cell type", 2.0, 2.0, false, 2, false, "cannot tell whether two equal values are of the same type"},
		{"unique before a later cell's types", 2.0, 2.0, true, 1, false, "run that cell again"},
		{"uncomparable", []int{1}, []int{1}, false, 2, false, "comparing uncomparable type []int"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				r := recover()
				switch {
				case tt.panics == "" && r != nil:
					t.Errorf("panicked: %v", r)
				case tt.panics != "" && r == nil:
					t.Errorf("did not panic, want %q", tt.panics)
				case r != nil && !strings.Contains(r.(string), tt.panics):
					t.Errorf("panicked with %q, want %q", r, tt.panics)
				}
			}()
			if got := rt.equal(tt.a, tt.b, tt.unique, tt.gen, "a == b"); got != tt.want {
				t.Errorf("equal = %v, want %v", got, tt.want)
			}
		})
	}
	rt.setShapes(map[string]reflect.Type{"P": reflect.TypeFor[p](), "Q": reflect.TypeFor[p]()})
	func() {
		defer func() {
			if r := recover(); r == nil {
				t.Error("two struct types of one representation: equal values did not panic")
			}
		}()
		rt.equal(p{1}, p{1}, false, 2, "a == b")
	}()
}

// TestRecovered shows what recover() gives a cell: the value given to
// panic, also where yaegi hands over its reflect.Value, and a
// runtime.Error in Go's words for the interpreter's reflect panics.
func TestRecovered(t *testing.T) {
	plain := errors.New("plain")
	tests := []struct {
		name string
		r    any
		want string // %T: %v of the result
	}{
		{"an error", reflect.ValueOf(&plain).Elem(), "*errors.errorString: plain"},
		{"a string", reflect.ValueOf("text"), "string: text"},
		{"nil", reflect.Value{}, "<nil>: <nil>"},
		{"a runtime error", "reflect: slice index out of range", "session.runtimeError: runtime error: index out of range (reflect: slice index out of range)"},
		{"a number", 42, "int: 42"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := recovered(tt.r)
			if got := fmt.Sprintf("%T: %v", r, r); got != tt.want {
				t.Errorf("recovered = %s, want %s", got, tt.want)
			}
		})
	}
}

// TestMissed shows which values fail an assertion to an interface a
// cell declares with a panic rather than false: compiled values that
// have its methods, which the interpreter cannot assert to it.
func TestMissed(t *testing.T) {
	tests := []struct {
		x      any
		panics bool
	}{
		{nil, false},
		{3, false},
		{time.Second, true},
		{errors.New("x"), false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%T", tt.x), func(t *testing.T) {
			defer func() {
				if r := recover(); (r != nil) != tt.panics {
					t.Errorf("panic %v, want a panic: %v", r, tt.panics)
				}
			}()
			(&runtime{}).missed(tt.x, "Seconds,String", "x.(I)")
		})
	}
}

// TestShapeChecks shows which keys of a map keyed by any, and which
// matches of an assertion to a type that is not an interface, panic: a
// representation that two of the session's types have, or that one cell
// type of a basic representation has, for a key (of a map[any], which
// may hold a compiled value) or an assertion to a compiled type.
func TestShapeChecks(t *testing.T) {
	type p struct{ X int }
	rt := &runtime{}
	rt.setShapes(map[string]reflect.Type{"P": reflect.TypeFor[p](), "C": reflect.TypeFor[float64]()})
	key := func(x any) { rt.key(x, "k") }
	compiled := func(x any) { rt.shape(x, true, "x.(float64)") }
	cellType := func(x any) { rt.shape(x, false, "x.(C)") }
	tests := []struct {
		name   string
		check  func(any)
		x      any
		panics bool
	}{
		{"key nil", key, nil, false},
		{"key int", key, 1, false},
		{"key string", key, "go", false},
		{"key of one struct type's", key, p{1}, false},
		{"key float64 beside C", key, 2.0, true},
		{"assert nil", compiled, nil, false},
		{"assert int", compiled, 1, false},
		{"assert a struct no cell type has", compiled, struct{ Y int }{1}, false},
		{"assert float64 beside C", compiled, 2.5, true},
		{"assert C, the one cell type of its representation", cellType, 2.5, false},
		{"assert P beside another struct type of its shape", func(x any) {
			rt.setShapes(map[string]reflect.Type{"P": reflect.TypeFor[p](), "Q": reflect.TypeFor[p]()})
			rt.shape(x, false, "x.(P)")
		}, p{1}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if r := recover(); (r != nil) != tt.panics {
					t.Errorf("panic %v, want a panic: %v", r, tt.panics)
				}
			}()
			tt.check(tt.x)
		})
	}
}
