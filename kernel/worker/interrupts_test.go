package worker

import (
	"fmt"
	"testing"
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
