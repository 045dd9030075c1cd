package main

import (
	"fmt"
	"math"
	"os"
	"sort"
	"text/tabwriter"

	"gonum.org/v1/gonum/integrate/quad"
)

type Integrator interface {
	Integrate(f func(float64) float64, a, b float64) float64
	fmt.Stringer
}

type Trapezoid struct{ N int }
type Simpson struct{ N int }
type GaussLegendre struct {
	nodes, weights []float64
}

func (t Trapezoid) String() string     { return fmt.Sprintf("trapezoid(n=%d)", t.N) }
func (s Simpson) String() string       { return fmt.Sprintf("simpson(n=%d)", s.N) }
func (g GaussLegendre) String() string { return fmt.Sprintf("gauss-legendre(%d)", len(g.nodes)) }

func (t Trapezoid) Integrate(f func(float64) float64, a, b float64) float64 {
	h := (b - a) / float64(t.N)
	s := 0.5 * (f(a) + f(b))
	for i := 1; i < t.N; i++ {
		s += f(a + float64(i)*h)
	}
	return s * h
}

func (s Simpson) Integrate(f func(float64) float64, a, b float64) float64 {
	n := s.N
	if n%2 == 1 {
		n++
	}
	h := (b - a) / float64(n)
	sum := f(a) + f(b)
	for i := 1; i < n; i++ {
		w := 2.0
		if i%2 == 1 {
			w = 4
		}
		sum += w * f(a+float64(i)*h)
	}
	return sum * h / 3
}

func (g GaussLegendre) Integrate(f func(float64) float64, a, b float64) float64 {
	mid, half := (a+b)/2, (b-a)/2
	s := 0.0
	for i, x := range g.nodes {
		s += g.weights[i] * f(mid+half*x)
	}
	return s * half
}

// NewGaussLegendre finds the roots of P_n by Newton's method starting from
// the usual cosine guesses.
func NewGaussLegendre(n int) GaussLegendre {
	g := GaussLegendre{make([]float64, n), make([]float64, n)}
	for i := 0; i < n; i++ {
		x := math.Cos(math.Pi * (float64(i) + 0.75) / (float64(n) + 0.5))
		var dp float64
		for it := 0; it < 100; it++ {
			var p float64
			p, dp = legendre(n, x)
			dx := p / dp
			x -= dx
			if math.Abs(dx) < 1e-15 {
				break
			}
		}
		if math.Abs(x) < 1e-14 {
			x = 0
		}
		g.nodes[i] = x
		g.weights[i] = 2 / ((1 - x*x) * dp * dp)
	}
	sort.Float64s(g.nodes)
	// weights are symmetric, re-sort them to match nodes
	for i := 0; i < n; i++ {
		_, dp := legendre(n, g.nodes[i])
		g.weights[i] = 2 / ((1 - g.nodes[i]*g.nodes[i]) * dp * dp)
	}
	return g
}

// legendre returns P_n(x) and P_n'(x) using the three-term recurrence.
func legendre(n int, x float64) (float64, float64) {
	p0, p1 := 1.0, x
	for k := 2; k <= n; k++ {
		p0, p1 = p1, ((2*float64(k)-1)*x*p1-(float64(k)-1)*p0)/float64(k)
	}
	dp := float64(n) * (x*p1 - p0) / (x*x - 1)
	return p1, dp
}

type testIntegral struct {
	name  string
	f     func(float64) float64
	a, b  float64
	exact float64
}

func main() {
	tests := []testIntegral{
		{"exp(x) on [0,1]", math.Exp, 0, 1, math.E - 1},
		{"sin(x) on [0,pi]", math.Sin, 0, math.Pi, 2},
		{"1/(1+x^2) on [0,1]", func(x float64) float64 { return 1 / (1 + x*x) }, 0, 1, math.Pi / 4},
		{"sqrt(x) on [0,1]", math.Sqrt, 0, 1, 2.0 / 3},
	}
	methods := []Integrator{Trapezoid{16}, Simpson{16}, NewGaussLegendre(5)}

	g5 := methods[2].(GaussLegendre)
	fmt.Println("Gauss-Legendre 5-point nodes and weights:")
	for i := range g5.nodes {
		fmt.Printf("  x=%+.8f  w=%.8f\n", g5.nodes[i], g5.weights[i])
	}
	fmt.Println()

	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "integral\tmethod\tvalue\tabs error\t")
	for _, t := range tests {
		for _, m := range methods {
			v := m.Integrate(t.f, t.a, t.b)
			fmt.Fprintf(tw, "%s\t%v\t%.10f\t%.2e\t\n", t.name, m, v, clamp(math.Abs(v-t.exact)))
		}
		q := quad.Fixed(t.f, t.a, t.b, 5, quad.Legendre{}, 0)
		fmt.Fprintf(tw, "%s\t%s\t%.10f\t%.2e\t\n", t.name, "quad.Fixed(5)", q, clamp(math.Abs(q-t.exact)))
	}
	tw.Flush()

	fmt.Println("\nhand GL vs quad.Fixed with the same number of points (exp on [0,2]):")
	for _, n := range []int{2, 3, 4, 6, 8} {
		mine := NewGaussLegendre(n).Integrate(math.Exp, 0, 2)
		theirs := quad.Fixed(math.Exp, 0, 2, n, quad.Legendre{}, 0)
		fmt.Printf("  n=%d  mine=%.12f  gonum=%.12f  agree=%v\n", n, mine, theirs, math.Abs(mine-theirs) < 1e-12)
	}

	fmt.Println("\nerror ratio when doubling n (sin on [0,pi]):")
	for _, n := range []int{4, 8, 16, 32} {
		et := math.Abs(Trapezoid{n}.Integrate(math.Sin, 0, math.Pi) - 2)
		et2 := math.Abs(Trapezoid{2 * n}.Integrate(math.Sin, 0, math.Pi) - 2)
		es := math.Abs(Simpson{n}.Integrate(math.Sin, 0, math.Pi) - 2)
		es2 := math.Abs(Simpson{2 * n}.Integrate(math.Sin, 0, math.Pi) - 2)
		fmt.Printf("  n=%2d  trap ratio %.2f   simpson ratio %.2f\n", n, et/et2, es/es2)
	}
}

func clamp(e float64) float64 {
	if e < 1e-14 {
		return 0
	}
	return e
}
