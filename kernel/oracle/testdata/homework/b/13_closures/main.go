// Closures: counter generators, accumulators, memoization, fibonacci generator.
package main

import (
	"fmt"
	"strings"
)

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func accumulator(start float64) (add func(float64) float64, reset func()) {
	total := start
	add = func(x float64) float64 { total += x; return total }
	reset = func() { total = start }
	return
}

func fibGen() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

// memoize wraps an int->int function with a cache and reports hits/misses.
func memoize(f func(int) int) (func(int) int, func() (int, int)) {
	cache := map[int]int{}
	hits, misses := 0, 0
	return func(n int) int {
			if v, ok := cache[n]; ok {
				hits++
				return v
			}
			misses++
			v := f(n)
			cache[n] = v
			return v
		}, func() (int, int) {
			return hits, misses
		}
}

func makeGreeter(greeting string) func(string) string {
	return func(name string) string {
		return greeting + ", " + name + "!"
	}
}

func main() {
	c1, c2 := counter(), counter()
	fmt.Println("c1:", c1(), c1(), c1(), " c2:", c2(), c2())

	add, reset := accumulator(100)
	add(10)
	add(-2.5)
	fmt.Println("accumulated:", add(0))
	reset()
	fmt.Println("after reset:", add(1))

	fib := fibGen()
	var fs []string
	for range 12 {
		fs = append(fs, fmt.Sprint(fib()))
	}
	fmt.Println("fib:", strings.Join(fs, " "))

	// Recursive memoized function: the closure refers to itself via a variable.
	var collatz func(int) int
	var stats func() (int, int)
	collatz, stats = memoize(func(n int) int {
		if n == 1 {
			return 0
		}
		if n%2 == 0 {
			return 1 + collatz(n/2)
		}
		return 1 + collatz(3*n+1)
	})
	best, bestN := 0, 0
	for n := 1; n <= 1000; n++ {
		if s := collatz(n); s > best {
			best, bestN = s, n
		}
	}
	h, m := stats()
	fmt.Printf("longest collatz chain under 1000: n=%d steps=%d (cache hits=%d misses=%d)\n", bestN, best, h, m)

	greeters := []func(string) string{makeGreeter("Hello"), makeGreeter("Bonjour"), makeGreeter("Hola")}
	for _, g := range greeters {
		fmt.Println(g("Gopher"))
	}

	// Closure capturing a variable that is later modified.
	x := 1
	show := func() int { return x * 10 }
	x = 5
	fmt.Println("captured by reference:", show())
}
