// Homework 2: a tiny reverse-mode autodiff "tape".
// Every operation appends a node holding a closure that pushes the
// adjoint back to its parents. Checked against fd.Gradient.
package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/floats"
)

type Node struct {
	val      float64
	grad     float64
	backward func()
	label    string
}

type Tape struct {
	nodes []*Node
}

func (t *Tape) push(v float64, label string) *Node {
	n := &Node{val: v, label: label}
	t.nodes = append(t.nodes, n)
	return n
}

func (t *Tape) Var(v float64, name string) *Node { return t.push(v, name) }

func (t *Tape) Add(a, b *Node) *Node {
	out := t.push(a.val+b.val, "add")
	out.backward = func() {
		a.grad += out.grad
		b.grad += out.grad
	}
	return out
}

func (t *Tape) Mul(a, b *Node) *Node {
	out := t.push(a.val*b.val, "mul")
	out.backward = func() {
		a.grad += b.val * out.grad
		b.grad += a.val * out.grad
	}
	return out
}

func (t *Tape) Scale(a *Node, c float64) *Node {
	out := t.push(c*a.val, "scale")
	out.backward = func() { a.grad += c * out.grad }
	return out
}

func (t *Tape) Exp(a *Node) *Node {
	out := t.push(math.Exp(a.val), "exp")
	out.backward = func() { a.grad += out.val * out.grad }
	return out
}

func (t *Tape) Log(a *Node) *Node {
	out := t.push(math.Log(a.val), "log")
	out.backward = func() { a.grad += out.grad / a.val }
	return out
}

func (t *Tape) Tanh(a *Node) *Node {
	th := math.Tanh(a.val)
	out := t.push(th, "tanh")
	out.backward = func() { a.grad += (1 - th*th) * out.grad }
	return out
}

// Backward walks the tape in reverse order. Since nodes are appended in
// creation order this is already a topological order.
func (t *Tape) Backward(root *Node) {
	for _, n := range t.nodes {
		n.grad = 0
	}
	root.grad = 1
	for i := len(t.nodes) - 1; i >= 0; i-- {
		if t.nodes[i].backward != nil {
			t.nodes[i].backward()
		}
	}
}

// model: a single tanh neuron followed by a softplus loss on data points
// loss(w, b, v) = sum_i log(1 + exp(-y_i * v * tanh(w*x_i + b)))
var xs = []float64{-2, -1, 0.5, 1.5, 3}
var ys = []float64{-1, -1, 1, 1, 1}

func lossTape(t *Tape, p []*Node) *Node {
	total := t.Var(0, "zero")
	for i := range xs {
		z := t.Add(t.Scale(p[0], xs[i]), p[1])
		h := t.Tanh(z)
		m := t.Scale(t.Mul(p[2], h), -ys[i])
		l := t.Log(t.Add(t.Var(1, "one"), t.Exp(m)))
		total = t.Add(total, l)
	}
	return total
}

func lossPlain(p []float64) float64 {
	s := 0.0
	for i := range xs {
		m := -ys[i] * p[2] * math.Tanh(p[0]*xs[i]+p[1])
		s += math.Log(1 + math.Exp(m))
	}
	return s
}

func main() {
	params := []float64{0.4, -0.2, 1.1}
	names := []string{"w", "b", "v"}

	for step := 0; step <= 40; step++ {
		tape := &Tape{}
		ps := make([]*Node, len(params))
		for i, v := range params {
			ps[i] = tape.Var(v, names[i])
		}
		loss := lossTape(tape, ps)
		tape.Backward(loss)
		grad := make([]float64, len(ps))
		for i, n := range ps {
			grad[i] = n.grad
		}
		if step == 0 {
			num := fd.Gradient(nil, lossPlain, params, &fd.Settings{Formula: fd.Central})
			fmt.Printf("tape length: %d nodes\n", len(tape.nodes))
			fmt.Printf("loss        = %.6f (plain %.6f)\n", loss.val, lossPlain(params))
			fmt.Printf("reverse AD  = %.6f\n", grad)
			fmt.Printf("finite diff = %.6f\n", num)
			fmt.Printf("max abs diff < 1e-6: %v\n", floats.EqualApprox(grad, num, 1e-6))
			fmt.Printf("first nodes: %s %s %s %s\n", tape.nodes[0].label, tape.nodes[3].label, tape.nodes[4].label, tape.nodes[5].label)
		}
		if step%10 == 0 {
			fmt.Printf("step %2d loss %.6f |g| %.6f\n", step, loss.val, floats.Norm(grad, 2))
		}
		floats.AddScaled(params, -0.3, grad)
	}
	fmt.Printf("final params: ")
	for i, v := range params {
		fmt.Printf("%s=%.4f ", names[i], v)
	}
	fmt.Println()
}
