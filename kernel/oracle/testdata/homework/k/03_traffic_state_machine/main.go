// Homework 3: A traffic light / pedestrian crossing state machine.
package main

import (
	"errors"
	"fmt"
	"time"
)

type State int

const (
	Red State = iota
	RedAmber
	Green
	Amber
	FlashingAmber
)

var stateNames = [...]string{"Red", "RedAmber", "Green", "Amber", "FlashingAmber"}

func (s State) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return "Unknown"
}

type Event int

const (
	Tick Event = iota
	Fault
	Reset
)

func (e Event) String() string {
	return [...]string{"Tick", "Fault", "Reset"}[e]
}

var ErrInvalidTransition = errors.New("invalid transition")

type transitionKey struct {
	from State
	ev   Event
}

type Light struct {
	state    State
	elapsed  time.Duration
	table    map[transitionKey]State
	duration map[State]time.Duration
}

func NewLight() *Light {
	l := &Light{state: Red}
	l.table = map[transitionKey]State{
		{Red, Tick}:            RedAmber,
		{RedAmber, Tick}:       Green,
		{Green, Tick}:          Amber,
		{Amber, Tick}:          Red,
		{FlashingAmber, Reset}: Red,
		{FlashingAmber, Tick}:  FlashingAmber,
	}
	for s := Red; s <= Amber; s++ {
		l.table[transitionKey{s, Fault}] = FlashingAmber
	}
	l.duration = map[State]time.Duration{
		Red:           30 * time.Second,
		RedAmber:      2 * time.Second,
		Green:         25 * time.Second,
		Amber:         3 * time.Second,
		FlashingAmber: 1 * time.Second,
	}
	return l
}

func (l *Light) Handle(ev Event) error {
	next, ok := l.table[transitionKey{l.state, ev}]
	if !ok {
		return fmt.Errorf("%v on %v: %w", ev, l.state, ErrInvalidTransition)
	}
	l.elapsed += l.duration[l.state]
	l.state = next
	return nil
}

func main() {
	light := NewLight()
	events := []Event{Tick, Tick, Tick, Tick, Tick, Reset, Fault, Tick, Tick, Reset, Tick, Tick}
	for i, ev := range events {
		before := light.state
		if err := light.Handle(ev); err != nil {
			fmt.Printf("%2d: %-6v ignored (%v)\n", i, ev, err)
			continue
		}
		fmt.Printf("%2d: %-6v %-13v -> %-13v t=%v\n", i, ev, before, light.state, light.elapsed)
	}
	fmt.Println("cycle length:", light.duration[Red]+light.duration[RedAmber]+light.duration[Green]+light.duration[Amber])
	fmt.Printf("total simulated time: %.1f minutes\n", light.elapsed.Minutes())
}
