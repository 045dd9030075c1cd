package main

import "fmt"

// memo is package level so that both functions can share it
var memo = map[int]uint64{0: 0, 1: 1}

var calls int

func fibMemo(n int) uint64 {
	calls++
	if v, ok := memo[n]; ok {
		return v
	}
	v := fibMemo(n-1) + fibMemo(n-2)
	memo[n] = v
	return v
}

func fibNaive(n int) uint64 {
	calls++
	if n < 2 {
		return uint64(n)
	}
	return fibNaive(n-1) + fibNaive(n-2)
}

// makeFib returns a closure with its own private cache
func makeFib() func(int) uint64 {
	cache := []uint64{0, 1}
	return func(n int) uint64 {
		for len(cache) <= n {
			k := len(cache)
			cache = append(cache, cache[k-1]+cache[k-2])
		}
		return cache[n]
	}
}

func main() {
	for _, n := range []int{10, 20, 25} {
		calls = 0
		v := fibNaive(n)
		naiveCalls := calls
		calls = 0
		clear(memo)
		memo[0], memo[1] = 0, 1
		w := fibMemo(n)
		fmt.Printf("fib(%2d) = %6d  naive calls=%7d  memo calls=%3d  same=%v\n",
			n, v, naiveCalls, calls, v == w)
	}

	f := makeFib()
	fmt.Println("fib(90) =", f(90))
	fmt.Println("fib(93) =", f(93)) // largest that fits in uint64
	var overflow uint64 = f(92) + f(91)
	fmt.Println("f(92)+f(91) == f(93):", overflow == f(93))

	// ratio tends to the golden ratio
	for n := 5; n <= 40; n += 5 {
		fmt.Printf("F(%d)/F(%d) = %.12f\n", n+1, n, float64(f(n+1))/float64(f(n)))
	}
}
