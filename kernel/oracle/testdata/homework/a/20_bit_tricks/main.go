package main

import (
	"fmt"
	"math"
	"math/bits"
)

func popcount(x uint64) int {
	n := 0
	for x != 0 {
		x &= x - 1 // clear lowest set bit
		n++
	}
	return n
}

func isPow2(x uint) bool { return x != 0 && x&(x-1) == 0 }

func gray(n uint) uint { return n ^ (n >> 1) }

func grayInverse(g uint) uint {
	n := g
	for s := uint(1); s < 64; s <<= 1 {
		n ^= n >> s
	}
	return n
}

func main() {
	for _, x := range []uint64{0, 1, 7, 255, 0xdeadbeef, math.MaxUint64} {
		fmt.Printf("0x%016x popcount=%2d bits.OnesCount=%2d lz=%2d tz=%2d\n",
			x, popcount(x), bits.OnesCount64(x), bits.LeadingZeros64(x), bits.TrailingZeros64(x))
	}
	fmt.Println()
	for _, x := range []uint{1, 6, 64, 96, 1000, 1024} {
		next := uint(1) << bits.Len(x-1) // smallest power of two >= x
		fmt.Printf("%4d pow2=%-5v nextpow2=%d\n", x, isPow2(x), next)
	}

	fmt.Println("\n3-bit gray code:")
	for i := uint(0); i < 8; i++ {
		g := gray(i)
		fmt.Printf("  %d %03b -> %03b (back %d)\n", i, i, g, grayInverse(g))
	}

	// enumerate subsets of features with a bitmask, pick the cheapest
	// subset whose "score" reaches 10
	feats := []struct {
		name  string
		score int
		cost  int
	}{{"age", 3, 1}, {"income", 5, 4}, {"zip", 2, 1}, {"history", 6, 5}, {"clicks", 4, 2}}
	bestMask, bestCost := -1, math.MaxInt
	for mask := 0; mask < 1<<len(feats); mask++ {
		score, cost := 0, 0
		for i := range feats {
			if mask>>i&1 == 1 {
				score += feats[i].score
				cost += feats[i].cost
			}
		}
		if score >= 10 && cost < bestCost {
			bestMask, bestCost = mask, cost
		}
	}
	fmt.Printf("\nbest subset mask=%05b cost=%d:", bestMask, bestCost)
	for i, f := range feats {
		if bestMask&(1<<i) != 0 {
			fmt.Print(" ", f.name)
		}
	}
	fmt.Println()

	// float64 bit layout
	for _, f := range []float64{1.0, -2.5, 0.1} {
		b := math.Float64bits(f)
		fmt.Printf("%5g sign=%d exp=%4d mantissa=%013x\n", f, b>>63, int(b>>52&0x7ff)-1023, b&(1<<52-1))
	}
	fmt.Println("rotate 0b1011 left by 2 in 8 bits:", fmt.Sprintf("%08b", bits.RotateLeft8(0b1011, 2)))
	fmt.Printf("reverse bits of 1 (uint8): %08b\n", bits.Reverse8(1))
}
