package main

import "fmt"

func main() {
	c1 := counter()
	c2 := counter()
	fmt.Println(c1(), c1(), c1(), c2(), c1())

	next := fibGen()
	for i := 0; i < 10; i++ {
		fmt.Print(next(), " ")
	}
	fmt.Println()

	calls := 0
	var fib func(int) int
	memo := map[int]int{}
	fib = func(n int) int {
		calls++
		if n < 2 {
			return n
		}
		if v, ok := memo[n]; ok {
			return v
		}
		memo[n] = fib(n-1) + fib(n-2)
		return memo[n]
	}
	fmt.Println("fib(50) =", fib(50), "calls:", calls)

	f, g := compose(adder(5), multiplier(3)), compose(multiplier(3), adder(5))
	fmt.Println(f(1), g(1))

	// closures capturing loop variable (Go 1.22 semantics: per-iteration)
	var funcs []func() int
	for i := 0; i < 4; i++ {
		funcs = append(funcs, func() int { return i * i })
	}
	for _, fn := range funcs {
		fmt.Print(fn(), ",")
	}
	fmt.Println()

	acc := accumulator()
	for _, v := range []float64{1.5, 2.5, 3} {
		sum, avg := acc(v)
		fmt.Printf("sum=%.2f avg=%.3f\n", sum, avg)
	}

	slowSquare := func(n int) int {
		fmt.Printf("  computing %d^2\n", n)
		return n * n
	}
	fastSquare := memoize(slowSquare)
	for _, n := range []int{4, 5, 4, 4, 6, 5} {
		fmt.Println("sq", n, "=", fastSquare(n))
	}

	ops := map[string]func(int, int) int{
		"+": func(a, b int) int { return a + b },
		"-": func(a, b int) int { return a - b },
		"*": func(a, b int) int { return a * b },
	}
	for _, k := range []string{"*", "+", "-", "/"} {
		if op, ok := ops[k]; ok {
			fmt.Println("7", k, "3 =", op(7, 3))
		} else {
			fmt.Println("no op", k)
		}
	}
}

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
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

func adder(n int) func(int) int      { return func(x int) int { return x + n } }
func multiplier(n int) func(int) int { return func(x int) int { return x * n } }

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return g(f(x)) }
}

func accumulator() func(float64) (float64, float64) {
	var sum float64
	var count int
	return func(v float64) (float64, float64) {
		sum += v
		count++
		return sum, sum / float64(count)
	}
}

func memoize(f func(int) int) func(int) int {
	cache := make(map[int]int)
	return func(n int) int {
		if v, ok := cache[n]; ok {
			return v
		}
		v := f(n)
		cache[n] = v
		return v
	}
}
