package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

type Student struct {
	Name string
	Year int
	GPA  float64
}

func main() {
	a := []int{1, 2, 3, 4, 5}
	b := a[1:3]
	fmt.Println(b, len(b), cap(b))
	b[0] = 20
	fmt.Println("a after b[0]=20:", a)
	b = append(b, 30) // overwrites a[3]
	fmt.Println("a after append:", a, "b:", b)
	b = append(b, 40, 50) // exceeds cap -> new array
	b[0] = 99
	fmt.Println("a:", a, "b:", b)

	c := a[1:2:2] // full slice expression
	c = append(c, 777)
	fmt.Println("a unchanged:", a, "c:", c)

	dst := make([]int, 3)
	n := copy(dst, a)
	fmt.Println(n, dst)
	n = copy(a[1:], a) // overlapping
	fmt.Println(n, a)

	var nilSlice []int
	empty := []int{}
	fmt.Println(nilSlice == nil, empty == nil, len(nilSlice), cap(empty))
	nilSlice = append(nilSlice, 1)
	fmt.Println(nilSlice)

	// 2D slices sharing rows
	grid := make([][]rune, 3)
	row := []rune("...")
	for i := range grid {
		grid[i] = row // all share the same row!
	}
	grid[0][1] = '#'
	for _, r := range grid {
		fmt.Print(string(r), " ")
	}
	fmt.Println()
	for i := range grid {
		grid[i] = []rune("...")
	}
	grid[2][2] = '@'
	for _, r := range grid {
		fmt.Print(string(r), " ")
	}
	fmt.Println()

	// slices package
	xs := []int{5, 2, 8, 1, 9, 3}
	slices.Sort(xs)
	idx, found := slices.BinarySearch(xs, 8)
	fmt.Println(xs, idx, found, slices.Contains(xs, 4), slices.Index(xs, 9))
	fmt.Println(slices.Max(xs), slices.Min(xs), len(slices.Insert(xs, 1, 100, 200)))
	ys := slices.Clone(xs)
	slices.Reverse(ys)
	fmt.Println(xs, ys, slices.Equal(xs, ys))
	ys = slices.Delete(ys, 1, 3)
	fmt.Println(ys, slices.Compact([]int{1, 1, 2, 2, 2, 3, 1}))

	students := []Student{
		{"Zed", 2, 3.1}, {"Amy", 3, 3.9}, {"Bob", 2, 3.5}, {"Cal", 1, 3.9}, {"Dee", 3, 2.8},
	}
	slices.SortFunc(students, func(x, y Student) int {
		if c := cmp.Compare(y.GPA, x.GPA); c != 0 {
			return c
		}
		return strings.Compare(x.Name, y.Name)
	})
	for _, s := range students {
		fmt.Printf("%-4s y%d %.1f\n", s.Name, s.Year, s.GPA)
	}
	slices.SortStableFunc(students, func(x, y Student) int { return cmp.Compare(x.Year, y.Year) })
	fmt.Println(students)
	i := slices.IndexFunc(students, func(s Student) bool { return s.GPA < 3 })
	fmt.Println("first below 3:", students[i].Name)

	// arrays are values
	var mat [3][3]int
	for i := range mat {
		for j := range mat[i] {
			mat[i][j] = i*3 + j
		}
	}
	cp := mat
	cp[1][1] = 99
	fmt.Println(mat, cp, mat == cp)
	arr := [3]int{1, 2, 3}
	for i, v := range arr {
		arr[2] = 100
		if i == 2 {
			fmt.Println("array range v:", v)
		}
	}
	sl := []int{1, 2, 3}
	for i, v := range sl {
		sl[2] = 100
		if i == 2 {
			fmt.Println("slice range v:", v)
		}
	}
	fmt.Println(cmp.Compare(2, 1), min(3, 1, 2), max(2.5, 1), max("b", "a"))
}
