// Methods on non-struct named types: temperatures, a string slice type, a weekday.
package main

import (
	"fmt"
	"sort"
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

func (c Celsius) String() string    { return fmt.Sprintf("%.2f°C", float64(c)) }
func (f Fahrenheit) String() string { return fmt.Sprintf("%.2f°F", float64(f)) }
func (k Kelvin) String() string     { return fmt.Sprintf("%.2fK", float64(k)) }

func (c Celsius) ToF() Fahrenheit { return Fahrenheit(c*9/5 + 32) }
func (c Celsius) ToK() Kelvin     { return Kelvin(c - AbsoluteZeroC) }
func (f Fahrenheit) ToC() Celsius { return Celsius((f - 32) * 5 / 9) }

// StringList is a named slice type with methods.
type StringList []string

func (s StringList) Len() int           { return len(s) }
func (s StringList) Less(i, j int) bool { return strings.ToLower(s[i]) < strings.ToLower(s[j]) }
func (s StringList) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }
func (s StringList) String() string     { return "<" + strings.Join(s, "|") + ">" }
func (s *StringList) Add(v ...string)   { *s = append(*s, v...) }

// Counter is a named map type.
type Counter map[string]int

func (c Counter) Inc(k string) { c[k]++ }
func (c Counter) Keys() []string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Bits is a named integer type.
type Bits uint8

func (b Bits) String() string  { return fmt.Sprintf("%08b", uint8(b)) }
func (b Bits) Has(i uint) bool { return b&(1<<i) != 0 }

func main() {
	for _, c := range []Celsius{AbsoluteZeroC, FreezingC, 37, BoilingC} {
		fmt.Printf("%10v = %10v = %8v\n", c, c.ToF(), c.ToK())
	}
	f := Fahrenheit(451)
	fmt.Println(f, "is", f.ToC())
	fmt.Println("arithmetic keeps the type:", BoilingC-FreezingC, "and", Celsius(20)*1.5)
	fmt.Printf("%%v=%v %%g=%g %%T=%T\n", Celsius(21.5), Celsius(21.5), Celsius(21.5))

	var names StringList
	names.Add("delta", "Alpha", "charlie", "Bravo")
	sort.Sort(names)
	fmt.Println("sorted names:", names, "len", names.Len())

	c := Counter{}
	for _, w := range strings.Fields("a b a c b a d") {
		c.Inc(w)
	}
	for _, k := range c.Keys() {
		fmt.Printf("%s=%d ", k, c[k])
	}
	fmt.Println()

	b := Bits(0b10100110)
	fmt.Println("bits", b, "has1", b.Has(1), "has3", b.Has(3), "not", ^b)
}
