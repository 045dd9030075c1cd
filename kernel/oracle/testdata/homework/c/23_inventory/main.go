package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

type Item struct {
	SKU      string
	Name     string
	Qty      int
	Price    float64
	Category string
}

type Inventory struct {
	items map[string]Item
}

var inv = Inventory{items: map[string]Item{}}

func main() {
	inv.Add(Item{"A100", "Widget", 10, 2.50, "hardware"})
	inv.Add(Item{"B200", "Gadget", 3, 12.99, "electronics"})
	inv.Add(Item{"C300", "Doohickey", 0, 7.25, "hardware"})
	inv.Add(Item{"D400", "Thingamajig", 25, 0.99, "misc"})
	inv.Add(Item{"E500", "Cable", 40, 3.49, "electronics"})
	if err := inv.Add(Item{SKU: "A100", Name: "dup"}); err != nil {
		fmt.Println("error:", err)
	}

	report()

	for _, s := range []struct {
		sku string
		n   int
	}{{"A100", 4}, {"B200", 5}, {"Z999", 1}, {"E500", 40}} {
		if err := inv.Sell(s.sku, s.n); err != nil {
			fmt.Println("sell failed:", err)
		} else {
			fmt.Printf("sold %d x %s\n", s.n, s.sku)
		}
	}

	// maps of structs are not addressable: must copy, modify, store
	it := inv.items["C300"]
	it.Qty += 12
	inv.items["C300"] = it

	report()

	byCat := map[string][]Item{}
	for _, it := range inv.items {
		byCat[it.Category] = append(byCat[it.Category], it)
	}
	for _, c := range slices.Sorted(maps.Keys(byCat)) {
		total := 0.0
		names := []string{}
		for _, it := range byCat[c] {
			total += float64(it.Qty) * it.Price
			names = append(names, it.Name)
		}
		slices.Sort(names)
		fmt.Printf("%-12s $%8.2f  %s\n", c, total, strings.Join(names, ", "))
	}
	low := lowStock(5)
	fmt.Println("low stock:", low)
}

func (inv *Inventory) Add(it Item) error {
	if _, exists := inv.items[it.SKU]; exists {
		return fmt.Errorf("sku %s already exists", it.SKU)
	}
	inv.items[it.SKU] = it
	return nil
}

func (inv *Inventory) Sell(sku string, n int) error {
	it, ok := inv.items[sku]
	if !ok {
		return fmt.Errorf("unknown sku %q", sku)
	}
	if it.Qty < n {
		return fmt.Errorf("only %d of %s left", it.Qty, it.Name)
	}
	it.Qty -= n
	inv.items[sku] = it
	return nil
}

func report() {
	skus := slices.Sorted(maps.Keys(inv.items))
	fmt.Println(strings.Repeat("-", 44))
	fmt.Printf("%-5s|%-12s|%5s|%8s|%9s\n", "SKU", "Name", "Qty", "Price", "Value")
	var grand float64
	for _, k := range skus {
		it := inv.items[k]
		v := float64(it.Qty) * it.Price
		grand += v
		fmt.Printf("%-5s|%-12s|%5d|%8.2f|%9.2f\n", it.SKU, it.Name, it.Qty, it.Price, v)
	}
	fmt.Printf("%34s%9.2f\n", "TOTAL ", grand)
}

func lowStock(threshold int) []string {
	var out []string
	for _, it := range inv.items {
		if it.Qty < threshold {
			out = append(out, it.SKU+"("+fmt.Sprint(it.Qty)+")")
		}
	}
	slices.Sort(out)
	return out
}
