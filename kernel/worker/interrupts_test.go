package worker

import (
	"fmt"
	"testing"
	"time"
)

// TestInterruptsTiedToUnit plays the orders in which an interrupt request
// and the units of work can reach the worker: only the unit the interrupt
// names is cancelled, whether the request comes before it begins, while it
// runs, or after it ended (then none is).
func TestInterruptsTiedToUnit(t *testing.T) {
	type step struct {
		op string // "begin", "end" or "interrupt"
		u  unit
	}
	c := func(id uint64) unit { return unit{cell: id} }
	m := func(token uint64) unit { return unit{token: token} }
	tests := []struct {
		name  string
		steps []step
		want  []unit // the units cancelled
	}{
		{"while it runs", []step{{"begin", c(1)}, {"interrupt", c(1)}, {"end", c(1)}}, []unit{c(1)}},
		{"before it begins", []step{{"interrupt", c(2)}, {"begin", c(2)}, {"end", c(2)}}, []unit{c(2)}},
		{"after it ended, while the next cell runs", []step{{"begin", c(1)}, {"end", c(1)}, {"begin", c(2)}, {"interrupt", c(1)}, {"end", c(2)}}, nil},
		{"after it ended, before the next cell", []step{{"begin", c(1)}, {"end", c(1)}, {"interrupt", c(1)}, {"begin", c(2)}, {"end", c(2)}}, nil},
		{"a comm's late interrupt and a cell", []step{{"begin", m(7)}, {"end", m(7)}, {"interrupt", m(7)}, {"begin", c(3)}, {"end", c(3)}}, nil},
		{"a comm interrupted before it begins", []step{{"interrupt", m(8)}, {"begin", m(8)}, {"end", m(8)}}, []unit{m(8)}},
		{"a cell and a comm of the same number", []step{{"interrupt", m(4)}, {"begin", c(4)}, {"end", c(4)}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var in interrupts
			var got []unit
			for _, s := range tt.steps {
				switch s.op {
				case "begin":
					u := s.u
					in.begin(u, func() { got = append(got, u) })
				case "end":
					in.end(s.u)
				case "interrupt":
					in.request(s.u)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("cancelled %v, want %v", got, tt.want)
			}
		})
	}
}

// TestSentBefore: an interrupt is for the running cell unless it was
// received before the cell's request, or received with it and sent before
// it by the front end's clock.
func TestSentBefore(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	ms := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Millisecond) }
	tests := []struct {
		name                       string
		at, sent, cellAt, cellSent time.Time
		want                       bool
	}{
		{"received before the cell", ms(0), time.Time{}, ms(5), time.Time{}, true},
		{"received with it, sent before", ms(6), ms(1), ms(5), ms(2), true},
		{"received with it, sent after", ms(6), ms(3), ms(5), ms(2), false},
		{"received with it, no dates", ms(6), time.Time{}, ms(5), time.Time{}, false},
		{"received long after, a clock behind", ms(2000), ms(1), ms(5), ms(2), false},
	}
	for _, tt := range tests {
		if got := sentBefore(tt.at, tt.sent, tt.cellAt, tt.cellSent); got != tt.want {
			t.Errorf("%s: sentBefore = %v, want %v", tt.name, got, tt.want)
		}
	}
}
