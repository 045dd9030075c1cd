package main

import "fmt"

func modifyArray(a [4]int) { a[0] = 100 } // copy
func modifySlice(s []int)  { s[0] = 100 } // shares backing array
func appendSlice(s []int)  { s = append(s, 99); s[1] = -1 }

func main() {
	arr := [4]int{1, 2, 3, 4}
	b := arr // arrays are values
	b[1] = 20
	modifyArray(arr)
	fmt.Println("arr:", arr, "b:", b)

	sl := arr[:] // slice of the array aliases it
	modifySlice(sl)
	fmt.Println("after modifySlice arr:", arr)

	s := make([]int, 3, 10)
	copy(s, []int{1, 2, 3})
	appendSlice(s) // room in capacity: s[1] change visible, len unchanged
	fmt.Println("s:", s, "len", len(s), "cap", cap(s), "hidden:", s[:4])

	t := []int{1, 2, 3} // len == cap, append reallocates
	appendSlice(t)
	fmt.Println("t:", t)

	// two slices sharing a backing array
	base := []int{0, 1, 2, 3, 4, 5, 6, 7}
	left := base[:4]
	right := base[4:]
	left = append(left, 40) // overwrites base[4]!
	fmt.Println("base:", base, "right:", right)

	safe := base[:4:4] // full slice expression caps capacity
	safe = append(safe, -4)
	fmt.Println("after 3-index append base:", base, "safe:", safe)

	// capacity growth
	var g []int
	prev := -1
	fmt.Print("cap growth:")
	for i := 0; i < 2000; i++ {
		g = append(g, i)
		if cap(g) != prev {
			fmt.Print(" ", cap(g))
			prev = cap(g)
		}
	}
	fmt.Println()

	// copy returns the number of elements copied
	dst := make([]int, 3)
	n := copy(dst, []int{9, 8, 7, 6, 5})
	fmt.Println("copied", n, dst)
	n = copy(base[1:], base) // overlapping copy is fine
	fmt.Println("overlap copy", n, base)

	// 2D: rows sharing one backing slice
	rows, cols := 3, 4
	backing := make([]float64, rows*cols)
	m := make([][]float64, rows)
	for i := range m {
		m[i] = backing[i*cols : (i+1)*cols]
	}
	m[1][2] = 7
	fmt.Println("backing:", backing)
	grid := [2][3]int{{1, 2, 3}, {4, 5, 6}}
	g2 := grid
	g2[0][0] = 99
	fmt.Printf("array of arrays copies deep: %v %v\n", grid, g2)
}
