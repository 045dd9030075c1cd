package main

import "fmt"

func main() {
	// find the first pair (i, j) with i*i + j*j == 425, i <= j
	found := false
search:
	for i := 1; i < 30; i++ {
		for j := i; j < 30; j++ {
			if i*i+j*j == 425 {
				fmt.Printf("first pair: %d^2 + %d^2 = 425\n", i, j)
				found = true
				break search
			}
		}
	}
	fmt.Println("found:", found)

	// primes below 60 using a labelled continue
	var primes []int
candidates:
	for n := 2; n < 60; n++ {
		for _, p := range primes {
			if p*p > n {
				break
			}
			if n%p == 0 {
				continue candidates
			}
		}
		primes = append(primes, n)
	}
	fmt.Println("primes:", primes)

	// a loss grid: skip rows containing NaN markers (-1), stop entirely at
	// the first value below the target
	grid := [][]float64{
		{0.9, 0.8, 0.7},
		{0.6, -1, 0.5},
		{0.45, 0.41, 0.39},
		{0.2, 0.1, 0.05},
	}
	target := 0.4
	visited := 0
rows:
	for r, row := range grid {
		for _, v := range row {
			if v < 0 {
				fmt.Printf("row %d has an invalid entry, skipping\n", r)
				continue rows
			}
		}
		for c, v := range row {
			visited++
			if v < target {
				fmt.Printf("first loss < %.2f at (%d,%d) = %.2f after %d cells\n", target, r, c, v, visited)
				break rows
			}
		}
	}

	// goto-free retry loop with a labelled outer for and switch
	attempts := []string{"nan", "inf", "ok", "never"}
	i := 0
retry:
	for {
		switch attempts[i] {
		case "ok":
			fmt.Println("attempt", i, "succeeded")
			break retry // plain break would only leave the switch
		default:
			fmt.Println("attempt", i, "failed with", attempts[i])
			i++
		}
	}

	// pyramid with nested loops
	for row := 1; row <= 4; row++ {
		for s := 0; s < 4-row; s++ {
			fmt.Print(" ")
		}
		for k := 0; k < 2*row-1; k++ {
			fmt.Print("*")
		}
		fmt.Println()
	}
}
