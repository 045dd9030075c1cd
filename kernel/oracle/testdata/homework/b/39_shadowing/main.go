// Variable shadowing: if/else init statements, := in inner scopes, and the classic err pitfall.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

func classify(s string) string {
	// n and err are scoped to the whole if/else-if/else chain.
	if n, err := strconv.Atoi(s); err != nil {
		return fmt.Sprintf("%q is not an int (%v)", s, errors.Unwrap(err))
	} else if n < 0 {
		return fmt.Sprintf("%d is negative", n)
	} else if n, ok := half(n); ok { // this n shadows the outer n
		return fmt.Sprintf("%s is even, half is %d", s, n)
	} else {
		return fmt.Sprintf("%s is odd (n here is the shadowing n=%d)", s, n)
	}
}

func half(n int) (int, bool) { return n / 2, n%2 == 0 }

var errNeg = errors.New("negative value")

// buggyCheck accidentally shadows err inside the block, so the outer err stays nil.
func buggyCheck(vals []int) error {
	var err error
	for _, v := range vals {
		if v < 0 {
			err := fmt.Errorf("value %d: %w", v, errNeg) // shadows!
			_ = err
		}
	}
	return err
}

// fixedCheck assigns with = instead of :=.
func fixedCheck(vals []int) error {
	var err error
	for _, v := range vals {
		if v < 0 {
			err = fmt.Errorf("value %d: %w", v, errNeg)
		}
	}
	return err
}

var level = "package"

func scopes() {
	fmt.Println("1:", level)
	level := "function"
	fmt.Println("2:", level)
	{
		level := "block"
		fmt.Println("3:", level)
		if level := len(level); level > 3 { // different type, even
			fmt.Println("4:", level)
		}
		fmt.Println("5:", level)
	}
	for level := 0; level < 1; level++ {
		fmt.Println("6:", level)
	}
	fmt.Println("7:", level)
}

func main() {
	for _, s := range []string{"42", "7", "-3", "abc", "0"} {
		fmt.Println(classify(s))
	}

	vals := []int{4, -1, 9}
	fmt.Println("buggyCheck:", buggyCheck(vals))
	fmt.Println("fixedCheck:", fixedCheck(vals), "| is errNeg:", errors.Is(fixedCheck(vals), errNeg))

	scopes()

	// := with multiple variables redeclares only the new ones in the same scope.
	a, err := strconv.Atoi("10")
	b, err := strconv.Atoi("20") // b is new, err is reused (same variable)
	fmt.Println("a+b =", a+b, "err =", err)

	// But in a new scope := creates fresh variables.
	x := 1
	if true {
		x, y := 2, 3
		fmt.Println("inner x, y:", x, y)
	}
	fmt.Println("outer x:", x)

	// Shadowing a package name or builtin is legal (but confusing).
	len := func(s string) int { return 99 }
	fmt.Println("shadowed len:", len("abc"))
	{
		fmt := "not the package"
		_ = fmt
	}
	fmt.Println("fmt package still usable outside that block")
}
