package main

import "fmt"

type State int

const (
	Idle State = iota
	Selecting
	Paying
	Dispensing
	OutOfService
)

func (s State) String() string {
	return [...]string{"Idle", "Selecting", "Paying", "Dispensing", "OutOfService"}[s]
}

type Event string

type VendingMachine struct {
	state    State
	credit   int
	choice   string
	stock    map[string]int
	prices   map[string]int
	log      []string
	dispense int
}

type transition func(vm *VendingMachine, arg string) (State, error)

var table = map[State]map[Event]transition{
	Idle: {
		"coin":   func(vm *VendingMachine, arg string) (State, error) { vm.credit += 25; return Selecting, nil },
		"select": func(vm *VendingMachine, arg string) (State, error) { return Idle, fmt.Errorf("insert coin first") },
	},
	Selecting: {
		"coin": func(vm *VendingMachine, arg string) (State, error) { vm.credit += 25; return Selecting, nil },
		"select": func(vm *VendingMachine, arg string) (State, error) {
			if vm.stock[arg] == 0 {
				return Selecting, fmt.Errorf("%s sold out", arg)
			}
			vm.choice = arg
			return Paying, nil
		},
		"refund": func(vm *VendingMachine, arg string) (State, error) {
			vm.log = append(vm.log, fmt.Sprintf("refunded %d", vm.credit))
			vm.credit = 0
			return Idle, nil
		},
	},
	Paying: {
		"confirm": func(vm *VendingMachine, arg string) (State, error) {
			price := vm.prices[vm.choice]
			if vm.credit < price {
				return Selecting, fmt.Errorf("need %d more", price-vm.credit)
			}
			vm.credit -= price
			vm.stock[vm.choice]--
			return Dispensing, nil
		},
	},
	Dispensing: {
		"take": func(vm *VendingMachine, arg string) (State, error) {
			vm.dispense++
			vm.log = append(vm.log, "dispensed "+vm.choice)
			vm.choice = ""
			if vm.credit > 0 {
				return Selecting, nil
			}
			return Idle, nil
		},
	},
}

func (vm *VendingMachine) Fire(ev Event, arg string) {
	before := vm.state
	handlers, ok := table[vm.state]
	if !ok {
		fmt.Printf("%-12v --%-8s--> ignored (no handlers)\n", before, ev)
		return
	}
	h, ok := handlers[ev]
	if !ok {
		fmt.Printf("%-12v --%-8s--> invalid event\n", before, ev)
		return
	}
	next, err := h(vm, arg)
	vm.state = next
	if err != nil {
		fmt.Printf("%-12v --%-8s--> %-12v error: %v\n", before, ev, next, err)
		return
	}
	fmt.Printf("%-12v --%-8s--> %-12v credit=%d\n", before, ev, next, vm.credit)
}

func main() {
	vm := &VendingMachine{
		stock:  map[string]int{"cola": 1, "chips": 2, "gum": 0},
		prices: map[string]int{"cola": 50, "chips": 75, "gum": 25},
	}
	script := []struct {
		ev  Event
		arg string
	}{
		{"select", "cola"}, {"coin", ""}, {"select", "gum"}, {"select", "cola"},
		{"confirm", ""}, {"coin", ""}, {"select", "cola"}, {"confirm", ""}, {"take", ""},
		{"coin", ""}, {"coin", ""}, {"coin", ""}, {"select", "cola"}, {"select", "chips"},
		{"confirm", ""}, {"take", ""}, {"coin", ""}, {"refund", ""}, {"take", ""},
	}
	for _, s := range script {
		vm.Fire(s.ev, s.arg)
	}
	vm.state = OutOfService
	vm.Fire("coin", "")
	fmt.Println("log:", vm.log)
	fmt.Println("stock:", vm.stock, "dispensed:", vm.dispense)
	fmt.Printf("%v %d %s\n", vm.state, vm.state, Paying)
}
