// Inventory system - week 4
// Items stored in map[string]Item, categories in map[string][]string
package main

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
)

type Category int

const (
	Tools Category = iota + 1
	Food
	Electronics
	Books
)

var categoryNames = map[Category]string{
	Tools:       "tools",
	Food:        "food",
	Electronics: "electronics",
	Books:       "books",
}

func (c Category) String() string {
	if n, ok := categoryNames[c]; ok {
		return n
	}
	return "unknown"
}

type Item struct {
	SKU      string
	Name     string
	Cat      Category
	Qty      int
	PriceCts int
}

func (it Item) Value() int { return it.Qty * it.PriceCts }

type Inventory struct {
	items    map[string]Item
	reorder  int
	movement []string
}

var inv = Inventory{items: map[string]Item{}, reorder: 5}

func init() {
	seed := []Item{
		{"T-100", "Hammer", Tools, 12, 1599},
		{"T-101", "Screwdriver set", Tools, 4, 2450},
		{"F-200", "Coffee beans 1kg", Food, 30, 1899},
		{"F-201", "Green tea", Food, 3, 650},
		{"E-300", "USB cable", Electronics, 55, 499},
		{"E-301", "Headphones", Electronics, 7, 8999},
		{"B-400", "Go Programming", Books, 9, 3999},
		{"B-401", "Python Tricks", Books, 2, 2999},
	}
	for _, it := range seed {
		inv.items[it.SKU] = it
	}
}

func (inv *Inventory) Adjust(sku string, delta int) bool {
	it, ok := inv.items[sku]
	if !ok || it.Qty+delta < 0 {
		inv.movement = append(inv.movement, fmt.Sprintf("REJECT %s %+d", sku, delta))
		return false
	}
	it.Qty += delta // it is a copy! must write back
	inv.items[sku] = it
	inv.movement = append(inv.movement, fmt.Sprintf("OK %s %+d => %d", sku, delta, it.Qty))
	return true
}

func (inv *Inventory) Sorted(less func(a, b Item) bool) []Item {
	out := make([]Item, 0, len(inv.items))
	for _, it := range inv.items {
		out = append(out, it)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].SKU < out[j].SKU })
	sort.SliceStable(out, func(i, j int) bool { return less(out[i], out[j]) })
	return out
}

func money(c int) string {
	return fmt.Sprintf("%d.%02d", c/100, c%100)
}

func printTable(title string, items []Item) {
	fmt.Println("##", title)
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(w, "SKU\tName\tCategory\tQty\tPrice\tValue\t")
	for _, it := range items {
		fmt.Fprintf(w, "%s\t%s\t%v\t%d\t%s\t%s\t\n", it.SKU, it.Name, it.Cat, it.Qty, money(it.PriceCts), money(it.Value()))
	}
	w.Flush()
}

func main() {
	printTable("by category (stable, then SKU)", inv.Sorted(func(a, b Item) bool { return a.Cat < b.Cat }))

	inv.Adjust("T-101", -4)
	inv.Adjust("F-201", -5)
	inv.Adjust("E-301", +10)
	inv.Adjust("X-999", 1)
	inv.Adjust("B-401", -1)
	for _, m := range inv.movement {
		fmt.Println("  ", m)
	}

	printTable("by value desc", inv.Sorted(func(a, b Item) bool { return a.Value() > b.Value() }))

	// low stock report grouped by category
	low := map[Category][]string{}
	for _, it := range inv.items {
		if it.Qty <= inv.reorder {
			low[it.Cat] = append(low[it.Cat], it.Name)
		}
	}
	cats := make([]Category, 0, len(low))
	for c := range low {
		cats = append(cats, c)
	}
	sort.Slice(cats, func(i, j int) bool { return cats[i] < cats[j] })
	fmt.Println("## low stock")
	for _, c := range cats {
		names := low[c]
		sort.Strings(names)
		fmt.Printf("%-12s %s\n", c.String()+":", strings.Join(names, ", "))
	}

	// totals per category
	totals := map[Category]int{}
	grand := 0
	for _, it := range inv.items {
		totals[it.Cat] += it.Value()
		grand += it.Value()
	}
	tw := tabwriter.NewWriter(os.Stdout, 4, 0, 1, '.', 0)
	for c := Tools; c <= Books; c++ {
		fmt.Fprintf(tw, "%v\t%s\n", c, money(totals[c]))
	}
	fmt.Fprintf(tw, "TOTAL\t%s\n", money(grand))
	tw.Flush()
	fmt.Println(Category(9), len(inv.items))
}
