// HW1 part 2: temperature conversion table + some loop practice
package main

import (
	"fmt"
	"strings"
)

type Celsius float64
type Fahrenheit float64
type Kelvin float64

const (
	AbsoluteZeroC Celsius = -273.15
	FreezingC     Celsius = 0
	BoilingC      Celsius = 100
)

var cities = []string{"Oslo", "Cairo", "Lima", "Reykjavik", "Bangkok", "Denver"}
var readings = []Fahrenheit{23.0, 95.5, 66.2, 30.1, 91.4, 48.0}

func main() {
	printHeader("Celsius -> Fahrenheit")
	for c := Celsius(-40); c <= 100; c += 20 {
		f := CToF(c)
		fmt.Printf("%8.1f C | %8.1f F | %8.2f K\n", c, f, CToK(c))
	}

	printHeader("City readings")
	var sum Celsius
	hottest, coldest := 0, 0
	for i, f := range readings {
		c := FToC(f)
		sum += c
		if c > FToC(readings[hottest]) {
			hottest = i
		}
		if c < FToC(readings[coldest]) {
			coldest = i
		}
		fmt.Printf("%-10s|%7.2f F|%7.2f C| %s\n", cities[i], f, c, describe(c))
	}
	avg := sum / Celsius(len(readings))
	fmt.Printf("average: %.3f C\n", avg)
	fmt.Printf("hottest: %s, coldest: %s\n", cities[hottest], cities[coldest])

	printHeader("While-style loop")
	// python: while t > freezing
	t := Celsius(37.5)
	steps := 0
	for t > FreezingC {
		t = t*0.8 - 1
		steps++
	}
	fmt.Printf("cooled to %.4f after %d steps\n", t, steps)

	printHeader("Bar chart")
	for i, f := range readings {
		bars := int(f / 10)
		fmt.Printf("%-10s %s %v\n", cities[i], strings.Repeat("#", bars), f)
	}

	printHeader("Sanity checks")
	fmt.Println("boiling in F:", CToF(BoilingC))
	fmt.Println("abs zero in K:", CToK(AbsoluteZeroC))
	fmt.Printf("round trip 98.6F -> %.10g F\n", CToF(FToC(98.6)))
	fmt.Printf("%T %T\n", FToC(1), CToK(1))
	fmt.Printf("width via star: [%*d] [%-*d]\n", 6, 42, 6, 42)
	fmt.Printf("arg index: %[2]s %[1]s %[2]s\n", "a", "b")
}

func CToF(c Celsius) Fahrenheit { return Fahrenheit(c*9/5 + 32) }
func FToC(f Fahrenheit) Celsius { return Celsius((f - 32) * 5 / 9) }
func CToK(c Celsius) Kelvin     { return Kelvin(c - AbsoluteZeroC) }

func describe(c Celsius) string {
	switch {
	case c < 0:
		return "freezing"
	case c < 10:
		return "cold"
	case c < 20:
		return "mild"
	case c < 30:
		return "warm"
	default:
		return "hot"
	}
}

func printHeader(title string) {
	line := strings.Repeat("=", len(title)+4)
	fmt.Println(line)
	fmt.Println("= " + title + " =")
	fmt.Println(line)
}
