// Package check states claims in notebooks: a check that holds prints a
// one-line confirmation, a check that fails panics with a message saying
// what was expected and what was found, so the cell — and an nbclient run
// of the whole course — fails.
//
// Homework self-checks use it too: the message is written for a student,
// naming the quantity that is wrong.
package check

import (
	"fmt"
	"math"
	"os"
)

// Failure is the panic value of a failed check.
type Failure struct{ Msg string }

func (f Failure) Error() string { return "check failed: " + f.Msg }

func pass(claim string) { fmt.Fprintln(os.Stdout, "✓", claim) }

func fail(claim, detail string) { panic(Failure{Msg: claim + ": " + detail}) }

// That checks a boolean claim.
func That(ok bool, claim string) {
	if !ok {
		fail(claim, "it does not hold")
	}
	pass(claim)
}

// Close checks |got − want| ≤ tol·max(1, |want|): absolute near zero,
// relative for large values.
func Close(got, want, tol float64, claim string) {
	scale := math.Max(1, math.Abs(want))
	if math.IsNaN(got) || !(math.Abs(got-want) <= tol*scale) {
		fail(claim, fmt.Sprintf("got %.10g, want %.10g (tolerance %.1g)", got, want, tol))
	}
	pass(claim)
}

// AllClose checks Close element by element; the lengths must agree.
func AllClose(got, want []float64, tol float64, claim string) {
	if len(got) != len(want) {
		fail(claim, fmt.Sprintf("got %d values, want %d", len(got), len(want)))
	}
	for i := range got {
		scale := math.Max(1, math.Abs(want[i]))
		if math.IsNaN(got[i]) || !(math.Abs(got[i]-want[i]) <= tol*scale) {
			fail(claim, fmt.Sprintf("element %d: got %.10g, want %.10g (tolerance %.1g)", i, got[i], want[i], tol))
		}
	}
	pass(claim)
}

// Less checks a < b.
func Less(a, b float64, claim string) {
	if !(a < b) {
		fail(claim, fmt.Sprintf("%.10g is not less than %.10g", a, b))
	}
	pass(claim)
}

// Equal checks that two values print the same (%v); handy for labels such
// as a critical point's kind.
func Equal(got, want any, claim string) {
	if g, w := fmt.Sprint(got), fmt.Sprint(want); g != w {
		fail(claim, fmt.Sprintf("got %s, want %s", g, w))
	}
	pass(claim)
}
