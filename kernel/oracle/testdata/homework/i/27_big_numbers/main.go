package main

import (
	"fmt"
	"math/big"
	"strings"
)

var memoFact = map[int64]*big.Int{0: big.NewInt(1)}

func factorial(n int64) *big.Int {
	if v, ok := memoFact[n]; ok {
		return v
	}
	r := new(big.Int).Mul(big.NewInt(n), factorial(n-1))
	memoFact[n] = r
	return r
}

func fib(n int) *big.Int {
	a, b := big.NewInt(0), big.NewInt(1)
	for i := 0; i < n; i++ {
		a.Add(a, b)
		a, b = b, a
	}
	return a
}

func catalan(n int64) *big.Int {
	// C(2n, n) / (n+1)
	c := new(big.Int).Binomial(2*n, n)
	return c.Div(c, big.NewInt(n+1))
}

func harmonic(n int) *big.Rat {
	sum := new(big.Rat)
	for k := 1; k <= n; k++ {
		sum.Add(sum, big.NewRat(1, int64(k)))
	}
	return sum
}

func sqrtDigits(n int64, digits int) string {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(2*digits)), nil)
	x := new(big.Int).Mul(big.NewInt(n), scale)
	r := new(big.Int).Sqrt(x)
	s := r.String()
	intLen := len(s) - digits
	return s[:intLen] + "." + s[intLen:]
}

func digitSum(x *big.Int) (sum int) {
	for _, ch := range x.String() {
		sum += int(ch - '0')
	}
	return
}

func main() {
	for _, n := range []int64{0, 5, 20, 21, 30} {
		fmt.Printf("%2d! = %s\n", n, factorial(n))
	}
	f100 := factorial(100)
	fmt.Printf("100! has %d digits, digit sum %d, bitlen %d\n", len(f100.String()), digitSum(f100), f100.BitLen())
	trailing := len(f100.String()) - len(strings.TrimRight(f100.String(), "0"))
	fmt.Println("trailing zeros of 100!:", trailing)

	for _, n := range []int{10, 50, 93, 94, 200} {
		fmt.Printf("fib(%d) = %v\n", n, fib(n))
	}
	f := fib(300)
	fmt.Printf("fib(300) mod 1e9+7 = %v, even=%t\n", new(big.Int).Mod(f, big.NewInt(1_000_000_007)), f.Bit(0) == 0)

	fmt.Print("catalan:")
	for n := int64(0); n <= 15; n++ {
		fmt.Print(" ", catalan(n))
	}
	fmt.Println()
	fmt.Println("catalan(50) =", catalan(50))

	for _, n := range []int{1, 2, 5, 10, 20} {
		h := harmonic(n)
		fmt.Printf("H(%d) = %s ~ %s\n", n, h.RatString(), h.FloatString(6))
	}
	fmt.Println("sqrt(2) =", sqrtDigits(2, 50))
	fmt.Println("sqrt(10) =", sqrtDigits(10, 20))

	p := new(big.Int).Exp(big.NewInt(2), big.NewInt(127), nil)
	p.Sub(p, big.NewInt(1))
	fmt.Printf("2^127-1 = %v prime=%t hex=%x\n", p, p.ProbablyPrime(20), p)
	g := new(big.Int).GCD(nil, nil, factorial(20), fib(60))
	fmt.Println("gcd(20!, fib(60)) =", g, "cmp:", factorial(25).Cmp(fib(120)))
	fl := new(big.Float).SetPrec(100).SetInt(factorial(25))
	fmt.Println("25! as float:", fl.Text('e', 10))
}
