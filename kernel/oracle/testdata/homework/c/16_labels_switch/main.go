package main

import (
	"fmt"
	"strconv"
)

func grade(score int) string {
	result := ""
	switch score / 10 {
	case 10:
		result += "perfect "
		fallthrough
	case 9:
		result += "A"
	case 8:
		result += "B"
	case 7, 6:
		result += "C"
	default:
		result += "F"
	}
	return result
}

func main() {
	// labeled break out of nested loop
	grid := [][]int{{1, 2, 3}, {4, -5, 6}, {7, 8, 9}}
outer:
	for i, row := range grid {
		for j, v := range row {
			if v < 0 {
				fmt.Printf("negative at (%d,%d)\n", i, j)
				break outer
			}
		}
	}

	// labeled continue: primes
	var primes []int
next:
	for n := 2; n < 40; n++ {
		for d := 2; d*d <= n; d++ {
			if n%d == 0 {
				continue next
			}
		}
		primes = append(primes, n)
	}
	fmt.Println(primes)

	for _, s := range []int{100, 95, 83, 67, 12} {
		fmt.Printf("%d=%s ", s, grade(s))
	}
	fmt.Println()

	// goto loop (rare but legal)
	i := 0
loop:
	if i < 5 {
		fmt.Print(i, ";")
		i++
		goto loop
	}
	fmt.Println()

	// shadowing in if/else chains
	x := 10
	if x := x * 2; x > 15 {
		fmt.Println("inner x", x)
		x := "shadow"
		fmt.Println("innermost", x)
	} else if y := x + 1; y > 0 {
		fmt.Println("y", y)
	}
	fmt.Println("outer x", x)

	if v, err := strconv.Atoi("12"); err != nil {
		fmt.Println("err", err)
	} else if v > 10 {
		fmt.Println("big", v)
	} else {
		fmt.Println("small", v)
	}

	switch n := len(grid); {
	case n > 2:
		fmt.Println("many rows", n)
	}

	// break inside select/switch in loop
	count := 0
	for k := 0; k < 10; k++ {
		switch {
		case k == 7:
			break
		case k%2 == 0:
			continue
		}
		count += k
	}
	fmt.Println("count", count)

	// switch on types of values
	for _, v := range []any{1, "s", 2.5, nil, []int{1}, 'r', true} {
		switch t := v.(type) {
		case int, int32:
			fmt.Printf("integer-ish %v (%T)\n", t, t)
		case string:
			fmt.Println("string of len", len(t))
		case nil:
			fmt.Println("nil value")
		case float64:
			fmt.Println("float", t*2)
		default:
			fmt.Printf("other %T\n", t)
		}
	}
}
