package main

import (
	"fmt"
)

type State int

const (
	Idle State = iota
	HasMoney
	Dispensing
	OutOfStock
)

var stateNames = [...]string{"Idle", "HasMoney", "Dispensing", "OutOfStock"}

func (s State) String() string {
	if s < 0 || int(s) >= len(stateNames) {
		return fmt.Sprintf("State(%d)", int(s))
	}
	return stateNames[s]
}

type Event uint8

const (
	InsertCoin Event = iota + 1
	PressButton
	TakeItem
	Refund
	Restock
)

func (e Event) String() string {
	switch e {
	case InsertCoin:
		return "InsertCoin"
	case PressButton:
		return "PressButton"
	case TakeItem:
		return "TakeItem"
	case Refund:
		return "Refund"
	case Restock:
		return "Restock"
	}
	return "Unknown"
}

type Machine struct {
	state   State
	stock   int
	credit  int
	price   int
	revenue int
}

func (m *Machine) Handle(e Event) error {
	prev := m.state
	switch m.state {
	case Idle:
		switch e {
		case InsertCoin:
			m.credit += 25
			if m.credit >= m.price {
				m.state = HasMoney
			}
		case Refund:
			m.credit = 0
		default:
			return fmt.Errorf("event %v not allowed in state %v", e, m.state)
		}
	case HasMoney:
		switch e {
		case InsertCoin:
			m.credit += 25
		case PressButton:
			m.credit -= m.price
			m.revenue += m.price
			m.stock--
			m.state = Dispensing
		case Refund:
			m.credit = 0
			m.state = Idle
		default:
			return fmt.Errorf("event %v not allowed in state %v", e, m.state)
		}
	case Dispensing:
		if e != TakeItem {
			return fmt.Errorf("please take your item first (got %v)", e)
		}
		if m.stock == 0 {
			m.state = OutOfStock
		} else if m.credit >= m.price {
			m.state = HasMoney
		} else {
			m.state = Idle
		}
	case OutOfStock:
		if e == Restock {
			m.stock = 2
			m.state = Idle
			if m.credit >= m.price {
				m.state = HasMoney
			}
		} else if e == Refund {
			m.credit = 0
		} else {
			return fmt.Errorf("out of stock")
		}
	}
	if prev != m.state {
		fmt.Printf("    %v -> %v\n", prev, m.state)
	}
	return nil
}

func main() {
	m := &Machine{stock: 2, price: 50}
	events := []Event{
		PressButton, InsertCoin, InsertCoin, InsertCoin, PressButton, InsertCoin,
		TakeItem, PressButton, TakeItem, InsertCoin, PressButton, TakeItem,
		InsertCoin, Restock, InsertCoin, InsertCoin, Refund, Event(42),
	}
	for i, e := range events {
		fmt.Printf("%2d. %-11v credit=%3d stock=%d\n", i+1, e, m.credit, m.stock)
		if err := m.Handle(e); err != nil {
			fmt.Println("    error:", err)
		}
	}
	fmt.Printf("final: %+v\n", *m)
	fmt.Printf("%v %d %s %v\n", Dispensing, Dispensing, State(7), OutOfStock+0)
}
