// Multiple return values, named results, and deferred functions that modify them.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return // naked return uses the named results
}

// parsePair returns two ints or an error; the comma-ok idiom at call sites.
func parsePair(s1, s2 string) (int, int, error) {
	a, err := strconv.Atoi(s1)
	if err != nil {
		return 0, 0, fmt.Errorf("first: %w", err)
	}
	b, err := strconv.Atoi(s2)
	if err != nil {
		return 0, 0, fmt.Errorf("second: %w", err)
	}
	return a, b, nil
}

// double's deferred closure runs after the return value is set and can change it.
func double(x int) (result int) {
	defer func() { result *= 2 }()
	return x + 1 // result = x+1, then the defer doubles it
}

// unnamed results cannot be changed by defer.
func unnamed(x int) int {
	result := x + 1
	defer func() { result *= 2 }()
	return result
}

// withCleanup annotates any error with context and reports cleanup errors too.
func withCleanup(name string, failWork, failClose bool) (err error) {
	defer func() {
		if cerr := closeResource(name, failClose); cerr != nil {
			err = errors.Join(err, cerr)
		}
	}()
	defer func() {
		if err != nil {
			err = fmt.Errorf("withCleanup(%s): %w", name, err)
		}
	}()
	if failWork {
		return errors.New("work failed")
	}
	return nil
}

func closeResource(name string, fail bool) error {
	if fail {
		return fmt.Errorf("close %s: device busy", name)
	}
	return nil
}

// countdown shows that defer arguments are evaluated immediately,
// while the deferred closure sees the final value.
func countdown() (trace []string) {
	n := 3
	defer func(v int) { trace = append(trace, fmt.Sprintf("arg=%d", v)) }(n)
	defer func() { trace = append(trace, fmt.Sprintf("closure=%d", n)) }()
	for n > 0 {
		trace = append(trace, strconv.Itoa(n))
		n--
	}
	return trace
}

func swap(a, b string) (string, string) { return b, a }

func main() {
	q, r := divmod(17, 5)
	fmt.Println("divmod(17,5):", q, r)
	_, r2 := divmod(100, 7)
	fmt.Println("remainder only:", r2)

	for _, in := range [][2]string{{"12", "30"}, {"x", "1"}, {"4", "4.5"}} {
		if a, b, err := parsePair(in[0], in[1]); err != nil {
			fmt.Println("parse error:", err)
		} else {
			fmt.Println("parsed:", a, b, "sum", a+b)
		}
	}

	fmt.Println("double(4) =", double(4), "  unnamed(4) =", unnamed(4))

	for _, c := range []struct{ work, close bool }{{false, false}, {true, false}, {false, true}, {true, true}} {
		err := withCleanup("db", c.work, c.close)
		fmt.Printf("work fail=%-5v close fail=%-5v -> %q\n", c.work, c.close, fmt.Sprint(err))
	}

	fmt.Println("countdown trace:", countdown())

	x, y := swap("left", "right")
	fmt.Println("swapped:", x, y)
	fmt.Println(swap(swap("a", "b"))) // multi-value call passed straight through
}
