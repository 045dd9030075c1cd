// Implementing sort.Interface by hand: multiple orderings, Reverse, Stable, and a custom sort.
package main

import (
	"fmt"
	"math/rand"
	"sort"
)

type Student struct {
	Name  string
	Grade int
	Age   int
}

type ByName []Student

func (s ByName) Len() int           { return len(s) }
func (s ByName) Less(i, j int) bool { return s[i].Name < s[j].Name }
func (s ByName) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

type ByGrade []Student

func (s ByGrade) Len() int           { return len(s) }
func (s ByGrade) Less(i, j int) bool { return s[i].Grade < s[j].Grade }
func (s ByGrade) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

// multiSorter chains less functions, in the style of the sort package example.
type lessFunc func(a, b *Student) bool

type multiSorter struct {
	data []Student
	less []lessFunc
}

func OrderedBy(less ...lessFunc) *multiSorter { return &multiSorter{less: less} }

func (ms *multiSorter) Sort(data []Student) {
	ms.data = data
	sort.Sort(ms)
}
func (ms *multiSorter) Len() int      { return len(ms.data) }
func (ms *multiSorter) Swap(i, j int) { ms.data[i], ms.data[j] = ms.data[j], ms.data[i] }
func (ms *multiSorter) Less(i, j int) bool {
	p, q := &ms.data[i], &ms.data[j]
	for _, less := range ms.less[:len(ms.less)-1] {
		switch {
		case less(p, q):
			return true
		case less(q, p):
			return false
		}
	}
	return ms.less[len(ms.less)-1](p, q)
}

// insertionSort works on any sort.Interface, showing the interface is enough to sort.
func insertionSort(data sort.Interface) (swaps int) {
	for i := 1; i < data.Len(); i++ {
		for j := i; j > 0 && data.Less(j, j-1); j-- {
			data.Swap(j, j-1)
			swaps++
		}
	}
	return
}

func show(title string, ss []Student) {
	fmt.Printf("%-26s", title)
	for _, s := range ss {
		fmt.Printf(" %s/%d/%d", s.Name, s.Grade, s.Age)
	}
	fmt.Println()
}

func main() {
	base := []Student{
		{"Mia", 88, 20}, {"Leo", 92, 22}, {"Ava", 88, 19}, {"Zoe", 75, 21},
		{"Ian", 92, 20}, {"Ben", 60, 23}, {"Ava", 95, 24},
	}
	clone := func() []Student { return append([]Student(nil), base...) }

	s := clone()
	sort.Sort(ByName(s))
	show("by name:", s)

	s = clone()
	sort.Stable(ByGrade(s))
	show("by grade (stable):", s)

	s = clone()
	sort.Stable(sort.Reverse(ByGrade(s)))
	show("by grade desc (stable):", s)

	name := func(a, b *Student) bool { return a.Name < b.Name }
	grade := func(a, b *Student) bool { return a.Grade > b.Grade }
	age := func(a, b *Student) bool { return a.Age < b.Age }

	s = clone()
	OrderedBy(grade, age).Sort(s)
	show("grade desc, age asc:", s)
	s = clone()
	OrderedBy(name, grade).Sort(s)
	show("name, grade desc:", s)

	s = clone()
	rng := rand.New(rand.NewSource(42)) // fixed seed: same shuffle every run
	rng.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	show("shuffled (seed 42):", s)
	n := insertionSort(ByName(s))
	show("insertion sort by name:", s)
	fmt.Println("insertion sort swaps:", n, " sorted?", sort.IsSorted(ByName(s)))
	fmt.Println("already sorted swaps:", insertionSort(ByName(s)))
}
