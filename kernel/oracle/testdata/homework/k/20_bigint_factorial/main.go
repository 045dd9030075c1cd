// Homework 20: Arbitrary precision arithmetic with math/big.
package main

import (
	"fmt"
	"math/big"
	"strings"
)

func Factorial(n int64) *big.Int {
	r := big.NewInt(1)
	for i := int64(2); i <= n; i++ {
		r.Mul(r, big.NewInt(i))
	}
	return r
}

func Fibonacci(n int) *big.Int {
	a, b := big.NewInt(0), big.NewInt(1)
	for i := 0; i < n; i++ {
		a.Add(a, b)
		a, b = b, a
	}
	return a
}

func DigitSum(x *big.Int) int {
	s := 0
	for _, c := range x.String() {
		s += int(c - '0')
	}
	return s
}

// Binomial computes C(n,k) both via big.Int.Binomial and via factorials.
func Binomial(n, k int64) (*big.Int, bool) {
	direct := new(big.Int).Binomial(n, k)
	viaFact := new(big.Int).Div(Factorial(n), new(big.Int).Mul(Factorial(k), Factorial(n-k)))
	return direct, direct.Cmp(viaFact) == 0
}

func abbreviate(s string, keep int) string {
	if len(s) <= 2*keep {
		return s
	}
	return fmt.Sprintf("%s...%s (%d digits)", s[:keep], s[len(s)-keep:], len(s))
}

func main() {
	for _, n := range []int64{10, 25, 50, 100} {
		f := Factorial(n)
		fmt.Printf("%3d! = %s, digit sum %d\n", n, abbreviate(f.String(), 12), DigitSum(f))
	}

	f100 := Fibonacci(100)
	fmt.Println("fib(100) =", f100)
	fmt.Printf("fib(100) in hex: %x, bits: %d\n", f100, f100.BitLen())

	c, ok := Binomial(60, 30)
	fmt.Printf("C(60,30) = %v (factorial check %t)\n", c, ok)

	// 2^127 - 1 is a Mersenne prime
	m := new(big.Int).Lsh(big.NewInt(1), 127)
	m.Sub(m, big.NewInt(1))
	fmt.Printf("2^127-1 = %v prime? %t\n", m, m.ProbablyPrime(20))

	// modular exponentiation: last 10 digits of 7^1000
	mod := new(big.Int).Exp(big.NewInt(10), big.NewInt(10), nil)
	p := new(big.Int).Exp(big.NewInt(7), big.NewInt(1000), mod)
	fmt.Printf("last 10 digits of 7^1000: %010d\n", p)

	// sqrt(2) to 50 digits with big.Float
	two := new(big.Float).SetPrec(200).SetInt64(2)
	sq := new(big.Float).SetPrec(200).Sqrt(two)
	fmt.Println("sqrt(2) ≈", sq.Text('f', 50))

	// parse a big number from a string
	n, ok := new(big.Int).SetString(strings.Repeat("9", 40), 10)
	if ok {
		n.Add(n, big.NewInt(1))
		fmt.Println("10^40 =", n, "len", len(n.String()))
	}
}
