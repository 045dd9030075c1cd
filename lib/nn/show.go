package nn

import (
	"fmt"
	"strings"
)

// String shows the architecture, such as "MLP 2→8 tanh→1 linear, MSE, 33
// parameters".
func (m MLP) String() string {
	if len(m.Sizes) < 2 || len(m.Activations) != len(m.Sizes)-1 {
		return fmt.Sprintf("nn.MLP{Sizes: %v, Activations: %v, Loss: %v} (incomplete)", m.Sizes, m.Activations, m.Loss)
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "MLP %d", m.Sizes[0])
	params := 0
	for l := 1; l < len(m.Sizes); l++ {
		fmt.Fprintf(&sb, "→%d %v", m.Sizes[l], m.Activations[l-1])
		params += m.Sizes[l] * (m.Sizes[l-1] + 1)
	}
	fmt.Fprintf(&sb, ", %v loss, %d parameters", m.Loss, params)
	return sb.String()
}

// String shows the number of examples and the shapes of X and T.
func (d Data) String() string {
	if d.X == nil {
		return "nn.Data (empty)"
	}
	r, c := d.X.Dims()
	s := fmt.Sprintf("nn.Data: %d examples, %d inputs", r, c)
	if d.T != nil {
		_, t := d.T.Dims()
		s += fmt.Sprintf(", %d targets", t)
	}
	return s
}

// String shows the network and the number of examples.
func (o *Objective) String() string {
	if o == nil {
		return "nn.Objective (nil)"
	}
	return fmt.Sprintf("loss J(θ) of %v on %d examples", o.net, o.n)
}

// String says which matrix it is and where.
func (c *Curvature) String() string {
	if c == nil {
		return "nn.Curvature (nil)"
	}
	what := "Hessian ∇²J(θ)"
	if c.ggn {
		what = "Gauss-Newton matrix G(θ)"
	}
	return fmt.Sprintf("%s as an operator, %d×%d, of the %v", what, c.Dim(), c.Dim(), c.obj)
}

// String shows the number of features.
func (s Standardizer) String() string {
	return fmt.Sprintf("nn.Standardizer: %d features, x ↦ (x − mean)/scale, mean %s, scale %s", len(s.Mean), short(s.Mean), short(s.Scale))
}

func short(v []float64) string {
	if len(v) > 6 {
		return fmt.Sprintf("[%.4g %.4g … %.4g]", v[0], v[1], v[len(v)-1])
	}
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = fmt.Sprintf("%.4g", x)
	}
	return "[" + strings.Join(parts, " ") + "]"
}
