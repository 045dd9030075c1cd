// Week 6: defer, panic, recover
// python has try/finally; go has defer. recover is sort of "except".
package main

import (
	"errors"
	"fmt"
	"strings"
)

var trace []string

func logf(format string, args ...any) {
	trace = append(trace, fmt.Sprintf(format, args...))
}

type Resource struct {
	name   string
	closed bool
}

func Open(name string) *Resource {
	logf("open %s", name)
	return &Resource{name: name}
}

func (r *Resource) Close() {
	r.closed = true
	logf("close %s", r.name)
}

func deferOrder() {
	for i := 0; i < 4; i++ {
		defer logf("deferred %d", i)
	}
	logf("loop done")
}

func argsEvaluatedEarly() {
	x := 10
	defer logf("defer saw x=%d", x)
	defer func() { logf("closure saw x=%d", x) }()
	x = 20
}

func useResources() {
	a := Open("a.txt")
	defer a.Close()
	b := Open("b.txt")
	defer b.Close()
	logf("using %s and %s", a.name, b.name)
}

// named result modified by defer
func double(n int) (result int) {
	defer func() { result *= 2 }()
	result = n + 1
	return
}

func tripleReturn() (n int) {
	defer func() { n++ }()
	return 3 // n = 3, then defer -> 4
}

// convert a panic into an error
func safeDivide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	q = a / b
	return
}

type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

func mustParse(lines []string) (count int, err error) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if pe, ok := r.(*ParseError); ok {
			err = pe
			return
		}
		panic(r) // not ours, re-panic
	}()
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			panic(&ParseError{i + 1, "empty line"})
		}
		if l == "boom" {
			panic("unexpected boom")
		}
		count++
	}
	return count, nil
}

func outer() (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint("outer caught: ", r)
		}
	}()
	middle()
	return "never"
}

func middle() {
	defer logf("middle cleanup runs during panic")
	var arr []int
	_ = arr[5]
}

func nestedPanic() (s string) {
	defer func() {
		s = fmt.Sprint("final: ", recover())
	}()
	defer func() {
		panic("second panic")
	}()
	panic("first panic")
}

func main() {
	deferOrder()
	argsEvaluatedEarly()
	useResources()
	fmt.Println(strings.Join(trace, "\n"))
	trace = nil

	fmt.Println("double(5) =", double(5), " tripleReturn() =", tripleReturn())

	for _, pair := range [][2]int{{10, 2}, {7, 0}, {-9, 4}} {
		q, err := safeDivide(pair[0], pair[1])
		fmt.Printf("%d/%d -> q=%d err=%v\n", pair[0], pair[1], q, err)
	}

	n, err := mustParse([]string{"a", "b", "c"})
	fmt.Println("parse ok:", n, err)
	n, err = mustParse([]string{"a", "  ", "c"})
	var pe *ParseError
	fmt.Println("parse fail:", n, err, errors.As(err, &pe), pe.Line)

	func() {
		defer func() {
			fmt.Println("main caught re-panic:", recover())
		}()
		mustParse([]string{"x", "boom"})
	}()

	fmt.Println(outer())
	fmt.Println(trace)
	fmt.Println(nestedPanic())

	var e error = &ParseError{3, "bad"}
	func() {
		defer func() {
			r := recover()
			if err, ok := r.(error); ok {
				fmt.Println("panic value is error:", err)
			}
		}()
		panic(e)
	}()

	// recover returns nil when not panicking
	fmt.Println("recover outside panic:", recover())

	counter := 0
	for i := range 3 {
		func() {
			defer func() { counter += i }()
		}()
	}
	fmt.Println("counter:", counter)
}
