package main

import "fmt"

func findInGrid(grid [][]int, target int) (row, col int, found bool) {
search:
	for r, line := range grid {
		for c, v := range line {
			if v == target {
				row, col, found = r, c, true
				break search
			}
		}
	}
	return
}

func primesUpTo(n int) []int {
	var primes []int
outer:
	for i := 2; i <= n; i++ {
		for _, p := range primes {
			if p*p > i {
				break
			}
			if i%p == 0 {
				continue outer
			}
		}
		primes = append(primes, i)
	}
	return primes
}

// gcd written with goto, the way old textbook code sometimes does it
func gcd(a, b int) int {
loop:
	if b == 0 {
		return a
	}
	a, b = b, a%b
	goto loop
}

func main() {
	grid := [][]int{
		{5, 8, 1, 3},
		{3, 7, 4, 2},
		{6, 0, 7, 11},
		{9, 9, 9, 9},
		{1, 1, 1, 1},
	}
	for _, t := range []int{7, 11, 42} {
		r, c, ok := findInGrid(grid, t)
		fmt.Printf("find %2d: row=%d col=%d found=%v\n", t, r, c, ok)
	}

	fmt.Println("primes:", primesUpTo(60))
	fmt.Println("gcd(84, 36) =", gcd(84, 36), "gcd(17, 5) =", gcd(17, 5))

	// skip rows that contain a zero, stop at the first row sum > 20
	total := 0
rows:
	for i, line := range grid {
		sum := 0
		for _, v := range line {
			if v == 0 {
				fmt.Println("row", i, "has a zero, skipping")
				continue rows
			}
			sum += v
		}
		fmt.Println("row", i, "sum", sum)
		total += sum
		if sum > 20 {
			fmt.Println("big row found, stopping")
			break rows
		}
	}
	fmt.Println("total:", total)

	// break out of a switch inside a for loop needs a label
	cmds := []string{"inc", "inc", "dbl", "noop", "stop", "inc"}
	val := 1
loop:
	for i, cmd := range cmds {
		switch cmd {
		case "inc":
			val++
		case "dbl":
			val *= 2
		case "stop":
			fmt.Println("stop at index", i)
			break loop
		default:
			continue
		}
		fmt.Printf("after %-4s val=%d\n", cmd, val)
	}
	fmt.Println("final val:", val)

	// Pythagorean triples with labeled continue
	count := 0
triples:
	for a := 1; a < 30; a++ {
		for b := a; b < 30; b++ {
			for c := b; c < 30; c++ {
				if a*a+b*b == c*c {
					fmt.Printf("(%d,%d,%d) ", a, b, c)
					count++
					continue triples
				}
			}
		}
	}
	fmt.Println("\nfirst-per-a triples:", count)

	// select inside for with a labeled break
	ch := make(chan int, 5)
	for i := range 5 {
		ch <- i * i
	}
	close(ch)
	sum := 0
recv:
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				break recv
			}
			sum += v
		}
	}
	fmt.Println("sum of squares from channel:", sum)
}
