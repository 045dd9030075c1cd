package main

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
)

var ErrNotConverged = errors.New("eigen iteration did not converge")

type EigenPair struct {
	Value  float64
	Vector *mat.VecDense
	Iters  int
}

func (e EigenPair) String() string {
	return fmt.Sprintf("lambda=%.8f after %d iterations, v=%.5f", e.Value, e.Iters, e.Vector.RawVector().Data)
}

type trace struct {
	every int
	rows  []string
}

func (t *trace) add(k int, lambda, change float64) {
	if t == nil || k%t.every != 0 {
		return
	}
	t.rows = append(t.rows, fmt.Sprintf("  %3d  %.10f  %.2e", k, lambda, change))
}

func normalize(v *mat.VecDense) {
	v.ScaleVec(1/mat.Norm(v, 2), v)
	// fix the sign so the largest-magnitude component is positive
	idx := 0
	for i := 0; i < v.Len(); i++ {
		if math.Abs(v.AtVec(i)) > math.Abs(v.AtVec(idx)) {
			idx = i
		}
	}
	if v.AtVec(idx) < 0 {
		v.ScaleVec(-1, v)
	}
}

func rayleigh(A mat.Symmetric, v *mat.VecDense) float64 {
	var av mat.VecDense
	av.MulVec(A, v)
	return mat.Dot(v, &av) / mat.Dot(v, v)
}

func powerIteration(A mat.Symmetric, tol float64, maxIt int, tr *trace) (EigenPair, error) {
	n := A.SymmetricDim()
	v := mat.NewVecDense(n, nil)
	for i := 0; i < n; i++ {
		v.SetVec(i, 1)
	}
	normalize(v)
	lambda := 0.0
	for k := 1; k <= maxIt; k++ {
		var w mat.VecDense
		w.MulVec(A, v)
		normalize(&w)
		v = &w
		next := rayleigh(A, v)
		change := math.Abs(next - lambda)
		tr.add(k, next, change)
		lambda = next
		if change < tol {
			return EigenPair{lambda, v, k}, nil
		}
	}
	return EigenPair{lambda, v, maxIt}, ErrNotConverged
}

// inverseIteration finds the eigenvalue closest to shift.
func inverseIteration(A mat.Symmetric, shift, tol float64, maxIt int) (EigenPair, error) {
	n := A.SymmetricDim()
	B := mat.NewDense(n, n, nil)
	B.Copy(A)
	for i := 0; i < n; i++ {
		B.Set(i, i, B.At(i, i)-shift)
	}
	var lu mat.LU
	lu.Factorize(B)
	v := mat.NewVecDense(n, nil)
	for i := 0; i < n; i++ {
		v.SetVec(i, float64(i+1))
	}
	normalize(v)
	lambda := rayleigh(A, v)
	for k := 1; k <= maxIt; k++ {
		var w mat.VecDense
		if err := lu.SolveVecTo(&w, false, v); err != nil {
			return EigenPair{}, fmt.Errorf("shift %.3f is (nearly) an eigenvalue: %w", shift, err)
		}
		normalize(&w)
		v = &w
		next := rayleigh(A, v)
		if math.Abs(next-lambda) < tol {
			return EigenPair{next, v, k}, nil
		}
		lambda = next
	}
	return EigenPair{lambda, v, maxIt}, ErrNotConverged
}

func main() {
	A := mat.NewSymDense(4, []float64{
		6, 2, 1, 0,
		2, 5, 2, 1,
		1, 2, 4, 1,
		0, 1, 1, 3,
	})
	fmt.Printf("A =\n%v\n\n", mat.Formatted(A))

	tr := &trace{every: 5}
	top, err := powerIteration(A, 1e-12, 500, tr)
	if err != nil {
		fmt.Println("power iteration:", err)
	}
	fmt.Println("power iteration convergence (every 5th step):")
	fmt.Println("    k  lambda_k      |change|")
	for _, r := range tr.rows {
		fmt.Println(r)
	}
	fmt.Printf("dominant: %v\n\n", top)

	var es mat.EigenSym
	if !es.Factorize(A, true) {
		fmt.Println("EigenSym failed")
		return
	}
	vals := es.Values(nil)
	sort.Float64s(vals)
	fmt.Printf("mat.EigenSym values: %.8f\n", vals)
	ratio := math.Abs(vals[2] / vals[3])
	fmt.Printf("|l2/l1| = %.4f -> expected error reduction per step in lambda ~ %.4f\n\n", ratio, ratio*ratio)

	fmt.Println("shifted inverse iteration:")
	for _, shift := range []float64{0, 2.5, 4, 9} {
		p, err := inverseIteration(A, shift, 1e-12, 1000)
		if err != nil {
			fmt.Printf("  shift %.1f: %v\n", shift, err)
			continue
		}
		nearest := vals[0]
		for _, v := range vals {
			if math.Abs(v-shift) < math.Abs(nearest-shift) {
				nearest = v
			}
		}
		fmt.Printf("  shift %.1f -> lambda=%.8f (%2d it), matches EigenSym: %v\n",
			shift, p.Value, p.Iters, math.Abs(p.Value-nearest) < 1e-9)
	}

	var vecs mat.Dense
	es.VectorsTo(&vecs)
	ref := mat.VecDenseCopyOf(vecs.ColView(3))
	normalize(ref)
	var d mat.VecDense
	d.SubVec(ref, top.Vector)
	fmt.Printf("\ndominant eigenvector matches EigenSym (sign fixed): %v\n", mat.Norm(&d, 2) < 1e-6)
}
