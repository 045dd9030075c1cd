// Struct embedding: method promotion, shadowing, and interface satisfaction via embedded types.
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

type Entity struct {
	ID   int
	Name string
}

func (e Entity) Describe() string { return fmt.Sprintf("Entity#%d(%s)", e.ID, e.Name) }
func (e Entity) Kind() string     { return "entity" }

type Animal struct {
	Entity
	Legs int
}

func (a Animal) Sound() string { return "..." }
func (a Animal) Kind() string  { return "animal" } // shadows Entity.Kind

type Dog struct {
	Animal
	*Logger
	Breed string
}

func (d Dog) Sound() string { return "Woof" } // shadows Animal.Sound

func (d Dog) Describe() string { // shadows, but still calls the embedded version
	return d.Animal.Describe() + " a " + d.Breed
}

type Describer interface{ Describe() string }
type Sounder interface{ Sound() string }

// ReadWriter-style interface embedding.
type Named interface{ Kind() string }
type NamedSounder interface {
	Named
	Sounder
}

func main() {
	log := &Logger{prefix: "[dog] "}
	d := Dog{
		Animal: Animal{Entity: Entity{ID: 7, Name: "Rex"}, Legs: 4},
		Logger: log,
		Breed:  "beagle",
	}

	// Promoted fields and methods.
	fmt.Println("name via promotion:", d.Name, "legs:", d.Legs, "id:", d.ID)
	fmt.Println("d.Kind():", d.Kind(), "| d.Entity.Kind():", d.Entity.Kind())
	fmt.Println("d.Sound():", d.Sound(), "| d.Animal.Sound():", d.Animal.Sound())
	fmt.Println("d.Describe():", d.Describe())
	fmt.Println("d.Animal.Describe():", d.Animal.Describe())

	// Promoted method from an embedded pointer.
	d.Log("created %s", d.Name)
	d.Log("has %d legs", d.Legs)

	// Interfaces satisfied through promoted methods.
	things := []Describer{d.Entity, d.Animal, d}
	for _, t := range things {
		fmt.Printf("%-12T %s\n", t, t.Describe())
	}
	var ns NamedSounder = d
	fmt.Println("NamedSounder:", ns.Kind(), ns.Sound())
	ns = d.Animal
	fmt.Println("NamedSounder:", ns.Kind(), ns.Sound())

	// Changing the embedded struct through the outer value.
	d.Name = "Rex II"
	d.Log("renamed to %s", d.Entity.Name)
	fmt.Println("log:\n  " + strings.Join(log.lines, "\n  "))
	fmt.Printf("%+v\n", d.Animal)
}
