package main

import (
	"fmt"
	"strings"
)

type ByteSize float64

const (
	_           = iota // ignore first value
	KB ByteSize = 1 << (10 * iota)
	MB
	GB
	TB
)

func (b ByteSize) String() string {
	switch {
	case b >= TB:
		return fmt.Sprintf("%.2fTB", b/TB)
	case b >= GB:
		return fmt.Sprintf("%.2fGB", b/GB)
	case b >= MB:
		return fmt.Sprintf("%.2fMB", b/MB)
	case b >= KB:
		return fmt.Sprintf("%.2fKB", b/KB)
	}
	return fmt.Sprintf("%.0fB", float64(b))
}

type Permission uint8

const (
	Read Permission = 1 << iota
	Write
	Execute
	Admin
)

func (p Permission) String() string {
	if p == 0 {
		return "none"
	}
	var parts []string
	names := []string{"read", "write", "exec", "admin"}
	for i, n := range names {
		if p&(1<<i) != 0 {
			parts = append(parts, n)
		}
	}
	return strings.Join(parts, "|")
}

func (p Permission) Has(q Permission) bool { return p&q == q }

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

func (d Weekday) String() string {
	return [...]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}[d]
}

func (d Weekday) Weekend() bool { return d == Saturday || d == Sunday }

func (d Weekday) Add(n int) Weekday { return Weekday((int(d) + n%7 + 7) % 7) }

const (
	a, b = iota, iota * 10
	c, d
	e, f = "e", 3.5
	g, h
)

const big = 1 << 100 // untyped constant, only usable if it fits where it ends up
const Pi = 3.14159265358979323846264338327950288

func main() {
	fmt.Println(KB, MB, GB, TB)
	for _, s := range []ByteSize{512, 1536, 5 * MB, 3.5 * GB, 2048 * GB} {
		fmt.Printf("%v ", s)
	}
	fmt.Println()

	var perm Permission = Read | Write
	fmt.Printf("%v (%08b) has write=%v exec=%v\n", perm, uint8(perm), perm.Has(Write), perm.Has(Execute))
	perm |= Execute
	perm &^= Write
	fmt.Printf("%v (%#x)\n", perm, uint8(perm))
	fmt.Println(Admin|Read, Permission(0), Permission(15))

	for d := Sunday; d <= Saturday; d++ {
		fmt.Printf("%v:%t ", d, d.Weekend())
	}
	fmt.Println()
	fmt.Println(Friday.Add(3), Monday.Add(-2), Wednesday.Add(14))
	fmt.Printf("%d %v %s\n", Thursday, Thursday, Thursday)

	fmt.Println(a, b, c, d, e, f, g, h)

	fmt.Println(big>>98, big/(1<<90))
	fmt.Printf("%.10f %T\n", Pi, Pi)
	var f32 float32 = Pi
	fmt.Println(f32, Pi*2)

	// untyped constants adapt to their context
	const x = 5
	var i8 int8 = x * 20
	var fl = x / 2
	var fl2 = x / 2.0
	fmt.Printf("%d %T | %v %T | %v %T\n", i8, i8, fl, fl, fl2, fl2)

	// typed arithmetic: integer division and overflow wraparound at runtime
	var u uint8 = 250
	u += 10
	var s8 int8 = 127
	s8++
	fmt.Println(u, s8, 7/2, -7/2, 7%3, -7%3, 7.0/2)

	const typed int64 = 1 << 40
	fmt.Printf("%d %T %x %o\n", typed, typed, typed, 64)
	fmt.Printf("%c %U %q %d\n", 'G', 'G', 'G', 'G'+1)
}
