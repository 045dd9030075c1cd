// Week 10: big numbers. Python ints are unbounded, Go's aren't -> math/big
package main

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
)

var factCache = []*big.Int{big.NewInt(1)}

func factorial(n int) *big.Int {
	for len(factCache) <= n {
		k := len(factCache)
		next := new(big.Int).Mul(factCache[k-1], big.NewInt(int64(k)))
		factCache = append(factCache, next)
	}
	return factCache[n]
}

func fib(n int) *big.Int {
	a, b := big.NewInt(0), big.NewInt(1)
	for range n {
		a.Add(a, b)
		a, b = b, a
	}
	return a
}

func digitSum(x *big.Int) (sum int) {
	for _, ch := range x.String() {
		sum += int(ch - '0')
	}
	return
}

func binomial(n, k int64) *big.Int {
	return new(big.Int).Binomial(n, k)
}

// compute sqrt(2) to many digits with Newton's method on big.Float
func sqrt2(prec uint) *big.Float {
	two := new(big.Float).SetPrec(prec).SetInt64(2)
	x := new(big.Float).SetPrec(prec).SetFloat64(1.5)
	half := new(big.Float).SetPrec(prec).SetFloat64(0.5)
	for range 10 {
		// x = (x + 2/x) / 2
		q := new(big.Float).SetPrec(prec).Quo(two, x)
		x.Add(x, q)
		x.Mul(x, half)
	}
	return x
}

func group(s string) string {
	var sb strings.Builder
	for i, ch := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			sb.WriteByte(',')
		}
		sb.WriteRune(ch)
	}
	return sb.String()
}

func main() {
	for _, n := range []int{5, 10, 20, 21, 25, 50} {
		f := factorial(n)
		fits := f.IsInt64()
		fmt.Printf("%2d! = %s (digits=%d, fits int64=%v)\n", n, f, len(f.String()), fits)
	}
	f100 := factorial(100)
	fmt.Println("100! digit sum:", digitSum(f100), "bitlen:", f100.BitLen())
	s := f100.String()
	fmt.Println("100! starts", s[:20], "ends", s[len(s)-30:])

	fmt.Println("fib(90) =", fib(90))
	fmt.Println("fib(200) =", fib(200))
	fmt.Println("fib(300) =", group(fib(300).String()))

	// int64 overflow vs big
	var x int64 = math.MaxInt64
	fmt.Println("int64 max+1 =", x+1)
	bx := big.NewInt(math.MaxInt64)
	bx.Add(bx, big.NewInt(1))
	fmt.Println("big max+1   =", bx)

	fmt.Println("C(52,5) =", binomial(52, 5), " C(100,50) =", binomial(100, 50))

	// modular exponentiation and primes
	p := new(big.Int)
	p.SetString("170141183460469231731687303715884105727", 10) // 2^127-1
	fmt.Println("2^127-1 probably prime:", p.ProbablyPrime(20))
	two := big.NewInt(2)
	fmt.Println("2^100 mod 97 =", new(big.Int).Exp(two, big.NewInt(100), big.NewInt(97)))
	g := new(big.Int).GCD(nil, nil, factorial(12), fib(60))
	fmt.Println("gcd(12!, fib60) =", g)

	// base conversions
	n := new(big.Int).Exp(big.NewInt(3), big.NewInt(40), nil)
	fmt.Println("3^40 base2:", n.Text(2))
	fmt.Println("3^40 base16:", n.Text(16), fmt.Sprintf("%x %X", n, n))
	fmt.Println("3^40 base36:", n.Text(36))
	h, ok := new(big.Int).SetString("deadbeefcafebabe1234", 16)
	fmt.Println("from hex:", h, ok)
	_, ok = new(big.Int).SetString("12z", 10)
	fmt.Println("bad parse ok:", ok)

	// rationals
	sum := new(big.Rat)
	for i := int64(1); i <= 10; i++ {
		sum.Add(sum, big.NewRat(1, i))
	}
	fmt.Println("H(10) =", sum, "≈", sum.FloatString(10))
	r := big.NewRat(6, 8)
	fmt.Println(r, r.Num(), r.Denom(), new(big.Rat).Mul(r, big.NewRat(4, 3)))

	fmt.Println("sqrt2 =", sqrt2(200).Text('f', 50))
	fmt.Println(strconv.FormatInt(1<<40, 2), strconv.FormatInt(-42, 3))
	q, m := new(big.Int).DivMod(big.NewInt(-17), big.NewInt(5), new(big.Int))
	q2, r2 := new(big.Int).QuoRem(big.NewInt(-17), big.NewInt(5), new(big.Int))
	fmt.Println("DivMod(-17,5):", q, m, " QuoRem:", q2, r2, " cmp:", big.NewInt(3).Cmp(big.NewInt(7)))
}
