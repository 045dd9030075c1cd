package main

import (
	"fmt"
	"maps"
	"math/rand"
	"slices"
	"sort"
)

// Sorter is the strategy every algorithm implements.
type Sorter interface {
	Name() string
	Sort(a []int) int // returns number of comparisons
}

type insertionSorter struct{}
type mergeSorter struct{ comps int }
type lomutoSorter struct{ comps int }
type hoareSorter struct{ comps int }

var registry = map[string]func() Sorter{
	"insertion": func() Sorter { return insertionSorter{} },
	"merge":     func() Sorter { return &mergeSorter{} },
	"lomuto":    func() Sorter { return &lomutoSorter{} },
	"hoare":     func() Sorter { return &hoareSorter{} },
}

func (insertionSorter) Name() string { return "insertion" }
func (insertionSorter) Sort(a []int) (comps int) {
	for i := 1; i < len(a); i++ {
		key := a[i]
		j := i - 1
		for j >= 0 {
			comps++
			if a[j] <= key {
				break
			}
			a[j+1] = a[j]
			j--
		}
		a[j+1] = key
	}
	return
}

func (m *mergeSorter) Name() string { return "merge" }
func (m *mergeSorter) Sort(a []int) int {
	m.comps = 0
	tmp := make([]int, len(a))
	m.rec(a, tmp, 0, len(a))
	return m.comps
}

func (m *mergeSorter) rec(a, tmp []int, lo, hi int) {
	if hi-lo < 2 {
		return
	}
	mid := (lo + hi) / 2
	m.rec(a, tmp, lo, mid)
	m.rec(a, tmp, mid, hi)
	i, j, k := lo, mid, lo
	for i < mid && j < hi {
		m.comps++
		if a[i] <= a[j] {
			tmp[k] = a[i]
			i++
		} else {
			tmp[k] = a[j]
			j++
		}
		k++
	}
	k += copy(tmp[k:], a[i:mid])
	copy(tmp[k:], a[j:hi])
	copy(a[lo:hi], tmp[lo:hi])
}

func (l *lomutoSorter) Name() string { return "lomuto" }
func (l *lomutoSorter) Sort(a []int) int {
	l.comps = 0
	l.qs(a, 0, len(a)-1)
	return l.comps
}

func (l *lomutoSorter) qs(a []int, lo, hi int) {
	if lo >= hi {
		return
	}
	pivot, i := a[hi], lo
	for j := lo; j < hi; j++ {
		l.comps++
		if a[j] < pivot {
			a[i], a[j] = a[j], a[i]
			i++
		}
	}
	a[i], a[hi] = a[hi], a[i]
	l.qs(a, lo, i-1)
	l.qs(a, i+1, hi)
}

func (h *hoareSorter) Name() string { return "hoare" }
func (h *hoareSorter) Sort(a []int) int {
	h.comps = 0
	h.qs(a, 0, len(a)-1)
	return h.comps
}

func (h *hoareSorter) qs(a []int, lo, hi int) {
	if lo >= hi {
		return
	}
	p := h.partition(a, lo, hi)
	h.qs(a, lo, p)
	h.qs(a, p+1, hi)
}

func (h *hoareSorter) partition(a []int, lo, hi int) int {
	pivot := a[(lo+hi)/2]
	i, j := lo-1, hi+1
	for {
		for {
			i++
			h.comps++
			if a[i] >= pivot {
				break
			}
		}
		for {
			j--
			h.comps++
			if a[j] <= pivot {
				break
			}
		}
		if i >= j {
			return j
		}
		a[i], a[j] = a[j], a[i]
	}
}

// byDesc implements sort.Interface for reverse order
type byDesc []int

func (b byDesc) Len() int           { return len(b) }
func (b byDesc) Less(i, j int) bool { return b[i] > b[j] }
func (b byDesc) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func main() {
	rng := rand.New(rand.NewSource(1))
	data := make([]int, 20)
	for i := range data {
		data[i] = rng.Intn(100)
	}
	fmt.Println("input:", data)

	want := slices.Clone(data)
	slices.Sort(want)
	fmt.Println("slices.Sort:", want)

	names := slices.Sorted(maps.Keys(registry))

	for _, n := range names {
		s := registry[n]()
		cp := slices.Clone(data)
		c := s.Sort(cp)
		ok := slices.Equal(cp, want)
		fmt.Printf("%-10s comps=%4d ok=%t type=%T\n", s.Name(), c, ok, s)
	}

	// sorted and reversed inputs show the worst cases
	for _, kind := range []string{"sorted", "reversed"} {
		in := make([]int, 30)
		for i := range in {
			in[i] = i
			if kind == "reversed" {
				in[i] = 30 - i
			}
		}
		fmt.Printf("%s input:\n", kind)
		for _, n := range names {
			cp := slices.Clone(in)
			c := registry[n]().Sort(cp)
			fmt.Printf("  %-10s %5d\n", n, c)
		}
	}

	desc := byDesc(slices.Clone(data))
	sort.Sort(desc)
	fmt.Println("desc:", desc, "sorted?", sort.IsSorted(desc))

	people := []struct {
		Name string
		Age  int
	}{{"Ana", 22}, {"Bo", 19}, {"Cyd", 22}, {"Dee", 20}}
	sort.SliceStable(people, func(i, j int) bool { return people[i].Age < people[j].Age })
	fmt.Printf("%+v\n", people)
}
