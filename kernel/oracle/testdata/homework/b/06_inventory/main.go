// Inventory: map of structs, updates via pointer-free reassignment, multi-key sorting.
package main

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
)

type Item struct {
	SKU      string
	Name     string
	Category string
	Price    float64
	Qty      int
}

func (it Item) Value() float64 { return it.Price * float64(it.Qty) }

type Inventory map[string]Item

func (inv Inventory) Restock(sku string, n int) error {
	it, ok := inv[sku]
	if !ok {
		return fmt.Errorf("unknown SKU %q", sku)
	}
	it.Qty += n // map values are not addressable: copy, modify, store
	inv[sku] = it
	return nil
}

func (inv Inventory) Sorted(less func(a, b Item) int) []Item {
	items := make([]Item, 0, len(inv))
	for _, it := range inv {
		items = append(items, it)
	}
	slices.SortFunc(items, less)
	return items
}

func printItems(title string, items []Item) {
	fmt.Println(title)
	for _, it := range items {
		fmt.Printf("  %-5s %-12s %-10s %7.2f x %3d = %8.2f\n",
			it.SKU, it.Name, it.Category, it.Price, it.Qty, it.Value())
	}
}

func main() {
	inv := Inventory{}
	for _, it := range []Item{
		{"A100", "Hammer", "tools", 12.50, 10},
		{"A101", "Wrench", "tools", 9.99, 25},
		{"B200", "Apple", "food", 0.45, 200},
		{"B201", "Bread", "food", 2.50, 30},
		{"C300", "Notebook", "office", 3.20, 50},
		{"C301", "Pen", "office", 0.99, 300},
		{"A102", "Saw", "tools", 24.00, 4},
	} {
		inv[it.SKU] = it
	}

	if err := inv.Restock("A102", 6); err != nil {
		fmt.Println("error:", err)
	}
	if err := inv.Restock("Z999", 1); err != nil {
		fmt.Println("error:", err)
	}

	byCatThenPrice := func(a, b Item) int {
		return cmp.Or(cmp.Compare(a.Category, b.Category), cmp.Compare(b.Price, a.Price))
	}
	printItems("by category, then price desc:", inv.Sorted(byCatThenPrice))

	byValueThenName := func(a, b Item) int {
		return cmp.Or(cmp.Compare(b.Value(), a.Value()), cmp.Compare(a.Name, b.Name))
	}
	printItems("by stock value desc, then name:", inv.Sorted(byValueThenName))

	// Totals per category, printed in sorted key order.
	totals := map[string]float64{}
	counts := map[string]int{}
	for _, it := range inv {
		totals[it.Category] += it.Value()
		counts[it.Category]++
	}
	cats := make([]string, 0, len(totals))
	for c := range totals {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	fmt.Println("category totals:")
	for _, c := range cats {
		fmt.Printf("  %-8s items=%d value=%9.2f\n", c, counts[c], totals[c])
	}
}
