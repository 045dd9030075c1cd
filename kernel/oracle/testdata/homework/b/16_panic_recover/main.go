// Recovering panics in a deferred function and converting them into errors.
package main

import (
	"errors"
	"fmt"
	"strings"
)

// safeCall runs f and turns any panic into an error via a named result.
func safeCall(name string, f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			switch v := r.(type) {
			case error:
				err = fmt.Errorf("%s panicked: %w", name, v)
			case string:
				err = fmt.Errorf("%s panicked: %s", name, v)
			default:
				err = fmt.Errorf("%s panicked with %T: %v", name, v, v)
			}
		}
	}()
	f()
	return nil
}

func divide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("divide(%d, %d): %v", a, b, r)
		}
	}()
	q = a / b
	return q, nil
}

type Parser struct{ input string }

// mustParse panics on failure; Parse wraps it with recover (regexp.MustCompile style).
func (p *Parser) mustField(i int) string {
	fields := strings.Split(p.input, ",")
	if i >= len(fields) {
		panic(fmt.Sprintf("field %d out of range (have %d)", i, len(fields)))
	}
	return fields[i]
}

func (p *Parser) Fields(idx ...int) (out []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			out = nil
			err = errors.New(r.(string))
		}
	}()
	for _, i := range idx {
		out = append(out, p.mustField(i))
	}
	return out, nil
}

var ErrCustom = errors.New("custom failure")

func main() {
	tests := []struct {
		name string
		fn   func()
	}{
		{"ok", func() {}},
		{"index", func() {
			s := []int{1, 2, 3}
			i := 5
			_ = s[i]
		}},
		{"nil map", func() {
			var m map[string]int
			m["x"] = 1
		}},
		{"string panic", func() { panic("something bad") }},
		{"error panic", func() { panic(ErrCustom) }},
		{"int panic", func() { panic(42) }},
		{"type assertion", func() {
			var x any = "str"
			_ = x.(int)
		}},
	}
	for _, t := range tests {
		err := safeCall(t.name, t.fn)
		fmt.Printf("%-15s -> %v\n", t.name, err)
		if errors.Is(err, ErrCustom) {
			fmt.Println("                   (wrapped ErrCustom detected)")
		}
	}

	for _, pair := range [][2]int{{10, 3}, {7, 0}} {
		q, err := divide(pair[0], pair[1])
		fmt.Printf("divide %d/%d = %d, err=%v\n", pair[0], pair[1], q, err)
	}

	p := &Parser{input: "alpha,beta,gamma"}
	fmt.Println(p.Fields(0, 2))
	fmt.Println(p.Fields(1, 5))

	// Deferred calls still run in LIFO order during a panic.
	_ = safeCall("ordering", func() {
		for i := 1; i <= 3; i++ {
			defer fmt.Println("deferred", i)
		}
		panic("boom")
	})
}
