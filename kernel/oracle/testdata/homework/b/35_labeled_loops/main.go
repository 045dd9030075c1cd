// Labeled break/continue, goto-free nested search, and loop forms.
package main

import "fmt"

func main() {
	grid := [][]int{
		{3, 9, 1, 7},
		{4, 7, 2, 6},
		{5, 0, 11, 13},
		{8, 8, 8, 8},
	}

	// Find the first negative-or-zero cell and stop searching everything.
	found := false
search:
	for r, row := range grid {
		for c, v := range row {
			if v <= 0 {
				fmt.Printf("first non-positive at (%d,%d)\n", r, c)
				found = true
				break search
			}
		}
	}
	fmt.Println("found:", found)

	// Skip the rest of a row as soon as an even number appears.
rows:
	for r, row := range grid {
		sum := 0
		for _, v := range row {
			if v%2 == 0 {
				fmt.Printf("row %d: stopped at %d, partial sum %d\n", r, v, sum)
				continue rows
			}
			sum += v
		}
		fmt.Printf("row %d: all odd, sum %d\n", r, sum)
	}

	// Primes with a labeled continue on the outer loop.
	var primes []int
outer:
	for n := 2; len(primes) < 15; n++ {
		for _, p := range primes {
			if p*p > n {
				break
			}
			if n%p == 0 {
				continue outer
			}
		}
		primes = append(primes, n)
	}
	fmt.Println("primes:", primes)

	// break inside select/switch only leaves the switch without a label.
	count := 0
loop:
	for i := 0; ; i++ {
		switch {
		case i%3 == 0:
			continue
		case i > 10:
			break loop
		default:
			count++
		}
	}
	fmt.Println("non-multiples of 3 up to 10:", count)

	// Pythagorean triples with three nested loops and an early exit.
	var triples [][3]int
triple:
	for a := 1; a < 30; a++ {
		for b := a; b < 30; b++ {
			for c := b; c < 30; c++ {
				if a*a+b*b == c*c {
					triples = append(triples, [3]int{a, b, c})
					if len(triples) == 6 {
						break triple
					}
				}
			}
		}
	}
	fmt.Println("triples:", triples)

	// Other loop forms: while-style, range over int, range over string with runes.
	n, steps := 27, 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	fmt.Println("collatz(27) steps:", steps)
	for i := range 3 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	for i, r := range "añb" {
		fmt.Printf("%d:%c ", i, r)
	}
	fmt.Println()
}
