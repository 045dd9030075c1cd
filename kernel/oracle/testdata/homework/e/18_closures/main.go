package main

import (
	"fmt"
	"strings"
)

func counter() func() int {
	count := 0
	return func() int {
		count++
		return count
	}
}

func fibGen() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

// makeAccumulator returns add and get closures sharing one variable.
func makeAccumulator(start float64) (add func(float64), get func() float64) {
	total := start
	add = func(x float64) { total += x }
	get = func() float64 { return total }
	return
}

func memoize(f func(int) int) (func(int) int, *int) {
	cache := map[int]int{}
	calls := 0
	return func(n int) int {
		if v, ok := cache[n]; ok {
			return v
		}
		calls++
		v := f(n)
		cache[n] = v
		return v
	}, &calls
}

func compose(fs ...func(string) string) func(string) string {
	return func(s string) string {
		for _, f := range fs {
			s = f(s)
		}
		return s
	}
}

func multiplier(n int) func(int) int {
	return func(x int) int { return x * n }
}

func main() {
	c1, c2 := counter(), counter()
	c1()
	c1()
	fmt.Println("c1:", c1(), "c2:", c2())

	next := fibGen()
	fibs := make([]int, 12)
	for i := range fibs {
		fibs[i] = next()
	}
	fmt.Println("fib:", fibs)

	add, get := makeAccumulator(100)
	for _, x := range []float64{2.5, -10, 7.25} {
		add(x)
	}
	fmt.Printf("accumulator: %.2f\n", get())

	var slowSquare func(int) int
	slowSquare = func(n int) int { return n * n }
	fast, calls := memoize(slowSquare)
	for _, n := range []int{3, 4, 3, 3, 5, 4} {
		fmt.Print(fast(n), " ")
	}
	fmt.Println("| real calls:", *calls)

	// recursive closure with memo for fibonacci
	memo := map[int]int{}
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		if v, ok := memo[n]; ok {
			return v
		}
		memo[n] = fib(n-1) + fib(n-2)
		return memo[n]
	}
	fmt.Println("fib(80) =", fib(80), "memo size:", len(memo))

	shout := compose(strings.TrimSpace, strings.ToUpper, func(s string) string { return s + "!" })
	fmt.Printf("%q\n", shout("   hello there  "))

	// closures capturing loop variables (each iteration has its own i since Go 1.22)
	var funcs []func() int
	for i := 0; i < 3; i++ {
		funcs = append(funcs, func() int { return i * 10 })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	ops := map[string]func(int) int{
		"double": multiplier(2),
		"triple": multiplier(3),
		"negate": func(x int) int { return -x },
	}
	for _, name := range []string{"double", "negate", "triple", "square"} {
		if op, ok := ops[name]; ok {
			fmt.Printf("%s(7) = %d\n", name, op(7))
		} else {
			fmt.Printf("%s: no such op\n", name)
		}
	}

	// a closure-based iterator over words
	words := strings.Fields("the quick brown fox")
	nextWord := func() func() (string, bool) {
		i := 0
		return func() (string, bool) {
			if i >= len(words) {
				return "", false
			}
			i++
			return words[i-1], true
		}
	}()
	for w, ok := nextWord(); ok; w, ok = nextWord() {
		fmt.Print("<", w, ">")
	}
	fmt.Println()
}
