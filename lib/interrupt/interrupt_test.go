package interrupt_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/gocurve/gocurve/lib/interrupt"
)

func TestRequestClear(t *testing.T) {
	t.Cleanup(interrupt.Clear)
	interrupt.Clear()
	if interrupt.Requested() || interrupt.Err() != nil {
		t.Fatal("fresh state reports an interrupt")
	}
	interrupt.Request()
	if !interrupt.Requested() {
		t.Fatal("Requested() = false after Request")
	}
	if err := interrupt.Err(); !errors.Is(err, interrupt.ErrInterrupted) {
		t.Fatalf("Err() = %v, want ErrInterrupted", err)
	}
	interrupt.Clear()
	if interrupt.Requested() {
		t.Fatal("Requested() = true after Clear")
	}
}

// A library loop checks once per iteration and stops early.
func Example() {
	defer interrupt.Clear()
	sum := 0
	for i := range 1000 {
		if i == 10 {
			interrupt.Request() // in a notebook, the interrupt button does this
		}
		if err := interrupt.Err(); err != nil {
			fmt.Println("stopped at", i, "with sum", sum, "-", err)
			break
		}
		sum += i
	}
	// Output: stopped at 10 with sum 45 - interrupted
}
