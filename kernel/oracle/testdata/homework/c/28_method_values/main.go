package main

import (
	"fmt"
	"sort"
	"strings"
)

type Counter struct {
	name string
	n    int
}

func (c *Counter) Inc()            { c.n++ }
func (c *Counter) Add(k int)       { c.n += k }
func (c Counter) Get() int         { return c.n }
func (c Counter) String() string   { return fmt.Sprintf("%s:%d", c.name, c.n) }
func (c Counter) Scaled(f int) int { return c.n * f }

type Temp float64

func (t Temp) F() Temp { return t*9/5 + 32 }

type Op func(float64, float64) float64

func (o Op) Apply(a, b float64) float64 { return o(a, b) }

type Strategy interface {
	Name() string
	Price(base float64) float64
}

type Regular struct{}
type Discount struct{ Pct float64 }
type Bulk struct {
	Min int
	Qty int
	Off float64
}

func (Regular) Name() string               { return "regular" }
func (Regular) Price(b float64) float64    { return b }
func (d Discount) Name() string            { return fmt.Sprintf("discount %.0f%%", d.Pct) }
func (d Discount) Price(b float64) float64 { return b * (1 - d.Pct/100) }
func (k *Bulk) Name() string               { return "bulk" }
func (k *Bulk) Price(b float64) float64 {
	if k.Qty >= k.Min {
		return b - k.Off
	}
	return b
}

func main() {
	c := &Counter{name: "clicks"}
	inc := c.Inc // method value bound to c
	inc()
	inc()
	add := c.Add
	add(10)
	fmt.Println(c, c.Get())

	get := c.Get // binds a copy of *c now
	c.Inc()
	fmt.Println("bound get:", get(), "live:", c.Get())

	incExpr := (*Counter).Inc // method expression
	incExpr(c)
	getExpr := Counter.Get
	scaled := Counter.Scaled
	fmt.Println(getExpr(*c), scaled(*c, 3))
	fmt.Printf("%T\n", incExpr)
	fmt.Printf("%T\n", scaled)

	counters := []*Counter{{name: "b", n: 3}, {name: "a", n: 9}, {name: "c", n: 1}}
	var incs []func()
	for _, cc := range counters {
		incs = append(incs, cc.Inc)
	}
	for i, f := range incs {
		for j := 0; j <= i; j++ {
			f()
		}
	}
	sort.Slice(counters, func(i, j int) bool { return counters[i].name < counters[j].name })
	fmt.Println(counters)

	temps := []Temp{0, 37, 100, -40}
	conv := Temp.F
	for _, t := range temps {
		fmt.Printf("%.1fC=%.1fF ", float64(t), float64(conv(t)))
	}
	fmt.Println()

	var mul Op = func(a, b float64) float64 { return a * b }
	fmt.Println(mul.Apply(3, 4), Op(func(a, b float64) float64 { return a - b }).Apply(3, 4))

	strategies := []Strategy{Regular{}, Discount{15}, &Bulk{Min: 10, Qty: 12, Off: 5}, &Bulk{Min: 10, Qty: 2, Off: 5}}
	for _, s := range strategies {
		fmt.Printf("%-14s %6.2f\n", s.Name(), s.Price(40))
	}
	nameFns := map[string]func() string{}
	for i, s := range strategies {
		nameFns[fmt.Sprint(i)] = s.Name
	}
	keys := make([]string, 0, len(nameFns))
	for k := range nameFns {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, k+"="+nameFns[k]())
	}
	fmt.Println(strings.Join(parts, "; "))
	upper := strings.ToUpper
	fmt.Println(upper("method"), strings.Map(func(r rune) rune { return r + 1 }, "HAL"))
	fmt.Printf("%v %s %d\n", *c, c, c.n)
}
