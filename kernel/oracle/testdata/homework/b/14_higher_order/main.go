// Function types and generic higher-order functions: Map, Filter, Reduce, Compose.
package main

import (
	"fmt"
	"strconv"
	"strings"
)

type Predicate[T any] func(T) bool

func (p Predicate[T]) Not() Predicate[T] { return func(v T) bool { return !p(v) } }
func (p Predicate[T]) And(q Predicate[T]) Predicate[T] {
	return func(v T) bool { return p(v) && q(v) }
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func Compose[A, B, C any](f func(A) B, g func(B) C) func(A) C {
	return func(a A) C { return g(f(a)) }
}

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs []T) T {
	return Reduce(xs, T(0), func(a, b T) T { return a + b })
}

// BinOp is a named function type used as a map value.
type BinOp func(int, int) int

func main() {
	nums := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	var even Predicate[int] = func(n int) bool { return n%2 == 0 }
	big := Predicate[int](func(n int) bool { return n > 6 })

	fmt.Println("even:       ", Filter(nums, even))
	fmt.Println("odd:        ", Filter(nums, even.Not()))
	fmt.Println("even & big: ", Filter(nums, even.And(big)))
	fmt.Println("squares:    ", Map(nums, func(n int) int { return n * n }))
	fmt.Println("sum:        ", Sum(nums))
	fmt.Println("product 1-6:", Reduce(nums[:6], 1, func(a, n int) int { return a * n }))

	strs := Map(nums[:5], strconv.Itoa)
	fmt.Printf("as strings:  %q\n", strs)
	joined := Reduce(strs, "", func(acc, s string) string {
		if acc == "" {
			return s
		}
		return acc + "-" + s
	})
	fmt.Println("joined:     ", joined)

	shout := Compose(strings.TrimSpace, strings.ToUpper)
	exclaim := Compose(shout, func(s string) string { return s + "!" })
	fmt.Println("composed:   ", exclaim("   hello, functions  "))

	lengths := Map([]string{"go", "rust", "haskell"}, func(s string) int { return len(s) })
	fmt.Println("avg length: ", float64(Sum(lengths))/float64(len(lengths)))
	fmt.Println("float sum:  ", Sum([]float64{0.5, 0.25, 0.125}))

	ops := map[string]BinOp{
		"+": func(a, b int) int { return a + b },
		"-": func(a, b int) int { return a - b },
		"*": func(a, b int) int { return a * b },
	}
	for _, sym := range []string{"+", "-", "*"} {
		fmt.Printf("fold %s over 1..5 = %d\n", sym, Reduce(nums[1:5], nums[0], ops[sym]))
	}
}
