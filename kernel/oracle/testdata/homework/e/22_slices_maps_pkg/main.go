package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

type City struct {
	Name       string
	Country    string
	Population int // thousands
}

func main() {
	nums := []int{42, 7, 19, 3, 88, 19, 56, 1}
	sorted := slices.Clone(nums)
	slices.Sort(sorted)
	fmt.Println("original:", nums)
	fmt.Println("sorted:  ", sorted)
	fmt.Println("min/max:", slices.Min(nums), slices.Max(nums))
	fmt.Println("index of 19:", slices.Index(nums, 19), "contains 100:", slices.Contains(nums, 100))

	for _, target := range []int{56, 20} {
		i, found := slices.BinarySearch(sorted, target)
		fmt.Printf("binary search %d: pos=%d found=%v\n", target, i, found)
	}
	fmt.Println("compact:", slices.Compact(slices.Clone(sorted)))
	rev := slices.Clone(sorted)
	slices.Reverse(rev)
	fmt.Println("reversed:", rev, "equal to sorted?", slices.Equal(rev, sorted))
	fmt.Println("insert:", slices.Insert([]int{1, 2, 5}, 2, 3, 4))
	fmt.Println("first even at:", slices.IndexFunc(nums, func(n int) bool { return n%2 == 0 }))
	fmt.Println("delete evens:", slices.DeleteFunc(slices.Clone(nums), func(n int) bool { return n%2 == 0 }))

	cities := []City{
		{"Lagos", "NG", 15388},
		{"Lyon", "FR", 522},
		{"Osaka", "JP", 2752},
		{"Paris", "FR", 2102},
		{"Kyoto", "JP", 1464},
		{"Abuja", "NG", 1235},
	}
	slices.SortFunc(cities, func(a, b City) int {
		if c := cmp.Compare(a.Country, b.Country); c != 0 {
			return c
		}
		return cmp.Compare(b.Population, a.Population)
	})
	for _, c := range cities {
		fmt.Printf("  %s %-6s %6d\n", c.Country, c.Name, c.Population)
	}
	biggest := slices.MaxFunc(cities, func(a, b City) int { return cmp.Compare(a.Population, b.Population) })
	fmt.Println("biggest:", biggest.Name)
	idx, ok := slices.BinarySearchFunc(cities, "JP", func(c City, country string) int {
		return cmp.Compare(c.Country, country)
	})
	fmt.Println("first JP at", idx, ok)

	// group by country with a map, then read it back in sorted key order
	byCountry := map[string][]string{}
	popTotal := map[string]int{}
	for _, c := range cities {
		byCountry[c.Country] = append(byCountry[c.Country], c.Name)
		popTotal[c.Country] += c.Population
	}
	for _, k := range slices.Sorted(maps.Keys(byCountry)) {
		fmt.Printf("%s: %s (total %d)\n", k, strings.Join(byCountry[k], ", "), popTotal[k])
	}
	vals := slices.Sorted(maps.Values(popTotal))
	fmt.Println("totals ascending:", vals)

	// maps package helpers
	m1 := map[string]int{"a": 1, "b": 2}
	m2 := maps.Clone(m1)
	m2["c"] = 3
	fmt.Println("equal?", maps.Equal(m1, m2), len(m1), len(m2))
	maps.Copy(m1, map[string]int{"b": 20, "d": 4})
	fmt.Println(m1) // fmt prints maps with sorted keys
	maps.DeleteFunc(m1, func(k string, v int) bool { return v > 10 })
	fmt.Println(m1)

	// slices.Collect and slices.All / Values iterators
	upper := slices.Collect(func(yield func(string) bool) {
		for _, c := range cities[:3] {
			if !yield(strings.ToUpper(c.Name)) {
				return
			}
		}
	})
	fmt.Println(upper)
	for i, v := range slices.Backward(upper) {
		fmt.Print(i, "=", v, " ")
	}
	fmt.Println()
	chunks := slices.Collect(slices.Chunk([]int{1, 2, 3, 4, 5, 6, 7}, 3))
	fmt.Println("chunks:", chunks, "repeat:", slices.Repeat([]string{"ab"}, 3))
}
