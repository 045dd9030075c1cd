package session

import (
	"context"
	"strings"
	"testing"
)

// animals declares two cell types of one shape with methods (Dog, Cat),
// two of another with pointer methods (P, Q), and an interface they share.
const animals = `type Animal interface{ Speak() string }
type Dog struct{ Name string }
type Cat struct{ Name string }
func (d Dog) Speak() string { return d.Name + " says woof" }
func (c Cat) Speak() string { return c.Name + " says meow" }
type P struct{ Name string }
func (p *P) Speak() string { return "p" }
type Q struct{ Name string }
func (q *Q) Speak() string { return "q" }
type Plain struct{ Name string }
func asAny(v any) *any { return &v }
`

// What dynamicType finds behind the pointer to an interface variable, in
// every way a cell may have stored the value: the name yaegi v0.16.1 keeps
// beside it, or none ("") where it kept the bare representation.
func TestDynamicType(t *testing.T) {
	tests := []struct {
		setup, ptr, want string
	}{
		{`var v any = Plain{"Z"}`, "&v", ""},       // straight from a composite literal
		{`var v any = Cat{"Z"}`, "&v", "main.Cat"}, // as []any{Cat{"Z"}}[0]
		{`var v any
v = Cat{"Z"}`, "&v", "main.Cat"},
		{`c := Cat{"Z"}
var v any = c`, "&v", "main.Cat"},
		{`as := []Animal{Dog{"Rex"}, Cat{"Tom"}}`, "&as[1]", "main.Cat"},
		{`as := []any{Dog{"Rex"}, Cat{"Tom"}}`, "&as[0]", "main.Dog"},
		{`var a Animal = Dog{"R"}`, "&a", "main.Dog"},
		{`var a Animal = &Q{}`, "&a", "*main.Q"},
		{`var v any = &P{}`, "&v", "*main.P"},
		{`var v any = (*P)(nil)`, "&v", "*main.P"},
		{`m := map[string]any{"a": Dog{}}
v := m["a"]`, "&v", "main.Dog"},
		{`ch := make(chan any, 1)
ch <- Cat{}
v := <-ch`, "asAny(v)", "main.Cat"},
		{`l := list.New()
l.PushBack(Dog{"l"})
v := l.Front().Value`, "&v", ""}, // a compiled container
		{`func mk() any { return Plain{"f"} }
v := mk()`, "&v", ""}, // a return
		{`func mk() any { return Dog{"f"} }
v := mk()`, "&v", "main.Dog"}, // as []any{Dog{"f"}}[0]
		{`func mk() Animal { return Cat{"f"} }
v := mk()`, "&v", "main.Cat"},
		{`v := any(Plain{})`, "&v", ""}, // a conversion
		{`v := any(Dog{})`, "&v", "main.Dog"},
		{`type Box struct{ V any }
b := Box{Dog{"b"}}`, "&b.V", "main.Dog"},
		{`vs := [][]any{{Cat{}}}`, "&vs[0][0]", "main.Cat"},
		{`as := []Animal{Dog{"Rex"}, Cat{"Tom"}}`, "asAny(as[1])", "main.Cat"}, // an Animal passed as an any
		{`p := Plain{}
var v any = p`, "&v", ""}, // no methods
		{`type E struct{ S string }
func (e E) Error() string { return e.S }
var err error = E{"e"}`, "&err", ""}, // an error: the interpreter's wrapper
		{`var v any = 2`, "&v", ""},
		{`func mk() (r any) { r = Cat{"Z"}; return }
v := mk()`, "&v", "main.Cat"},
		{`func mk() any { var r any = Cat{"Z"}; return r }
v := mk()`, "&v", "main.Cat"},
		{`var v Animal = Cat{"Z"}
var w any = v`, "&w", "main.Cat"},
		{`func mk(c Cat) any { return c }
v := mk(Cat{})`, "&v", "main.Cat"},
		{`var v any`, "&v", ""},
	}
	for _, tt := range tests {
		t.Run(tt.setup+" "+tt.ptr, func(t *testing.T) {
			var out strings.Builder
			s, err := New(Options{Stdout: &out, Stderr: &out})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []string{animals, tt.setup} {
				if _, err := s.Execute(context.Background(), c); err != nil {
					t.Fatalf("%q: %v", c, err)
				}
			}
			v, err := s.in.Eval(tt.ptr)
			if err != nil {
				t.Fatal(err)
			}
			got, ok := dynamicType(v.Interface())
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("dynamicType(%s) = %q, %t; want %q", tt.ptr, got, ok, tt.want)
			}
		})
	}
}

// Assertions, type switches and printing of cell types with methods of
// one shape (Dog, Cat) answer as Go does where the interpreter kept the
// value's type, and panic, saying what to write, where it did not.
func TestIdentityAsserts(t *testing.T) {
	tests := []struct {
		name  string
		steps []step
	}{
		{"type switch over a slice of a cell interface", []step{{code: animals}, {code: `as := []Animal{Dog{"Rex"}, Cat{"Tom"}}
for _, a := range as {
	switch v := a.(type) {
	case Dog:
		fmt.Println("dog", v.Name)
	case Cat:
		fmt.Println("cat", v.Name)
	}
}`, out: "dog Rex\ncat Tom\n"}}},
		{"type switch on an any, no bound name", []step{{code: animals}, {code: `c := Cat{"Tom"}
var x any = c
switch x.(type) {
case Dog:
	fmt.Println("dog")
case Cat, *Dog:
	fmt.Println("cat")
}`, out: "cat\n"}}},
		{"comma-ok assertion on an any", []step{{code: animals}, {code: `c := Cat{"Z"}
var x any = c
d, ok := x.(Dog)
c2, ok2 := x.(Cat)
fmt.Println(d.Name == "", ok, c2.Name, ok2)`, out: "true false Z true\n"}}},
		{"comma-ok assertion on a cell interface", []step{{code: animals}, {code: `var a Animal = Cat{"Z"}
if _, ok := a.(Dog); ok {
	fmt.Println("dog")
} else {
	fmt.Println("not a dog")
}`, out: "not a dog\n"}}},
		{"assertion in an expression", []step{{code: animals}, {code: `as := []Animal{Dog{"Rex"}, Cat{"Tom"}}
fmt.Println(as[1].(Cat).Name)`, out: "Tom\n"}}},
		{"pointers", []step{{code: animals}, {code: `as := []Animal{&P{"p"}, &Q{"q"}}
for _, a := range as {
	p, ok := a.(*P)
	fmt.Println(p != nil, ok)
}
switch v := as[1].(type) {
case *P:
	fmt.Println("P", v.Name)
case *Q:
	fmt.Println("Q", v.Name)
}`, out: "true true\nfalse false\nQ q\n"}}},
		{"a mismatch without comma-ok panics as Go does", []step{{code: animals}, {code: `var a Animal = Cat{"Z"}
d := a.(Dog)
fmt.Println(d)`, errName: "Panic", errHas: "interface conversion: main.Animal is main.Cat, not main.Dog"}}},
		{"inside a func", []step{{code: animals}, {code: `func kind(a Animal) string {
	switch a.(type) {
	case Dog:
		return "dog"
	case Cat:
		return "cat"
	}
	return "?"
}
func isDog(x any) bool { _, ok := x.(Dog); return ok }`}, {code: `fmt.Println(kind(Cat{}), kind(Dog{}), isDog(Cat{}), isDog(&Dog{}), isDog(Dog{}))`, out: "cat dog false false true\n"}}},
		{"a value stored in an any keeps its type", []step{{code: animals}, {code: `var x any = Cat{"Z"}
_, ok := x.(Dog)
var y any
y = Dog{"Y"}
z := 3
w := any(Dog{"W"})
_, ok2 := y.(Dog)
_, ok3 := w.(Cat)
fmt.Println(ok, ok2, ok3, z, x, y, w)`, out: "false true false 3 {Z} {Y} {W}\n"}}},
		{"printing values of one shape", []step{{code: animals}, {code: `as := []Animal{Dog{"Rex"}, Cat{"Tom"}}
fmt.Println(as, as[1])
for _, a := range as {
	fmt.Printf("%v %s\n", a, a.Speak())
}`, out: "[{Rex} {Tom}] {Tom}\n{Rex} Rex says woof\n{Tom} Tom says meow\n"}}},
		{"printing values of one shape, one a Stringer", []step{{code: `type Animal interface{ Speak() string }
type Dog struct{ Name string }
type Cat struct{ Name string }
func (d Dog) Speak() string { return "woof" }
func (d Dog) String() string { return "dog " + d.Name }
func (c Cat) Speak() string { return "meow" }`}, {code: `as := []Animal{Dog{"Rex"}, Cat{"Tom"}}
fmt.Println(as)
for _, a := range as {
	fmt.Println(a)
}
var x any = Cat{"Z"}
fmt.Println(x)`, out: "[dog Rex {Tom}]\ndog Rex\n{Tom}\n{Z}\n"}}},
		{"a type of the same shape declared by a later cell", []step{{code: `type Animal interface{ Speak() string }
type Dog struct{ Name string }
func (d Dog) Speak() string { return "woof" }
func kind(a Animal) string {
	switch a.(type) {
	case Dog:
		return "dog"
	}
	return "other"
}
func mk() any { return Dog{"m"} }
func kindAny(v any) string {
	switch v.(type) {
	case Dog:
		return "dog"
	}
	return "other"
}
fmt.Println(kind(Dog{}), kindAny(mk()))`, out: "dog dog\n"}, {code: `type Cat struct{ Name string }
func (c Cat) Speak() string { return "meow" }`}, {code: `fmt.Println(kind(Cat{}), kind(Dog{}), kindAny(Cat{}))`, out: "other dog other\n"},
			// mk's Dog, made an any as an element of a []any
			// (checkIfaceConvs), keeps its type for a later cell's Cat
			{code: `fmt.Println(kindAny(mk()))`, out: "dog\n"}}},
		{"on an error, still refused", []step{{code: `type E1 struct{ S string }
func (e E1) Error() string { return e.S }
type E2 struct{ S string }
func (e E2) Error() string { return e.S }`}, {code: `var err error = E1{"x"}
switch err.(type) {
case E1:
	fmt.Println("E1")
}`, errName: "CompileError", errHas: "cannot tell E1 from E2"}}},
		{"a type without methods, still refused", []step{{code: animals}, {code: `var v any = Dog{"x"}
_, ok := v.(Plain)
fmt.Println(ok)`, errName: "CompileError", errHas: "cannot tell Plain from"}}},
		{"printing values stored in an any", []step{{code: animals}, {code: `var x any = Cat{"Z"}
m := map[string]any{"d": Dog{"D"}}
fmt.Println(any(Dog{"x"}), x, m)
fmt.Printf("%v %+v %s\n", x, x, m["d"].(Dog).Speak())`, out: "{x} {Z} map[d:{D}]\n{Z} {Name:Z} D says woof\n"}}},
		{"a value returned as an any keeps its type", []step{{code: animals}, {code: `func mk(dog bool) any {
	if dog {
		return Dog{"D"}
	}
	return Cat{"Z"}
}
_, ok := mk(false).(Dog)
_, ok2 := mk(true).(Dog)
fmt.Println(ok, ok2)`, out: "false true\n"}}},
		{"a value from a compiled container panics", []step{{code: animals}, {code: `l := list.New()
l.PushBack(Cat{"l"})
switch l.Front().Value.(type) {
case Dog:
	fmt.Println("dog")
}`, errName: "Panic", errHas: "kept no type with this value"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runSteps(t, tt.steps) })
	}
}
