// Homework 27: Parking garage with vehicle kinds, custom errors and fee calculation.
package main

import (
	"errors"
	"fmt"
	"sort"
	"time"
)

type VehicleKind int

const (
	Motorcycle VehicleKind = iota
	Car
	Van
)

func (k VehicleKind) String() string {
	return [...]string{"Motorcycle", "Car", "Van"}[k]
}

func (k VehicleKind) HourlyRate() int { return [...]int{100, 250, 400}[k] }

type Vehicle struct {
	Plate string
	Kind  VehicleKind
}

type ticket struct {
	Vehicle
	Level   int
	Arrived time.Duration
}

type GarageFullError struct {
	Kind VehicleKind
}

func (e GarageFullError) Error() string { return fmt.Sprintf("no space for %v", e.Kind) }

var ErrNotParked = errors.New("vehicle not parked here")
var ErrDuplicate = errors.New("vehicle already parked")

type Garage struct {
	capacity map[VehicleKind]int
	parked   map[string]ticket
	revenue  int
}

func (g *Garage) used(k VehicleKind) int {
	n := 0
	for _, t := range g.parked {
		if t.Kind == k {
			n++
		}
	}
	return n
}

func (g *Garage) Enter(v Vehicle, at time.Duration) error {
	if _, ok := g.parked[v.Plate]; ok {
		return fmt.Errorf("enter %s: %w", v.Plate, ErrDuplicate)
	}
	if g.used(v.Kind) >= g.capacity[v.Kind] {
		return fmt.Errorf("enter %s: %w", v.Plate, GarageFullError{v.Kind})
	}
	g.parked[v.Plate] = ticket{Vehicle: v, Level: len(g.parked)%3 + 1, Arrived: at}
	return nil
}

// Leave charges per started hour, with the first 15 minutes free.
func (g *Garage) Leave(plate string, at time.Duration) (int, error) {
	t, ok := g.parked[plate]
	if !ok {
		return 0, fmt.Errorf("leave %s: %w", plate, ErrNotParked)
	}
	delete(g.parked, plate)
	stay := at - t.Arrived
	if stay <= 15*time.Minute {
		return 0, nil
	}
	hours := int((stay + time.Hour - 1) / time.Hour)
	fee := hours * t.Kind.HourlyRate()
	g.revenue += fee
	return fee, nil
}

func main() {
	g := &Garage{capacity: map[VehicleKind]int{Motorcycle: 1, Car: 2, Van: 1}, parked: map[string]ticket{}}
	h, m := time.Hour, time.Minute
	log := func(at time.Duration, format string, args ...any) {
		fmt.Printf("[+%-8v] %s\n", at, fmt.Sprintf(format, args...))
	}
	arrivals := []struct {
		v  Vehicle
		at time.Duration
	}{
		{Vehicle{"AB-123", Car}, 0},
		{Vehicle{"MOTO-1", Motorcycle}, 5 * m},
		{Vehicle{"CD-456", Car}, 20 * m},
		{Vehicle{"EF-789", Car}, 30 * m},
		{Vehicle{"VAN-9", Van}, 40 * m},
		{Vehicle{"AB-123", Car}, 45 * m},
	}
	for _, a := range arrivals {
		err := g.Enter(a.v, a.at)
		var full GarageFullError
		switch {
		case errors.As(err, &full):
			log(a.at, "%s turned away: %v (kind=%d)", a.v.Plate, err, full.Kind)
		case err != nil:
			log(a.at, "error: %v", err)
		default:
			log(a.at, "%-6s (%v) parked", a.v.Plate, a.v.Kind)
		}
	}

	plates := make([]string, 0, len(g.parked))
	for p := range g.parked {
		plates = append(plates, p)
	}
	sort.Strings(plates)
	fmt.Println("currently parked:", plates)

	for _, l := range []struct {
		plate string
		at    time.Duration
	}{{"MOTO-1", 15 * m}, {"AB-123", 2*h + 10*m}, {"CD-456", 3*h + 20*m}, {"VAN-9", 5 * h}, {"ZZ-000", 5 * h}} {
		fee, err := g.Leave(l.plate, l.at)
		if errors.Is(err, ErrNotParked) {
			log(l.at, "%v", err)
			continue
		}
		log(l.at, "%-6s leaves, fee $%.2f", l.plate, float64(fee)/100)
	}
	fmt.Printf("revenue: $%.2f, still parked: %d\n", float64(g.revenue)/100, len(g.parked))
}
