// week 5 bonus: bit flags & iota. unix style permissions
package main

import (
	"fmt"
	"math/bits"
	"strconv"
	"strings"
)

type Perm uint16

const (
	OtherExec Perm = 1 << iota
	OtherWrite
	OtherRead
	GroupExec
	GroupWrite
	GroupRead
	UserExec
	UserWrite
	UserRead
)

const (
	AllRead  = UserRead | GroupRead | OtherRead
	AllWrite = UserWrite | GroupWrite | OtherWrite
	AllExec  = UserExec | GroupExec | OtherExec
)

type Size int64

const (
	_       = iota
	KB Size = 1 << (10 * iota)
	MB
	GB
	TB
)

type Level uint8

const (
	Debug Level = iota
	Info
	Warn
	Error
	numLevels
)

var levelNames = [numLevels]string{"DEBUG", "INFO", "WARN", "ERROR"}

func (l Level) String() string {
	if l < numLevels {
		return levelNames[l]
	}
	return "Level(" + strconv.Itoa(int(l)) + ")"
}

func (p Perm) String() string {
	const letters = "rwx"
	var sb strings.Builder
	for i := 8; i >= 0; i-- {
		if p&(1<<uint(i)) != 0 {
			sb.WriteByte(letters[(8-i)%3])
		} else {
			sb.WriteByte('-')
		}
	}
	return sb.String()
}

func (p Perm) Has(q Perm) bool { return p&q == q }
func (p *Perm) Set(q Perm)     { *p |= q }
func (p *Perm) Clear(q Perm)   { *p &^= q }
func (p *Perm) Toggle(q Perm)  { *p ^= q }

func (s Size) String() string {
	switch {
	case s >= TB:
		return fmt.Sprintf("%.2fTB", float64(s)/float64(TB))
	case s >= GB:
		return fmt.Sprintf("%.2fGB", float64(s)/float64(GB))
	case s >= MB:
		return fmt.Sprintf("%.2fMB", float64(s)/float64(MB))
	case s >= KB:
		return fmt.Sprintf("%.2fKB", float64(s)/float64(KB))
	}
	return fmt.Sprintf("%dB", int64(s))
}

func parseOctal(s string) (Perm, error) {
	v, err := strconv.ParseUint(s, 8, 16)
	if err != nil {
		return 0, err
	}
	return Perm(v), nil
}

func main() {
	for _, s := range []string{"755", "644", "600", "777", "000", "1777", "9x"} {
		p, err := parseOctal(s)
		if err != nil {
			fmt.Printf("%-5s error: %v\n", s, err)
			continue
		}
		fmt.Printf("%-5s %v  %#o  %09b  bits=%d\n", s, p, uint16(p), uint16(p), bits.OnesCount16(uint16(p)))
	}

	var p Perm
	p.Set(UserRead | UserWrite)
	p.Set(GroupRead)
	fmt.Println("built:", p, fmt.Sprintf("%o", uint16(p)))
	p.Toggle(AllExec)
	fmt.Println("toggle exec:", p)
	p.Clear(AllExec &^ UserExec)
	fmt.Println("clear g/o exec:", p)
	fmt.Println("has user rw:", p.Has(UserRead|UserWrite), "has all read:", p.Has(AllRead))

	fmt.Println("sizes:", KB, MB, GB, TB)
	for _, n := range []Size{512, 1536, 5 * MB / 2, 3*GB + 200*MB, 2 * TB} {
		fmt.Printf("%15d = %v\n", int64(n), n)
	}

	for l := Debug; l <= numLevels; l++ {
		fmt.Printf("%d=%v ", l, l)
	}
	fmt.Println()

	// math/bits playground
	var x uint32 = 0b1011_0000
	fmt.Println("leading zeros:", bits.LeadingZeros32(x), "trailing:", bits.TrailingZeros32(x), "len:", bits.Len32(x))
	fmt.Printf("reverse8(%08b) = %08b\n", uint8(0b00010110), bits.Reverse8(0b00010110))
	fmt.Printf("rotate left 3: %016b\n", bits.RotateLeft16(0b1110000000000001, 3))
	hi, lo := bits.Mul64(1<<63, 6)
	fmt.Println("mul64 hi lo:", hi, lo)
	sum, carry := bits.Add64(^uint64(0), 1, 0)
	fmt.Println("add64 overflow:", sum, carry)

	// powers of two check + next power
	for _, n := range []uint{1, 6, 16, 31, 100} {
		isPow := n&(n-1) == 0
		next := uint(1) << bits.Len(n-1)
		fmt.Printf("n=%3d pow2=%-5v next=%d bin=%s\n", n, isPow, next, strconv.FormatUint(uint64(n), 2))
	}
	fmt.Printf("%x %X %#x %o %O %b\n", 3054, 3054, 3054, 64, 64, -5)
	fmt.Println(strconv.FormatInt(-255, 16), strconv.FormatInt(1<<20, 36), strconv.Quote("tab\there"))
}
