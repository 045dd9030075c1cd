package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
)

type Item struct {
	SKU      string   `json:"sku"`
	Name     string   `json:"name"`
	Price    float64  `json:"price"`
	Quantity int      `json:"qty"`
	Tags     []string `json:"tags,omitempty"`
	Discount *float64 `json:"discount,omitempty"`
	internal string
}

type Inventory struct {
	Store string          `json:"store"`
	Items []Item          `json:"items"`
	Meta  map[string]int  `json:"meta"`
	Notes json.RawMessage `json:"notes,omitempty"`
}

const input = `{
  "store": "Corner Shop",
  "items": [
    {"sku": "A-100", "name": "Pencil", "price": 0.5, "qty": 120, "tags": ["office", "school"]},
    {"sku": "B-200", "name": "Notebook", "price": 2.75, "qty": 0, "discount": 0.1},
    {"sku": "C-300", "name": "Backpack", "price": 24.99, "qty": 7, "color": "blue"}
  ],
  "meta": {"version": 3, "aisles": 4},
  "notes": {"open": "9-5"}
}`

func (inv *Inventory) TotalValue() float64 {
	total := 0.0
	for _, it := range inv.Items {
		price := it.Price
		if it.Discount != nil {
			price *= 1 - *it.Discount
		}
		total += price * float64(it.Quantity)
	}
	return total
}

func main() {
	var inv Inventory
	if err := json.Unmarshal([]byte(input), &inv); err != nil {
		fmt.Println("unmarshal:", err)
		os.Exit(1)
	}
	fmt.Printf("store %q has %d items, meta version %d\n", inv.Store, len(inv.Items), inv.Meta["version"])
	for _, it := range inv.Items {
		disc := "none"
		if it.Discount != nil {
			disc = fmt.Sprintf("%.0f%%", *it.Discount*100)
		}
		fmt.Printf("  %-6s %-9s $%6.2f x%-4d tags=%v discount=%s\n", it.SKU, it.Name, it.Price, it.Quantity, it.Tags, disc)
	}
	fmt.Printf("total value: %.2f\n", inv.TotalValue())
	fmt.Println("raw notes:", string(inv.Notes))

	// restock and add an item, then marshal back out
	inv.Items[1].Quantity = 40
	inv.Items = append(inv.Items, Item{SKU: "D-400", Name: "Eraser", Price: 0.25, Quantity: 300, internal: "hidden"})
	sort.Slice(inv.Items, func(i, j int) bool { return inv.Items[i].Price < inv.Items[j].Price })
	inv.Notes = nil

	out, err := json.MarshalIndent(inv, "", "  ")
	if err != nil {
		fmt.Println("marshal:", err)
		return
	}
	fmt.Println(string(out))

	compact, _ := json.Marshal(inv.Items[0])
	fmt.Println(string(compact))

	// decode into a generic structure
	var generic map[string]any
	json.Unmarshal([]byte(`{"a": 1, "b": [true, null, "x"], "c": {"d": 2.5}}`), &generic)
	keys := make([]string, 0, len(generic))
	for k := range generic {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%s: %v (%T)\n", k, generic[k], generic[k])
	}

	// errors
	var bad Item
	err = json.Unmarshal([]byte(`{"sku": 12}`), &bad)
	fmt.Println("type error:", err)
	var typeErr *json.UnmarshalTypeError
	if e, ok := err.(*json.UnmarshalTypeError); ok {
		typeErr = e
		fmt.Println("field:", typeErr.Field, "value:", typeErr.Value)
	}
	err = json.Unmarshal([]byte(`{"sku": "x",}`), &bad)
	fmt.Println("syntax error:", err)
}
