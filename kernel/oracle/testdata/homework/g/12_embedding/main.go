// Week 5 pt 2: composition instead of inheritance
// Person -> Employee -> Manager, with promoted methods
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Person struct {
	First, Last string
	Age         int
}

func (p Person) FullName() string { return p.First + " " + p.Last }
func (p Person) Greet() string    { return "Hi, I'm " + p.First }
func (p *Person) Birthday()       { p.Age++ }

type Address struct {
	City, Country string
}

func (a Address) Location() string { return a.City + ", " + a.Country }

type Employee struct {
	Person
	Address
	ID     int
	Salary float64
}

// override Greet from Person
func (e Employee) Greet() string {
	return e.Person.Greet() + fmt.Sprintf(" (employee #%d)", e.ID)
}

func (e *Employee) Raise(pct float64) {
	e.Salary *= 1 + pct/100
}

type Manager struct {
	Employee
	Reports []*Employee
}

func (m Manager) Greet() string {
	return "Hello, I'm " + m.FullName() + " and I manage " + fmt.Sprint(len(m.Reports)) + " people"
}

func (m *Manager) TeamPayroll() (total float64) {
	total = m.Salary
	for _, r := range m.Reports {
		total += r.Salary
	}
	return
}

type Greeter interface{ Greet() string }

// a Logger that embeds a func type and a counter
type Counter struct{ n int }

func (c *Counter) Inc() int { c.n++; return c.n }

type Logger struct {
	*Counter
	prefix string
	lines  []string
}

func (l *Logger) Log(msg string) {
	l.lines = append(l.lines, fmt.Sprintf("%s[%03d] %s", l.prefix, l.Inc(), msg))
}

func main() {
	alice := &Employee{
		Person:  Person{"Alice", "Nguyen", 29},
		Address: Address{"Lisbon", "PT"},
		ID:      101,
		Salary:  52000,
	}
	bob := &Employee{Person{"Bob", "Smith", 41}, Address{"Leeds", "UK"}, 102, 48000}
	carol := Manager{
		Employee: Employee{Person: Person{"Carol", "Diaz", 38}, Address: Address{"Lisbon", "PT"}, ID: 7, Salary: 90000},
		Reports:  []*Employee{alice, bob},
	}

	fmt.Println(alice.FullName(), "|", alice.Location(), "|", alice.City)
	fmt.Println(alice.Greet())
	fmt.Println(alice.Person.Greet())
	fmt.Println(carol.Greet())
	fmt.Println(carol.Employee.Greet())
	fmt.Println(carol.Employee.Person.Greet())

	greeters := []Greeter{alice.Person, *alice, carol, &carol}
	for _, g := range greeters {
		fmt.Printf("%-16T %s\n", g, g.Greet())
	}

	alice.Birthday() // promoted pointer method
	carol.Birthday()
	fmt.Println("ages:", alice.Age, carol.Age)

	// method values bind the receiver
	raiseBob := bob.Raise
	raiseBob(10)
	raiseBob(10)
	fmt.Printf("bob salary: %.2f\n", bob.Salary)

	greet := carol.Greet // bound to a copy of carol now
	carol.First = "Caroline"
	fmt.Println("method value:", greet())
	fmt.Println("live:", carol.Greet())

	// method expressions
	fullName := Person.FullName
	raise := (*Employee).Raise
	raise(alice, 5)
	fmt.Println("method expr:", fullName(bob.Person), fmt.Sprintf("%.1f", alice.Salary))

	fmt.Printf("team payroll: %.2f\n", carol.TeamPayroll())

	everyone := []*Employee{alice, bob, &carol.Employee}
	sort.Slice(everyone, func(i, j int) bool { return everyone[i].Salary > everyone[j].Salary })
	for _, e := range everyone {
		fmt.Printf("  %-16s %-14s %10.2f\n", e.FullName(), e.Location(), e.Salary)
	}

	// group by city
	byCity := map[string][]string{}
	for _, e := range everyone {
		byCity[e.City] = append(byCity[e.City], e.First)
	}
	cities := []string{}
	for c := range byCity {
		cities = append(cities, c)
	}
	sort.Strings(cities)
	for _, c := range cities {
		fmt.Println(c, "->", strings.Join(byCity[c], ","))
	}

	lg := Logger{Counter: &Counter{}, prefix: "app"}
	lg.Log("start")
	lg.Log("working")
	shared := Logger{Counter: lg.Counter, prefix: "db"}
	shared.Log("query")
	lg.Log("done")
	fmt.Println(strings.Join(lg.lines, "\n"))
	fmt.Println(strings.Join(shared.lines, "\n"))
	fmt.Println("counter:", lg.n)

	fmt.Printf("%+v\n", *bob)
}
