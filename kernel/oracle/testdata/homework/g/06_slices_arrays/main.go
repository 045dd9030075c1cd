// Week 3 - arrays vs slices. Python lists are NOT go slices!!
package main

import (
	"fmt"
	"slices"
)

type Board [3][3]byte

var empty Board

func init() {
	for i := range empty {
		for j := range empty[i] {
			empty[i][j] = '.'
		}
	}
}

func (b Board) String() string {
	s := ""
	for _, row := range b {
		s += string(row[:]) + "\n"
	}
	return s
}

// value receiver: modifies a copy
func (b Board) PlaceCopy(r, c int, ch byte) Board {
	b[r][c] = ch
	return b
}

// pointer receiver: modifies original
func (b *Board) Place(r, c int, ch byte) {
	b[r][c] = ch
}

func modifyArray(a [4]int) { a[0] = 100 }
func modifySlice(s []int)  { s[0] = 100 }

func main() {
	// arrays copy on assignment
	a := [4]int{1, 2, 3, 4}
	b := a
	b[1] = 20
	modifyArray(a)
	fmt.Println("a:", a, "b:", b, "equal?", a == b)

	// slices share backing arrays
	s := []int{1, 2, 3, 4, 5}
	t := s[1:3]
	t[0] = 99
	modifySlice(s)
	fmt.Println("s:", s, "t:", t, "len(t):", len(t))

	// append may or may not alias, this part confused me
	base := make([]int, 3, 10)
	x := append(base, 1)
	y := append(base, 2)
	fmt.Println("x:", x, "y:", y, "(x got overwritten since same backing array)")

	full := []int{1, 2, 3}
	p := append(full[:2:2], 7)
	fmt.Println("full:", full, "p:", p, "(three-index slice forces copy)")

	// growth — only print len since cap is implementation detail
	var grow []string
	for i := range 6 {
		grow = append(grow, fmt.Sprintf("item%d", i))
		fmt.Printf("len=%d last=%s\n", len(grow), grow[len(grow)-1])
	}

	// copy
	src := []int{10, 20, 30, 40, 50}
	dst := make([]int, 3)
	n := copy(dst, src)
	fmt.Println("copied", n, dst)
	n = copy(src[1:], src) // overlapping shift right
	fmt.Println("shifted", n, src)

	// delete from middle
	nums := []int{0, 1, 2, 3, 4, 5, 6}
	nums = append(nums[:2], nums[3:]...)
	fmt.Println("removed idx 2:", nums)
	nums = slices.Delete(nums, 0, 2)
	fmt.Println("slices.Delete 0..2:", nums)
	nums = slices.Insert(nums, 1, 42, 43)
	fmt.Println("insert:", nums, "contains 42:", slices.Contains(nums, 42), "index of 5:", slices.Index(nums, 5))

	// 2D slices — jagged triangle
	tri := make([][]int, 6)
	for i := range tri {
		tri[i] = make([]int, i+1)
		tri[i][0], tri[i][i] = 1, 1
		for j := 1; j < i; j++ {
			tri[i][j] = tri[i-1][j-1] + tri[i-1][j]
		}
	}
	for _, row := range tri {
		fmt.Println(row)
	}

	// board as array value
	g := empty
	g.Place(1, 1, 'X')
	g2 := g.PlaceCopy(0, 0, 'O')
	fmt.Print("g:\n", g, "g2:\n", g2)
	fmt.Println("empty still empty?", empty == Board{{'.', '.', '.'}, {'.', '.', '.'}, {'.', '.', '.'}})

	// nil vs empty
	var nilS []int
	emptyS := []int{}
	fmt.Println(nilS == nil, emptyS == nil, len(nilS), len(emptyS))
	fmt.Printf("%v %v %#v %#v\n", nilS, emptyS, nilS, emptyS)

	// range gives copies of elements
	pts := [][2]int{{1, 2}, {3, 4}}
	for _, pt := range pts {
		pt[0] = 0
	}
	fmt.Println("after range copy:", pts)
	for i := range pts {
		pts[i][0] = 0
	}
	fmt.Println("after index:", pts)

	r := slices.Clone(src)
	slices.Reverse(r)
	fmt.Println("reversed clone:", r, "orig:", src, "max:", slices.Max(r), "equal:", slices.Equal(r, src))
}
