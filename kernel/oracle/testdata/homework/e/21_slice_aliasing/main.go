package main

import "fmt"

func modifyArray(a [4]int) {
	a[0] = 999
}

func modifyArrayPtr(a *[4]int) {
	a[0] = 999
}

func modifySlice(s []int) {
	s[0] = 999
}

func appendSlice(s []int) []int {
	s = append(s, 42)
	return s
}

func show(name string, s []int) {
	fmt.Printf("%-6s len=%d %v\n", name, len(s), s)
}

func main() {
	// arrays are values
	arr := [4]int{1, 2, 3, 4}
	arr2 := arr
	arr2[1] = 20
	modifyArray(arr)
	fmt.Println("arr:", arr, "arr2:", arr2, "equal:", arr == arr2)
	modifyArrayPtr(&arr)
	fmt.Println("after ptr:", arr)

	// slices share the backing array
	s := arr[:]
	modifySlice(s[1:])
	fmt.Println("arr via slice:", arr)

	// append within capacity overwrites shared data
	base := make([]int, 3, 5)
	for i := range base {
		base[i] = i + 1
	}
	a := append(base, 10)
	b := append(base, 20)
	show("base", base)
	show("a", a)
	show("b", b)

	// once capacity is exceeded a new array is allocated
	c := append(a, 30, 40)
	c[0] = -1
	show("a", a)
	show("c", c)
	fmt.Println("a and c share memory:", &a[1] == &c[1], "| cap(base) =", cap(base))

	// full slice expression limits capacity to force a copy on append
	limited := base[:2:2]
	d := append(limited, 77)
	d[0] = 555
	show("base", base)
	show("d", d)
	fmt.Println("cap(limited) =", cap(limited))

	// copy returns the number of elements copied
	src := []int{1, 2, 3, 4, 5}
	dst := make([]int, 3)
	n := copy(dst, src)
	fmt.Println("copied", n, dst)
	n = copy(src[1:], src) // overlapping copy is fine
	fmt.Println("shifted", n, src)

	// capacity of a re-slice is measured from its start to the end of the array
	window := src[1:3]
	fmt.Println("window", window, len(window), cap(window), "extended:", window[:cap(window)])

	// passing slices: append inside a function is not visible to caller unless returned
	orig := []int{1, 2, 3}
	appendSlice(orig)
	show("orig", orig)
	orig = appendSlice(orig)
	show("orig", orig)

	// removing element i while preserving order
	xs := []string{"a", "b", "c", "d", "e"}
	i := 2
	xs = append(xs[:i], xs[i+1:]...)
	fmt.Println(xs, len(xs), cap(xs))

	// insert at position
	xs = append(xs[:1], append([]string{"NEW"}, xs[1:]...)...)
	fmt.Println(xs)

	// nil vs empty
	var nilSlice []int
	empty := []int{}
	fmt.Println(nilSlice == nil, empty == nil, len(nilSlice), len(empty))
	fmt.Printf("%v %v %#v %#v\n", nilSlice, empty, nilSlice, empty)

	// string <-> byte slice copies
	str := "hello"
	bs := []byte(str)
	bs[0] = 'j'
	fmt.Println(str, string(bs))
}
