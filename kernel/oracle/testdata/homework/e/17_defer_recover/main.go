package main

import (
	"errors"
	"fmt"
	"strings"
)

func safeDivide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
			q = -1
		}
	}()
	q = a / b
	return q, nil
}

func deferOrder() {
	fmt.Print("defer order:")
	for i := 0; i < 4; i++ {
		defer fmt.Print(" ", i)
	}
	fmt.Print(" (loop done)")
}

// double modifies the named result after the return statement ran.
func double(x int) (result int) {
	defer func() { result *= 2 }()
	return x + 1
}

func argsEvaluatedEarly() {
	x := 10
	defer fmt.Println("deferred sees x =", x)
	x = 20
	func() {
		defer func() { fmt.Println("closure sees x =", x) }()
		x = 30
	}()
}

type resource struct{ name string }

func open(name string, log *[]string) *resource {
	*log = append(*log, "open "+name)
	return &resource{name}
}

func (r *resource) Close(log *[]string) {
	*log = append(*log, "close "+r.name)
}

func process(fail bool) (log []string, err error) {
	a := open("a", &log)
	defer a.Close(&log)
	b := open("b", &log)
	defer b.Close(&log)
	if fail {
		return log, errors.New("processing failed")
	}
	log = append(log, "work")
	return log, nil
}

type ValidationError struct{ Field string }

func (v ValidationError) Error() string { return "invalid field " + v.Field }

func mustPositive(field string, n int) int {
	if n <= 0 {
		panic(ValidationError{field})
	}
	return n
}

func validate(w, h int) (area int, err error) {
	defer func() {
		switch r := recover().(type) {
		case nil:
		case ValidationError:
			err = r
		default:
			panic(r)
		}
	}()
	return mustPositive("width", w) * mustPositive("height", h), nil
}

func nestedPanic() (msg string) {
	defer func() {
		msg = fmt.Sprint("outer recovered: ", recover())
	}()
	defer func() {
		panic("second panic")
	}()
	panic("first panic")
}

func main() {
	for _, pair := range [][2]int{{10, 3}, {7, 0}, {-9, 2}} {
		q, err := safeDivide(pair[0], pair[1])
		fmt.Printf("%d / %d = %d, err = %v\n", pair[0], pair[1], q, err)
	}
	deferOrder()
	fmt.Println()
	fmt.Println("double(4) =", double(4))
	argsEvaluatedEarly()

	for _, fail := range []bool{false, true} {
		log, err := process(fail)
		fmt.Printf("fail=%-5v log=%s err=%v\n", fail, strings.Join(log, ","), err)
	}

	for _, dims := range [][]int{{3, 4}, {0, 5}, {2, -1}} {
		a, err := validate(dims[0], dims[1])
		var ve ValidationError
		fmt.Printf("validate%v -> %d %v (ValidationError? %t)\n", dims, a, err, errors.As(err, &ve))
	}
	fmt.Println(nestedPanic())

	var m map[string]int
	func() {
		defer func() {
			r := recover()
			fmt.Printf("nil map write: %v\n", r)
		}()
		m["x"] = 1
	}()
	func() {
		defer func() {
			if err, ok := recover().(error); ok {
				fmt.Println("runtime error:", err)
			}
		}()
		s := []int{1, 2, 3}
		idx := 5
		fmt.Println(s[idx])
	}()
}
