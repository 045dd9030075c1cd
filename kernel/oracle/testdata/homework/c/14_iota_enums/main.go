package main

import (
	"fmt"
	"strings"
)

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

var dayNames = [...]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}

func (d Weekday) String() string {
	if d < 0 || int(d) >= len(dayNames) {
		return fmt.Sprintf("Weekday(%d)", int(d))
	}
	return dayNames[d]
}

func (d Weekday) Weekend() bool { return d == Saturday || d == Sunday }

type Perm uint8

const (
	Read Perm = 1 << iota
	Write
	Exec
	Admin
)

func (p Perm) String() string {
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

type ByteSize float64

const (
	_           = iota
	KB ByteSize = 1 << (10 * iota)
	MB
	GB
	TB
)

func (b ByteSize) String() string {
	units := []string{"TB", "GB", "MB", "KB"}
	for i, u := range []ByteSize{TB, GB, MB, KB} {
		if b >= u {
			return fmt.Sprintf("%.2f%s", b/u, units[i])
		}
	}
	return fmt.Sprintf("%.0fB", float64(b))
}

const (
	A, B = iota, iota * 10
	C, D
	E, F
)

const (
	x0 = "x"
	x1
	x2 = iota
	x3
)

func main() {
	for d := Sunday; d <= Saturday; d++ {
		fmt.Printf("%d:%v(weekend=%t) ", d, d, d.Weekend())
	}
	fmt.Println()
	fmt.Println(Weekday(9), Friday+1, (Saturday+1)%7)
	fmt.Printf("%v %d %s %q\n", Tuesday, Tuesday, Tuesday, Tuesday)

	var p Perm = Read | Exec
	fmt.Println(p, uint8(p))
	p |= Write
	p &^= Read
	fmt.Println(p, p&Write != 0, p&Read != 0)
	fmt.Println(Perm(0), Perm(15), Admin)
	fmt.Printf("%08b %v\n", uint8(Read|Write|Exec|Admin), Perm(0xFF))

	sizes := []ByteSize{512, 1536, 5 * MB, 3.5 * GB, 1.25 * TB}
	fmt.Println(sizes, KB)
	fmt.Println(A, B, C, D, E, F)
	fmt.Println(x0, x1, x2, x3)

	const big = 1 << 100
	fmt.Println(big >> 98)
	const typed int16 = 300
	fmt.Printf("%T %v\n", typed*100, typed*100)
	const f = 5 / 2
	const g = 5 / 2.0
	fmt.Println(f, g)
}
