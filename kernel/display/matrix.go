package display

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// MaxLaTeX is the largest number of rows or columns a matrix may have to be
// shown in full (aligned text and a LaTeX bmatrix); larger ones are summarized.
const MaxLaTeX = 12

// matrixBundle shows a small matrix as aligned text (mat.Formatted) and a
// bmatrix, and a large one as a summary with an excerpt of its corners.
func matrixBundle(m mat.Matrix) Bundle {
	r, c := m.Dims()
	name := strings.TrimPrefix(fmt.Sprintf("%T", m), "*")
	head := fmt.Sprintf("%s %d×%d", name, r, c)
	if r <= MaxLaTeX && c <= MaxLaTeX {
		b := textBundle(head + "\n" + fmt.Sprintf("%.4g", mat.Formatted(m, mat.Squeeze())))
		b.Data[MIMELaTeX] = matrixLaTeX(m)
		return b
	}
	return textBundle(head + ", " + summary(m) + "\n" + fmt.Sprintf("%.4g", mat.Formatted(m, mat.Excerpt(3), mat.Squeeze())))
}

// matrixLaTeX writes m as $$\begin{bmatrix}…\end{bmatrix}$$; hand-written
// because gonum formats matrices only as text, MATLAB and Python.
func matrixLaTeX(m mat.Matrix) string {
	r, c := m.Dims()
	var sb strings.Builder
	sb.WriteString(`$$\begin{bmatrix}`)
	for i := range r {
		if i > 0 {
			sb.WriteString(` \\ `)
		}
		for j := range c {
			if j > 0 {
				sb.WriteString(" & ")
			}
			sb.WriteString(latexNumber(m.At(i, j)))
		}
	}
	sb.WriteString(`\end{bmatrix}$$`)
	return sb.String()
}

// latexNumber writes x with 4 significant digits, exponents as ×10^{e}.
func latexNumber(x float64) string {
	switch {
	case math.IsNaN(x):
		return `\mathrm{NaN}`
	case math.IsInf(x, 1):
		return `\infty`
	case math.IsInf(x, -1):
		return `-\infty`
	}
	s := strconv.FormatFloat(x, 'g', 4, 64)
	if mant, exp, ok := strings.Cut(s, "e"); ok {
		e, _ := strconv.Atoi(exp)
		return fmt.Sprintf(`%s \times 10^{%d}`, mant, e)
	}
	return s
}

// summary describes the entries of a large matrix: range, mean, Frobenius
// norm, and symmetry when square.
func summary(m mat.Matrix) string {
	r, c := m.Dims()
	lo, hi, sum := math.Inf(1), math.Inf(-1), 0.0
	nonFinite := 0
	for i := range r {
		for j := range c {
			x := m.At(i, j)
			if math.IsNaN(x) || math.IsInf(x, 0) {
				nonFinite++
				continue
			}
			lo, hi, sum = math.Min(lo, x), math.Max(hi, x), sum+x
		}
	}
	s := fmt.Sprintf("min %.4g, max %.4g, mean %.4g, ‖·‖_F %.4g", lo, hi, sum/float64(r*c-nonFinite), mat.Norm(m, 2))
	if nonFinite > 0 {
		s += fmt.Sprintf(", %d non-finite", nonFinite)
	}
	if r == c && r > 0 {
		if _, ok := m.(mat.Symmetric); ok || mat.EqualApprox(m, m.T(), 0) {
			s += ", symmetric"
		}
	}
	return s
}
