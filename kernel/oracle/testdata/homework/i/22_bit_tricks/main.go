package main

import (
	"fmt"
	"math/bits"
	"strings"
)

type BitSet uint64

func (b BitSet) Has(i int) bool        { return b&(1<<uint(i)) != 0 }
func (b BitSet) Add(i int) BitSet      { return b | 1<<uint(i) }
func (b BitSet) Remove(i int) BitSet   { return b &^ (1 << uint(i)) }
func (b BitSet) Union(o BitSet) BitSet { return b | o }
func (b BitSet) Len() int              { return bits.OnesCount64(uint64(b)) }

func (b BitSet) String() string {
	var parts []string
	for x := uint64(b); x != 0; x &= x - 1 {
		parts = append(parts, fmt.Sprint(bits.TrailingZeros64(x)))
	}
	return "{" + strings.Join(parts, ",") + "}"
}

func popNaive(x uint32) int {
	c := 0
	for x != 0 {
		c += int(x & 1)
		x >>= 1
	}
	return c
}

func popKernighan(x uint32) (c int) {
	for ; x != 0; c++ {
		x &= x - 1
	}
	return
}

var table [256]uint8

func init() {
	for i := range table {
		table[i] = uint8(popNaive(uint32(i)))
	}
}

func popTable(x uint32) int {
	return int(table[x&0xff] + table[x>>8&0xff] + table[x>>16&0xff] + table[x>>24])
}

func gray(n uint) uint { return n ^ (n >> 1) }
func fromGray(g uint) uint {
	n := g
	for s := g >> 1; s != 0; s >>= 1 {
		n ^= s
	}
	return n
}

func reverse8(b uint8) uint8 {
	var r uint8
	for i := 0; i < 8; i++ {
		r = r<<1 | b&1
		b >>= 1
	}
	return r
}

func main() {
	vals := []uint32{0, 1, 7, 0xff, 0xdeadbeef, 1 << 31, 12345678}
	fmt.Printf("%-12s %5s %5s %5s %5s\n", "x", "naive", "kern", "table", "bits")
	for _, v := range vals {
		fmt.Printf("%#-12x %5d %5d %5d %5d\n", v, popNaive(v), popKernighan(v), popTable(v), bits.OnesCount32(v))
	}

	fmt.Println("gray codes:")
	for i := uint(0); i < 8; i++ {
		g := gray(i)
		fmt.Printf("  %d %03b -> %03b back=%d\n", i, i, g, fromGray(g))
	}

	items := []string{"ham", "egg", "toast", "jam"}
	fmt.Println("subsets with exactly 2 items:")
	for mask := 0; mask < 1<<len(items); mask++ {
		if bits.OnesCount(uint(mask)) != 2 {
			continue
		}
		var pick []string
		for i, it := range items {
			if mask>>i&1 == 1 {
				pick = append(pick, it)
			}
		}
		fmt.Printf("  %04b %v\n", mask, pick)
	}

	for _, b := range []uint8{1, 0b10110000, 0x0f, 200} {
		fmt.Printf("reverse %08b -> %08b (std %08b)\n", b, reverse8(b), bits.Reverse8(b))
	}
	nums := []int{4, 1, 2, 1, 2, 9, 4}
	x := 0
	for _, n := range nums {
		x ^= n
	}
	fmt.Println("single number:", x)
	for _, n := range []uint{0, 1, 6, 64, 96, 1024} {
		isPow := n != 0 && n&(n-1) == 0
		fmt.Printf("%5d pow2=%-5t len=%d lowbit=%d\n", n, isPow, bits.Len(n), n&-n)
	}

	var s BitSet
	s = s.Add(3).Add(5).Add(63).Add(0)
	t := BitSet(0).Add(5).Add(7)
	fmt.Println(s, t, s.Union(t), s.Remove(63), s.Len(), s.Has(5), s.Has(6))
	fmt.Printf("%d %x %X %o %T\n", t, uint64(s), uint64(s), t, t)
	hi, lo := bits.Mul64(0xffffffffffffffff, 3)
	fmt.Printf("mul64: hi=%d lo=%#x\n", hi, lo)
	fmt.Printf("%08b %b %x\n", int8(-3)&0x7f, -5, -255)
}
