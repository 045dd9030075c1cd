// Homework 21: Meeting scheduler using time.Duration offsets (no wall clock).
package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

type Meeting struct {
	Title string
	Start time.Duration // offset since midnight
	Len   time.Duration
}

func (m Meeting) End() time.Duration { return m.Start + m.Len }

func clock(d time.Duration) string {
	h := int(d.Hours())
	m := int(d.Minutes()) % 60
	return fmt.Sprintf("%02d:%02d", h, m)
}

func (m Meeting) String() string {
	return fmt.Sprintf("%s-%s %s (%v)", clock(m.Start), clock(m.End()), m.Title, m.Len)
}

type ConflictError struct {
	New, Existing Meeting
}

func (e ConflictError) Error() string {
	return fmt.Sprintf("%q overlaps %q", e.New.Title, e.Existing.Title)
}

var ErrOutsideHours = errors.New("outside working hours")

type Calendar struct {
	Open, Close time.Duration
	meetings    []Meeting
}

func (c *Calendar) Book(m Meeting) error {
	if m.Start < c.Open || m.End() > c.Close {
		return fmt.Errorf("book %q at %s: %w", m.Title, clock(m.Start), ErrOutsideHours)
	}
	for _, ex := range c.meetings {
		if m.Start < ex.End() && ex.Start < m.End() {
			return ConflictError{m, ex}
		}
	}
	c.meetings = append(c.meetings, m)
	slices.SortFunc(c.meetings, func(a, b Meeting) int { return int(a.Start - b.Start) })
	return nil
}

// FreeSlots returns gaps of at least min length.
func (c *Calendar) FreeSlots(min time.Duration) []Meeting {
	var free []Meeting
	cur := c.Open
	for _, m := range append(c.meetings, Meeting{Start: c.Close}) {
		if gap := m.Start - cur; gap >= min {
			free = append(free, Meeting{Title: "free", Start: cur, Len: gap})
		}
		cur = max(cur, m.End())
	}
	return free
}

func main() {
	h, mn := time.Hour, time.Minute
	cal := &Calendar{Open: 9 * h, Close: 17*h + 30*mn}
	requests := []Meeting{
		{"Standup", 9*h + 30*mn, 15 * mn},
		{"Design review", 10 * h, 90 * mn},
		{"Lunch", 12*h + 30*mn, h},
		{"1:1 with TA", 11 * h, 30 * mn},
		{"Retro", 15 * h, 45 * mn},
		{"Late call", 17 * h, h},
		{"Early gym", 7 * h, h},
	}
	for _, r := range requests {
		err := cal.Book(r)
		var ce ConflictError
		switch {
		case err == nil:
			fmt.Println("booked  ", r)
		case errors.As(err, &ce):
			fmt.Printf("conflict: %v (existing ends %s)\n", err, clock(ce.Existing.End()))
		case errors.Is(err, ErrOutsideHours):
			fmt.Println("rejected:", err)
		}
	}
	fmt.Println("\nAgenda:")
	var busy time.Duration
	for _, m := range cal.meetings {
		fmt.Println("  ", m)
		busy += m.Len
	}
	fmt.Println("\nFree slots of at least 45m:")
	for _, f := range cal.FreeSlots(45 * mn) {
		fmt.Printf("   %s-%s (%v)\n", clock(f.Start), clock(f.End()), f.Len)
	}
	day := cal.Close - cal.Open
	fmt.Printf("\nbusy %v of %v (%.1f%%)\n", busy, day, 100*busy.Seconds()/day.Seconds())
	fmt.Println("rounded busy:", busy.Round(h), "truncated:", busy.Truncate(h), strings.Repeat("=", int(busy/(15*mn))))
}
