package main

// week 2 lab: control flow. fizzbuzz, primes, labeled loops, switch w/ fallthrough
// (messy version, I'll clean up later maybe)

import "fmt"

var limit = 30
var primes []int

func init() {
	primes = sieve(60)
}

func fizz(n int) string {
	switch {
	case n%15 == 0:
		return "FizzBuzz"
	case n%3 == 0:
		return "Fizz"
	case n%5 == 0:
		return "Buzz"
	}
	return fmt.Sprint(n)
}

func main() {
	out := ""
	for i := 1; i <= limit; i++ {
		out += fizz(i)
		if i%10 == 0 {
			fmt.Println(out)
			out = ""
		} else {
			out += " "
		}
	}

	fmt.Println("primes under 60:", primes)
	fmt.Println("count:", len(primes))

	// find first pair (a,b) with a*b == 391 using labeled break
	var fa, fb int
outer:
	for _, a := range primes {
		for _, b := range primes {
			if b < a {
				continue
			}
			if a*b == 391 {
				fa, fb = a, b
				break outer
			}
		}
	}
	fmt.Printf("391 = %d * %d\n", fa, fb)

	// labeled continue: print rows skipping any row containing a multiple of 7
	grid := [][]int{{1, 2, 3}, {4, 14, 6}, {8, 9, 10}, {21, 1, 1}, {11, 12, 13}}
rows:
	for r, row := range grid {
		for _, v := range row {
			if v%7 == 0 {
				fmt.Println("skip row", r)
				continue rows
			}
		}
		fmt.Println("row", r, "ok", row)
	}

	// switch with fallthrough, grades
	for _, score := range []int{95, 85, 72, 40} {
		fmt.Printf("%d -> %s\n", score, gradeNotes(score))
	}

	// collatz with goto (teacher said never do this, doing it once anyway)
	n := 27
	steps := 0
	maxSeen := n
loop:
	if n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		if n > maxSeen {
			maxSeen = n
		}
		steps++
		goto loop
	}
	fmt.Println("collatz(27) steps:", steps, "max:", maxSeen)

	// switch on value with multiple cases and init statement
	for _, ch := range "Go, 2024!" {
		switch k := classify(ch); k {
		case "letter", "digit":
			fmt.Printf("%c:%s ", ch, k)
		case "space":
			fmt.Print("_ ")
		default:
			fmt.Printf("%q ", ch)
		}
	}
	fmt.Println()

	// shadowing gotcha
	x := 1
	if x := 5; x > 3 {
		x++
		fmt.Println("inner x", x)
	}
	fmt.Println("outer x", x)
}

func gradeNotes(score int) string {
	notes := ""
	switch {
	case score >= 90:
		notes += "A "
		fallthrough
	case score >= 80:
		notes += "honors-eligible "
		fallthrough
	case score >= 60:
		notes += "pass"
	default:
		notes = "fail"
	}
	return notes
}

func classify(r rune) string {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		return "letter"
	case r >= '0' && r <= '9':
		return "digit"
	case r == ' ':
		return "space"
	}
	return "other"
}

func sieve(n int) (ps []int) {
	composite := make([]bool, n+1)
	for i := 2; i <= n; i++ {
		if composite[i] {
			continue
		}
		ps = append(ps, i)
		for j := i * i; j <= n; j += i {
			composite[j] = true
		}
	}
	return
}
