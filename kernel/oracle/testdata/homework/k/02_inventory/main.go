// Homework 2: Store inventory with sorting and a tabular report.
package main

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
)

type Category int

const (
	Grocery Category = iota
	Electronics
	Clothing
	Toys
)

func (c Category) String() string {
	switch c {
	case Grocery:
		return "Grocery"
	case Electronics:
		return "Electronics"
	case Clothing:
		return "Clothing"
	case Toys:
		return "Toys"
	}
	return fmt.Sprintf("Category(%d)", int(c))
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
	items map[string]*Item
}

func (inv *Inventory) Add(it Item) {
	if inv.items == nil {
		inv.items = map[string]*Item{}
	}
	if existing, ok := inv.items[it.SKU]; ok {
		existing.Qty += it.Qty
		return
	}
	inv.items[it.SKU] = &it
}

func (inv *Inventory) Remove(sku string, qty int) error {
	it, ok := inv.items[sku]
	if !ok {
		return fmt.Errorf("remove %s: unknown SKU", sku)
	}
	if it.Qty < qty {
		return fmt.Errorf("remove %s: only %d in stock, wanted %d", sku, it.Qty, qty)
	}
	it.Qty -= qty
	return nil
}

func (inv *Inventory) Sorted(less func(a, b *Item) int) []*Item {
	out := make([]*Item, 0, len(inv.items))
	for _, it := range inv.items {
		out = append(out, it)
	}
	slices.SortFunc(out, less)
	return out
}

func money(cts int) string { return fmt.Sprintf("$%d.%02d", cts/100, cts%100) }

func main() {
	var inv Inventory
	inv.Add(Item{"G-001", "Rice 1kg", Grocery, 40, 299})
	inv.Add(Item{"E-100", "USB cable", Electronics, 15, 899})
	inv.Add(Item{"C-010", "T-shirt", Clothing, 22, 1299})
	inv.Add(Item{"T-500", "Yo-yo", Toys, 7, 450})
	inv.Add(Item{"G-001", "Rice 1kg", Grocery, 10, 299})
	inv.Add(Item{"E-200", "Headphones", Electronics, 4, 4999})

	for _, op := range []struct {
		sku string
		n   int
	}{{"E-200", 1}, {"T-500", 10}, {"X-999", 1}} {
		if err := inv.Remove(op.sku, op.n); err != nil {
			fmt.Println("error:", err)
		} else {
			fmt.Printf("removed %d of %s\n", op.n, op.sku)
		}
	}

	byValue := inv.Sorted(func(a, b *Item) int {
		if d := b.Value() - a.Value(); d != 0 {
			return d
		}
		return strings.Compare(a.SKU, b.SKU)
	})

	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "SKU\tName\tCategory\tQty\tPrice\tValue\t")
	total := 0
	for _, it := range byValue {
		fmt.Fprintf(w, "%s\t%s\t%v\t%d\t%s\t%s\t\n", it.SKU, it.Name, it.Cat, it.Qty, money(it.PriceCts), money(it.Value()))
		total += it.Value()
	}
	w.Flush()
	fmt.Println("Total inventory value:", money(total))

	perCat := map[Category]int{}
	for _, it := range inv.items {
		perCat[it.Cat] += it.Qty
	}
	for c := Grocery; c <= Toys; c++ {
		fmt.Printf("%-12s %3d units\n", c, perCat[c])
	}
}
