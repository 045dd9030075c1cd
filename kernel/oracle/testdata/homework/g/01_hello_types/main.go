// Week 1 - Hello, Go! Basic types, variables and constants.
// Coming from Python, I had to get used to declaring things.
package main

import (
	"fmt"
	"math"
)

const courseName = "Go for Pythonistas"

const (
	weekNumber   = 1
	maxStudents  = 30
	pi           = 3.14159265358979
	greeting     = "hello"
	bigShift     = 1 << 40
	smallFromBig = bigShift >> 38
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

var (
	counter    int
	ratio      float64 = 0.75
	enrolled           = 27
	isOpen     bool
	instructor = "Dr. Gopher"
)

func (d Weekday) String() string {
	if d < Sunday || d > Saturday {
		return fmt.Sprintf("Weekday(%d)", int(d))
	}
	return dayNames[d]
}

func init() {
	counter = 10
	isOpen = enrolled < maxStudents
}

func main() {
	fmt.Println("Welcome to", courseName, "- week", weekNumber)
	fmt.Printf("Instructor: %s, open: %t, seats left: %d\n", instructor, isOpen, maxStudents-enrolled)

	// zero values
	var i int
	var f float64
	var s string
	var b bool
	var r rune
	var by byte
	fmt.Printf("zero values: %d %g %q %t %d %d\n", i, f, s, b, r, by)

	// type inference
	x := 42
	y := 3.5
	z := "gopher"
	w := 'G'
	fmt.Printf("%T %T %T %T\n", x, y, z, w)
	fmt.Printf("%v %v %v %v\n", x, y, z, w)

	// conversions must be explicit
	total := float64(x) * y
	fmt.Printf("total = %.2f, truncated = %d\n", total, int(total))
	fmt.Println("untyped const shift:", smallFromBig)

	// integer division vs float division (python // vs /)
	fmt.Println("7/2 =", 7/2, " 7.0/2 =", 7.0/2, " -7/2 =", -7/2, " -7%3 =", -7%3)

	// overflow wraps
	var small int8 = 127
	small++
	fmt.Println("int8 overflow:", small)
	var u uint8 = 0
	u--
	fmt.Println("uint8 underflow:", u)

	// math package
	fmt.Printf("sqrt(2)=%.5f  pi~%.4f  maxInt32=%d\n", math.Sqrt(2), pi, math.MaxInt32)
	fmt.Printf("floor(-2.5)=%v ceil(-2.5)=%v  round(2.5)=%v\n", math.Floor(-2.5), math.Ceil(-2.5), math.Round(2.5))
	fmt.Println("Inf:", math.Inf(1), " NaN==NaN:", math.NaN() == math.NaN())

	// weekdays
	for d := Sunday; d <= Saturday+1; d++ {
		fmt.Printf("%d:%v ", d, d)
	}
	fmt.Println()

	counter += weekNumber
	counter *= 3
	fmt.Println("counter:", counter, "ratio:", ratio*float64(counter))

	// multiple assignment / swap
	a, c := 1, 2
	a, c = c, a
	fmt.Println("swapped:", a, c)

	// strings are bytes
	msg := greeting + ", " + z
	fmt.Println(msg, len(msg), msg[0], string(msg[0]), msg[7:])
	fmt.Printf("%8s|%-8s|%08.3f|%+d|%x|%X|%o|%b\n", "right", "left", 3.14159, 5, 255, 255, 8, 5)
	fmt.Printf("%e %g %G %.3e\n", 123456.789, 0.000012345, 1e21, 6.02214076e23)
}
