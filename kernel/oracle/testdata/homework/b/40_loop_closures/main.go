// Closures over loop variables with Go 1.22+ per-iteration semantics.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	// Each iteration has its own i, so every closure sees a different value.
	var funcs []func() int
	for i := 0; i < 4; i++ {
		funcs = append(funcs, func() int { return i * i })
	}
	fmt.Print("three-clause loop closures:")
	for _, f := range funcs {
		fmt.Print(" ", f())
	}
	fmt.Println()

	// Same for range loops over slices.
	names := []string{"ann", "bo", "cy"}
	var greet []func() string
	for idx, n := range names {
		greet = append(greet, func() string { return fmt.Sprintf("%d:%s", idx, n) })
	}
	for _, g := range greet {
		fmt.Print(g(), " ")
	}
	fmt.Println()

	// Pointers to the loop variable are distinct per iteration.
	var ptrs []*int
	for i := range 3 {
		ptrs = append(ptrs, &i)
	}
	fmt.Print("values via pointers:")
	for _, p := range ptrs {
		fmt.Print(" ", *p)
	}
	fmt.Println(" | distinct:", ptrs[0] != ptrs[1] && ptrs[1] != ptrs[2])

	// Modifying the per-iteration copy inside the body still affects the next
	// iteration in a three-clause loop: the copy is made before the post statement.
	var seen []int
	for i := 0; i < 10; i++ {
		seen = append(seen, i)
		i += 2
	}
	fmt.Println("loop with body increment:", seen)

	// Goroutines capturing the loop variable directly (no i := i needed).
	var mu sync.Mutex
	var wg sync.WaitGroup
	var got []int
	for i := 1; i <= 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			got = append(got, i*10)
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Ints(got)
	fmt.Println("goroutine results (sorted):", got)

	// To share state across iterations, declare the variable outside the loop.
	shared := 0
	var adders []func() int
	for range 3 {
		adders = append(adders, func() int { shared++; return shared })
	}
	fmt.Print("shared counter:")
	for _, a := range adders {
		fmt.Print(" ", a())
	}
	fmt.Println()

	// Deferred closures in a loop also capture per-iteration values.
	func() {
		for i := range 3 {
			defer func() { fmt.Println("deferred sees", i) }()
		}
	}()

	// Building a table of callbacks keyed by name.
	handlers := map[string]func() string{}
	for _, op := range []string{"start", "stop", "pause"} {
		handlers[op] = func() string { return "handling " + op }
	}
	for _, k := range []string{"pause", "start", "stop"} {
		fmt.Println(handlers[k]())
	}
}
