package main

import (
	"fmt"
	"strings"
)

type Logger struct {
	prefix string
	lines  []string
}

func (l *Logger) Log(format string, args ...any) {
	l.lines = append(l.lines, l.prefix+fmt.Sprintf(format, args...))
}

func (l *Logger) Dump() string { return strings.Join(l.lines, "\n") }

type Animal struct {
	Name string
	Legs int
}

func (a Animal) Describe() string { return fmt.Sprintf("%s has %d legs", a.Name, a.Legs) }
func (a Animal) Sound() string    { return "..." }
func (a *Animal) Rename(n string) { a.Name = n }

type Dog struct {
	Animal
	Breed string
}

func (d Dog) Sound() string { return "Woof" }

type Bird struct {
	*Animal
	CanFly bool
}

type Speaker interface{ Sound() string }

type Describer interface{ Describe() string }

type SpeakDescriber interface {
	Speaker
	Describer
}

type Zoo struct {
	*Logger
	animals []SpeakDescriber
}

func (z *Zoo) Add(a SpeakDescriber) {
	z.animals = append(z.animals, a)
	z.Log("added %T", a)
}

type Base struct{ ID int }

func (b Base) Info() string { return fmt.Sprintf("Base#%d", b.ID) }

type Mid struct {
	Base
	ID string // shadows Base.ID
}

type Top struct {
	Mid
}

func main() {
	d := Dog{Animal{"Rex", 4}, "lab"}
	fmt.Println(d.Name, d.Legs, d.Breed)
	fmt.Println(d.Describe())
	fmt.Println(d.Sound(), d.Animal.Sound())
	d.Rename("Max")
	fmt.Println(d.Name, d.Animal.Name)
	fmt.Printf("%+v\n", d)
	b := Bird{&Animal{Name: "Tweety", Legs: 2}, true}
	b.Rename("Polly")
	fmt.Println(b.Describe(), b.Sound(), b.CanFly)
	z := &Zoo{Logger: &Logger{prefix: "[zoo] "}}
	z.Add(d)
	z.Add(b)
	z.Add(&d)
	for _, a := range z.animals {
		fmt.Printf("%-22s says %s\n", a.Describe(), a.Sound())
	}
	z.Log("total %d animals", len(z.animals))
	fmt.Println(z.Dump())
	t := Top{Mid{Base{7}, "mid-id"}}
	fmt.Println(t.ID, t.Base.ID, t.Info(), t.Mid.Base.Info())
	fmt.Printf("%v | %+v\n", t, t)
	var s Speaker = d
	if sd, ok := s.(SpeakDescriber); ok {
		fmt.Println("Dog is SpeakDescriber:", sd.Describe())
	}
	var s2 Speaker = Animal{"Cat", 4}
	_, isDog := s2.(Dog)
	fmt.Println("Animal is Dog?", isDog, s2.Sound())
	// anonymous struct with embedded type
	anon := struct {
		Animal
		Color string
	}{Animal{"Nemo", 0}, "orange"}
	fmt.Println(anon.Describe(), anon.Color)
	animals := []Animal{{"a", 1}, {"b", 2}}
	for i := range animals {
		animals[i].Rename(strings.ToUpper(animals[i].Name))
	}
	for _, a := range animals {
		a.Rename("ignored")
	}
	fmt.Println(animals)
}
