// Week 8: range-over-func iterators (like python generators!)
package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

// generator style: yields fib numbers forever
func Fib() iter.Seq[int] {
	return func(yield func(int) bool) {
		a, b := 0, 1
		for {
			if !yield(a) {
				return
			}
			a, b = b, a+b
		}
	}
}

func Take[T any](seq iter.Seq[T], n int) iter.Seq[T] {
	return func(yield func(T) bool) {
		if n <= 0 {
			return
		}
		i := 0
		for v := range seq {
			if !yield(v) {
				return
			}
			i++
			if i == n {
				return
			}
		}
	}
}

func MapSeq[T, U any](seq iter.Seq[T], f func(T) U) iter.Seq[U] {
	return func(yield func(U) bool) {
		for v := range seq {
			if !yield(f(v)) {
				return
			}
		}
	}
}

func Enumerate[T any](seq iter.Seq[T]) iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		i := 0
		for v := range seq {
			if !yield(i, v) {
				return
			}
			i++
		}
	}
}

func Range(start, stop, step int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := start; (step > 0 && i < stop) || (step < 0 && i > stop); i += step {
			if !yield(i) {
				return
			}
		}
	}
}

func Chunk[T any](xs []T, size int) iter.Seq[[]T] {
	return func(yield func([]T) bool) {
		for i := 0; i < len(xs); i += size {
			end := min(i+size, len(xs))
			if !yield(xs[i:end]) {
				return
			}
		}
	}
}

func Lines(s string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		n := 1
		for s != "" {
			line, rest, _ := strings.Cut(s, "\n")
			if !yield(n, line) {
				return
			}
			s = rest
			n++
		}
	}
}

var cleanupLog []string

func Tracked(name string, n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer func() { cleanupLog = append(cleanupLog, name+" cleaned up") }()
		for i := range n {
			if !yield(i) {
				cleanupLog = append(cleanupLog, name+" stopped early at "+fmt.Sprint(i))
				return
			}
		}
	}
}

func main() {
	// range over int (go 1.22)
	for i := range 3 {
		fmt.Print(i, " ")
	}
	fmt.Println()

	fmt.Println("fib:", slices.Collect(Take(Fib(), 12)))
	sq := MapSeq(Range(10, 0, -2), func(i int) string { return fmt.Sprintf("<%d>", i*i) })
	fmt.Println("squares desc:", slices.Collect(sq))

	for i, f := range Enumerate(Take(Fib(), 20)) {
		if f%2 != 0 {
			continue
		}
		if f > 1000 {
			fmt.Println("stop at index", i)
			break
		}
		fmt.Printf("even fib #%d = %d\n", i, f)
	}

	for c := range Chunk([]string{"a", "b", "c", "d", "e", "f", "g"}, 3) {
		fmt.Println("chunk:", c, len(c))
	}

	poem := "roses are red\nviolets are blue\ngo has iterators\nand so do you"
	for n, line := range Lines(poem) {
		fmt.Printf("%2d| %s\n", n, line)
	}

	for v := range Tracked("A", 10) {
		if v == 2 {
			break
		}
	}
	for range Tracked("B", 2) {
	}
	fmt.Println(cleanupLog)

	// iter.Pull turns push into pull
	next, stop := iter.Pull(Take(Fib(), 5))
	for {
		v, ok := next()
		if !ok {
			break
		}
		fmt.Print(v, ";")
	}
	stop()
	fmt.Println()

	// maps + slices iterator helpers
	stock := map[string]int{"pear": 4, "apple": 10, "kiwi": 0, "banana": 7}
	for _, k := range slices.Sorted(maps.Keys(stock)) {
		fmt.Printf("%s=%d ", k, stock[k])
	}
	fmt.Println()
	vals := slices.Sorted(maps.Values(stock))
	fmt.Println("values sorted:", vals)
	inverse := maps.Collect(func(yield func(int, string) bool) {
		for k, v := range stock {
			if !yield(v, k) {
				return
			}
		}
	})
	fmt.Println("inverse[7] =", inverse[7], "len", len(inverse))

	for i, v := range slices.Backward([]string{"x", "y", "z"}) {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	all := slices.Collect(maps.Keys(map[int]bool{3: true, 1: true, 2: false}))
	slices.Sort(all)
	fmt.Println(all, slices.Collect(slices.Values([]int{9, 8})))

	// closures capturing loop variable (per-iteration since go 1.22)
	var fns []func() int
	for i := range 4 {
		fns = append(fns, func() int { return i * 10 })
	}
	for _, f := range fns {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
