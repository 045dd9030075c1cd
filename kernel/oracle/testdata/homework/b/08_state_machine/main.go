// A traffic-light / order-processing style state machine using iota and String.
package main

import (
	"errors"
	"fmt"
)

type State int

const (
	Created State = iota
	Paid
	Shipped
	Delivered
	Cancelled
)

var stateNames = [...]string{"Created", "Paid", "Shipped", "Delivered", "Cancelled"}

func (s State) String() string {
	if s < 0 || int(s) >= len(stateNames) {
		return fmt.Sprintf("State(%d)", int(s))
	}
	return stateNames[s]
}

type Event int

const (
	Pay Event = iota + 1
	Ship
	Deliver
	Cancel
)

func (e Event) String() string {
	switch e {
	case Pay:
		return "pay"
	case Ship:
		return "ship"
	case Deliver:
		return "deliver"
	case Cancel:
		return "cancel"
	}
	return "unknown"
}

type transition struct {
	from State
	ev   Event
}

var table = map[transition]State{
	{Created, Pay}:     Paid,
	{Created, Cancel}:  Cancelled,
	{Paid, Ship}:       Shipped,
	{Paid, Cancel}:     Cancelled,
	{Shipped, Deliver}: Delivered,
}

var ErrBadTransition = errors.New("invalid transition")

type Order struct {
	ID    int
	State State
	Log   []string
}

func (o *Order) Fire(e Event) error {
	next, ok := table[transition{o.State, e}]
	if !ok {
		return fmt.Errorf("order %d: %v in state %v: %w", o.ID, e, o.State, ErrBadTransition)
	}
	o.Log = append(o.Log, fmt.Sprintf("%v --%v--> %v", o.State, e, next))
	o.State = next
	return nil
}

func (o *Order) Terminal() bool { return o.State == Delivered || o.State == Cancelled }

func main() {
	scenarios := [][]Event{
		{Pay, Ship, Deliver},
		{Pay, Cancel, Ship},
		{Ship},
		{Pay, Ship, Cancel, Deliver},
	}
	for i, evs := range scenarios {
		o := &Order{ID: 100 + i}
		for _, e := range evs {
			if err := o.Fire(e); err != nil {
				fmt.Println("  error:", err)
			}
		}
		fmt.Printf("order %d final=%v terminal=%t\n", o.ID, o.State, o.Terminal())
		for _, l := range o.Log {
			fmt.Println("   ", l)
		}
	}
	fmt.Println(State(7), Event(0), Delivered, fmt.Sprintf("%d", Shipped))
}
