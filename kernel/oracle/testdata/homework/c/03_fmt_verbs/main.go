package main

import "fmt"

type Point struct {
	X, Y int
}

type Person struct {
	Name  string
	Age   int
	Tags  []string
	Where *Point
}

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Color uint8

func main() {
	p := Point{3, -4}
	fmt.Printf("%v\n", p)
	fmt.Printf("%+v\n", p)
	fmt.Printf("%#v\n", p)
	fmt.Printf("%T\n", p)

	per := Person{Name: "Ann", Age: 21, Tags: []string{"a", "b"}}
	fmt.Printf("%v\n", per)
	fmt.Printf("%+v\n", per)
	fmt.Printf("%#v\n", per)

	s := "héllo, 世界"
	fmt.Printf("%q\n", s)
	fmt.Printf("%x\n", s)
	fmt.Printf("% x\n", "abc")
	fmt.Printf("%X\n", 255)
	fmt.Printf("%#x %#o %b\n", 255, 8, 5)
	fmt.Printf("%08.3f|\n", 3.14159)
	fmt.Printf("%-10s|%10s|\n", "left", "right")
	fmt.Printf("%U %c %q\n", '世', 0x4E16, 'x')
	fmt.Printf("%*d|%-*d|\n", 6, 42, 6, 42)
	fmt.Printf("%.*f\n", 2, 2.71828)
	fmt.Printf("%*.*f|\n", 10, 3, 1.0/3)
	fmt.Printf("%e %E %g\n", 123456.789, 0.000123, 1e21)
	fmt.Printf("%t %v\n", true, nil)
	fmt.Printf("%5.2f%%\n", 99.5)
	fmt.Printf("%+d %+d\n", 5, -5)
	fmt.Printf("%05d|% d|\n", -42, 7)
	fmt.Printf("%v %d\n", []int{1, 2, 3}, []int{4, 5})
	fmt.Printf("%q\n", []string{"x", "y z"})
	fmt.Printf("%v\n", map[string]int{"zeta": 1, "alpha": 2, "mid": 3})
	fmt.Printf("%v %s\n", Celsius(21.55), Celsius(-3))
	fmt.Printf("%T %T %T %T\n", Celsius(1), Color(2), 'r', 1.5)
	fmt.Printf("%v %d %x\n", Color(200), Color(200), Color(200))
	fmt.Printf("%6.2v|\n", "abcdef")
	fmt.Printf("%c%c%c\n", 71, 111, 33)
	fmt.Printf("%08b\n", byte(37))
	fmt.Printf("%x %X\n", []byte("Go!"), []byte{1, 171})
	fmt.Printf("%#v %#v\n", []string{"a"}, map[int]bool{1: true})
	fmt.Printf("%v %+v\n", &p, per.Where)
	bad := []string{"%d %s\n", "%d\n", "extra %d\n", "%!\n", "%z\n"}
	printf := fmt.Printf
	printf(bad[0], "oops", 12)
	printf(bad[1])
	printf(bad[2], 1, 2)
	printf(bad[3])
	printf(bad[4], 3)
	str := fmt.Sprint("a", 1, 2, "b", "c", 3.5)
	fmt.Println(str, len(str))
	fmt.Println(fmt.Sprintln("x", 1) == "x 1\n")
	var ip *int
	fmt.Printf("%v %p\n", ip, ip)
	type pair struct {
		a any
		b error
	}
	fmt.Printf("%+v\n", pair{a: 3})
}
