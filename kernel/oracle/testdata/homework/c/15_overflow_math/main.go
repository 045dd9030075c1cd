package main

import (
	"fmt"
	"math"
)

func main() {
	var a int8 = 127
	a++
	fmt.Println("int8 127+1 =", a)
	var b uint8 = 0
	b--
	fmt.Println("uint8 0-1 =", b)
	var c uint8 = 200
	c += 100
	fmt.Println("uint8 200+100 =", c)
	var d int8 = -128
	d = -d
	fmt.Println("-(-128) int8 =", d)
	var e int16 = 32000
	e *= 2
	fmt.Println("int16 32000*2 =", e)
	x := int32(math.MaxInt32)
	x += 1
	fmt.Println(x, uint32(1<<31), int64(math.MinInt64))
	var u uint = 3
	fmt.Println(u-5 > 0, uint32(u)-5)

	two, neg := 200, -7.9
	fmt.Println("int conversions:", int8(two), uint8(int(-1)&0xff), int(neg), int(-neg))
	big := 300
	fmt.Println(byte(big), int8(big), uint16(70000+big*0))

	fmt.Println("division of negatives:")
	for _, p := range [][2]int{{7, 2}, {-7, 2}, {7, -2}, {-7, -2}} {
		fmt.Printf("  %3d / %2d = %2d   %3d %% %2d = %2d\n", p[0], p[1], p[0]/p[1], p[0], p[1], p[0]%p[1])
	}
	fmt.Println(-7>>1, -1>>10, 7>>1, 1<<62)
	fmt.Println(math.Mod(-7, 2), math.Remainder(7, 2), math.Floor(-3.5), math.Ceil(-3.5), math.Trunc(-3.5), math.Round(-3.5), math.Round(2.5))

	fmt.Printf("%.4f %.4f %.4f\n", math.Sqrt(2), math.Cbrt(27), math.Pow(2, 0.5))
	fmt.Printf("%.6f %.6f %.6f\n", math.Sin(math.Pi/6), math.Cos(math.Pi/3), math.Atan2(1, 1))
	fmt.Printf("%.5f %.5f %.5f\n", math.Log(math.E), math.Log2(1024), math.Log10(0.001))
	fmt.Println(math.Inf(1), -math.Inf(1), math.NaN(), math.IsNaN(math.NaN()))
	fmt.Println(math.MaxInt8, math.MinInt8, math.MaxUint16, math.MaxInt64)
	fmt.Println(math.MaxFloat32, math.SmallestNonzeroFloat64)
	fmt.Println(math.Hypot(3, 4), math.Abs(-2.5), math.Max(3, 7), math.Min(-1, 2))

	var zero float64
	fmt.Println(1/zero, -1/zero, zero/zero == zero/zero)
	fmt.Println(0.1+0.2, 0.1+0.2 == 0.3, float32(0.1))
	p1, p2 := 0.1, 0.2
	fmt.Println(p1+p2, p1+p2 == 0.3, float32(p1)+float32(p2))
	fmt.Printf("%v %g %.20f\n", 1e6, 1e-7, 0.1)
	fmt.Printf("%8.3f|%-8.2f|%+.1e\n", math.Pi, math.E, 123456.0)
	fmt.Println(float64(int64(1<<53)+1), int64(float64(1<<53)+1))
	f32 := float32(16777216)
	fmt.Println(f32+1 == f32, f32)

	// bit tricks
	n := 0b1011_0110
	fmt.Printf("%d %b %o %x %#X\n", n, n, n, n, n)
	fmt.Println(n&-n, n&(n-1), n^0xff, ^n, 0o17, 0x1p4)
	pop := 0
	for m := n; m != 0; m &= m - 1 {
		pop++
	}
	fmt.Println("popcount:", pop)
	fmt.Println(sumDigits(987654321), gcd(84, 36), lcm(4, 6))
	fmt.Println(1_000_000/7, 1_000_000%7, 'a'+1, string(rune('a'+1)))
}

func sumDigits(n int) (s int) {
	for ; n > 0; n /= 10 {
		s += n % 10
	}
	return
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func lcm(a, b int) int { return a / gcd(a, b) * b }
