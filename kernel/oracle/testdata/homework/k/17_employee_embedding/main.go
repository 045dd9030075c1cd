// Homework 17: Struct embedding, method promotion and payroll via interfaces.
package main

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
)

type Person struct {
	First, Last string
}

func (p Person) FullName() string { return p.First + " " + p.Last }

type Address struct {
	City, Country string
}

func (a Address) String() string { return a.City + ", " + a.Country }

type Employee struct {
	Person
	Address
	ID     int
	Salary float64 // yearly
}

func (e *Employee) Raise(pct float64)  { e.Salary *= 1 + pct/100 }
func (e Employee) MonthlyPay() float64 { return e.Salary / 12 }
func (e Employee) Role() string        { return "engineer" }

type Manager struct {
	Employee
	Reports []*Employee
}

// Manager overrides the promoted methods.
func (m Manager) MonthlyPay() float64 {
	return m.Employee.MonthlyPay() + 150*float64(len(m.Reports))
}
func (m Manager) Role() string { return fmt.Sprintf("manager of %d", len(m.Reports)) }

type Contractor struct {
	Person
	HourlyRate float64
	Hours      int
}

func (c Contractor) MonthlyPay() float64 { return c.HourlyRate * float64(c.Hours) }
func (c Contractor) Role() string        { return "contractor" }

type Payee interface {
	FullName() string
	MonthlyPay() float64
	Role() string
}

func main() {
	alice := &Employee{Person: Person{"Alice", "Nguyen"}, Address: Address{"Lyon", "France"}, ID: 1, Salary: 54000}
	bob := &Employee{Person: Person{"Bob", "Okafor"}, Address: Address{"Lagos", "Nigeria"}, ID: 2, Salary: 48000}
	carol := Manager{
		Employee: Employee{Person: Person{"Carol", "Schmidt"}, Address: Address{"Berlin", "Germany"}, ID: 3, Salary: 72000},
		Reports:  []*Employee{alice, bob},
	}
	dmitri := Contractor{Person{"Dmitri", "Ivanov"}, 65, 80}

	alice.Raise(10)
	carol.Raise(5) // promoted pointer method via addressable value

	fmt.Println("promoted fields:", carol.First, "/", carol.City, "/", carol.Employee.Person.Last)
	fmt.Println("promoted String():", alice.Address)
	fmt.Printf("%+v\n", alice.Person)

	payees := []Payee{alice, bob, carol, dmitri}
	slices.SortFunc(payees, func(a, b Payee) int {
		return strings.Compare(a.FullName(), b.FullName())
	})
	tw := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "Name\tRole\tMonthly\tType")
	var sum float64
	for _, p := range payees {
		fmt.Fprintf(tw, "%s\t%s\t%10.2f\t%T\n", p.FullName(), p.Role(), p.MonthlyPay(), p)
		sum += p.MonthlyPay()
	}
	tw.Flush()
	fmt.Printf("total monthly payroll: %.2f\n", sum)

	for _, r := range carol.Reports {
		fmt.Printf("%s reports to %s (lives in %v)\n", r.FullName(), carol.FullName(), r.Address)
	}
}
