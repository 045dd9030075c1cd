package main

import (
	"errors"
	"fmt"
	"math"
)

// BracketError reports an interval that does not contain a sign change.
type BracketError struct {
	A, B   float64
	FA, FB float64
}

func (e *BracketError) Error() string {
	return fmt.Sprintf("no sign change on [%.3g, %.3g]: f(a)=%.3g f(b)=%.3g", e.A, e.B, e.FA, e.FB)
}

type Stats struct {
	Evals     int
	Bisect    int
	Secant    int
	InvQuad   int
	FinalWide float64
}

func (s Stats) String() string {
	return fmt.Sprintf("evals=%d bisect=%d secant=%d iqi=%d", s.Evals, s.Bisect, s.Secant, s.InvQuad)
}

type counted struct {
	f func(float64) float64
	n int
}

func (c *counted) eval(x float64) float64 {
	c.n++
	return c.f(x)
}

func brent(f func(float64) float64, a, b, tol float64) (float64, Stats, error) {
	cf := &counted{f: f}
	var st Stats
	fa, fb := cf.eval(a), cf.eval(b)
	if fa*fb > 0 {
		return 0, st, &BracketError{a, b, fa, fb}
	}
	if math.Abs(fa) < math.Abs(fb) {
		a, b = b, a
		fa, fb = fb, fa
	}
	c, fc := a, fa
	d := b - a
	mflag := true
	for iter := 0; iter < 200; iter++ {
		if fb == 0 || math.Abs(b-a) < tol {
			break
		}
		var s float64
		kind := ""
		if fa != fc && fb != fc {
			s = a*fb*fc/((fa-fb)*(fa-fc)) +
				b*fa*fc/((fb-fa)*(fb-fc)) +
				c*fa*fb/((fc-fa)*(fc-fb))
			kind = "iqi"
		} else {
			s = b - fb*(b-a)/(fb-fa)
			kind = "secant"
		}
		lo, hi := (3*a+b)/4, b
		if lo > hi {
			lo, hi = hi, lo
		}
		cond1 := s < lo || s > hi
		cond2 := mflag && math.Abs(s-b) >= math.Abs(b-c)/2
		cond3 := !mflag && math.Abs(s-b) >= math.Abs(c-d)/2
		cond4 := mflag && math.Abs(b-c) < tol
		cond5 := !mflag && math.Abs(c-d) < tol
		if cond1 || cond2 || cond3 || cond4 || cond5 {
			s = (a + b) / 2
			mflag = true
			kind = "bisect"
		} else {
			mflag = false
		}
		switch kind {
		case "bisect":
			st.Bisect++
		case "secant":
			st.Secant++
		default:
			st.InvQuad++
		}
		fs := cf.eval(s)
		d = c
		c, fc = b, fb
		if fa*fs < 0 {
			b, fb = s, fs
		} else {
			a, fa = s, fs
		}
		if math.Abs(fa) < math.Abs(fb) {
			a, b = b, a
			fa, fb = fb, fa
		}
	}
	st.Evals = cf.n
	st.FinalWide = math.Abs(b - a)
	return b, st, nil
}

type testCase struct {
	name string
	f    func(float64) float64
	a, b float64
}

var cases = []testCase{
	{"x^3-x-2", func(x float64) float64 { return x*x*x - x - 2 }, 1, 2},
	{"(x+3)(x-1)^2", func(x float64) float64 { return (x + 3) * (x - 1) * (x - 1) }, -4, 4.0 / 3},
	{"x*exp(x)-1", func(x float64) float64 { return x*math.Exp(x) - 1 }, 0, 1},
	{"sin(x)-x/3", func(x float64) float64 { return math.Sin(x) - x/3 }, 1, 3},
	{"ln(x)+x", func(x float64) float64 { return math.Log(x) + x }, 0.1, 1},
	{"x^2+1", func(x float64) float64 { return x*x + 1 }, -2, 2},
	{"cos(x)", math.Cos, 0, 1},
}

func main() {
	fmt.Println("Brent's method (hand-coded), tol = 1e-12")
	fmt.Println()
	for i, tc := range cases {
		root, st, err := brent(tc.f, tc.a, tc.b, 1e-12)
		var be *BracketError
		if errors.As(err, &be) {
			fmt.Printf("%d. %-14s skipped: %v\n", i+1, tc.name, be)
			continue
		}
		fmt.Printf("%d. %-14s root=%13.9f  |f|=%s  %v\n", i+1, tc.name, root, tiny(math.Abs(tc.f(root))), st)
	}

	fmt.Println()
	fmt.Println("Bracket expansion for cos(x) starting at [0,1]:")
	a, b := 0.0, 1.0
	for k := 0; k < 5; k++ {
		_, _, err := brent(math.Cos, a, b, 1e-12)
		if err == nil {
			fmt.Printf("  bracket [%.1f, %.1f] works after %d expansions\n", a, b, k)
			break
		}
		fmt.Printf("  [%.1f, %.1f]: %v\n", a, b, err)
		b *= 1.6
	}

	fmt.Println()
	fmt.Println("safeRoot with a nil function:")
	r, err := safeRoot(nil, 0, 1)
	fmt.Printf("  root=%v err=%v\n", r, err)
}

func tiny(v float64) string {
	if v < 1e-12 {
		return "<1e-12 "
	}
	return fmt.Sprintf("%.1e", v)
}

func safeRoot(f func(float64) float64, a, b float64) (root float64, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	root, _, err = brent(f, a, b, 1e-10)
	return root, err
}
