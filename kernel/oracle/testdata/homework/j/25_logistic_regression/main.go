package main

import (
	"errors"
	"fmt"
	"math"
	"os"
	"text/tabwriter"

	"gonum.org/v1/gonum/mat"
)

// study hours, sleep hours -> passed exam
var (
	X = [][]float64{
		{0.5, 6}, {1.0, 5}, {1.5, 7}, {2.0, 4}, {2.5, 8}, {3.0, 6},
		{3.5, 5}, {4.0, 7}, {4.5, 6}, {5.0, 8}, {5.5, 5}, {6.0, 7},
		{1.2, 8}, {2.8, 4}, {4.2, 4}, {3.3, 8},
	}
	Y = []float64{0, 0, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1, 0, 0, 1, 1}
)

var ErrDiverged = errors.New("training diverged")

type Model struct {
	W []float64 // W[0] is the bias
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

func (m Model) Prob(x []float64) float64 {
	z := m.W[0]
	for j, v := range x {
		z += m.W[j+1] * v
	}
	return sigmoid(z)
}

// Loss is the mean negative log-likelihood, computed stably with log1p.
func (m Model) Loss() float64 {
	s := 0.0
	for i, x := range X {
		z := m.W[0]
		for j, v := range x {
			z += m.W[j+1] * v
		}
		// log(1+exp(z)) - y*z
		s += softplus(z) - Y[i]*z
	}
	return s / float64(len(X))
}

func (m Model) Grad() []float64 {
	g := make([]float64, len(m.W))
	for i, x := range X {
		r := m.Prob(x) - Y[i]
		g[0] += r
		for j, v := range x {
			g[j+1] += r * v
		}
	}
	for j := range g {
		g[j] /= float64(len(X))
	}
	return g
}

func (m Model) Accuracy() float64 {
	c := 0
	for i, x := range X {
		if (m.Prob(x) >= 0.5) == (Y[i] == 1) {
			c++
		}
	}
	return float64(c) / float64(len(X))
}

func softplus(z float64) float64 {
	if z > 0 {
		return z + math.Log1p(math.Exp(-z))
	}
	return math.Log1p(math.Exp(z))
}

// gradientDescent trains for the largest checkpoint and records the loss
// at every checkpoint epoch.
func gradientDescent(lr float64, checkpoints []int) (Model, []float64, error) {
	m := Model{W: make([]float64, 3)}
	var losses []float64
	last := checkpoints[len(checkpoints)-1]
	next := 0
	for e := 1; e <= last; e++ {
		g := m.Grad()
		for j := range m.W {
			m.W[j] -= lr * g[j]
		}
		l := m.Loss()
		if math.IsNaN(l) || l > 1e3 {
			return m, losses, fmt.Errorf("lr=%g epoch %d: %w", lr, e, ErrDiverged)
		}
		if e == checkpoints[next] {
			losses = append(losses, l)
			next++
		}
	}
	return m, losses, nil
}

// newton performs iteratively reweighted least squares steps.
func newton(iters int) (Model, []float64) {
	m := Model{W: make([]float64, 3)}
	var losses []float64
	for it := 0; it < iters; it++ {
		H := mat.NewSymDense(3, nil)
		for _, x := range X {
			p := m.Prob(x)
			f := []float64{1, x[0], x[1]}
			for a := 0; a < 3; a++ {
				for b := a; b < 3; b++ {
					H.SetSym(a, b, H.At(a, b)+p*(1-p)*f[a]*f[b]/float64(len(X)))
				}
			}
		}
		var step mat.VecDense
		if err := step.SolveVec(H, mat.NewVecDense(3, m.Grad())); err != nil {
			break
		}
		for j := range m.W {
			m.W[j] -= step.AtVec(j)
		}
		losses = append(losses, m.Loss())
	}
	return m, losses
}

func main() {
	fmt.Printf("dataset: %d students, %d features\n\n", len(X), len(X[0]))

	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "lr\tloss@100\tloss@1000\tloss@3000\tacc\tstatus\t")
	checkpoints := []int{100, 1000, 3000}
	for _, lr := range []float64{0.001, 0.01, 0.05, 0.1, 0.3, 0.6} {
		m, losses, err := gradientDescent(lr, checkpoints)
		row := fmt.Sprintf("%g", lr)
		for i := range checkpoints {
			if i < len(losses) {
				row += fmt.Sprintf("\t%.5f", losses[i])
			} else {
				row += "\t-"
			}
		}
		if errors.Is(err, ErrDiverged) {
			fmt.Fprintf(tw, "%s\t-\tdiverged\t\n", row)
			continue
		}
		status := "ok"
		if losses[len(losses)-1] > math.Ln2 {
			status = "worse than w=0"
		}
		fmt.Fprintf(tw, "%s\t%.3f\t%s\t\n", row, m.Accuracy(), status)
	}
	tw.Flush()

	nm, losses := newton(8)
	fmt.Println("\nNewton / IRLS loss per iteration:")
	for i, l := range losses {
		fmt.Printf("  it %d  loss %.8f\n", i+1, l)
	}
	fmt.Printf("weights: bias=%.4f study=%.4f sleep=%.4f\n", nm.W[0], nm.W[1], nm.W[2])
	fmt.Printf("||grad|| at optimum < 1e-8: %v\n", norm(nm.Grad()) < 1e-8)
	fmt.Printf("training accuracy %.3f\n\n", nm.Accuracy())

	for _, s := range [][]float64{{2, 7}, {3.5, 6}, {5, 4}} {
		fmt.Printf("P(pass | study=%.1f, sleep=%.0f) = %.4f\n", s[0], s[1], nm.Prob(s))
	}
	fmt.Printf("odds ratio per extra study hour: %.3f\n", math.Exp(nm.W[1]))
}

func norm(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x * x
	}
	return math.Sqrt(s)
}
