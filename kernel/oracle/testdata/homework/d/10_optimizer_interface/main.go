package main

import (
	"errors"
	"fmt"
	"math"
)

type Optimizer interface {
	Step(params, grads []float64) error
	Name() string
}

type DimError struct {
	Params, Grads int
}

func (e *DimError) Error() string {
	return fmt.Sprintf("dimension mismatch: %d params vs %d grads", e.Params, e.Grads)
}

func check(p, g []float64) error {
	if len(p) != len(g) {
		return &DimError{len(p), len(g)}
	}
	return nil
}

type SGD struct{ LR float64 }

func (o *SGD) Name() string { return "SGD" }
func (o *SGD) Step(p, g []float64) error {
	if err := check(p, g); err != nil {
		return err
	}
	for i := range p {
		p[i] -= o.LR * g[i]
	}
	return nil
}

type Momentum struct {
	LR, Beta float64
	v        []float64
}

func (o *Momentum) Name() string { return "Momentum" }
func (o *Momentum) Step(p, g []float64) error {
	if err := check(p, g); err != nil {
		return err
	}
	if o.v == nil {
		o.v = make([]float64, len(p))
	}
	for i := range p {
		o.v[i] = o.Beta*o.v[i] + g[i]
		p[i] -= o.LR * o.v[i]
	}
	return nil
}

type RMSProp struct {
	LR, Rho, Eps float64
	s            []float64
}

func (o *RMSProp) Name() string { return "RMSProp" }
func (o *RMSProp) Step(p, g []float64) error {
	if err := check(p, g); err != nil {
		return err
	}
	if o.s == nil {
		o.s = make([]float64, len(p))
	}
	for i := range p {
		o.s[i] = o.Rho*o.s[i] + (1-o.Rho)*g[i]*g[i]
		p[i] -= o.LR * g[i] / (math.Sqrt(o.s[i]) + o.Eps)
	}
	return nil
}

type Adam struct {
	LR, B1, B2, Eps float64
	m, v            []float64
	t               int
}

func (o *Adam) Name() string { return "Adam" }
func (o *Adam) Step(p, g []float64) error {
	if err := check(p, g); err != nil {
		return err
	}
	if o.m == nil {
		o.m, o.v = make([]float64, len(p)), make([]float64, len(p))
	}
	o.t++
	for i := range p {
		o.m[i] = o.B1*o.m[i] + (1-o.B1)*g[i]
		o.v[i] = o.B2*o.v[i] + (1-o.B2)*g[i]*g[i]
		mh := o.m[i] / (1 - math.Pow(o.B1, float64(o.t)))
		vh := o.v[i] / (1 - math.Pow(o.B2, float64(o.t)))
		p[i] -= o.LR * mh / (math.Sqrt(vh) + o.Eps)
	}
	return nil
}

func rosen(x []float64) (float64, []float64) {
	a, b := 1-x[0], x[1]-x[0]*x[0]
	return a*a + 100*b*b, []float64{-2*a - 400*x[0]*b, 200 * b}
}

func main() {
	opts := []Optimizer{
		&SGD{LR: 1e-3},
		&Momentum{LR: 1e-4, Beta: 0.9},
		&RMSProp{LR: 1e-3, Rho: 0.9, Eps: 1e-8},
		&Adam{LR: 1e-2, B1: 0.9, B2: 0.999, Eps: 1e-8},
	}
	fmt.Printf("%-9s %12s %12s %12s\n", "method", "f@500", "f@5000", "dist")
	for _, o := range opts {
		x := []float64{-1.5, 2}
		var f500 float64
		for k := 1; k <= 5000; k++ {
			_, g := rosen(x)
			if err := o.Step(x, g); err != nil {
				fmt.Println("error:", err)
				return
			}
			if k == 500 {
				f500, _ = rosen(x)
			}
		}
		f, _ := rosen(x)
		fmt.Printf("%-9s %12.4e %12.4e %12.4e\n", o.Name(), f500, f, math.Hypot(x[0]-1, x[1]-1))
	}

	// a deliberate mistake: gradient with the wrong length
	var err error = opts[3].Step([]float64{1, 2, 3}, []float64{0.1, 0.2})
	wrapped := fmt.Errorf("training step 17: %w", err)
	fmt.Println(wrapped)
	var de *DimError
	if errors.As(wrapped, &de) {
		fmt.Printf("caught DimError: params=%d grads=%d\n", de.Params, de.Grads)
	}
	fmt.Printf("type of optimizer 2: %T\n", opts[2])
}
