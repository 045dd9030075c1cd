package main

import "fmt"

type Address struct {
	Street string
	City   string
}

func (a Address) FullAddress() string {
	return a.Street + ", " + a.City
}

type Person struct {
	Name string
	Age  int
	Address
}

func (p Person) Greet() string {
	return "Hi, I'm " + p.Name
}

func (p *Person) Birthday() {
	p.Age++
}

type Employee struct {
	Person
	Company string
	Salary  int
}

// Greet shadows Person.Greet
func (e Employee) Greet() string {
	return e.Person.Greet() + " and I work at " + e.Company
}

type Manager struct {
	Employee
	Reports []*Employee
}

func (m *Manager) AddReport(e *Employee) {
	m.Reports = append(m.Reports, e)
}

func (m Manager) TeamSalary() int {
	total := m.Salary
	for _, r := range m.Reports {
		total += r.Salary
	}
	return total
}

type Greeter interface {
	Greet() string
}

func main() {
	p := Person{Name: "Dana", Age: 30, Address: Address{"1 Main St", "Springfield"}}
	fmt.Printf("%v\n", p)
	fmt.Printf("%+v\n", p)
	fmt.Printf("%#v\n", p.Address)

	e := Employee{
		Person:  Person{Name: "Eli", Age: 41, Address: Address{City: "Shelbyville", Street: "22 Oak Ave"}},
		Company: "Acme",
		Salary:  5200,
	}
	fmt.Println(e.Name, e.City, e.FullAddress())
	e.Birthday() // promoted through two levels, pointer receiver on addressable value
	fmt.Println("after birthday:", e.Age, e.Person.Age)

	m := &Manager{Employee: Employee{Person: Person{Name: "Mia", Age: 50}, Company: "Acme", Salary: 9000}}
	m.AddReport(&e)
	m.AddReport(&Employee{Person: Person{Name: "Oz", Age: 25}, Company: "Acme", Salary: 3100})
	fmt.Println("team salary:", m.TeamSalary())

	greeters := []Greeter{p, e, m, &p}
	for _, g := range greeters {
		fmt.Printf("%-15T %s\n", g, g.Greet())
	}

	// copying a struct copies the embedded struct too
	e2 := e
	e2.Name = "Eli Jr."
	e2.City = "Capital City"
	fmt.Println(e.Name, "/", e.City)
	fmt.Println(e2.Name, "/", e2.City)

	// but the pointers in Reports are shared
	m.Reports[0].Salary += 100
	fmt.Println("e.Salary after raise through manager:", e.Salary)

	for i, r := range m.Reports {
		fmt.Printf("report %d: %s (%d) lives at %q\n", i, r.Name, r.Age, r.FullAddress())
	}
}
