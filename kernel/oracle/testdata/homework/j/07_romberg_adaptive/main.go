package main

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

type DepthError struct {
	Depth int
	A, B  float64
}

func (e DepthError) Error() string {
	return fmt.Sprintf("max depth %d reached on [%.4g, %.4g]", e.Depth, e.A, e.B)
}

type RombergTable [][]float64

func (t RombergTable) Best() float64 {
	last := t[len(t)-1]
	return last[len(last)-1]
}

func (t RombergTable) Print() {
	for i, row := range t {
		parts := make([]string, len(row))
		for j, v := range row {
			parts[j] = fmt.Sprintf("%.10f", v)
		}
		fmt.Printf("  R[%d] %s\n", i, strings.Join(parts, " "))
	}
}

func romberg(f func(float64) float64, a, b float64, levels int) RombergTable {
	R := make(RombergTable, levels)
	h := b - a
	R[0] = []float64{h / 2 * (f(a) + f(b))}
	for i := 1; i < levels; i++ {
		h /= 2
		sum := 0.0
		for k := 1; k < 1<<i; k += 2 {
			sum += f(a + float64(k)*h)
		}
		R[i] = make([]float64, i+1)
		R[i][0] = R[i-1][0]/2 + h*sum
		pow := 1.0
		for j := 1; j <= i; j++ {
			pow *= 4
			R[i][j] = R[i][j-1] + (R[i][j-1]-R[i-1][j-1])/(pow-1)
		}
	}
	return R
}

type Adaptive struct {
	Tol      float64
	MaxDepth int
	evals    int
	maxSeen  int
}

func (ad *Adaptive) Integrate(f func(float64) float64, a, b float64) (float64, error) {
	ad.evals, ad.maxSeen = 0, 0
	g := func(x float64) float64 {
		ad.evals++
		return f(x)
	}
	fa, fb, fm := g(a), g(b), g((a+b)/2)
	whole := (b - a) / 6 * (fa + 4*fm + fb)
	return ad.recurse(g, a, b, fa, fm, fb, whole, ad.Tol, 0)
}

func (ad *Adaptive) recurse(f func(float64) float64, a, b, fa, fm, fb, whole, tol float64, depth int) (float64, error) {
	if depth > ad.maxSeen {
		ad.maxSeen = depth
	}
	m := (a + b) / 2
	lm, rm := (a+m)/2, (m+b)/2
	flm, frm := f(lm), f(rm)
	left := (m - a) / 6 * (fa + 4*flm + fm)
	right := (b - m) / 6 * (fm + 4*frm + fb)
	diff := left + right - whole
	if math.Abs(diff) <= 15*tol {
		return left + right + diff/15, nil
	}
	if depth >= ad.MaxDepth {
		return left + right, DepthError{depth, a, b}
	}
	l, err := ad.recurse(f, a, m, fa, flm, fm, left, tol/2, depth+1)
	if err != nil {
		return l, err
	}
	r, err := ad.recurse(f, m, b, fm, frm, fb, right, tol/2, depth+1)
	return l + r, err
}

func main() {
	gauss := func(x float64) float64 { return 2 / math.Sqrt(math.Pi) * math.Exp(-x*x) }
	exact := math.Erf(1.5)

	fmt.Println("Romberg table for erf(1.5) = 2/sqrt(pi) * int_0^1.5 exp(-x^2) dx")
	tab := romberg(gauss, 0, 1.5, 6)
	tab.Print()
	fmt.Printf("best = %.12f  exact = %.12f  err = %.2e\n\n", tab.Best(), exact, math.Abs(tab.Best()-exact))

	ad := &Adaptive{MaxDepth: 30}
	fmt.Println("Adaptive Simpson on sqrt(x) over [0,1] (singular derivative at 0):")
	fmt.Printf("  %-8s %-14s %-10s %6s %5s\n", "tol", "value", "error", "evals", "depth")
	for _, tol := range []float64{1e-3, 1e-5, 1e-7, 1e-9} {
		ad.Tol = tol
		v, err := ad.Integrate(math.Sqrt, 0, 1)
		if err != nil {
			fmt.Println("  error:", err)
			continue
		}
		fmt.Printf("  %-8.0e %-14.10f %-10.2e %6d %5d\n", tol, v, math.Abs(v-2.0/3), ad.evals, ad.maxSeen)
	}

	fmt.Println("\nRomberg on the same function converges slowly:")
	rt := romberg(math.Sqrt, 0, 1, 8)
	for i := 2; i < len(rt); i += 2 {
		fmt.Printf("  level %d: %.10f  err %.2e\n", i, rt[i][i], math.Abs(rt[i][i]-2.0/3))
	}

	fmt.Println("\nA nasty integrand with a tight depth limit:")
	strict := &Adaptive{Tol: 1e-10, MaxDepth: 6}
	osc := func(x float64) float64 { return math.Sin(1 / x) }
	v, err := strict.Integrate(osc, 0.01, 1)
	var de DepthError
	if errors.As(err, &de) {
		fmt.Printf("  partial value %.6f, gave up: %v (depth field %d)\n", v, de, de.Depth)
	} else {
		fmt.Printf("  value %.6f\n", v)
	}
}
