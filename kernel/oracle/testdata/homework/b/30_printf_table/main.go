// Printf verbs with width, precision and flags, rendered as aligned tables.
package main

import (
	"fmt"
	"math"
	"strings"
)

type Product struct {
	Name  string
	Price float64
	Qty   int
	Ratio float64
}

type point struct{ X, Y int }

func main() {
	products := []Product{
		{"Widget", 4.5, 120, 0.125},
		{"Gadget Pro Max", 1299.999, 3, 0.9},
		{"Nut", 0.05, 10000, 0.00042},
		{"Bolt", 12, -7, 1},
	}
	line := strings.Repeat("-", 58)
	fmt.Printf("%-16s|%10s|%8s|%9s|%10s\n", "name", "price", "qty", "ratio", "sci")
	fmt.Println(line)
	for _, p := range products {
		fmt.Printf("%-16.14s|%10.2f|%+8d|%8.1f%%|%10.3e\n", p.Name, p.Price, p.Qty, p.Ratio*100, p.Price)
	}
	fmt.Println(line)

	// Integer formatting flags.
	fmt.Println("integer flags:")
	for _, n := range []int{0, 7, 42, -42, 255} {
		fmt.Printf("  [%5d] [%-5d] [%05d] [%+d] [% d] [%x] [%#x] [%X] [%o] [%#o] [%b] [%08b]\n",
			n, n, n, n, n, n, n, n, n, n, n, uint8(n))
	}

	// Floats: precision, %g, and special values.
	fmt.Println("float formats:")
	for _, f := range []float64{math.Pi, 1e6, 1.0 / 3, 123456789.0, 1e-7, math.Inf(-1), math.NaN()} {
		fmt.Printf("  %%f=%-14f %%.2f=%-12.2f %%g=%-14g %%e=%-14e %%8.3g=[%8.3g]\n", f, f, f, f, f)
	}

	// Strings and quoting.
	fmt.Println("strings:")
	for _, s := range []string{"go", "héllo", "tab\there", `"quoted"`} {
		fmt.Printf("  [%8s] [%-8s] [%.3s] [%q] [%+q] [%x] [% x]\n", s, s, s, s, s, s, s[:2])
	}

	// Explicit argument indexes and * width/precision.
	fmt.Printf("indexed: %[2]s %[1]s %[2]s\n", "world", "hello")
	for w := 4; w <= 10; w += 3 {
		fmt.Printf("star width=%2d: [%*.*f]\n", w, w, w/3, math.E)
	}

	// Composite values.
	p := point{3, -4}
	m := map[string]int{"b": 2, "a": 1} // fmt prints maps with sorted keys
	fmt.Printf("%%v=%v %%+v=%+v %%#v=%#v %%T=%T\n", p, p, p, p)
	fmt.Printf("map %v  slice %v  quoted slice %q  bytes %s\n", m, []int{1, 2}, []string{"x", "y"}, []byte("hi"))
	fmt.Printf("pointer-to-struct %+v  bool %t  char %c  unicode %U\n", &p, true, 'G', '⌘')

	// Errors in format strings are reported inline rather than panicking.
	// (A variable format string keeps go vet from rejecting the deliberate mistakes.)
	bad := "mistakes: %d %s %!\n"
	fmt.Printf(bad, "str", 5)
}
