package hessian

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// How results show themselves in a notebook: a String for text/plain, and
// LaTeX or Markdown where a formula or emphasis helps (the kernel's display
// calls these methods by name, like IPython's _repr_*_).

// maxShown is the largest dimension printed in full.
const maxShown = 8

// String shows the formula, A, b, c, and the eigenvalues of A; for n > 8
// only the spectrum's range and condition number.
func (q *Quadratic) String() string {
	if q == nil || q.A == nil {
		return "hessian.Quadratic (nil)"
	}
	n := q.Dim()
	var sb strings.Builder
	fmt.Fprintf(&sb, "J(θ) = ½θᵀAθ + bᵀθ + c, n = %d\n", n)
	vals, err := Eigenvalues(q.A)
	if n <= maxShown {
		fmt.Fprintf(&sb, "A = %v\n", fmtRows(q.A))
		fmt.Fprintf(&sb, "b = %s\nc = %.4g\n", fmtVals(q.b()), q.C)
	}
	if err == nil {
		fmt.Fprintf(&sb, "eigenvalues of A %s, κ = %.4g", fmtVals(vals), CondAbs(vals))
	}
	return sb.String()
}

// LaTeX shows the quadratic with its matrix, for n ≤ 8.
func (q *Quadratic) LaTeX() string {
	if q == nil || q.A == nil {
		return ""
	}
	n := q.Dim()
	if n > maxShown {
		vals, _ := Eigenvalues(q.A)
		if len(vals) == 0 {
			return ""
		}
		return fmt.Sprintf(`$$J(\theta) = \tfrac12\,\theta^\top A\,\theta + b^\top\theta + c,\quad A \in \mathbb{R}^{%d\times%d},\ \lambda(A) \in [%s, %s]$$`,
			n, n, texNum(vals[0]), texNum(vals[n-1]))
	}
	b := q.b()
	return fmt.Sprintf(`$$J(\theta) = \tfrac12\,\theta^\top %s\,\theta + %s^\top\theta + %s$$`,
		texMatrix(n, n, q.A.At), texMatrix(n, 1, func(i, _ int) float64 { return b[i] }), texNum(q.C))
}

func (q *Quadratic) b() []float64 {
	if q.B != nil {
		return q.B
	}
	return make([]float64, q.Dim())
}

// String shows the eigenvalues, κ, and Q for n ≤ 8.
func (s *Spectrum) String() string {
	if s == nil {
		return "hessian.Spectrum (nil)"
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "eigenvalues %s", fmtVals(s.Values))
	if len(s.Values) > 0 {
		fmt.Fprintf(&sb, ", κ = %.4g (%v)", CondAbs(s.Values), DefinitenessOf(s.Values, 0))
	}
	if s.Vectors != nil && len(s.Values) <= maxShown {
		fmt.Fprintf(&sb, "\neigenvectors (columns of Q) %v", fmtRows(s.Vectors))
	}
	return sb.String()
}

// LaTeX shows H = QΛQᵀ with the factors for n ≤ 8, else Λ's range.
func (s *Spectrum) LaTeX() string {
	if s == nil || len(s.Values) == 0 {
		return ""
	}
	n := len(s.Values)
	if n > maxShown || s.Vectors == nil {
		return fmt.Sprintf(`$$\lambda_1 = %s \le \dots \le \lambda_{%d} = %s,\quad \kappa = %s$$`,
			texNum(s.Values[0]), n, texNum(s.Values[n-1]), texNum(CondAbs(s.Values)))
	}
	diag := func(i, j int) float64 {
		if i == j {
			return s.Values[i]
		}
		return 0
	}
	return fmt.Sprintf(`$$H = Q\Lambda Q^\top,\quad \Lambda = %s,\quad Q = %s$$`, texMatrix(n, n, diag), texMatrix(n, n, s.Vectors.At))
}

// String gives the values, the residuals, the cost, and whether a repeated
// eigenvalue could have been missed.
func (e *Eigenpairs) String() string {
	if e == nil {
		return "hessian.Eigenpairs (nil)"
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d %s eigenvalues %s, residuals ≤ %.2g, %d products",
		len(e.Values), e.Which, fmtVals(e.Values), maxOf(e.Residuals), e.Iterations)
	switch {
	case !e.Converged:
		sb.WriteString(", NOT converged")
	case !e.MultiplicityChecked:
		sb.WriteString(", converged; not checked for multiple eigenvalues (a repeated one may appear once only)")
	default:
		sb.WriteString(", converged")
	}
	return sb.String()
}

func maxOf(v []float64) float64 {
	m := 0.0
	for _, x := range v {
		m = math.Max(m, x)
	}
	return m
}

// String summarises the density: probes, nodes, range and mean eigenvalue.
func (d *SpectralDensity) String() string {
	if d == nil || len(d.Nodes) == 0 {
		return "hessian.SpectralDensity (empty)"
	}
	lo, hi := d.Range()
	mean, se := d.Moment(1)
	return fmt.Sprintf("spectral density of a %d×%d operator from %d probes of %d nodes: eigenvalues in [%.4g, %.4g], mean %.4g ± %.2g (tr/n)",
		d.Dim, d.Dim, len(d.Nodes), len(d.Nodes[0]), lo, hi, mean, se)
}

// String shows the point, its value and its kind.
func (c Critical) String() string {
	s := fmt.Sprintf("%v at %s, J = %.6g", c.Kind, fmtVals(c.X), c.F)
	if c.Global {
		s += " (global)"
	}
	return s
}

// String shows the Hessian's size, source and error bound.
func (e Estimate) String() string {
	if e.H == nil {
		return "hessian.Estimate (empty)"
	}
	n := e.H.SymmetricDim()
	s := fmt.Sprintf("Hessian (%s), error ≤ %.2g", e.Source, e.Err)
	if n <= maxShown {
		s += " " + fmtRows(e.H)
	}
	return s
}

// String shows the model's value, gradient and Hessian at θ₀.
func (m *Taylor) String() string {
	if m == nil {
		return "hessian.Taylor (nil)"
	}
	s := fmt.Sprintf("m(θ) = J(θ₀) + gᵀ(θ−θ₀) + ½(θ−θ₀)ᵀH(θ−θ₀) at θ₀ = %s: J = %.6g, g = %s",
		fmtVals(m.Theta0), m.Value, fmtVals(m.Grad))
	if m.Hess != nil && m.Hess.SymmetricDim() <= maxShown {
		s += ", H = " + fmtRows(m.Hess)
	}
	return s
}

// fmtRows formats a small matrix as [[a b] [c d]] with 4 significant digits.
func fmtRows(a mat.Matrix) string {
	r, c := a.Dims()
	rows := make([]string, r)
	for i := range r {
		parts := make([]string, c)
		for j := range c {
			parts[j] = fmt.Sprintf("%.4g", a.At(i, j))
		}
		rows[i] = "[" + strings.Join(parts, " ") + "]"
	}
	return "[" + strings.Join(rows, " ") + "]"
}

func texMatrix(r, c int, at func(i, j int) float64) string {
	var sb strings.Builder
	sb.WriteString(`\begin{bmatrix}`)
	for i := range r {
		if i > 0 {
			sb.WriteString(` \\ `)
		}
		for j := range c {
			if j > 0 {
				sb.WriteString(" & ")
			}
			sb.WriteString(texNum(at(i, j)))
		}
	}
	sb.WriteString(`\end{bmatrix}`)
	return sb.String()
}

// texNum formats x with 4 significant digits, exponents as ×10^{k}.
func texNum(x float64) string {
	s := fmt.Sprintf("%.4g", x)
	if i := strings.IndexByte(s, 'e'); i >= 0 {
		exp := strings.TrimLeft(s[i+2:], "0")
		if s[i+1] == '-' {
			exp = "-" + exp
		}
		return s[:i] + `\times 10^{` + exp + `}`
	}
	return s
}

// String names the fields that are set and where the Hessian comes from.
func (o Funcs) String() string {
	var set []string
	for _, f := range []struct {
		name string
		ok   bool
	}{{"F", o.F != nil}, {"G", o.G != nil}, {"H", o.H != nil}, {"HV", o.HV != nil}} {
		if f.ok {
			set = append(set, f.name)
		}
	}
	return fmt.Sprintf("hessian.Funcs{%s}: Hessian from %v", strings.Join(set, ", "), o.source())
}
