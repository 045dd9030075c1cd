package main

import (
	"fmt"
	"math"
)

func main() {
	lin := &Linear{Base: Base{Name: "linear"}, W: []float64{0.5, -1}, B: 0.25}
	sig := &Logistic{Linear: Linear{Base: Base{Name: "logistic"}, W: []float64{2, 1}, B: -1}}

	models := []Model{lin, sig}
	x := []float64{1, 2}
	for _, m := range models {
		fmt.Printf("%-9s predict(%v) = %.4f  params=%d\n", m.ID(), x, m.Predict(x), m.NumParams())
	}

	// promoted fields and methods
	sig.Calls = 0
	sig.Rename("sigmoid-v2")
	fmt.Println("renamed:", sig.Name, "==", sig.Linear.Base.Name)

	// Logistic.Predict shadows Linear.Predict, but the inner one is reachable
	fmt.Printf("logit = %.4f, prob = %.4f\n", sig.Linear.Predict(x), sig.Predict(x))
	fmt.Println("calls counted on embedded base:", sig.Calls)

	// value receiver on a copy does not change the original
	c := *lin
	c.W[0] = 9 // but slices inside are shared!
	c.B = 100
	fmt.Printf("original after copy edits: W=%v B=%v\n", lin.W, lin.B)

	fmt.Printf("%+v\n", *lin)
	fmt.Printf("%#v\n", lin.Base)
}

type Model interface {
	Predict(x []float64) float64
	NumParams() int
	ID() string
}

type Base struct {
	Name  string
	Calls int
}

func (b Base) ID() string       { return "<" + b.Name + ">" }
func (b *Base) Rename(n string) { b.Name = n }
func (b *Base) count()          { b.Calls++ }

type Linear struct {
	Base
	W []float64
	B float64
}

func (l *Linear) Predict(x []float64) float64 {
	l.count()
	s := l.B
	for i := range x {
		s += l.W[i] * x[i]
	}
	return s
}

func (l Linear) NumParams() int { return len(l.W) + 1 }

type Logistic struct {
	Linear
}

func (g *Logistic) Predict(x []float64) float64 {
	return 1 / (1 + math.Exp(-g.Linear.Predict(x)))
}
